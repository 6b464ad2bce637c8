/**
 * @jest-environment jsdom
 */
// @grafana/data needs a DOM to load; the datasource code runs here over real HTTP against the simulator.
import { DataFrame } from '@grafana/data';
import { RustyDBClient } from '../../src/datasource/client';
import { QUERY_TYPES } from '../../src/datasource/queryTypes';
import { QueryType, RustyDBOptions, RustyDBQuery } from '../../src/datasource/types';
import { Profile, RunningSimulator, startSimulator } from '../../simulator';
import { backendSrvOverHttp } from './backendSrvOverHttp';

const running: RunningSimulator[] = [];

async function simulator(profile: Profile, extra: Parameters<typeof startSimulator>[0] = {}) {
  const sim = await startSimulator({ profile, seed: 7, port: 0, metricsPort: null, ...extra });
  running.push(sim);
  return sim;
}

function clientFor(sim: RunningSimulator, jsonData: RustyDBOptions = {}, secureJsonData?: Record<string, string>) {
  const options = { serverUrl: sim.url, ...jsonData };
  const proxy = backendSrvOverHttp({ jsonData: options, secureJsonData, timeoutMs: 5000 });
  const client = new RustyDBClient({ url: proxy.base, uid: 'it', jsonData: options }, { fetch: proxy.fetch });
  return { client, proxy };
}

const notices = (frames: DataFrame[]) => frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
const value = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values[0];

/** Every query type and view, as a panel would ask. */
const ALL_QUERIES: RustyDBQuery[] = QUERY_TYPES.flatMap((info) =>
  (info.views?.map((v) => v.value) ?? [undefined]).map((view, i) => ({
    refId: `${info.value}-${view ?? i}`,
    queryType: info.value,
    view,
    ...(info.value === QueryType.Raw ? { path: '/api/v1/network/stats' } : {}),
  }))
);

