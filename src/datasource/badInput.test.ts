import { DataFrame } from '@grafana/data';
import { fakeClient, fakeReplace, NOW, PROXY } from './testing/fakes';
import { fixture, fixtureFor } from './testing/fixtures';
import { QueryType, RustyDBQuery } from './types';

/** Bad bodies: every case ends in frames with notices or a clear error, never a thrown exception or a silent blank. */

async function run(
  query: Partial<RustyDBQuery>,
  body: (path: string) => unknown,
  variables: Record<string, string | string[]> = {}
) {
  const { client, calls } = fakeClient((path) => ({ data: body(path) }), { replace: fakeReplace(variables) });
  const result = await client.run([{ refId: 'A', ...query }], { range: { from: NOW - 3600_000, to: NOW } });
  return { ...result, calls };
}

const notices = (frames: DataFrame[]) => frames.flatMap((f) => f.meta?.notices ?? []).map((n) => n.text);
const values = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)?.values;

describe('bad input: bodies', () => {
  it('a JSON array where an object is expected', async () => {
    const { frames, errors } = await run({ queryType: QueryType.Performance }, () => [
      fixture('stats-performance.json'),
    ]);
    expect(frames).toEqual([]);
    expect(errors[0].message).toMatch(
      /\/api\/v1\/stats\/performance answered with a JSON array where RustyDB sends a JSON object/
    );
  });

  it('a JSON object where a list is expected', async () => {
    const { errors } = await run({ queryType: QueryType.Pools }, () => fixture('pool-default.json'));
    expect(errors[0].message).toMatch(/\/api\/v1\/pools answered with a JSON object where RustyDB sends a list/);
  });

  it('a list that is missing from its object', async () => {
    const { errors } = await run({ queryType: QueryType.Sessions, view: 'sessions' }, () => ({ page: 1 }));
    expect(errors[0].message).toMatch(/"data" in \/api\/v1\/sessions is missing where RustyDB sends a list/);
  });

  it('missing fields: shown empty, with a notice naming them', async () => {
    const { frames, errors } = await run({ queryType: QueryType.Performance }, () => ({ cpu_usage_percent: 12 }));
    expect(errors).toEqual([]);
    expect(values(frames[0], 'cpu_usage_percent')).toEqual([12]);
    expect(values(frames[0], 'memory_usage_bytes')).toEqual([null]);
    expect(notices(frames)).toContain(
      '/api/v1/stats/performance: "memory_usage_bytes" is missing (1 row); shown empty. The RustyDB version may differ from v0.6.5.'
    );
  });

  it('fields of the wrong type', async () => {
    const body = {
      ...(fixture('stats-performance.json') as object),
      cpu_usage_percent: { value: 7 },
      locks_held: true,
    };
    const { frames } = await run({ queryType: QueryType.Performance }, () => body);
    expect(values(frames[0], 'cpu_usage_percent')).toEqual([null]);
    expect(notices(frames)).toEqual(
      expect.arrayContaining([
        '/api/v1/stats/performance: "cpu_usage_percent" has the wrong type (an object) in 1 row; shown empty.',
        '/api/v1/stats/performance: "locks_held" has the wrong type (boolean true) in 1 row; shown empty.',
      ])
    );
  });

  it('null everywhere', async () => {
    const body = Object.fromEntries(Object.keys(fixture('replication-lag.json') as object).map((k) => [k, null]));
    const { errors } = await run({ queryType: QueryType.Replication, view: 'lag' }, () => body);
    expect(errors[0].message).toMatch(/"replicas" in \/api\/v1\/replication\/lag is null where RustyDB sends a list/);

    const rows = {
      replicas: [{ replica_id: null, node_id: null, lag_ms: null, lag_bytes: null, state: null, last_sync: null }],
    };
    const { frames } = await run({ queryType: QueryType.Replication, view: 'lag' }, () => rows);
    // A replica without an id cannot be a series of its own: it is named in a notice instead of labelled "null".
    expect(frames[0].length).toBe(0);
    expect(notices(frames).join('\n')).toMatch(
      /"replica_id" is missing, empty or not an id in 1 entry \(entry 1: null\)/
    );
    const unnamed = { replicas: [{ ...rows.replicas[0], replica_id: 'r1' }] };
    const { frames: named } = await run({ queryType: QueryType.Replication, view: 'lag' }, () => unnamed);
    expect(values(named[0], 'lag_bytes')).toEqual([null]);
    expect(notices(named).join('\n')).toMatch(/"lag_bytes" is null where RustyDB always sends a value/);

    const { frames: perf } = await run({ queryType: QueryType.Performance }, () => null);
    expect(perf).toEqual([]);
  });

  it('null body', async () => {
    const { errors } = await run({ queryType: QueryType.Performance }, () => null);
    expect(errors[0].message).toMatch(/answered with null where RustyDB sends a JSON object/);
  });

  it('numbers as strings: read as numbers, with an info notice', async () => {
    const body = {
      ...(fixture('stats-performance.json') as object),
      cpu_usage_percent: '7.5',
      memory_usage_bytes: ' 1024 ',
    };
    const { frames } = await run({ queryType: QueryType.Performance }, () => body);
    expect(values(frames[0], 'cpu_usage_percent')).toEqual([7.5]);
    expect(values(frames[0], 'memory_usage_bytes')).toEqual([1024]);
    const notice = frames[0].meta?.notices?.find((n) => n.text.includes('cpu_usage_percent'));
    expect(notice).toEqual({
      severity: 'info',
      text: '/api/v1/stats/performance: "cpu_usage_percent" came as text where RustyDB sends a number (1 row); read as a number.',
    });
  });

  it('text that is not a number stays empty', async () => {
    const { frames } = await run({ queryType: QueryType.Performance }, () => ({
      ...(fixture('stats-performance.json') as object),
      deadlocks: 'many',
    }));
    expect(values(frames[0], 'deadlocks')).toEqual([null]);
    expect(notices(frames).join('\n')).toMatch(/"deadlocks" has the wrong type \(string "many"\)/);
  });

  it('100,000-element arrays: the first 10,000 rows, and a notice', async () => {
    const session = (fixture('sessions.populated.json') as { data: object[] }).data[0];
    const big = {
      ...(fixture('sessions.json') as object),
      data: Array.from({ length: 100_000 }, (_, i) => ({ ...session, session_id: i })),
    };
    const { frames, errors } = await run({ queryType: QueryType.Sessions, view: 'sessions' }, () => big);
    expect(errors).toEqual([]);
    expect(frames[0].length).toBe(10_000);
    expect(notices(frames)).toContain('/api/v1/sessions: "data" holds 100000 entries; showing the first 10000.');
  });

  it('list entries that are not objects are skipped with a notice', async () => {
    const { frames } = await run({ queryType: QueryType.Pools }, () => [fixture('pool-default.json'), 42, null, 'x']);
    expect(frames[0].length).toBe(1);
    expect(notices(frames).join('\n')).toMatch(
      /"list": 3 entries are not objects \(e\.g\. number 42\) and were skipped/
    );
  });

  it('a raw query on a list of scalars or a bare value still gives a table', async () => {
    const { frames } = await run({ queryType: QueryType.Raw, path: '/api/v1/network/stats' }, () => 7);
    expect(values(frames[0], 'value')).toEqual([7]);
  });
});

