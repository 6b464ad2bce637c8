/**
 * RustyDB v0.6.5 REST response bodies, as the server really serializes them.
 *
 * Every key is snake_case, every `Option<T>` is present and `null` when empty, newtype ids are bare integers and
 * timestamps are Unix epoch seconds. Generated from the struct tables of the RustyDB API contract; the fixture
 * contract test (`fixtures.test.ts`) fails if a fixture and these shapes drift apart.
 */

/** The flat error body of every REST handler (`src/api/rest/types.rs:181`). */
export interface ApiError {
  code: string;
  message: string;
  details: unknown;
  timestamp: number;
  request_id: string | null;
}

/** The networking router's error body (`/api/v1/network/*`). */
export interface NetworkError {
  error: string;
}

/** `GET /api/v1/security/audit/stats`, built with `json!` rather than a struct. */
export interface AuditStatsResponse {
  failed_writes: number;
  records_by_policy: Record<string, number>;
  tamper_alerts: number;
  total_records: number;
}

/** `HealthResponse` (src/api/rest/types.rs:551). */
export interface HealthResponse {
  status: string;
  version: string;
  uptime_seconds: number;
  checks: Record<string, ComponentHealth>;
}

/** `ComponentHealth` (src/api/rest/types.rs:560). */
export interface ComponentHealth {
  status: string;
  message: string | null;
  last_check: number;
}

/** `LivenessProbeResponse` (src/api/rest/handlers/health_handlers.rs:18). */
export interface LivenessProbeResponse {
  status: string;
  timestamp: number;
  uptime_seconds: number | null;
}

/** `ReadinessProbeResponse` (src/api/rest/handlers/health_handlers.rs:26). */
export interface ReadinessProbeResponse {
  status: string;
  timestamp: number;
  ready: boolean;
  dependencies: Record<string, string>;
}

/** `StartupProbeResponse` (src/api/rest/handlers/health_handlers.rs:35). */
export interface StartupProbeResponse {
  status: string;
  timestamp: number;
  initialized: boolean;
  checks: Record<string, boolean>;
}

/** `FullHealthResponse` (src/api/rest/handlers/health_handlers.rs:44). */
export interface FullHealthResponse {
  status: string;
  timestamp: number;
  components: ComponentHealthDetail[];
  liveness: LivenessProbeResponse;
  readiness: ReadinessProbeResponse;
  startup: StartupProbeResponse;
}

/** `ComponentHealthDetail` (src/api/rest/handlers/health_handlers.rs:55). */
export interface ComponentHealthDetail {
  component: string;
  status: string;
  message: string;
  duration_ms: number;
  details: Record<string, unknown>;
}

/** `MetricsResponse` (src/api/rest/types.rs:618). */
export interface MetricsResponse {
  timestamp: number;
  metrics: Record<string, MetricData>;
  prometheus_format: string | null;
}

/** `MetricData` (src/api/rest/types.rs:626). */
export interface MetricData {
  value: number;
  unit: string;
  labels: Record<string, string>;
}

/** `PerformanceDataResponse` (src/api/rest/types.rs:688). */
export interface PerformanceDataResponse {
  cpu_usage_percent: number;
  memory_usage_bytes: number;
  memory_usage_percent: number;
  disk_io_read_bytes: number;
  disk_io_write_bytes: number;
  cache_hit_ratio: number;
  transactions_per_second: number;
  locks_held: number;
  deadlocks: number;
}

/** `SessionStatsResponse` (src/api/rest/types.rs:634). */
export interface SessionStatsResponse {
  active_sessions: number;
  idle_sessions: number;
  sessions: SessionInfo[];
  total_connections: number;
  peak_connections: number;
}

/** `SessionInfo` (src/api/rest/types.rs:644). */
export interface SessionInfo {
  session_id: number;
  username: string;
  database: string;
  client_address: string | null;
  created_at: number;
  last_activity: number;
  state: string;
  current_query: string | null;
  transaction_id: number | null;
}

/** `QueryStatsResponse` (src/api/rest/types.rs:660). */
export interface QueryStatsResponse {
  total_queries: number;
  queries_per_second: number;
  avg_execution_time_ms: number;
  slow_queries: SlowQueryInfo[];
  top_queries: TopQueryInfo[];
}

/** `SlowQueryInfo` (src/api/rest/types.rs:670). */
export interface SlowQueryInfo {
  query: string;
  execution_time_ms: number;
  timestamp: number;
  user: string;
}