afterAll(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

describe.each(['documented', 'v0.6.5'] as Profile[])('the datasource against the %s simulator', (profile) => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await simulator(profile);
  });
  afterEach(() => sim.clearFaults());

  it('runs every query type and view without an error or a shape problem', async () => {
    const { client } = clientFor(sim);
    for (const query of ALL_QUERIES) {
      const { frames, errors } = await client.run([query]);
      expect({ query: query.refId, errors }).toEqual({ query: query.refId, errors: [] });
      expect(frames.length).toBeGreaterThan(0);
      expect({
        query: query.refId,
        problems: notices(frames).filter((t) => /missing|wrong type|is null|not objects|came as text/.test(t)),
      }).toEqual({
        query: query.refId,
        problems: [],
      });
    }
  });

  it('passes "Save & test" with the server version', async () => {
    const { client } = clientFor(sim);
    const result = await client.testDatasource();
    expect(result.status).toBe('success');
    expect(result.message).toMatch(new RegExp(`^RustyDB \\S+ at ${sim.url} is healthy`));
  });

  it('a refresh of 20 panels over 3 endpoints costs 3 HTTP requests', async () => {
    const { client, proxy } = clientFor(sim);
    const kinds: Array<Partial<RustyDBQuery>> = [
      { queryType: QueryType.Performance },
      { queryType: QueryType.Health, view: 'status' },
      { queryType: QueryType.Health, view: 'checks' },
      { queryType: QueryType.Pools },
    ];
    await Promise.all(Array.from({ length: 20 }, (_, i) => client.run([{ refId: `P${i}`, ...kinds[i % 4] }])));
    expect(proxy.requests.sort()).toEqual([
      'GET /api/v1/admin/health',
      'GET /api/v1/pools',
      'GET /api/v1/stats/performance',
    ]);
  });

  it("reads each pool's stats from its own URL-encoded path", async () => {
    const { client, proxy } = clientFor(sim);
    const { frames, errors } = await client.run([{ refId: 'A', queryType: QueryType.PoolStats }]);
    expect(errors).toEqual([]);
    expect(frames.length).toBeGreaterThanOrEqual(2);
    expect(proxy.requests.filter((r) => r.endsWith('/stats'))).toHaveLength(frames.length);
  });

  it.each<[string, Parameters<RunningSimulator['setFaults']>[0], RegExp]>([
    ['server down', { down: true }, /Grafana could not reach RustyDB at http:\/\/127\.0\.0\.1:\d+ \(HTTP 502/],
    // Grafana's proxy turns RustyDB's 401 into its own 400 "Authentication to data source failed".
    [
      '401',
      { status: 401 },
      /refused the credentials .*answered 401, which Grafana's data-source proxy reports as HTTP 400/,
    ],
    ['403', { status: 403 }, /denied access .*HTTP 403: FORBIDDEN/],
    ['404', { status: 404 }, /\/api\/v1\/stats\/performance does not exist on the server .*HTTP 404: NOT_FOUND/],
    [
      '500 ApiError',
      { status: 500 },
      /RustyDB failed on \/api\/v1\/stats\/performance \(HTTP 500: INTERNAL_ERROR: Injected fault/,
    ],
    ['500 plain text', { status: 500, body: 'text' }, /HTTP 500: "Internal Server Error"/],
    ['HTML page', { body: 'html' }, /answered \/api\/v1\/stats\/performance with an HTML page/],
    ['empty body', { body: 'empty' }, /empty response for \/api\/v1\/stats\/performance \(HTTP 200; Grafana shows/],
    // A JSON content type makes Grafana call response.json(), whose SyntaxError carries no status and no body.
    ['truncated JSON', { body: 'truncated' }, /is not valid JSON although it says it is/],
    ['malformed JSON', { body: 'malformed' }, /is not valid JSON/],
  ])('explains a fault: %s', async (_name, faults, message) => {
    sim.setFaults(faults);
    const { client } = clientFor(sim);
    const { frames, errors } = await client.run([{ refId: 'A', queryType: QueryType.Performance }]);
    expect(frames).toEqual([]);
    expect(errors[0].message).toMatch(message);
  });

  it('times out a slow server with the configured timeout', async () => {
    sim.setFaults({ latencyMs: 1500 });
    const { client } = clientFor(sim, { timeoutSeconds: 0.5 });
    const { errors } = await client.run([{ refId: 'A', queryType: QueryType.Performance }]);
    expect(errors[0].message).toMatch(/did not answer \/api\/v1\/stats\/performance within 0\.5 s/);
  });

  it('reports a degraded server as a warning in "Save & test"', async () => {
    sim.setFaults({ health: 'degraded' });
    const { client } = clientFor(sim);
    const result = await client.testDatasource();
    expect(result.status).toBe('warning');
    expect(result.message).toMatch(/is reachable but degraded/);
  });

  it('sends the bearer token through the proxy route, never from the datasource code', async () => {
    const { client, proxy } = clientFor(
      sim,
      { authType: 'bearer' },
      { bearerToken: 'secret-token-that-is-long-enough-1234' }
    );
    const { errors } = await client.run([{ refId: 'A', queryType: QueryType.Cluster, view: 'nodes' }]);
    expect(errors).toEqual([]);
    expect(proxy.requests).toEqual(['GET /api/v1/cluster/nodes']);
  });
});

describe('profile differences the datasource must surface', () => {
  it('v0.6.5: warns that /pools/{id}/stats answered for "default" when "readonly" was asked', async () => {
    const sim = await simulator('v0.6.5');
    const { client } = clientFor(sim);
    const { frames } = await client.run([{ refId: 'A', queryType: QueryType.PoolStats, poolIds: ['readonly'] }]);
    expect(notices(frames)).toContainEqual(
      expect.stringContaining('Asked RustyDB for pool "readonly" but it answered for pool "default"')
    );
  });

  it("documented: a forced pool fault shows up in that pool's stats, without a mismatch warning", async () => {
    const sim = await simulator('documented');
    const { client } = clientFor(sim);
    const pools = (await client.metricFind('pools')).map((v) => String(v.value));
    sim.setFaults({ pool: { id: pools[0], active: 77, idle: 3, waiting: 9 } });
    const { frames } = await client.run([{ refId: 'A', queryType: QueryType.PoolStats, poolIds: [pools[0]] }]);
    expect([
      value(frames[0], 'active_connections'),
      value(frames[0], 'idle_connections'),
      value(frames[0], 'waiting_requests'),
    ]).toEqual([77, 3, 9]);
    expect(value(frames[0], 'utilisation')).toBeCloseTo(77 / 80);
    expect(notices(frames).join('\n')).not.toMatch(/answered for pool/);
  });

  it.each(['v0.6.5', 'documented'] as Profile[])(
    '%s rate limit (500 RATE_LIMIT_EXCEEDED / 429): throttled requests are retried with backoff, then succeed',
    async (profile) => {
      const sim = await simulator(profile, { rateLimitPerSecond: 2 });
      const { client, proxy } = clientFor(sim);
      const results = await Promise.all(
        [QueryType.Performance, QueryType.Pools, QueryType.ServerInfo, QueryType.Alerts].map((queryType) =>
          client.run([{ refId: queryType, queryType }])
        )
      );
      expect(results.flatMap((r) => r.errors)).toEqual([]);
      // Four endpoints, two allowed per second: the rest were throttled and asked again.
      expect(proxy.requests.length).toBeGreaterThan(4);
    }
  );

  it('live mode polls the real server and grows a series', async () => {
    const sim = await simulator('documented');
    const { client } = clientFor(sim);
    const { request } = await import('../../src/datasource/testing/fakes');
    const rows: number[] = [];
    // Waits for three polls however long a busy machine takes, rather than for a fixed time.
    await new Promise<void>((resolve) => {
      const subscription = client
        .query(request([{ refId: 'A', queryType: QueryType.Performance, live: true, intervalMs: 1000 }]))
        .subscribe((packet) => {
          rows.push(packet.data[0].length);
          if (rows.length === 3) {
            subscription.unsubscribe();
            resolve();
          }
        });
    });
    expect(rows).toEqual([1, 2, 3]);
  });
});
