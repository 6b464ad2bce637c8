import { DataFrame } from '@grafana/data';
import { jsonAnswer, UpstreamAnswer } from '../../tests/grafana/backendSrv';
import { request } from './testing/fakes';
import { fixture } from './testing/fixtures';
import { fixtureAnswer, grafanaClient } from './testing/grafana';
import { QueryType, RustyDBQuery } from './types';

/** The defects of issue 13, each as a user's browser would receive the answer (through the Grafana model). */

const POOL = fixture('pool-default.json') as Record<string, unknown>;
const notices = (frames: DataFrame[]) => frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
const ARTEFACT = /undefined|\[object Object\]|\bnull\b|NaN|Infinity/;

function everyText(frames: DataFrame[]): string[] {
  return frames.flatMap((frame) => [
    frame.name ?? '',
    ...notices([frame]),
    ...frame.fields.flatMap((field) => [
      field.config.displayNameFromDS ?? '',
      ...Object.values(field.labels ?? {}),
      ...(field.type === 'string' ? (field.values as unknown[]).map((v) => (v === null ? '' : String(v))) : []),
    ]),
  ]);
}

function everyNumber(frames: DataFrame[]): unknown[] {
  return frames.flatMap((frame) =>
    frame.fields.filter((f) => f.type === 'number' || f.type === 'time').flatMap((f) => Array.from(f.values))
  );
}

async function run(query: Partial<RustyDBQuery>, upstream: (path: string) => UpstreamAnswer) {
  const { client, grafana } = grafanaClient(upstream);
  const result = await client.run([{ refId: 'A', ...query }]);
  return { ...result, grafana };
}

describe('pool stats', () => {
  it('a pool with an empty id in /pools is named in a notice; the other pools still show', async () => {
    const { frames, errors } = await run({ queryType: QueryType.PoolStats }, (path) =>
      path === '/api/v1/pools'
        ? jsonAnswer([{ ...POOL, pool_id: '' }, POOL, { ...POOL, pool_id: { id: 1 } }])
        : fixtureAnswer('/api/v1/pools/default/stats')
    );
    expect(errors).toEqual([]);
    expect(frames.map((f) => f.name)).toEqual(['pool default']);
    expect(notices(frames)).toContain(
      '/api/v1/pools: "pool_id" is missing, empty or not an id in 2 entries (entry 1: string ""; entry 3: an object); skipped.'
    );
  });

  it('no usable id in /pools: an error that says so, not a blank panel', async () => {
    const { frames, errors } = await run({ queryType: QueryType.PoolStats }, () =>
      jsonAnswer([
        { ...POOL, pool_id: null },
        { ...POOL, pool_id: ' ' },
      ])
    );
    expect(frames).toEqual([]);
    expect(errors.map((e) => e.message)).toEqual([
      'None of the 2 entries of /api/v1/pools has a usable pool_id, so no pool stats were requested. Check the RustyDB version (v0.6.5 sends one per pool).',
    ]);
  });

  it('100,000 pools: at most 20 stats requests, never more than 5 in flight, and a notice', async () => {
    const pools = Array.from({ length: 100_000 }, (_, i) => ({ pool_id: `p${String(i).padStart(6, '0')}` }));
    const { frames, errors, grafana } = await run({ queryType: QueryType.PoolStats }, (path) =>
      path === '/api/v1/pools' ? jsonAnswer(pools) : { ...fixtureAnswer('/api/v1/pools/default/stats'), delayMs: 5 }
    );
    expect(errors).toEqual([]);
    expect(frames).toHaveLength(20);
    expect(grafana.requests).toHaveLength(21);
    expect(grafana.queue.maxInFlight).toBeLessThanOrEqual(5);
    expect(notices(frames)).toContainEqual(expect.stringMatching(/^Showing the stats of 20 of 10000 pools/));
  });

  it('an unknown pool: a short message, not a list of every pool', async () => {
    const pools = Array.from({ length: 10_000 }, (_, i) => ({ ...POOL, pool_id: `pool-with-a-long-name-${i}` }));
    const { errors } = await run({ queryType: QueryType.PoolStats, poolIds: ['nope'] }, () => jsonAnswer(pools));
    expect(errors[0].message).toMatch(/^Pool "nope" is not one of RustyDB's pools \(10000 pools, e\.g\. /);
    expect(errors[0].message?.length).toBeLessThan(400);
  });
});

describe('no garbage in frames', () => {
  it('times that overflow and numbers like 1e999 become empty cells with a notice, never Infinity', async () => {
    const body =
      '{"replicas":[{"replica_id":"r1","node_id":"n","lag_ms":1e999,"lag_bytes":"1e999","state":"s","last_sync":1e306}]}';
    const { frames } = await run({ queryType: QueryType.Replication, view: 'lag' }, () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body,
    }));
    expect(everyNumber(frames).every((v) => v === null || Number.isFinite(v))).toBe(true);
    expect(notices(frames).join('\n')).toMatch(/"last_sync" is not a time in epoch seconds/);
  });

  it('missing or object-valued ids never become labels such as "replica null" or "Node ([object Object])"', async () => {
    const replicas = [
      { replica_id: null, node_id: 'n1', lag_ms: 1, lag_bytes: 1, state: 's', last_sync: 1767002400 },
      { node_id: 'n2', lag_ms: 1, lag_bytes: 1, state: 's', last_sync: 1767002400 },
      { replica_id: { a: 1 }, node_id: 'n3', lag_ms: 1, lag_bytes: 1, state: 's', last_sync: 1767002400 },
      { replica_id: 'r4', node_id: 'n4', lag_ms: 1, lag_bytes: 1, state: 's', last_sync: 1767002400 },
    ];
    const { frames } = await run({ queryType: QueryType.Replication, view: 'lag' }, () => jsonAnswer({ replicas }));
    expect(frames.map((f) => f.name)).toEqual(['replica r4']);
    expect(everyText(frames).filter((t) => /\[object Object\]|undefined|replica null/.test(t))).toEqual([]);
    expect(notices(frames).join('\n')).toMatch(/"replica_id" is missing, empty or not an id in 3 entries/);
  });

  it('object values are never printed as "[object Object]" into text cells', async () => {
    const body = fixture('health-full.json') as Record<string, Record<string, unknown>>;
    const readiness = { ...body.readiness, dependencies: { database: { ok: true } } };
    const { frames } = await run({ queryType: QueryType.Health, view: 'probes' }, () =>
      jsonAnswer({ ...body, readiness })
    );
    expect(everyText(frames).filter((t) => t.includes('[object Object]'))).toEqual([]);
    expect(everyText(frames).join('\n')).toMatch(/database \{"ok":true\}/);
  });
});