/** `TopQueryInfo` (src/api/rest/types.rs:679). */
export interface TopQueryInfo {
  query_pattern: string;
  execution_count: number;
  total_time_ms: number;
  avg_time_ms: number;
}

/** `LogResponse` (src/api/rest/types.rs:702). */
export interface LogResponse {
  entries: LogEntry[];
  total_count: number;
  has_more: boolean;
}

/** `LogEntry` (src/api/rest/types.rs:710). */
export interface LogEntry {
  timestamp: number;
  level: string;
  message: string;
  context: Record<string, unknown>;
}

/** `AlertResponse` (src/api/rest/types.rs:719). */
export interface AlertResponse {
  alerts: Alert[];
  active_count: number;
}

/** `Alert` (src/api/rest/types.rs:726). */
export interface Alert {
  alert_id: string;
  severity: string;
  title: string;
  description: string;
  triggered_at: number;
  acknowledged: boolean;
}

/** `PoolConfig` (src/api/rest/types.rs:741). */
export interface PoolConfig {
  pool_id: string;
  min_connections: number;
  max_connections: number;
  connection_timeout_secs: number;
  idle_timeout_secs: number;
  max_lifetime_secs: number | null;
}

/** `PoolStatsResponse` (src/api/rest/types.rs:752). */
export interface PoolStatsResponse {
  pool_id: string;
  active_connections: number;
  idle_connections: number;
  total_connections: number;
  waiting_requests: number;
  total_acquired: number;
  total_created: number;
  total_destroyed: number;
}

/** `PaginatedResponse` (src/api/rest/types.rs:864). */
export interface PaginatedResponse<T> {
  data: T[];
  page: number;
  page_size: number;
  total_pages: number;
  total_count: number;
  has_next: boolean;
  has_prev: boolean;
}

/** `ConnectionInfo` (src/api/rest/types.rs:765). */
export interface ConnectionInfo {
  connection_id: number;
  pool_id: string;
  session_id: number;
  username: string;
  database: string;
  client_address: string;
  created_at: number;
  last_activity: number;
  queries_executed: number;
  state: string;
  idle_time_secs: number;
}

/** `QueryStatusResponse` (src/api/rest/handlers/query_operations.rs:53). */
export interface QueryStatusResponse {
  query_id: string;
  status: string;
  progress_percent: number;
  rows_scanned: number;
  rows_returned: number;
  elapsed_ms: number;
  estimated_remaining_ms: number | null;
  current_operation: string;
}

/** `QueryProfilingResponse` (src/api/rest/handlers/diagnostics_handlers.rs:64). */
export interface QueryProfilingResponse {
  profiles: QueryProfile[];
  total_count: number;
  page: number;
  page_size: number;
}

/** `QueryProfile` (src/api/rest/handlers/diagnostics_handlers.rs:72). */
export interface QueryProfile {
  query_id: string;
  query_text: string;
  execution_count: number;
  total_time_ms: number;
  avg_time_ms: number;
  min_time_ms: number;
  max_time_ms: number;
  total_rows_returned: number;
  avg_rows_returned: number;
  cache_hit_ratio: number;
  last_executed: number;
  execution_plan: string | null;
}

/** `ActiveSessionHistoryResponse` (src/api/rest/handlers/diagnostics_handlers.rs:89). */
export interface ActiveSessionHistoryResponse {
  samples: ASHSample[];
  total_count: number;
  sample_interval_seconds: number;
  time_range: TimeRange;
}

/** `ASHSample` (src/api/rest/handlers/diagnostics_handlers.rs:97). */
export interface ASHSample {
  sample_time: number;
  session_id: number;
  sql_id: string | null;
  sql_text: string | null;
  wait_event: string | null;
  wait_time_ms: number | null;
  blocking_session: number | null;
  cpu_time_ms: number;
  user_name: string;
  program: string | null;
  module: string | null;
  action: string | null;
}

/** `TimeRange` (src/api/rest/handlers/diagnostics_handlers.rs:113). */
export interface TimeRange {
  start: number;
  end: number;
}

/** `IncidentListResponse` (src/api/rest/handlers/diagnostics_handlers.rs:20). */
export interface IncidentListResponse {
  incidents: IncidentSummary[];
  total_count: number;
  page: number;
  page_size: number;
}

/** `IncidentSummary` (src/api/rest/handlers/diagnostics_handlers.rs:28). */
export interface IncidentSummary {
  id: string;
  severity: string;
  status: string;
  title: string;
  description: string;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  affected_components: string[];
  assignee: string | null;
}

