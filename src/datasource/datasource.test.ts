import {
  CoreApp,
  DataFrame,
  DataQueryResponse,
  DataSourceInstanceSettings,
  dateTime,
  hasQueryModificationSupport,
  hasToggleableQueryFiltersSupport,
  LoadingState,
} from '@grafana/data';
import { lastValueFrom, toArray } from 'rxjs';
import { DataSource } from './datasource';
import { QUERY_VERSION } from './migration';
import { fakeFetch, FakeAnswer, fakeReplace, NOW, PROXY, request } from './testing/fakes';
import { fixture, fixtureFor } from './testing/fixtures';
import { QueryType, RustyDBOptions, RustyDBQuery } from './types';

let answer: (path: string) => FakeAnswer = (path) => ({ data: fixtureFor(path, 'populated') });
const backend = fakeFetch((path) => answer(path));
let variables: Record<string, string | string[]> = {};

jest.mock('@grafana/runtime', () => ({
  ...jest.requireActual('@grafana/runtime'),
  getBackendSrv: () => ({ fetch: backend.fetch }),
  getTemplateSrv: () => ({
    replace: (...args: Parameters<ReturnType<typeof fakeReplace>>) => fakeReplace(variables)(...args),
  }),
}));

function datasource(jsonData: RustyDBOptions = { serverUrl: 'http://rustydb:8080' }) {
  return new DataSource({
    uid: 'ds-uid',
    url: PROXY,
    jsonData,
    name: 'RustyDB',
    type: 'rustydb-stats-datasource',
  } as unknown as DataSourceInstanceSettings<RustyDBOptions>);
}

async function responses(ds: DataSource, targets: RustyDBQuery[], extra = {}): Promise<DataQueryResponse[]> {
  return lastValueFrom(ds.query(request(targets, extra)).pipe(toArray()));
}

const paths = () => backend.calls.map((c) => c.replace(`${PROXY}/anon`, ''));

beforeEach(() => {
  backend.calls.length = 0;
  backend.fetch.mockClear();
  answer = (path) => ({ data: fixtureFor(path, 'populated') });
  variables = {};
});

describe('DataSource.query', () => {
  it('answers each target with its own keyed response through the proxy route of its auth type', async () => {
    const ds = datasource({ serverUrl: 'http://rustydb:8080', authType: 'bearer' });
    const out = await responses(ds, [
      { refId: 'A', queryType: QueryType.Performance },
      { refId: 'B', queryType: QueryType.Alerts },
    ]);
    expect(out.map((r) => [r.key, r.state, r.data.length])).toEqual([
      ['A', LoadingState.Done, 1],
      ['B', LoadingState.Done, 1],
    ]);
    expect(backend.calls.every((c) => c.startsWith(`${PROXY}/bearer/api/v1/`))).toBe(true);
  });

  it('skips hidden targets and defaults a target without a type to performance', async () => {
    const out = await responses(datasource(), [
      { refId: 'A', hide: true, queryType: QueryType.Alerts },
      { refId: 'B' },
    ]);
    expect(out).toHaveLength(1);
    expect(paths()).toEqual(['/api/v1/stats/performance']);
  });

  it('turns a failure into an error on its target only', async () => {
    answer = (path) => (path.includes('alerts') ? { status: 502, data: '' } : { data: fixtureFor(path, 'plain') });
    const out = await responses(datasource(), [
      { refId: 'A', queryType: QueryType.Performance },
      { refId: 'B', queryType: QueryType.Alerts },
    ]);
    const failed = out.find((r) => r.key === 'B')!;
    expect(failed.state).toBe(LoadingState.Error);
    expect(failed.errors?.[0]).toMatchObject({
      refId: 'B',
      status: 502,
      message: expect.stringMatching(/Grafana could not reach RustyDB at http:\/\/rustydb:8080/),
    });
    expect(out.find((r) => r.key === 'A')!.state).toBe(LoadingState.Done);
  });

  it('says what to do when the data source has no server URL, without a request', async () => {
    const out = await responses(datasource({}), [{ refId: 'A', queryType: QueryType.Performance }]);
    expect(out[0].errors?.[0].message).toMatch(/no server URL/);
    expect(backend.fetch).not.toHaveBeenCalled();
  });

  it('says which query type is unknown', async () => {
    const out = await responses(datasource(), [{ refId: 'A', queryType: 'nonsense' }]);
    expect(out[0].errors?.[0].message).toBe(
      'Unknown query type "nonsense". Pick one in the query editor (or check the variable it comes from).'
    );
  });

  it('reports an unknown view', async () => {
    const out = await responses(datasource(), [{ refId: 'A', queryType: QueryType.Transactions, view: 'bogus' }]);
    expect(out[0].errors?.[0].message).toMatch(
      /There is no view "bogus" for this query type; choose one of: active, lockSummary, locks, waiters, deadlocks/
    );
  });
});

