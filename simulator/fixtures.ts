/**
 * The contract's fixture bodies, typed: RustyDB v0.6.5's answers with invented live values. Assigning them to
 * `Bodies` makes typecheck fail if a fixture and `src/rustydb/api/types.ts` drift apart.
 */
import type { EndpointKey } from '../src/rustydb/api/endpoints';
import type { Bodies } from './bodies';
import adminHealth from '../fixtures/admin-health.json';
import healthLiveness from '../fixtures/health-liveness.json';
import healthReadiness from '../fixtures/health-readiness.json';
import healthStartup from '../fixtures/health-startup.json';
import healthFull from '../fixtures/health-full.json';
import metrics from '../fixtures/metrics.json';
import statsPerformance from '../fixtures/stats-performance.json';
import statsSessions from '../fixtures/stats-sessions.json';
import statsQueries from '../fixtures/stats-queries.json';
import logs from '../fixtures/logs.json';
import alerts from '../fixtures/alerts.json';
import pools from '../fixtures/pools.json';
import pool from '../fixtures/pool-default.json';
import poolStats from '../fixtures/pool-default-stats.json';
import connections from '../fixtures/connections.json';
import sessions from '../fixtures/sessions.json';
import session from '../fixtures/session-101.populated.json';
import queryActive from '../fixtures/query-active.json';
import queryStatus from '../fixtures/query-status.json';
import profilingQueries from '../fixtures/profiling-queries.json';
import monitoringAsh from '../fixtures/monitoring-ash.json';
import incidents from '../fixtures/diagnostics-incidents.json';
import transactionsActive from '../fixtures/transactions-active.json';
import transaction from '../fixtures/transaction-1.json';
import locks from '../fixtures/transactions-locks.json';
import lockWaiters from '../fixtures/transactions-locks-waiters.json';
import deadlocks from '../fixtures/transactions-deadlocks.json';
import mvccStatus from '../fixtures/transactions-mvcc-status.json';
import mvccSnapshots from '../fixtures/transactions-mvcc-snapshots.json';
import walStatus from '../fixtures/transactions-wal-status.json';
import walSegments from '../fixtures/transactions-wal-segments.json';
import walReplayStatus from '../fixtures/transactions-wal-replay-status.json';
import bufferStats from '../fixtures/buffer-stats.json';
import bufferHitRatio from '../fixtures/buffer-pool-hit-ratio.json';
import bufferEviction from '../fixtures/buffer-eviction-stats.json';
import memoryStatus from '../fixtures/memory-status.json';
import memoryPressure from '../fixtures/memory-pressure.json';
import clusterNodes from '../fixtures/cluster-nodes.json';
import clusterNode from '../fixtures/cluster-node-local.json';
import clusterTopology from '../fixtures/cluster-topology.json';
import clusterReplication from '../fixtures/cluster-replication.json';
import clusteringStatus from '../fixtures/clustering-status.json';
import replicationStatus from '../fixtures/replication-status.json';
import replicationLag from '../fixtures/replication-lag.json';
import racClusterStatus from '../fixtures/rac-cluster-status.json';
import racClusterStats from '../fixtures/rac-cluster-stats.json';
import networkStats from '../fixtures/network-stats.json';
import networkHealth from '../fixtures/network-health.json';
import securityThreats from '../fixtures/security-threats.json';
import securityThreatHistory from '../fixtures/security-threats-history.json';
import securityInsiderThreats from '../fixtures/security-insider-threats.json';
import auditLogs from '../fixtures/security-audit-logs.json';
import auditStats from '../fixtures/security-audit-stats.json';
import serverInfo from '../fixtures/server-info.json';

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
