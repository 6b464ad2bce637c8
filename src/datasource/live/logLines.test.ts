import { DataFrame, DataQueryResponse } from '@grafana/data';
import { RustyDBClient } from '../client';
import { fakeFetch, PROXY, request } from '../testing/fakes';
import { QueryType } from '../types';

let clock = 1767002400_000;

async function tick(ms: number) {
  clock += ms;
  await jest.advanceTimersByTimeAsync(ms);
}

beforeEach(() => {
  jest.useFakeTimers();
  clock = 1767002400_000;
});
afterEach(() => jest.useRealTimers());

describe('live logs', () => {
  it('stream new lines once each, although every poll answers the newest lines again, past the end of the range', async () => {
    // The server answers every line written so far: one more each second, the newest first.
    const written: Array<{ timestamp: number; level: string; message: string; context: object }> = [];
    const { fetch } = fakeFetch(() => {
      written.unshift({ timestamp: clock / 1000, level: 'INFO', message: `line ${written.length}`, context: {} });
      return { data: { entries: [...written], total_count: written.length, has_more: false } };
    });
    const client = new RustyDBClient(
      { url: PROXY, uid: 'ds', jsonData: { serverUrl: 'http://rustydb:8080' } },
      { fetch, now: () => clock }
    );
    const packets: DataQueryResponse[] = [];
    const bodies: string[][] = [];
    const subscription = client
      .query(
        request([{ refId: 'A', queryType: QueryType.Logs, live: true, intervalMs: 1000 }], {
          panelId: 1,
          maxDataPoints: 3,
        })
      )
      .subscribe((p) => {
        packets.push(p);
        bodies.push(Array.from((p.data[0] as DataFrame).fields.find((f) => f.name === 'body')!.values));
      });
    for (let i = 0; i < 5; i++) {
      await tick(i === 0 ? 0 : 1000);
    }
    subscription.unsubscribe();
    expect(bodies).toEqual([
      ['line 0'],
      ['line 1', 'line 0'],
      ['line 2', 'line 1', 'line 0'],
      ['line 3', 'line 2', 'line 1'],
      ['line 4', 'line 3', 'line 2'],
    ]);
    expect(new Set(packets.map((p) => p.key)).size).toBe(1);
  });
});
