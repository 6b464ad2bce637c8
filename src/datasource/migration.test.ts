import fs from 'fs';
import path from 'path';
import { DashboardJson, targetsOf } from '../../dashboards/src/inspect/dashboardModel';
import { DASHBOARD_DIR } from '../../dashboards/src/paths';
import {
  migrateQuery,
  migrateVariableQuery,
  NEW_QUERY,
  QUERY_MIGRATIONS,
  QUERY_VERSION,
  QueryMigration,
} from './migration';
import { QueryType } from './types';

describe('migrateQuery', () => {
  it('reads every step of the table in order, ending at QUERY_VERSION', () => {
    expect(QUERY_MIGRATIONS.map((step) => step.to)).toEqual(QUERY_MIGRATIONS.map((_, i) => i + 1));
    expect(QUERY_VERSION).toBe(2);
  });

  // Shapes saved by earlier versions of the plugin (git history of types.ts and queryTypes.ts: names were only added).
  it.each([
    ['the first release (only a query type)', { refId: 'A', queryType: 'performance' }],
    [
      'a pool-stats query with ids and live mode',
      { refId: 'B', queryType: 'poolStats', poolIds: ['$pool'], live: true },
    ],
    [
      'an audit-log query',
      { refId: 'C', queryType: 'security', view: 'auditLogs', audit: { userId: 'alice', limit: 50 } },
    ],
    ['a raw GET', { refId: 'D', queryType: 'raw', path: '/api/v1/network/stats' }],
    [
      "version 1's audit log (before label filters)",
      { refId: 'F', queryType: 'security', view: 'auditLogs', audit: { result: 'failure' }, queryVersion: 1 },
    ],
    ['an annotation', { refId: 'Anno', queryType: 'events', eventSource: 'deadlocks' }],
    [
      'a query with Grafana fields',
      { refId: 'E', datasource: { type: 'rustydb-stats-datasource', uid: 'x' }, hide: false },
    ],
  ])('keeps %s as it is, stamped with the version', (_, saved) => {
    expect(migrateQuery(saved)).toEqual({ ...saved, queryVersion: QUERY_VERSION });
  });

  it('is the identity on a query already at the current version', () => {
    const query = { refId: 'A', queryType: QueryType.Cluster, view: 'nodes', queryVersion: QUERY_VERSION };
    expect(migrateQuery(query)).toEqual(query);
    expect(migrateQuery(migrateQuery(query))).toEqual(query);
  });

  it.each([null, undefined])('treats %s as unset (hand-edited JSON, a field the editor cleared)', (value) => {
    expect(migrateQuery({ refId: 'A', queryType: 'health', view: value })).toStrictEqual({
      refId: 'A',
      queryType: 'health',
      queryVersion: QUERY_VERSION,
    });
  });

  it('does not change the query it was given', () => {
    const saved = { refId: 'A', queryType: 'performance' };
    migrateQuery(saved);
    expect(saved).toEqual({ refId: 'A', queryType: 'performance' });
  });

  describe('a table with renames (how the next renamed type or view is migrated)', () => {
    const steps: QueryMigration[] = [
      ...QUERY_MIGRATIONS,
      {
        to: 2,
        change: 'queryType "transactions" becomes "locks"',
        migrate: (q) => (q.queryType === 'transactions' ? { ...q, queryType: 'locks' } : q),
      },
      {
        to: 3,
        change: 'view "waiters" of "locks" becomes "lockWaiters"',
        migrate: (q) => (q.queryType === 'locks' && q.view === 'waiters' ? { ...q, view: 'lockWaiters' } : q),
      },
    ];

    it('applies every step after the saved version, in order', () => {
      expect(migrateQuery({ refId: 'A', queryType: 'transactions', view: 'waiters' }, steps)).toEqual({
        refId: 'A',
        queryType: 'locks',
        view: 'lockWaiters',
        queryVersion: 3,
      });
    });

    it('skips the steps a query has already been through', () => {
      const saved = { refId: 'A', queryType: 'transactions', view: 'waiters', queryVersion: 2 };
      expect(migrateQuery(saved, steps)).toEqual({ ...saved, queryVersion: 3 });
    });
  });

  describe('what it cannot read gives a clear error, never a crash', () => {
    it.each([
      [null, /A RustyDB query is an object of query type, view and parameters, not null/],
      ['performance', /not "performance"/],
      [42, /not 42/],
      [[{ refId: 'A' }], /not \[\{"refId":"A"\}\]/],
      [{ refId: 'A', queryType: 7 }, /The query's "queryType" must be text, not 7/],
      [{ refId: 'A', poolIds: 'default' }, /"poolIds" must be a list of text \(ids or \$variables\), not "default"/],
      [{ refId: 'A', levels: ['error', 3] }, /"levels" must be a list of text/],
      [{ refId: 'A', live: 'yes' }, /"live" must be true or false, not "yes"/],
      [{ refId: 'A', intervalMs: '5000' }, /"intervalMs" must be a number, not "5000"/],
      [{ refId: 'A', audit: { limit: '10' } }, /"audit" must be an object of userId, sessionId, objectName and limit/],
      [{ refId: 'A', audit: 'alice' }, /"audit" must be an object/],
      [{ refId: 'A', labelFilters: { user: 'x' } }, /"labelFilters" must be a list of \{key, value, op\}/],
      [{ refId: 'A', labelFilters: [{ key: 'user', value: 'x', op: '=~' }] }, /"labelFilters" must be a list/],
      [{ refId: 'A', labelFilters: [{ key: 'user', value: 7, op: '=' }] }, /"labelFilters" must be a list/],
      [{ refId: 'A', queryVersion: 'one' }, /"queryVersion" must be a whole number, not "one"/],
      [{ refId: 'A', queryVersion: 1.5 }, /"queryVersion" must be a whole number/],
      [{ refId: 'A', queryVersion: -1 }, /"queryVersion" must be a whole number/],
      [
        { refId: 'A', queryVersion: QUERY_VERSION + 1 },
        /saved by a newer RustyDB plugin \(query version 3; this one reads up to 2\)\. Update the plugin\./,
      ],
    ])('%j', (raw, message) => {
      expect(() => migrateQuery(raw)).toThrow(message);
    });

    it('shortens long values in the message', () => {
      expect(() => migrateQuery({ refId: 'A', path: ['x'.repeat(500)] })).toThrow(/not \["x{37}…\. Fix it/);
    });
  });

  it('writes new queries at the current version', () => {
    expect(NEW_QUERY).toEqual({ queryType: QueryType.Performance, queryVersion: QUERY_VERSION });
  });
});

describe('the bundled dashboards', () => {
  const dashboards: DashboardJson[] = fs
    .readdirSync(DASHBOARD_DIR)
    .filter((file) => file.endsWith('.json'))
    .map((file) => JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')));

  it('hold RustyDB queries that read as they are', () => {
    const targets = dashboards
      .flatMap(targetsOf)
      .filter(({ panel, target }) => (target.datasource ?? panel.datasource)?.type === 'rustydb-stats-datasource')
      .map(({ target }) => target);
    expect(targets.length).toBeGreaterThan(0);
    for (const target of targets) {
      expect(migrateQuery(target)).toEqual({ ...target, queryVersion: QUERY_VERSION });
    }
  });
});

describe('migrateVariableQuery', () => {
  it('reads the bare text Grafana stored before data sources had their own variable support', () => {
    expect(migrateVariableQuery('clusterNodes')).toEqual({ refId: 'variable', target: 'clusterNodes' });
  });

  it('offers pools for a new (empty) variable', () => {
    expect(migrateVariableQuery('')).toEqual({ refId: 'variable', target: 'pools' });
    expect(migrateVariableQuery(undefined)).toEqual({ refId: 'variable', target: 'pools' });
    expect(migrateVariableQuery({ refId: 'V' })).toEqual({ refId: 'V', target: 'pools' });
  });

  it('keeps the current shape', () => {
    expect(migrateVariableQuery({ refId: 'V', target: 'replicas' })).toEqual({ refId: 'V', target: 'replicas' });
  });

  it.each([[42], [[1, 2]], [{ target: 3 }]])('refuses %j with a clear error', (raw) => {
    expect(() => migrateVariableQuery(raw)).toThrow(/A RustyDB variable query names a list \(pools, clusterNodes/);
  });
});