/** `ActiveTransactionInfo` (src/api/rest/handlers/transaction_handlers.rs:25). */
export interface ActiveTransactionInfo {
  transaction_id: number;
  session_id: number;
  started_at: number;
  isolation_level: string;
  state: string;
  read_only: boolean;
  queries_executed: number;
  rows_affected: number;
  locks_held: number;
}

/** `TransactionDetails` (src/api/rest/handlers/transaction_handlers.rs:39). */
export interface TransactionDetails {
  transaction_id: number;
  session_id: number;
  started_at: number;
  isolation_level: string;
  state: string;
  read_only: boolean;
  queries_executed: number;
  rows_affected: number;
  locks_held: LockInfo[];
  modified_tables: string[];
  wal_bytes_written: number;
}

/** `LockInfo` (src/api/rest/handlers/transaction_handlers.rs:55). */
export interface LockInfo {
  lock_id: string;
  lock_type: string;
  resource_type: string;
  resource_id: string;
  transaction_id: number;
  granted: boolean;
  acquired_at: number;
}

/** `LockStatusResponse` (src/api/rest/handlers/transaction_handlers.rs:67). */
export interface LockStatusResponse {
  total_locks: number;
  granted_locks: number;
  waiting_locks: number;
  locks: LockInfo[];
}

/** `LockWaitGraph` (src/api/rest/handlers/transaction_handlers.rs:87). */
export interface LockWaitGraph {
  waiters: LockWaiter[];
  potential_deadlocks: number[][];
}

/** `LockWaiter` (src/api/rest/handlers/transaction_handlers.rs:76). */
export interface LockWaiter {
  transaction_id: number;
  waiting_for_transaction: number;
  lock_type: string;
  resource_type: string;
  resource_id: string;
  wait_time_ms: number;
}

/** `DeadlockInfo` (src/api/rest/handlers/transaction_handlers.rs:94). */
export interface DeadlockInfo {
  deadlock_id: string;
  detected_at: number;
  transactions: number[];
  victim_transaction: number;
  resolution: string;
}

/** `MvccStatus` (src/api/rest/handlers/transaction_handlers.rs:104). */
export interface MvccStatus {
  oldest_active_transaction: number | null;
  oldest_snapshot: number | null;
  total_versions: number;
  dead_tuples: number;
  live_tuples: number;
  vacuum_running: boolean;
  last_vacuum: number | null;
}

/** `SnapshotInfo` (src/api/rest/handlers/transaction_handlers.rs:790). */
export interface SnapshotInfo {
  snapshot_id: number;
  created_at: number;
  isolation_level: string;
  active_transactions: number[];
  oldest_transaction: number | null;
}

/** `WalStatus` (src/api/rest/handlers/transaction_handlers.rs:124). */
export interface WalStatus {
  current_lsn: string;
  checkpoint_lsn: string;
  wal_files: number;
  wal_size_bytes: number;
  write_rate_mbps: number;
  sync_rate_mbps: number;
  last_checkpoint: number;
  checkpoint_in_progress: boolean;
}

/** `WalSegmentInfo` (src/api/rest/handlers/transaction_handlers.rs:932). */
export interface WalSegmentInfo {
  segment_name: string;
  segment_number: number;
  start_lsn: string;
  end_lsn: string;
  size_bytes: number;
  created_at: number;
  archived: boolean;
}

/** `WalReplayStatus` (src/api/rest/handlers/transaction_handlers.rs:1015). */
export interface WalReplayStatus {
  replaying: boolean;
  current_lsn: string;
  target_lsn: string | null;
  replay_lag_bytes: number;
  replay_lag_seconds: number;
  last_replay_timestamp: number;
  segments_replayed: number;
}

/** `BufferPoolStats` (src/api/rest/handlers/storage_handlers.rs:78). */
export interface BufferPoolStats {
  total_pages: number;
  used_pages: number;
  free_pages: number;
  dirty_pages: number;
  hit_ratio: number;
  evictions: number;
  reads: number;
  writes: number;
  flushes: number;
}

/** `HitRatioResponse` (src/api/rest/handlers/buffer_pool_handlers.rs:482). */
export interface HitRatioResponse {
  hit_ratio: number;
  miss_ratio: number;
  total_hits: number;
  total_misses: number;
  total_accesses: number;
  measurement_period_seconds: number;
}

