import { queryDisplayText } from './queryText';

describe('queryDisplayText', () => {
  it.each([
    [{ refId: 'A' }, 'Performance'],
    [{ refId: 'A', queryType: 'health' }, 'Health · Status'],
    [{ refId: 'A', queryType: 'transactions', view: 'waiters' }, 'Transactions and locks · Lock waiters'],
    [{ refId: 'A', queryType: 'poolStats', poolIds: ['default', 'readonly'] }, 'Pool stats · default, readonly'],
    [{ refId: 'A', queryType: 'cluster', view: 'status', nodeIds: ['$node'] }, 'Cluster · Node load · $node'],
    [{ refId: 'A', queryType: 'logs', levels: ['error'] }, 'Logs · Log lines · error'],
    [{ refId: 'A', queryType: 'raw', path: '/api/v1/network/stats' }, 'Raw GET · /api/v1/network/stats'],
    [{ refId: 'A', queryType: 'events', eventSource: 'threatHistory' }, 'Events (annotations) · Threat history'],
    [{ refId: 'A', queryType: 'events' }, 'Events (annotations) · Alerts'],
    [
      { refId: 'A', queryType: 'security', view: 'auditLogs', audit: { userId: 'alice', limit: 50 } },
      'Security · Audit logs · user alice · limit 50',
    ],
    [
      {
        refId: 'A',
        queryType: 'logs',
        labelFilters: [
          { key: 'log', value: 'rustydb', op: '=' },
          { key: 'user', value: 'a b', op: '!=' },
        ],
      },
      'Logs · Log lines · log = "rustydb", user != "a b"',
    ],
    [{ refId: 'A', queryType: 'performance', live: true, intervalMs: 2000 }, 'Performance · live every 2000 ms'],
    [{ refId: 'A', queryType: 'replication', live: true }, 'Replication · Lag · live'],
  ])('%j → %s', (query, text) => {
    expect(queryDisplayText(query)).toBe(text);
  });

  it('shows a type or view from a variable, or one it does not know, as written', () => {
    expect(queryDisplayText({ refId: 'A', queryType: '$type', view: '$view' })).toBe('$type · $view');
    expect(queryDisplayText({ refId: 'A', queryType: 'health', view: 'gone' })).toBe('Health · gone');
  });

  it('says what is wrong with a query it cannot read instead of throwing', () => {
    expect(queryDisplayText({ refId: 'A', poolIds: 'x' })).toMatch(
      /^Unreadable RustyDB query: The query's "poolIds" must be a list of text/
    );
    expect(queryDisplayText(null)).toMatch(/^Unreadable RustyDB query: A RustyDB query is an object/);
  });
});
