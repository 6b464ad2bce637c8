/**
 * The monitoring endpoints of RustyDB's REST API (v0.6.5): one entry per GET route, shared by the datasource
 * (what to request), the simulator (what to serve) and the contract tests (which fixture shows the body).
 */

export const API_PREFIX = '/api/v1';

export interface EndpointSpec {
  /** Path below the server root, with `{id}` where the route takes one. */
  path: string;
  /** Name of the response type in `./types`. */
  responseType: string;
  /** Fixture body (in `fixtures/`) as v0.6.5 answers; `populated` shows the element shape of lists v0.6.5 leaves empty. */
  fixture: string;
  populatedFixture?: string;
  /** Protected by `auth_middleware` when the server runs with auth on. */
  authProtected?: boolean;
}

export const ENDPOINTS = {
  adminHealth: { path: '/api/v1/admin/health', responseType: 'HealthResponse', fixture: 'admin-health.json' },
  healthLiveness: {
    path: '/api/v1/health/liveness',
    responseType: 'LivenessProbeResponse',
    fixture: 'health-liveness.json',
  },
  healthReadiness: {
    path: '/api/v1/health/readiness',
    responseType: 'ReadinessProbeResponse',
    fixture: 'health-readiness.json',
  },
  healthStartup: {
    path: '/api/v1/health/startup',
    responseType: 'StartupProbeResponse',
    fixture: 'health-startup.json',
  },
  healthFull: { path: '/api/v1/health/full', responseType: 'FullHealthResponse', fixture: 'health-full.json' },
  metrics: { path: '/api/v1/metrics', responseType: 'MetricsResponse', fixture: 'metrics.json' },
  statsPerformance: {
    path: '/api/v1/stats/performance',
    responseType: 'PerformanceDataResponse',
    fixture: 'stats-performance.json',
  },
  statsSessions: {
    path: '/api/v1/stats/sessions',
    responseType: 'SessionStatsResponse',
    fixture: 'stats-sessions.json',
    populatedFixture: 'stats-sessions.populated.json',
  },
  statsQueries: {
    path: '/api/v1/stats/queries',
    responseType: 'QueryStatsResponse',
    fixture: 'stats-queries.json',
    populatedFixture: 'stats-queries.populated.json',
  },
  logs: {
    path: '/api/v1/logs',
    responseType: 'LogResponse',
    fixture: 'logs.json',
    populatedFixture: 'logs.populated.json',
  },
  alerts: {
    path: '/api/v1/alerts',
    responseType: 'AlertResponse',
    fixture: 'alerts.json',
    populatedFixture: 'alerts.populated.json',
  },
  pools: { path: '/api/v1/pools', responseType: 'PoolConfig[]', fixture: 'pools.json' },
  pool: { path: '/api/v1/pools/{id}', responseType: 'PoolConfig', fixture: 'pool-default.json' },
  poolStats: {
    path: '/api/v1/pools/{id}/stats',
    responseType: 'PoolStatsResponse',
    fixture: 'pool-default-stats.json',
  },
  connections: {
    path: '/api/v1/connections',
    responseType: 'PaginatedResponse<ConnectionInfo>',
    fixture: 'connections.json',
    populatedFixture: 'connections.populated.json',
  },
  sessions: {
    path: '/api/v1/sessions',
    responseType: 'PaginatedResponse<SessionInfo>',
    fixture: 'sessions.json',
    populatedFixture: 'sessions.populated.json',
  },
  session: { path: '/api/v1/sessions/{id}', responseType: 'SessionInfo', fixture: 'session-101.populated.json' },
  queryActive: { path: '/api/v1/query/active', responseType: 'QueryStatusResponse[]', fixture: 'query-active.json' },
  queryStatus: { path: '/api/v1/query/{id}/status', responseType: 'QueryStatusResponse', fixture: 'query-status.json' },
  profilingQueries: {
    path: '/api/v1/profiling/queries',
    responseType: 'QueryProfilingResponse',
    fixture: 'profiling-queries.json',
    populatedFixture: 'profiling-queries.populated.json',
  },
  monitoringAsh: {
    path: '/api/v1/monitoring/ash',
    responseType: 'ActiveSessionHistoryResponse',
    fixture: 'monitoring-ash.json',
    populatedFixture: 'monitoring-ash.populated.json',
  },
  incidents: {
    path: '/api/v1/diagnostics/incidents',
    responseType: 'IncidentListResponse',
    fixture: 'diagnostics-incidents.json',
    populatedFixture: 'diagnostics-incidents.populated.json',
  },
  transactionsActive: {
    path: '/api/v1/transactions/active',
    responseType: 'ActiveTransactionInfo[]',
    fixture: 'transactions-active.json',
  },
  transaction: { path: '/api/v1/transactions/{id}', responseType: 'TransactionDetails', fixture: 'transaction-1.json' },
  locks: {
    path: '/api/v1/transactions/locks',
    responseType: 'LockStatusResponse',
    fixture: 'transactions-locks.json',
    populatedFixture: 'transactions-locks.populated.json',
  },
  lockWaiters: {
    path: '/api/v1/transactions/locks/waiters',
    responseType: 'LockWaitGraph',
    fixture: 'transactions-locks-waiters.json',
    populatedFixture: 'transactions-locks-waiters.populated.json',
  },
  lockGraph: {
    path: '/api/v1/transactions/locks/graph',
    responseType: 'LockWaitGraph',
    fixture: 'transactions-locks-waiters.json',
    populatedFixture: 'transactions-locks-waiters.populated.json',
  },
  deadlocks: {
    path: '/api/v1/transactions/deadlocks',
    responseType: 'DeadlockInfo[]',
    fixture: 'transactions-deadlocks.json',
    populatedFixture: 'transactions-deadlocks.populated.json',
  },
  mvccStatus: {
    path: '/api/v1/transactions/mvcc/status',
    responseType: 'MvccStatus',
    fixture: 'transactions-mvcc-status.json',
  },
  mvccSnapshots: {
    path: '/api/v1/transactions/mvcc/snapshots',
    responseType: 'SnapshotInfo[]',
    fixture: 'transactions-mvcc-snapshots.json',
  },
  walStatus: {
    path: '/api/v1/transactions/wal/status',
    responseType: 'WalStatus',
    fixture: 'transactions-wal-status.json',
  },
  walSegments: {
    path: '/api/v1/transactions/wal/segments',
    responseType: 'WalSegmentInfo[]',
    fixture: 'transactions-wal-segments.json',
  },
  walReplayStatus: {
    path: '/api/v1/transactions/wal/replay-status',
    responseType: 'WalReplayStatus',
    fixture: 'transactions-wal-replay-status.json',
  },
  bufferStats: { path: '/api/v1/buffer/stats', responseType: 'BufferPoolStats', fixture: 'buffer-stats.json' },
  bufferHitRatio: {
    path: '/api/v1/buffer-pool/hit-ratio',
    responseType: 'HitRatioResponse',
    fixture: 'buffer-pool-hit-ratio.json',
  },
  bufferEviction: {
    path: '/api/v1/buffer/eviction/stats',
    responseType: 'EvictionPolicyStats',
    fixture: 'buffer-eviction-stats.json',
  },
  memoryStatus: { path: '/api/v1/memory/status', responseType: 'MemoryStatus', fixture: 'memory-status.json' },
  memoryPressure: {
    path: '/api/v1/memory/pressure',
    responseType: 'MemoryPressureStatus',
    fixture: 'memory-pressure.json',
  },
  clusterNodes: {
    path: '/api/v1/cluster/nodes',
    responseType: 'ClusterNodeInfo[]',
    fixture: 'cluster-nodes.json',
    authProtected: true,
  },
  clusterNode: {
    path: '/api/v1/cluster/nodes/{id}',
    responseType: 'ClusterNodeInfo',
    fixture: 'cluster-node-local.json',
    authProtected: true,
  },
  clusterTopology: {
    path: '/api/v1/cluster/topology',
    responseType: 'TopologyResponse',
    fixture: 'cluster-topology.json',
    authProtected: true,
  },
  clusterReplication: {
    path: '/api/v1/cluster/replication',
    responseType: 'ReplicationStatusResponse',
    fixture: 'cluster-replication.json',
    populatedFixture: 'cluster-replication.populated.json',
    authProtected: true,
  },
  clusteringStatus: {
    path: '/api/v1/clustering/status',
    responseType: 'ClusterStatusResponse',
    fixture: 'clustering-status.json',
  },
  replicationStatus: {
    path: '/api/v1/replication/status',
    responseType: 'ReplicationStatusInfoResponse',
    fixture: 'replication-status.json',
  },
  replicationLag: {
    path: '/api/v1/replication/lag',
    responseType: 'ReplicationLagResponse',
    fixture: 'replication-lag.json',
  },
  racClusterStatus: {
    path: '/api/v1/rac/cluster/status',
    responseType: 'RacClusterStatusResponse',
    fixture: 'rac-cluster-status.json',
  },
  racClusterStats: {
    path: '/api/v1/rac/cluster/stats',
    responseType: 'RacClusterStatsResponse',
    fixture: 'rac-cluster-stats.json',
  },
  networkStats: { path: '/api/v1/network/stats', responseType: 'NetworkStatsResponse', fixture: 'network-stats.json' },
  networkHealth: {
    path: '/api/v1/network/health',
    responseType: 'NetworkHealthResponse',
    fixture: 'network-health.json',
  },
  securityThreats: {
    path: '/api/v1/security/threats',
    responseType: 'ThreatStatusResponse',
    fixture: 'security-threats.json',
  },
  securityThreatHistory: {
    path: '/api/v1/security/threats/history',
    responseType: 'ThreatHistoryItem[]',
    fixture: 'security-threats-history.json',
    populatedFixture: 'security-threats-history.populated.json',
  },
  securityInsiderThreats: {
    path: '/api/v1/security/insider-threats',
    responseType: 'InsiderThreatStatusResponse',
    fixture: 'security-insider-threats.json',
  },
  auditLogs: {
    path: '/api/v1/security/audit/logs',
    responseType: 'AuditEntry[]',
    fixture: 'security-audit-logs.json',
    populatedFixture: 'security-audit-logs.populated.json',
  },
  auditStats: {
    path: '/api/v1/security/audit/stats',
    responseType: 'AuditStatsResponse',
    fixture: 'security-audit-stats.json',
  },
  serverInfo: { path: '/api/v1/server/info', responseType: 'ServerInfoResponse', fixture: 'server-info.json' },
} as const satisfies Record<string, EndpointSpec>;

export type EndpointKey = keyof typeof ENDPOINTS;

/** The Prometheus exposition of v0.6.5 (text, not JSON). */
export const PROMETHEUS_PATH = '/api/v1/metrics/prometheus';
/** Where the guide says the exporter listens (port 9100); v0.6.5 serves nothing there. */
export const DOCUMENTED_METRICS_PATH = '/metrics';

/** Fills `{id}` with a URL-encoded id, so no id can leave its path segment. */
export function endpointPath(key: EndpointKey, id?: string): string {
  const { path } = ENDPOINTS[key];
  if (!path.includes('{id}')) {
    return path;
  }
  if (id === undefined || id === '') {
    throw new Error(`Endpoint ${key} needs an id`);
  }
  // URL parsers resolve `.` and `..` as dot segments even when encoded as %2E, so no encoding keeps them in place.
  if (/^\.{1,2}$/.test(id)) {
    throw new Error(`"${id}" is not a valid id: it would name another path`);
  }
  return path.replace('{id}', encodeURIComponent(id));
}
