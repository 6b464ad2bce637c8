import { DataFrame, DataQueryResponse, LoadingState } from '@grafana/data';
import { NEVER, Subscription } from 'rxjs';
import { RustyDBClient } from '../client';
import { fakeFetch, FakeAnswer, fakeReplace, PROXY, request } from '../testing/fakes';
import { fixtureFor } from '../testing/fixtures';
import { QueryType, RustyDBQuery } from '../types';

let clock = 1767002400_000;
let variables: Record<string, string | string[]> = {};

function setup(
  answer: (path: string, n: number) => FakeAnswer | typeof NEVER = (path) => ({ data: fixtureFor(path, 'plain') }),
  renderMode = () => false
) {
  let n = 0;
  const { fetch, calls } = fakeFetch((path) => answer(path, n++));
  const client = new RustyDBClient(
    { url: PROXY, uid: 'ds', jsonData: { serverUrl: 'http://rustydb:8080', liveIntervalMs: 2000 } },
    { fetch, now: () => clock, replace: (...args) => fakeReplace(variables)(...args), renderMode }
  );
  return { client, calls, fetch };
}

function subscribe(client: RustyDBClient, target: Partial<RustyDBQuery>, extra = {}) {
  const packets: DataQueryResponse[] = [];
  // Live frames are ring buffers that keep growing: record their row counts as they were when emitted.
  const rows: number[][] = [];
  const subscription: Subscription = client
    .query(request([{ refId: 'A', live: true, ...target }], { panelId: 7, maxDataPoints: 1000, ...extra }))
    .subscribe((p) => {
      packets.push(p);
      rows.push(p.data.map((f: DataFrame) => f.length));
    });
  return { packets, rows, subscription };
}

const values = (frame: DataFrame, name: string) => Array.from(frame.fields.find((f) => f.name === name)!.values);

async function tick(ms: number) {
  clock += ms;
  await jest.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  jest.useFakeTimers();
  variables = {};
  clock = 1767002400_000;
});
afterEach(() => jest.useRealTimers());

