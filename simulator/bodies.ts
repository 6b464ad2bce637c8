/**
 * The body type of every endpoint, and the shape of a profile: one handler per endpoint of
 * `src/rustydb/api/endpoints.ts` plus the two routes that list has no fixture for. Typing every handler's result
 * against `src/rustydb/api/types.ts` makes any drift between the simulator and the shared types fail typecheck.
 */
import type { EndpointKey } from '../src/rustydb/api/endpoints';
import type * as T from '../src/rustydb/api/types';
import type { Reply } from './http/reply';
import type { RouteRequest } from './http/router';
import type { RequestCounters } from './requestStats';
import type { Faults } from './types';

export interface Bodies {
  adminHealth: T.HealthResponse;
  healthLiveness: T.LivenessProbeResponse;
  healthReadiness: T.ReadinessProbeResponse;
  healthStartup: T.StartupProbeResponse;
  healthFull: T.FullHealthResponse;
  metrics: T.MetricsResponse;
  statsPerformance: T.PerformanceDataResponse;
  statsSessions: T.SessionStatsResponse;
  statsQueries: T.QueryStatsResponse;
  logs: T.LogResponse;
  alerts: T.AlertResponse;
  pools: T.PoolConfig[];
  pool: T.PoolConfig;
  poolStats: T.PoolStatsResponse;
  connections: T.PaginatedResponse<T.ConnectionInfo>;
  sessions: T.PaginatedResponse<T.SessionInfo>;
  session: T.SessionInfo;
  queryActive: T.QueryStatusResponse[];
  queryStatus: T.QueryStatusResponse;
  profilingQueries: T.QueryProfilingResponse;
  monitoringAsh: T.ActiveSessionHistoryResponse;
  incidents: T.IncidentListResponse;
  transactionsActive: T.ActiveTransactionInfo[];
  transaction: T.TransactionDetails;
  locks: T.LockStatusResponse;
  lockWaiters: T.LockWaitGraph;
  lockGraph: T.LockWaitGraph;
  deadlocks: T.DeadlockInfo[];
  mvccStatus: T.MvccStatus;
  mvccSnapshots: T.SnapshotInfo[];
  walStatus: T.WalStatus;
  walSegments: T.WalSegmentInfo[];
  walReplayStatus: T.WalReplayStatus;
  bufferStats: T.BufferPoolStats;
  bufferHitRatio: T.HitRatioResponse;
  bufferEviction: T.EvictionPolicyStats;
  memoryStatus: T.MemoryStatus;
  memoryPressure: T.MemoryPressureStatus;
  clusterNodes: T.ClusterNodeInfo[];
  clusterNode: T.ClusterNodeInfo;
  clusterTopology: T.TopologyResponse;
  clusterReplication: T.ReplicationStatusResponse;
  clusteringStatus: T.ClusterStatusResponse;
  replicationStatus: T.ReplicationStatusInfoResponse;
  replicationLag: T.ReplicationLagResponse;
  racClusterStatus: T.RacClusterStatusResponse;
  racClusterStats: T.RacClusterStatsResponse;
  networkStats: T.NetworkStatsResponse;
  networkHealth: T.NetworkHealthResponse;
  securityThreats: T.ThreatStatusResponse;
  securityThreatHistory: T.ThreatHistoryItem[];
  securityInsiderThreats: T.InsiderThreatStatusResponse;
  auditLogs: T.AuditEntry[];
  auditStats: T.AuditStatsResponse;
  serverInfo: T.ServerInfoResponse;
}

/** Everything a handler may read: the request, the instant, the live request counters and the active faults. */
export interface Context extends RouteRequest {
  nowMs: number;
  nowSec: number;
  counters: RequestCounters;
  faults: Faults;
}

/** What the server knows of a request before routing. */
export type ContextBase = Omit<Context, 'id' | 'query'>;

/** A body, or a finished reply (an error, or a body with a non-200 status). */
export type Answer<B> = B | Reply;

export type Handlers = { [K in EndpointKey]: (ctx: Context) => Answer<Bodies[K]> } & {
  /** `GET /api/v1/connections/{id}`. */
  connection(ctx: Context): Answer<T.ConnectionInfo>;
  /** `GET /api/v1/metrics/prometheus`, the text exposition. */
  prometheus(ctx: ContextBase): Promise<string>;
};

export interface ProfileImpl {
  handlers: Handlers;
  /** The documented exporter (`:9100/metrics`); absent when the profile serves nothing there. */
  exporter?: (ctx: ContextBase) => Promise<string>;
  /** Told when faults change, for models that integrate over time (counters must know when a fault began). */
  faultsChanged?: (nowMs: number, faults: Faults) => void;
}
