/**
 * The contract's fixture bodies, typed: RustyDB v0.6.5's answers with invented live values. Assigning them to
 * `Bodies` makes typecheck fail if a fixture and `src/rustydb/api/types.ts` drift apart.
 */
import type { EndpointKey } from '../src/rustydb/api/endpoints';
import type { Bodies } from './bodies';
import adminHealth from '../src/rustydb/api/fixtures/admin-health.json';
import healthLiveness from '../src/rustydb/api/fixtures/health-liveness.json';
import healthReadiness from '../src/rustydb/api/fixtures/health-readiness.json';
import healthStartup from '../src/rustydb/api/fixtures/health-startup.json';
import healthFull from '../src/rustydb/api/fixtures/health-full.json';
import metrics from '../src/rustydb/api/fixtures/metrics.json';
import statsPerformance from '../src/rustydb/api/fixtures/stats-performance.json';
import statsSessions from '../src/rustydb/api/fixtures/stats-sessions.json';
import statsQueries from '../src/rustydb/api/fixtures/stats-queries.json';
import logs from '../src/rustydb/api/fixtures/logs.json';
import alerts from '../src/rustydb/api/fixtures/alerts.json';
import pools from '../src/rustydb/api/fixtures/pools.json';
import pool from '../src/rustydb/api/fixtures/pool-default.json';
import poolStats from '../src/rustydb/api/fixtures/pool-default-stats.json';
import connections from '../src/rustydb/api/fixtures/connections.json';
import sessions from '../src/rustydb/api/fixtures/sessions.json';
import session from '../src/rustydb/api/fixtures/session-101.populated.json';
import queryActive from '../src/rustydb/api/fixtures/query-active.json';
import queryStatus from '../src/rustydb/api/fixtures/query-status.json';
import profilingQueries from '../src/rustydb/api/fixtures/profiling-queries.json';
import monitoringAsh from '../src/rustydb/api/fixtures/monitoring-ash.json';
import incidents from '../src/rustydb/api/fixtures/diagnostics-incidents.json';
import transactionsActive from '../src/rustydb/api/fixtures/transactions-active.json';
import transaction from '../src/rustydb/api/fixtures/transaction-1.json';
import locks from '../src/rustydb/api/fixtures/transactions-locks.json';
import lockWaiters from '../src/rustydb/api/fixtures/transactions-locks-waiters.json';
import deadlocks from '../src/rustydb/api/fixtures/transactions-deadlocks.json';
import mvccStatus from '../src/rustydb/api/fixtures/transactions-mvcc-status.json';
import mvccSnapshots from '../src/rustydb/api/fixtures/transactions-mvcc-snapshots.json';
import walStatus from '../src/rustydb/api/fixtures/transactions-wal-status.json';
import walSegments from '../src/rustydb/api/fixtures/transactions-wal-segments.json';
import walReplayStatus from '../src/rustydb/api/fixtures/transactions-wal-replay-status.json';
import bufferStats from '../src/rustydb/api/fixtures/buffer-stats.json';
import bufferHitRatio from '../src/rustydb/api/fixtures/buffer-pool-hit-ratio.json';
import bufferEviction from '../src/rustydb/api/fixtures/buffer-eviction-stats.json';
import memoryStatus from '../src/rustydb/api/fixtures/memory-status.json';
import memoryPressure from '../src/rustydb/api/fixtures/memory-pressure.json';
import clusterNodes from '../src/rustydb/api/fixtures/cluster-nodes.json';
import clusterNode from '../src/rustydb/api/fixtures/cluster-node-local.json';
import clusterTopology from '../src/rustydb/api/fixtures/cluster-topology.json';
import clusterReplication from '../src/rustydb/api/fixtures/cluster-replication.json';
import clusteringStatus from '../src/rustydb/api/fixtures/clustering-status.json';
import replicationStatus from '../src/rustydb/api/fixtures/replication-status.json';
import replicationLag from '../src/rustydb/api/fixtures/replication-lag.json';
import racClusterStatus from '../src/rustydb/api/fixtures/rac-cluster-status.json';
import racClusterStats from '../src/rustydb/api/fixtures/rac-cluster-stats.json';
import networkStats from '../src/rustydb/api/fixtures/network-stats.json';
import networkHealth from '../src/rustydb/api/fixtures/network-health.json';
import securityThreats from '../src/rustydb/api/fixtures/security-threats.json';
import securityThreatHistory from '../src/rustydb/api/fixtures/security-threats-history.json';
import securityInsiderThreats from '../src/rustydb/api/fixtures/security-insider-threats.json';
import auditLogs from '../src/rustydb/api/fixtures/security-audit-logs.json';
import auditStats from '../src/rustydb/api/fixtures/security-audit-stats.json';
import serverInfo from '../src/rustydb/api/fixtures/server-info.json';

/** The instant the fixtures' live values were taken at (2025-12-29T10:00:00Z). */
export const FIXTURE_EPOCH_SEC = 1767002400;

export const FIXTURES: { [K in EndpointKey]: Bodies[K] } = {
  adminHealth,
  healthLiveness,
  healthReadiness,
  healthStartup,
  healthFull,
  metrics,
  statsPerformance,
  statsSessions,
  statsQueries,
  logs,
  alerts,
  pools,
  pool,
  poolStats,
  connections,
  sessions,
  session,
  queryActive,
  queryStatus,
  profilingQueries,
  monitoringAsh,
  incidents,
  transactionsActive,
  transaction,
  locks,
  lockWaiters,
  // Both lock-graph routes answer the same LockWaitGraph.
  lockGraph: lockWaiters,
  deadlocks,
  mvccStatus,
  mvccSnapshots,
  walStatus,
  walSegments,
  walReplayStatus,
  bufferStats,
  bufferHitRatio,
  bufferEviction,
  memoryStatus,
  memoryPressure,
  clusterNodes,
  clusterNode,
  clusterTopology,
  clusterReplication,
  clusteringStatus,
  replicationStatus,
  replicationLag,
  racClusterStatus,
  racClusterStats,
  networkStats,
  networkHealth,
  securityThreats,
  securityThreatHistory,
  securityInsiderThreats,
  auditLogs,
  auditStats,
  serverInfo,
};