describe('no blank panel', () => {
  it('a raw GET answered by an empty JSON 200 is an error naming the empty answer', async () => {
    const { frames, errors } = await run({ queryType: QueryType.Raw, path: '/api/v1/network/stats' }, () => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '',
    }));
    expect(frames).toEqual([]);
    expect(errors[0].message).toMatch(/empty response for \/api\/v1\/network\/stats/);
  });
});

describe('Save & test', () => {
  it('a check without status or message never reads "undefined"', async () => {
    const health = { status: 'degraded', checks: { db: { message: { code: 1 } }, disk: {} } };
    const { client } = grafanaClient((path) => (path.endsWith('/health') ? jsonAnswer(health) : jsonAnswer({})));
    const result = await client.testDatasource();
    expect(result.message).not.toMatch(ARTEFACT);
    expect(result.message).toMatch(/db without a status/);
  });

  it("a RustyDB 401 (Grafana's 400) gets credentials advice", async () => {
    const { client } = grafanaClient(() => jsonAnswer(fixture('error-unauthorized.json'), 401));
    const result = await client.testDatasource();
    expect(result.message).toMatch(/Grafana's data-source proxy reports as HTTP 400.*Set a valid bearer token/);
  });
});

describe('throttling, timeouts and cancellation', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const throttled = jsonAnswer(fixture('error-rate-limit-exceeded.json'), 500);

  it('pool stats under throttling: one retry budget for the whole query, ended within its timeout', async () => {
    const { client, grafana } = grafanaClient(() => ({ ...throttled, delayMs: 400 }), { timeoutSeconds: 3 });
    let settled = false;
    const result = client.run([{ refId: 'A', queryType: QueryType.PoolStats }]).finally(() => (settled = true));
    await jest.advanceTimersByTimeAsync(3000);
    expect(settled).toBe(true);
    const { errors } = await result;
    expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/^RustyDB is throttling requests/)]);
    // The first attempt and at most 3 retries, for /pools and its stats together.
    expect(grafana.requests.length).toBeLessThanOrEqual(4);
  });

  it('a query that never gets an answer ends at its timeout, and leaves no timer behind', async () => {
    const { client } = grafanaClient(() => ({ ...jsonAnswer({}), delayMs: 3_600_000 }), { timeoutSeconds: 2 });
    const result = client.run([{ refId: 'A', queryType: QueryType.PoolStats }]);
    await jest.advanceTimersByTimeAsync(2000);
    const { errors } = await result;
    expect(errors[0].message).toMatch(/did not answer \/api\/v1\/pools within 2 s/);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('unsubscribing cancels the requests in flight, those waiting, and the retry sleeps', async () => {
    let n = 0;
    const { client, grafana } = grafanaClient((path) =>
      path === '/api/v1/pools'
        ? jsonAnswer(Array.from({ length: 12 }, (_, i) => ({ ...POOL, pool_id: `p${i}` })))
        : n++ < 3
          ? throttled
          : { ...fixtureAnswer('/api/v1/pools/default/stats'), delayMs: 60_000 }
    );
    const subscription = client.query(request([{ refId: 'A', queryType: QueryType.PoolStats }])).subscribe();
    await jest.advanceTimersByTimeAsync(100);
    expect(grafana.queue.inFlight).toBe(5);
    subscription.unsubscribe();
    await jest.advanceTimersByTimeAsync(0);
    expect(grafana.queue.inFlight).toBe(0);
    expect(grafana.aborted).toBeGreaterThan(0);
    const made = grafana.requests.length;
    await jest.advanceTimersByTimeAsync(120_000);
    expect(grafana.requests.length).toBe(made);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('a live stream that goes away cancels its poll: the request in flight and the retry sleep', async () => {
    const { client, grafana } = grafanaClient((path) =>
      path === '/api/v1/stats/performance' && grafana.requests.length === 1
        ? throttled
        : { ...fixtureAnswer('/api/v1/stats/performance'), delayMs: 60_000 }
    );
    const subscription = client
      .query(request([{ refId: 'A', queryType: QueryType.Performance, live: true, intervalMs: 1000 }]))
      .subscribe();
    await jest.advanceTimersByTimeAsync(10);
    // Throttled once: the poll now sleeps before its retry.
    expect(grafana.requests).toHaveLength(1);
    subscription.unsubscribe();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(grafana.requests).toHaveLength(1);
    expect(jest.getTimerCount()).toBe(0);
  });
});