/** `EvictionPolicyStats` (src/api/rest/handlers/buffer_pool_handlers.rs:94). */
export interface EvictionPolicyStats {
  policy_name: string;
  victim_search_time_us: number;
  evictions: number;
  avg_scan_length: number;
  policy_specific_stats: unknown;
}

/** `MemoryStatus` (src/api/rest/handlers/memory_handlers.rs:21). */
export interface MemoryStatus {
  total_bytes: number;
  used_bytes: number;
  available_bytes: number;
  utilization_percent: number;
  pressure_level: string;
  buffer_pool_bytes: number;
  cache_bytes: number;
  query_context_bytes: number;
  temp_bytes: number;
}

/** `MemoryPressureStatus` (src/api/rest/handlers/memory_handlers.rs:77). */
export interface MemoryPressureStatus {
  level: string;
  total_memory_bytes: number;
  used_memory_bytes: number;
  available_memory_bytes: number;
  pressure_events_last_hour: number;
  last_pressure_event: number | null;
  threshold_low_percent: number;
  threshold_medium_percent: number;
  threshold_high_percent: number;
  threshold_critical_percent: number;
  actions_taken: string[];
}

/** `ClusterNodeInfo` (src/api/rest/types.rs:785). */
export interface ClusterNodeInfo {
  node_id: string;
  address: string;
  role: string;
  status: string;
  version: string;
  uptime_seconds: number;
  last_heartbeat: number;
}

/** `TopologyResponse` (src/api/rest/types.rs:805). */
export interface TopologyResponse {
  cluster_id: string;
  nodes: ClusterNodeInfo[];
  leader_node: string | null;
  quorum_size: number;
  total_nodes: number;
}

/** `ReplicationStatusResponse` (src/api/rest/types.rs:822). */
export interface ReplicationStatusResponse {
  primary_node: string;
  replicas: ReplicaStatus[];
  replication_lag_ms: number;
  sync_state: string;
}

/** `ReplicaStatus` (src/api/rest/types.rs:831). */
export interface ReplicaStatus {
  node_id: string;
  state: string;
  lag_bytes: number;
  lag_ms: number;
  last_sync: number;
}

/** `ClusterStatusResponse` (src/api/rest/types.rs:905). */
export interface ClusterStatusResponse {
  cluster_id: string;
  cluster_name: string;
  enabled: boolean;
  nodes: ClusterNodeStatus[];
  total_nodes: number;
  healthy_nodes: number;
  quorum_size: number;
  has_quorum: boolean;
  leader_node: string | null;
  consensus_protocol: string;
  replication_factor: number;
}

/** `ClusterNodeStatus` (src/api/rest/types.rs:921). */
export interface ClusterNodeStatus {
  node_id: string;
  address: string;
  role: string;
  status: string;
  version: string;
  uptime_seconds: number;
  last_heartbeat: number;
  cpu_usage_percent: number;
  memory_usage_percent: number;
  disk_usage_percent: number;
  queries_per_second: number;
}

/** `ReplicationStatusInfoResponse` (src/api/rest/types.rs:937). */
export interface ReplicationStatusInfoResponse {
  enabled: boolean;
  primary_node: string;
  replicas: ReplicaInfo[];
  replication_mode: string;
  max_replication_lag_ms: number;
  sync_replicas_count: number;
  async_replicas_count: number;
  all_synced: boolean;
  wal_archiving_enabled: boolean;
  slots_active: number;
  current_wal_lsn: string;
}

/** `ReplicaInfo` (src/api/rest/types.rs:953). */
export interface ReplicaInfo {
  replica_id: string;
  node_id: string;
  address: string;
  state: string;
  sync_state: string;
  lag_bytes: number;
  lag_ms: number;
  last_sync: number;
  wal_position: string;
  priority: number;
}

/** `ReplicationLagResponse` (src/api/rest/handlers/replication_handlers.rs:519). */
export interface ReplicationLagResponse {
  replicas: ReplicaLagInfo[];
  max_lag_ms: number;
  avg_lag_ms: number;
}

/** `ReplicaLagInfo` (src/api/rest/handlers/replication_handlers.rs:526). */
export interface ReplicaLagInfo {
  replica_id: string;
  node_id: string;
  lag_ms: number;
  lag_bytes: number;
  state: string;
  last_sync: number;
}