describe('request sharing', () => {
  it('a refresh of 20 panels reading 3 endpoints makes 3 requests', async () => {
    const ds = datasource();
    const kinds = [
      { queryType: QueryType.Performance },
      { queryType: QueryType.Health, view: 'status' },
      { queryType: QueryType.Health, view: 'checks' },
      { queryType: QueryType.Pools },
    ];
    const panels = Array.from({ length: 20 }, (_, i) =>
      responses(ds, [{ refId: 'A', ...kinds[i % kinds.length] }], { panelId: i })
    );
    const all = await Promise.all(panels);
    expect(all.every((r) => r[0].state === LoadingState.Done)).toBe(true);
    expect(backend.fetch).toHaveBeenCalledTimes(3);
    expect(new Set(paths())).toEqual(new Set(['/api/v1/stats/performance', '/api/v1/admin/health', '/api/v1/pools']));
  });

  it('retries a throttled request for everyone at once: 20 panels, 1 endpoint, 1 + retries requests', async () => {
    let throttled = 2;
    answer = (path) =>
      throttled-- > 0
        ? { status: 500, data: fixture('error-rate-limit-exceeded.json') }
        : { data: fixtureFor(path, 'plain') };
    jest.useFakeTimers();
    try {
      const ds = datasource();
      const panels = Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          responses(ds, [{ refId: 'A', queryType: QueryType.Performance }], { panelId: i })
        )
      );
      await jest.advanceTimersByTimeAsync(5000);
      const all = await panels;
      expect(all.every((r) => r[0].state === LoadingState.Done)).toBe(true);
      expect(backend.fetch).toHaveBeenCalledTimes(3);
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('template variables', () => {
  it('fans a multi-value pool variable out into one request per pool', async () => {
    variables = { pool: ['default', 'readonly'] };
    const out = await responses(datasource(), [{ refId: 'A', queryType: QueryType.PoolStats, poolIds: ['$pool'] }]);
    expect(out[0].data.map((f) => f.name)).toEqual(['pool default', 'pool readonly']);
    expect(paths()).toEqual(['/api/v1/pools', '/api/v1/pools/default/stats', '/api/v1/pools/readonly/stats']);
  });

  it('treats All as every value the variable offers, and a custom all value as no filter', async () => {
    variables = { pool: ['readonly', 'default'] };
    const all = await responses(datasource(), [{ refId: 'A', queryType: QueryType.PoolStats, poolIds: ['${pool}'] }]);
    expect(all[0].data).toHaveLength(2);
    variables = { pool: '*' };
    backend.calls.length = 0;
    const custom = await responses(datasource(), [{ refId: 'A', queryType: QueryType.PoolStats, poolIds: ['$pool'] }]);
    expect(custom[0].data).toHaveLength(2);
  });

  it('interpolates scoped variables (repeated panels) before dashboard ones', async () => {
    variables = { pool: ['default', 'readonly'] };
    const out = await responses(datasource(), [{ refId: 'A', queryType: QueryType.PoolStats, poolIds: ['$pool'] }], {
      scopedVars: { pool: { text: 'readonly', value: 'readonly' } },
    });
    expect(out[0].data.map((f) => f.name)).toEqual(['pool readonly']);
  });

  it('filters cluster nodes, replicas and levels by their variables', async () => {
    variables = { node: ['node-local'], replica: ['replica-2'], level: ['warn'] };
    const out = await responses(datasource(), [
      { refId: 'A', queryType: QueryType.Cluster, view: 'nodes', nodeIds: ['$node'] },
      { refId: 'B', queryType: QueryType.Replication, view: 'lag', replicaIds: ['$replica'] },
      { refId: 'C', queryType: QueryType.Logs, levels: ['$level'] },
    ]);
    const byKey = Object.fromEntries(out.map((r) => [r.key, r.data]));
    expect(byKey.A[0].length).toBe(1);
    expect(byKey.B.map((f: DataFrame) => f.name)).toEqual(['replica replica-2']);
    expect(byKey.C[0].length).toBe(1);
  });

  it('runs every query type a multi-value type variable selects', async () => {
    variables = { type: [QueryType.Performance, QueryType.ServerInfo] };
    const out = await responses(datasource(), [{ refId: 'A', queryType: '$type' }]);
    expect(out[0].data.map((f: DataFrame) => f.name)).toEqual(['performance', 'server info']);
  });

  it('fans multi-value audit filters out into one request per combination, each value encoded', async () => {
    variables = { user: ['mallory', 'app user&x=1'] };
    await responses(datasource(), [
      { refId: 'A', queryType: QueryType.Security, view: 'auditLogs', audit: { userId: '$user', limit: 50 } },
    ]);
    expect(paths()).toEqual([
      '/api/v1/security/audit/logs?start_time=1766998800&end_time=1767002400&limit=50&user_id=mallory',
      '/api/v1/security/audit/logs?start_time=1766998800&end_time=1767002400&limit=50&user_id=app+user%26x%3D1',
    ]);
  });
});

describe('testDatasource', () => {
  const cases: Array<[string, (path: string) => FakeAnswer, string, RegExp]> = [
    [
      'healthy',
      (path) => ({ data: fixtureFor(path, 'plain') }),
      'success',
      /^RustyDB 0\.6\.0 at http:\/\/rustydb:8080 is healthy\. No Prometheus identity is set/,
    ],
    [
      'unreachable host',
      () => ({ status: 502, data: '' }),
      'error',
      /Grafana could not reach RustyDB at http:\/\/rustydb:8080.*Check that RustyDB is running/,
    ],
    ['timeout', () => ({ status: 504, data: '' }), 'error', /did not answer .* timed out \(HTTP 504\)/],
    [
      'wrong URL: HTML page',
      () => ({ data: '<!doctype html><html></html>' }),
      'error',
      /HTML page .* Set it to RustyDB's REST root/,
    ],
    [
      'wrong URL: 404',
      () => ({ status: 404, data: '' }),
      'error',
      /\/api\/v1\/admin\/health does not exist .* without \/api\/v1/,
    ],
    [
      '401',
      () => ({ status: 401, data: fixture('error-unauthorized.json') }),
      'error',
      /refused the credentials.*Set a valid bearer token or API key/,
    ],
    ['403', () => ({ status: 403, data: { code: 'FORBIDDEN', message: 'no' } }), 'error', /denied access/],
    [
      'rate limited',
      () => ({ status: 500, data: fixture('error-rate-limit-exceeded.json') }),
      'error',
      /throttling requests/,
    ],
    [
      'degraded',
      (path) => ({
        data: path.endsWith('health')
          ? {
              ...(fixture('admin-health.json') as object),
              status: 'degraded',
              checks: { storage: { status: 'degraded', message: 'disk 91% full', last_check: 1 } },
            }
          : fixture('server-info.json'),
      }),
      'warning',
      /RustyDB 0\.6\.0 at http:\/\/rustydb:8080 is reachable but degraded\. Failing checks: storage degraded \(disk 91% full\)\./,
    ],
    [
      'unhealthy',
      (path) => ({
        data: path.endsWith('health')
          ? { ...(fixture('admin-health.json') as object), status: 'unhealthy' }
          : fixture('server-info.json'),
      }),
      'error',
      /reports "unhealthy"\. Check the server's logs/,
    ],
    [
      'not RustyDB (JSON without status)',
      () => ({ data: { hello: 'world' } }),
      'error',
      /without a health status: it does not look like RustyDB/,
    ],
    [
      'healthy but server info fails',
      (path) => (path.endsWith('health') ? { data: fixture('admin-health.json') } : { status: 404, data: '' }),
      'success',
      /RustyDB \(version unknown\) at .* is healthy\. Reading \/api\/v1\/server\/info failed: .*HTTP 404/,
    ],
  ];

  it.each(cases)('%s', async (_name, serve, status, message) => {
    answer = serve;
    jest.useFakeTimers();
    try {
      const result = datasource().testDatasource();
      await jest.advanceTimersByTimeAsync(10_000);
      const { status: got, message: text } = await result;
      expect(got).toBe(status);
      expect(text).toMatch(message);
    } finally {
      jest.useRealTimers();
    }
  });

  it('asks for the server URL when there is none', async () => {
    expect(await datasource({}).testDatasource()).toEqual({
      status: 'error',
      message: expect.stringMatching(/Set the server URL/),
    });
  });

  it('never serves the health check from the sharing cache', async () => {
    const ds = datasource();
    await ds.testDatasource();
    await ds.testDatasource();
    expect(paths().filter((p) => p.endsWith('/admin/health'))).toHaveLength(2);
  });
});

describe('variables and annotations', () => {
  it('lists pools, cluster nodes, replicas and query types, sorted and distinct', async () => {
    const ds = datasource();
    expect(await ds.metricFindQuery('pools')).toEqual([
      { text: 'default', value: 'default' },
      { text: 'readonly', value: 'readonly' },
    ]);
    expect(await ds.metricFindQuery({ refId: 'v', target: 'clusterNodes' })).toEqual([
      { text: 'node-local', value: 'node-local' },
    ]);
    expect((await ds.metricFindQuery('replicas')).map((v) => v.value)).toEqual(['replica-1', 'replica-2']);
    expect((await ds.metricFindQuery('queryTypes')).map((v) => v.value)).toContain(QueryType.PoolStats);
  });

  it('answers variable queries as text/value frames', async () => {
    const ds = datasource();
    const out = await lastValueFrom((ds.variables as any).query(request([{ refId: 'v', target: 'pools' } as any])));
    const frame = (out as DataQueryResponse).data[0];
    expect(frame.fields.map((f: { name: string; values: unknown[] }) => [f.name, f.values])).toEqual([
      ['text', ['default', 'readonly']],
      ['value', ['default', 'readonly']],
    ]);
  });

  it('rejects an unknown variable query with a clear message', async () => {
    await expect(datasource().metricFindQuery('tables' as never)).rejects.toThrow(/Unknown variable query "tables"/);
  });

  it('turns alerts, incidents, threats and deadlocks into annotation frames within the time range', async () => {
    const ds = datasource();
    expect(ds.annotations.getDefaultQuery?.()).toEqual({ queryType: QueryType.Events, eventSource: 'alerts' });
    expect(ds.annotations.prepareAnnotation?.({ name: 'x', enable: true, iconColor: 'red' } as never)).toMatchObject({
      target: { refId: 'Anno', queryType: QueryType.Events, eventSource: 'alerts' },
    });
    const out = await responses(ds, [
      { refId: 'A', queryType: QueryType.Events, eventSource: 'incidents' },
      { refId: 'B', queryType: QueryType.Events, eventSource: 'threatHistory' },
      { refId: 'C', queryType: QueryType.Events, eventSource: 'deadlocks' },
    ]);
    const rows = out.map((r) =>
      Object.fromEntries(r.data[0].fields.map((f: { name: string; values: unknown[] }) => [f.name, f.values[0]]))
    );
    expect(rows[0]).toEqual({
      time: 1767001500_000,
      timeEnd: null,
      title: 'INC-0042 Checkpoint latency spike',
      text: 'Checkpoints exceeded 2s for 10 minutes [investigating]',
      tags: ['incident', 'high', 'investigating', 'wal', 'storage'],
    });
    expect(rows[1]).toMatchObject({
      time: 1767001980_000,
      title: 'High threat by app_user (score 62)',
      tags: ['threat', 'High', 'alert', 'mass_data_access', 'off_hours'],
    });
    expect(rows[2]).toMatchObject({
      time: 1767002314_000,
      title: 'Deadlock dl-000041',
      text: 'Transactions 7, 9; victim 9; aborted_victim',
    });
  });

  it('leaves events outside the time range out, and says so', async () => {
    const out = await responses(datasource(), [{ refId: 'A', queryType: QueryType.Events, eventSource: 'alerts' }], {
      range: {
        from: dateTime(NOW - 86_400_000),
        to: dateTime(NOW - 43_200_000),
        raw: { from: 'now-1d', to: 'now-12h' },
      },
    });
    expect(out[0].data[0].length).toBe(0);
    expect(out[0].data[0].meta.notices[0].text).toBe(
      'None of the 1 entries of /api/v1/alerts match the filter or time range.'
    );
  });
});

describe("Explore's label filter buttons on log lines", () => {
  const column = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!.values;

  it('offers them to Explore, and a filter toggled on a line narrows that query to the lines with the label', async () => {
    const ds = datasource();
    expect(hasToggleableQueryFiltersSupport(ds)).toBe(true);
    expect(hasQueryModificationSupport(ds) && ds.getSupportedQueryModifications()).toEqual([
      'ADD_FILTER',
      'ADD_FILTER_OUT',
    ]);
    const audit: RustyDBQuery = { refId: 'A', queryType: QueryType.Security, view: 'auditLogs' };
    const [all] = await responses(ds, [audit]);
    expect(column(all.data[0], 'labels').map((l) => l.user)).toEqual(['app_user', 'mallory']);

    const filtered = ds.toggleQueryFilter(audit, { type: 'FILTER_OUT', options: { key: 'user', value: 'app_user' } });
    const [out] = await responses(ds, [filtered]);
    expect(column(out.data[0], 'labels').map((l) => l.user)).toEqual(['mallory']);
    expect(out.data[0].meta?.notices).toContainEqual({
      severity: 'info',
      text: 'Label filters (user != "app_user") kept 1 of 2 lines.',
    });
    expect(ds.queryHasFilter(filtered, { key: 'user', value: 'app_user' })).toBe(false);
  });
});

describe('saved queries of other versions', () => {
  it('runs a query saved before versions, and answers an unreadable one with the reason beside the others', async () => {
    const out = await responses(datasource(), [
      { refId: 'A', queryType: QueryType.Performance },
      { refId: 'B', queryType: QueryType.Alerts, queryVersion: 9 },
      { refId: 'C', poolIds: 'default' as never },
      { refId: 'D', hide: true, levels: 'error' as never },
    ]);
    const byKey = Object.fromEntries(out.map((r) => [r.key, r]));
    expect(Object.keys(byKey).sort()).toEqual(['A', 'B', 'C']);
    expect([byKey.A.state, byKey.B.state, byKey.C.state]).toEqual([
      LoadingState.Done,
      LoadingState.Error,
      LoadingState.Error,
    ]);
    expect(byKey.B.errors?.[0]).toEqual({
      refId: 'B',
      message: expect.stringMatching(/saved by a newer RustyDB plugin \(query version 9; this one reads up to 2\)/),
    });
    expect(byKey.C.errors?.[0].message).toMatch(/The query's "poolIds" must be a list of text/);
    expect(paths()).toEqual(['/api/v1/stats/performance']);
  });

  it('answers with the reason when no query can be read', async () => {
    const out = await responses(datasource(), [null as never]);
    expect(out).toEqual([
      {
        key: 'A',
        data: [],
        state: LoadingState.Error,
        errors: [{ refId: 'A', message: expect.stringMatching(/A RustyDB query is an object/) }],
      },
    ]);
  });

  it('starts new queries at the current version', () => {
    expect(datasource().getDefaultQuery(CoreApp.Dashboard)).toEqual({
      queryType: QueryType.Performance,
      queryVersion: QUERY_VERSION,
    });
  });

  it('runs a variable Grafana saved as bare text, and fails one it cannot read with the reason', async () => {
    const ds = datasource();
    const run = (query: unknown) => lastValueFrom((ds.variables as any).query(request([query as never])));
    const out = (await run('clusterNodes')) as DataQueryResponse;
    expect(out.data[0].fields[0].values).toEqual(['node-local']);
    await expect(run(42)).rejects.toThrow(/A RustyDB variable query names a list/);
  });
});

describe('interpolateVariablesInQueries (Explore from a panel)', () => {
  it("resolves the dashboard's variables and the panel's scoped ones, in the current schema", () => {
    variables = { type: QueryType.PoolStats, pool: ['default', 'readonly'] };
    const queries = datasource().interpolateVariablesInQueries(
      [
        { refId: 'A', queryType: '$type', poolIds: ['$pool'] },
        { refId: 'B', queryType: QueryType.Cluster, view: 'status', nodeIds: ['$node'] },
      ],
      { node: { text: 'node-local', value: 'node-local' } }
    );
    expect(queries).toEqual([
      { refId: 'A', queryType: QueryType.PoolStats, poolIds: ['default', 'readonly'], queryVersion: QUERY_VERSION },
      {
        refId: 'B',
        queryType: QueryType.Cluster,
        view: 'status',
        nodeIds: ['node-local'],
        queryVersion: QUERY_VERSION,
      },
    ]);
  });

  it('hands an unreadable query on as it is', () => {
    const query = { refId: 'A', poolIds: '$pool' } as never;
    expect(datasource().interpolateVariablesInQueries([query], {})).toEqual([query]);
  });
});

describe('getQueryDisplayText (query history)', () => {
  it('names the type, the view and what the query narrows to', () => {
    expect(datasource().getQueryDisplayText({ refId: 'A', queryType: QueryType.Transactions, view: 'deadlocks' })).toBe(
      'Transactions and locks · Deadlocks'
    );
  });
});
