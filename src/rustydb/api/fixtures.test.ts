/**
 * The contract fixtures against the shared types and the endpoint list. Typecheck does half the work: each fixture
 * below (and each endpoint fixture, in `simulator/fixtures.ts`) must satisfy its type from `./types`, so a field
 * the type gains or changes fails `npm run typecheck` until the fixture has it. The tests check what types cannot:
 * every fixture is accounted for, and the populated variants have the structure of the bodies they stand for.
 */
import fs from 'fs';
import path from 'path';
import { ENDPOINTS } from './endpoints';
import type * as T from './types';
import alertsPopulated from '../../../fixtures/alerts.populated.json';
import clusterReplicationPopulated from '../../../fixtures/cluster-replication.populated.json';
import connectionsPopulated from '../../../fixtures/connections.populated.json';
import incidentsPopulated from '../../../fixtures/diagnostics-incidents.populated.json';
import networkNodeNotFound from '../../../fixtures/error-network-node-not-found.json';
import poolNotFound from '../../../fixtures/error-pool-not-found.json';
import rateLimitExceeded from '../../../fixtures/error-rate-limit-exceeded.json';
import sessionNotFound from '../../../fixtures/error-session-not-found.json';
import unauthorized from '../../../fixtures/error-unauthorized.json';
import logsPopulated from '../../../fixtures/logs.populated.json';
import ashPopulated from '../../../fixtures/monitoring-ash.populated.json';
import poolReadonlyStats from '../../../fixtures/pool-readonly-stats.json';
import profilingPopulated from '../../../fixtures/profiling-queries.populated.json';
import auditLogsPopulated from '../../../fixtures/security-audit-logs.populated.json';
import threatHistoryPopulated from '../../../fixtures/security-threats-history.populated.json';
import session101 from '../../../fixtures/session-101.populated.json';
import sessionsPopulated from '../../../fixtures/sessions.populated.json';
import queriesPopulated from '../../../fixtures/stats-queries.populated.json';
import sessionStatsPopulated from '../../../fixtures/stats-sessions.populated.json';
import deadlocksPopulated from '../../../fixtures/transactions-deadlocks.populated.json';
import waitersPopulated from '../../../fixtures/transactions-locks-waiters.populated.json';
import locksPopulated from '../../../fixtures/transactions-locks.populated.json';

const FIXTURE_DIR = path.join(__dirname, '../../../fixtures');

/** Fixtures with a type but no endpoint entry; assignment is the typecheck. */
const typed: Record<string, unknown> = {
  'alerts.populated.json': alertsPopulated satisfies T.AlertResponse,
  'cluster-replication.populated.json': clusterReplicationPopulated satisfies T.ReplicationStatusResponse,
  'connections.populated.json': connectionsPopulated satisfies T.PaginatedResponse<T.ConnectionInfo>,
  'diagnostics-incidents.populated.json': incidentsPopulated satisfies T.IncidentListResponse,
  'error-network-node-not-found.json': networkNodeNotFound satisfies T.NetworkError,
  'error-pool-not-found.json': poolNotFound satisfies T.ApiError,
  'error-rate-limit-exceeded.json': rateLimitExceeded satisfies T.ApiError,
  'error-session-not-found.json': sessionNotFound satisfies T.ApiError,
  'error-unauthorized.json': unauthorized satisfies T.ApiError,
  'logs.populated.json': logsPopulated satisfies T.LogResponse,
  'monitoring-ash.populated.json': ashPopulated satisfies T.ActiveSessionHistoryResponse,
  'pool-readonly-stats.json': poolReadonlyStats satisfies T.PoolStatsResponse,
  'profiling-queries.populated.json': profilingPopulated satisfies T.QueryProfilingResponse,
  'security-audit-logs.populated.json': auditLogsPopulated satisfies T.AuditEntry[],
  'security-threats-history.populated.json': threatHistoryPopulated satisfies T.ThreatHistoryItem[],
  'session-101.populated.json': session101 satisfies T.SessionInfo,
  'sessions.populated.json': sessionsPopulated satisfies T.PaginatedResponse<T.SessionInfo>,
  'stats-queries.populated.json': queriesPopulated satisfies T.QueryStatsResponse,
  'stats-sessions.populated.json': sessionStatsPopulated satisfies T.SessionStatsResponse,
  'transactions-deadlocks.populated.json': deadlocksPopulated satisfies T.DeadlockInfo[],
  'transactions-locks-waiters.populated.json': waitersPopulated satisfies T.LockWaitGraph,
  'transactions-locks.populated.json': locksPopulated satisfies T.LockStatusResponse,
};

function read(name: string): unknown {
  return JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8'));
}

/** Struct keys, recursively; `null` and empty arrays say nothing about structure. */
function structure(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.length === 0 ? [] : [structure(value[0])];
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, structure(v)]));
  }
  return typeof value;
}

describe('contract fixtures', () => {
  const endpointFixtures: string[] = Object.values(ENDPOINTS).flatMap((e) => [
    e.fixture,
    ...('populatedFixture' in e ? [e.populatedFixture] : []),
  ]);

  it('every fixture named by an endpoint exists', () => {
    const missing = endpointFixtures.filter((f) => !fs.existsSync(path.join(FIXTURE_DIR, f)));
    expect(missing).toEqual([]);
  });

  it('every JSON fixture is typed here or served by an endpoint (WebSocket frames aside)', () => {
    const files = fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json') && !f.startsWith('ws-'));
    const unaccounted = files.filter((f) => !endpointFixtures.includes(f) && !(f in typed));
    expect(unaccounted).toEqual([]);
  });

  it.each(Object.entries(ENDPOINTS).filter(([, e]) => 'populatedFixture' in e))(
    '%s: the populated variant has the structure of the empty body',
    (_, e) => {
      const empty = structure(read(e.fixture)) as Record<string, unknown>;
      const populated = structure(read((e as { populatedFixture: string }).populatedFixture)) as Record<
        string,
        unknown
      >;
      if (Array.isArray(empty)) {
        expect(Array.isArray(populated)).toBe(true);
      } else {
        // Same fields; the empty body's scalars and nested structs agree with the populated one's.
        expect(Object.keys(populated).sort()).toEqual(Object.keys(empty).sort());
        for (const [k, v] of Object.entries(empty)) {
          if (!Array.isArray(v) || v.length > 0) {
            expect({ field: k, shape: populated[k] }).toEqual({ field: k, shape: v });
          }
        }
      }
    }
  );

  it('the typed fixtures are the files on disk', () => {
    for (const [name, value] of Object.entries(typed)) {
      expect({ name, value }).toEqual({ name, value: read(name) });
    }
  });
});