describe('live mode', () => {
  it('runs once and ends while the page is being rendered, so image rendering does not wait for ever', async () => {
    const { client, calls } = setup(undefined, () => true);
    let completed = false;
    const packets: DataQueryResponse[] = [];
    client
      .query(request([{ refId: 'A', live: true, queryType: QueryType.Performance, intervalMs: 1000 }]))
      .subscribe({ next: (p) => packets.push(p), complete: () => (completed = true) });
    await tick(0);
    await tick(5000);
    expect(calls).toHaveLength(1);
    expect(packets.map((p) => p.state)).toEqual([LoadingState.Done]);
    expect(completed).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('polls at the interval and streams a growing time series under one stable key', async () => {
    const { client, calls } = setup();
    const { packets, subscription } = subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 });
    await tick(0);
    await tick(1000);
    await tick(1000);
    expect(calls).toHaveLength(3);
    expect(packets).toHaveLength(3);
    expect(new Set(packets.map((p) => p.key)).size).toBe(1);
    expect(packets.every((p) => p.state === LoadingState.Streaming)).toBe(true);
    const frame = packets[2].data[0] as DataFrame;
    expect(frame.length).toBe(3);
    expect(values(frame, 'time')).toEqual([1767002400_000, 1767002401_000, 1767002402_000]);
    expect(values(frame, 'cpu_usage_percent')).toEqual([7.3, 7.3, 7.3]);
    subscription.unsubscribe();
  });

  it("uses the data source's default interval, and never polls faster than once a second", async () => {
    const { client, calls } = setup();
    const slow = subscribe(client, { queryType: QueryType.Performance });
    await tick(0);
    await tick(1999);
    expect(calls).toHaveLength(1);
    await tick(1);
    expect(calls).toHaveLength(2);
    slow.subscription.unsubscribe();

    const fast = subscribe(client, { queryType: QueryType.Health, intervalMs: 10 });
    await tick(0);
    await tick(999);
    expect(calls.filter((c) => c.endsWith('/admin/health'))).toHaveLength(1);
    fast.subscription.unsubscribe();
  });

  it('keeps a bounded history (a ring buffer of maxDataPoints)', async () => {
    const { client } = setup();
    const { packets, subscription } = subscribe(
      client,
      { queryType: QueryType.Performance, intervalMs: 1000 },
      { maxDataPoints: 3 }
    );
    await tick(0);
    for (let i = 0; i < 5; i++) {
      await tick(1000);
    }
    const frame = packets[packets.length - 1].data[0] as DataFrame;
    expect(frame.length).toBe(3);
    expect(values(frame, 'time')).toEqual([1767002403_000, 1767002404_000, 1767002405_000]);
    subscription.unsubscribe();
  });

  it('clears its timer on unsubscribe and ignores a poll still in flight', async () => {
    const { client, calls } = setup();
    const { packets, subscription } = subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 });
    await tick(0);
    expect(jest.getTimerCount()).toBeGreaterThan(0);
    subscription.unsubscribe();
    expect(jest.getTimerCount()).toBe(0);
    await tick(10_000);
    expect(calls).toHaveLength(1);
    expect(packets).toHaveLength(1);
  });

  it('never overlaps polls when the server is slower than the interval', async () => {
    const { client, calls } = setup(() => NEVER);
    const { subscription } = subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 });
    await tick(0);
    await tick(5000);
    // The one request is still waiting (it times out after the 10 s default): no second poll has started.
    expect(calls).toHaveLength(1);
    subscription.unsubscribe();
    // The request in flight ends at its own timeout; the poller starts nothing after it.
    await tick(20_000);
    expect(calls).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('keeps streaming through a failed poll: the error is shown, the history kept, the next poll recovers', async () => {
    const { client } = setup((path, n) => (n === 1 ? { status: 502, data: '' } : { data: fixtureFor(path, 'plain') }));
    const { packets, rows, subscription } = subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 });
    await tick(0);
    await tick(1000);
    await tick(1000);
    expect(packets[1].errors?.[0].message).toMatch(/Grafana could not reach RustyDB/);
    expect(packets[2].errors).toBeUndefined();
    expect(rows).toEqual([[1], [1], [2]]);
    subscription.unsubscribe();
  });

  it('continues the same history when the panel re-subscribes with the same query (dashboard refresh)', async () => {
    const { client } = setup();
    const first = subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 });
    await tick(0);
    await tick(1000);
    first.subscription.unsubscribe();
    const second = subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 });
    await tick(0);
    expect(second.packets[0].key).toBe(first.packets[0].key);
    expect(second.rows).toEqual([[3]]);
    second.subscription.unsubscribe();
  });

  it('starts a new stream (new key, empty history) when a variable or the time range changes', async () => {
    const { client } = setup();
    variables = { pool: 'default' };
    const a = subscribe(client, { queryType: QueryType.PoolStats, poolIds: ['$pool'], intervalMs: 1000 });
    await tick(0);
    await tick(1000);
    a.subscription.unsubscribe();

    variables = { pool: 'readonly' };
    const b = subscribe(client, { queryType: QueryType.PoolStats, poolIds: ['$pool'], intervalMs: 1000 });
    await tick(0);
    expect(b.packets[0].key).not.toBe(a.packets[0].key);
    expect(b.packets[0].data.map((f) => (f as DataFrame).name)).toEqual(['pool readonly']);
    expect(b.rows).toEqual([[1]]);
    b.subscription.unsubscribe();

    const range = request([]).range;
    const c = subscribe(
      client,
      { queryType: QueryType.PoolStats, poolIds: ['$pool'], intervalMs: 1000 },
      { range: { ...range, raw: { from: 'now-5m', to: 'now' } } }
    );
    await tick(0);
    expect(c.packets[0].key).not.toBe(b.packets[0].key);
    c.subscription.unsubscribe();
  });

  it('shares one request between live panels polling the same endpoint', async () => {
    const { client, calls } = setup();
    const panels = [1, 2, 3].map((panelId) =>
      subscribe(client, { queryType: QueryType.Performance, intervalMs: 1000 }, { panelId })
    );
    await tick(0);
    await tick(1000);
    expect(calls).toHaveLength(2);
    panels.forEach((p) => p.subscription.unsubscribe());
  });

  it('replaces tables on each poll instead of growing them', async () => {
    const { client } = setup();
    const { rows, subscription } = subscribe(client, { queryType: QueryType.Pools, intervalMs: 1000 });
    await tick(0);
    await tick(1000);
    expect(rows).toEqual([[2], [2]]);
    subscription.unsubscribe();
  });
});

describe('settings that are not numbers', () => {
  it('fall back to the defaults instead of polling in a tight loop or timing out at once', async () => {
    const { fetch, calls } = fakeFetch((path) => ({ data: fixtureFor(path, 'plain') }));
    const client = new RustyDBClient(
      { url: PROXY, jsonData: { serverUrl: 'http://rustydb:8080', liveIntervalMs: NaN, timeoutSeconds: -1 } },
      { fetch, now: () => clock }
    );
    expect(client.liveIntervalMs).toBe(5000);
    const subscription = client
      .query(request([{ refId: 'A', queryType: QueryType.Performance, live: true }]))
      .subscribe();
    await tick(0);
    await tick(4999);
    expect(calls).toHaveLength(1);
    subscription.unsubscribe();
  });
});

describe('a live query that cannot expand', () => {
  it('streams its error instead of breaking the other targets', async () => {
    variables = { a: Array.from({ length: 20 }, (_, i) => `a${i}`), b: Array.from({ length: 20 }, (_, i) => `b${i}`) };
    const { client } = setup();
    const packets: DataQueryResponse[] = [];
    const subscription = client
      .query(
        request([
          { refId: 'A', queryType: QueryType.PoolStats, poolIds: ['$a$b'], live: true },
          { refId: 'B', queryType: QueryType.Performance },
        ])
      )
      .subscribe((p) => packets.push(p));
    await tick(0);
    expect(packets.find((p) => p.key === 'B')?.data).toHaveLength(1);
    expect(packets.find((p) => p.key !== 'B')?.errors?.[0].message).toMatch(/expands to more than 100 values/);
    subscription.unsubscribe();
  });
});