/** `ClusterStatusResponse` (src/api/rest/handlers/rac_handlers.rs:23). */
export interface RacClusterStatusResponse {
  state: string;
  has_quorum: boolean;
  healthy_nodes: number;
  total_nodes: number;
  suspected_nodes: number;
  down_nodes: number;
  active_recoveries: number;
  is_healthy: boolean;
  timestamp: number;
}

/** `ClusterStatsResponse` (src/api/rest/handlers/rac_handlers.rs:69). */
export interface RacClusterStatsResponse {
  total_nodes: number;
  active_nodes: number;
  failed_nodes: number;
  uptime_seconds: number;
  total_transactions: number;
  total_queries: number;
  cache_fusion: CacheFusionStatsResponse;
  grd: GrdStatsResponse;
  interconnect: InterconnectStatsResponse;
}

/** `CacheFusionStatsResponse` (src/api/rest/handlers/rac_handlers.rs:92). */
export interface CacheFusionStatsResponse {
  total_requests: number;
  successful_grants: number;
  failed_requests: number;
  cache_hits: number;
  cache_misses: number;
  bytes_transferred: number;
  avg_transfer_latency_us: number;
  write_backs: number;
  downgrades: number;
  hit_rate_percent: number;
}

/** `GrdStatsResponse` (src/api/rest/handlers/rac_handlers.rs:117). */
export interface GrdStatsResponse {
  total_resources: number;
  resources_per_master: Record<string, number>;
  total_remasters: number;
  avg_remaster_latency_ms: number;
  affinity_updates: number;
  load_balances: number;
}

/** `InterconnectStatsResponse` (src/api/rest/handlers/rac_handlers.rs:134). */
export interface InterconnectStatsResponse {
  messages_sent: number;
  messages_received: number;
  bytes_sent: number;
  bytes_received: number;
  avg_message_latency_us: number;
  failed_sends: number;
  heartbeat_failures: number;
  avg_throughput_mbps: number;
}

/** `StatsResponse` (src/networking/api.rs:118). */
export interface NetworkStatsResponse {
  messages_sent: number;
  messages_received: number;
  bytes_sent: number;
  bytes_received: number;
  active_connections: number;
  connection_errors: number;
  avg_latency_ms: number;
}

/** `HealthResponse` (src/networking/api.rs:137). */
export interface NetworkHealthResponse {
  status: string;
  healthy_nodes: number;
  unhealthy_nodes: number;
  nodes: NetworkNodeHealthResponse[];
}

/** `NodeHealthResponse` (src/networking/api.rs:150). */
export interface NetworkNodeHealthResponse {
  node_id: string;
  status: string;
  last_check: string;
}

/** `ThreatStatusResponse` (src/api/rest/handlers/security_handlers.rs:91). */
export interface ThreatStatusResponse {
  enabled: boolean;
  total_assessments: number;
  critical_threats: number;
  high_threats: number;
  blocked_queries: number;
  exfiltration_attempts: number;
  escalation_attempts: number;
  baselines_established: number;
}

/** `ThreatHistoryItem` (src/api/rest/handlers/security_handlers.rs:119). */
export interface ThreatHistoryItem {
  assessment_id: string;
  user_id: string;
  query_text: string;
  total_score: number;
  threat_level: string;
  risk_factors: string[];
  timestamp: number;
  action: string;
  client_ip: string | null;
  location: string | null;
}

/** `InsiderThreatStatusResponse` (src/api/rest/handlers/security_handlers.rs:134). */
export interface InsiderThreatStatusResponse {
  enabled: boolean;
  auto_block_critical: boolean;
  require_mfa_high_risk: boolean;
  alert_threshold: number;
  block_threshold: number;
  behavioral_analytics_enabled: boolean;
  anomaly_detection_enabled: boolean;
  exfiltration_prevention_enabled: boolean;
  escalation_detection_enabled: boolean;
}

/** `AuditEntry` (src/api/rest/handlers/audit_handlers.rs:42). */
export interface AuditEntry {
  id: number;
  timestamp: number;
  user_id: string;
  session_id: string;
  client_ip: string;
  action: string;
  object_name: string | null;
  statement: string | null;
  success: boolean;
  error_message: string | null;
  execution_time_ms: number | null;
}

/** `ServerInfoResponse` (src/api/rest/types.rs:989). */
export interface ServerInfoResponse {
  server_name: string;
  version: string;
  build_date: string;
  build_target: string;
  rust_version: string;
  git_commit: string;
  uptime_seconds: number;
  started_at: number;
  pid: number;
  system_info: Record<string, unknown>;
  features: string[];
  license: string;
}