describe('bad input: ids and labels that try to leave their path segment', () => {
  const hostile = [
    '../admin',
    '..',
    '%2F..%2Fadmin',
    'o\'reilly "pool"',
    '<script>alert(1)</script>',
    'пул-東京-🚀',
    'a/b?c#d',
  ];
  const pools = hostile.map((pool_id) => ({ ...(fixture('pool-default.json') as object), pool_id }));

  it('encodes each pool id into one segment of /pools/{id}/stats and labels the frame with it', async () => {
    const { frames, calls, errors } = await run(
      { queryType: QueryType.PoolStats, poolIds: ['$pool'] },
      (path) => (path === '/api/v1/pools' ? pools : fixtureFor('/api/v1/pools/default/stats', 'plain')),
      { pool: hostile }
    );
    // ".." cannot be a path segment in any encoding (URL parsers resolve %2E%2E too): it is refused, not sent.
    expect(errors.map((e) => e.message)).toEqual([
      'Pool id ".." cannot be sent in a URL path (it would be read as a relative path); no stats were requested for it.',
    ]);
    const statsCalls = calls.filter((c) => c.endsWith('/stats')).map((c) => c.replace(`${PROXY}/anon`, ''));
    expect(statsCalls).toEqual([
      '/api/v1/pools/..%2Fadmin/stats',
      '/api/v1/pools/%252F..%252Fadmin/stats',
      "/api/v1/pools/o'reilly%20%22pool%22/stats",
      '/api/v1/pools/%3Cscript%3Ealert(1)%3C%2Fscript%3E/stats',
      `/api/v1/pools/${encodeURIComponent('пул-東京-🚀')}/stats`,
      '/api/v1/pools/a%2Fb%3Fc%23d/stats',
    ]);
    for (const call of statsCalls) {
      // Exactly the four segments of the route: nothing escaped its own.
      expect(call.split('/')).toHaveLength(6);
      expect(new URL(call, 'http://rustydb:8080').pathname).toBe(call.split('?')[0]);
    }
    const shown = hostile.filter((id) => id !== '..');
    expect(frames.map((f) => f.fields.find((x) => x.name === 'pool_id')?.values[0])).toEqual(shown);
    expect(frames.map((f) => f.fields[1].labels?.pool)).toEqual(shown);
  });

  it('rejects raw paths that leave /api/v1 or smuggle traversal', async () => {
    for (const path of [
      '/api/v1/../admin/config',
      '/api/v1/%2e%2e/x',
      '/api/v1/a%2Fb',
      '/admin',
      'http://evil/api/v1/x',
      '/api/v1/x#frag',
      '/api/v1/a\\b',
      '/api/v1//x',
    ]) {
      const { errors, calls } = await run({ queryType: QueryType.Raw, path }, () => ({}));
      expect(calls).toEqual([]);
      expect(errors[0].message).toMatch(/The raw path .* (does not start with|holds|has an empty)/);
    }
  });

  it('a raw path outside the monitoring paths is refused before any request, naming the allowed areas', async () => {
    for (const path of ['/api/v1/admin/config', '/api/v1/query', '/api/v1/config', '/api/v1/indexes/x/stats']) {
      const { errors, calls } = await run({ queryType: QueryType.Raw, path }, () => ({}));
      expect(calls).toEqual([]);
      expect(errors[0].message).toMatch(/is not one of RustyDB's monitoring paths/);
      expect(errors[0].message).toMatch(/Allowed areas below \/api\/v1\/: admin, alerts, .*transactions\./);
    }
  });

  it('re-encodes unicode and spaces in raw paths and keeps the query string', async () => {
    const { calls } = await run(
      { queryType: QueryType.Raw, path: '/api/v1/pools/名前 x/stats?limit=5&user=<b>' },
      () => ({})
    );
    expect(calls[0]).toBe(`${PROXY}/anon/api/v1/pools/${encodeURIComponent('名前 x')}/stats?limit=5&user=%3Cb%3E`);
  });
});
