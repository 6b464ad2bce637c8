/**
 * The metric catalogue: every `rustydb_*` name the project may use (dashboards, rules, simulator, checks).
 * A test scans the repository and fails on any `rustydb_*` name not listed here.
 */

export type MetricType = 'counter' | 'gauge' | 'histogram';
/** `guide`: the Monitoring and Alerting Guide; `v0.6.5`: what the real server exports; `ext`: added by this project. */
export type MetricSource = 'guide' | 'v0.6.5' | 'ext';

export interface MetricSpec {
  name: string;
  type: MetricType;
  help: string;
  unit: string;
  labels: readonly string[];
  source: MetricSource;
  /** Exported by RustyDB v0.6.5 at `:8080/api/v1/metrics/prometheus` under exactly this name. */
  exportedByV065: boolean;
}

// Generic in name and type, so `MetricName` is the union of catalogued names and a misspelt name fails the typecheck.
const metric = <N extends string, T extends MetricType>(
  name: N,
  type: T,
  unit: string,
  help: string,
  source: MetricSource,
  exportedByV065 = false,
  labels: readonly string[] = []
): MetricSpec & { name: N; type: T } => ({ name, type, unit, help, source, exportedByV065, labels });

export const METRICS = [
  metric('rustydb_transactions_total', 'counter', 'transactions', 'Transactions committed and rolled back', 'guide'),
  metric('rustydb_transactions_per_second', 'gauge', 'tps', 'Transactions per second', 'guide'),
  metric('rustydb_queries_total', 'counter', 'queries', 'Queries executed', 'guide'),
  metric('rustydb_query_duration_seconds', 'histogram', 'seconds', 'Query duration', 'guide'),
  metric('rustydb_cache_hit_ratio', 'gauge', 'ratio', 'Buffer cache hit ratio', 'guide', true),
  metric('rustydb_cache_hits_total', 'counter', 'hits', 'Buffer cache hits', 'guide'),
  metric('rustydb_cache_misses_total', 'counter', 'misses', 'Buffer cache misses', 'guide'),
  metric('rustydb_cpu_usage_percent', 'gauge', 'percent', 'CPU usage percentage', 'guide', true),
  metric('rustydb_memory_usage_bytes', 'gauge', 'bytes', 'Memory usage in bytes', 'guide', true),
  metric('rustydb_memory_usage_percent', 'gauge', 'percent', 'Memory usage percentage', 'guide', true),
  metric('rustydb_disk_io_read_bytes_total', 'counter', 'bytes', 'Bytes read from disk', 'guide'),
  metric('rustydb_disk_io_write_bytes_total', 'counter', 'bytes', 'Bytes written to disk', 'guide'),
  metric('rustydb_disk_usage_bytes', 'gauge', 'bytes', 'Disk space used', 'guide'),
  metric('rustydb_disk_usage_percent', 'gauge', 'percent', 'Disk space used, percent', 'guide'),
  metric('rustydb_network_rx_bytes_total', 'counter', 'bytes', 'Bytes received', 'guide'),
  metric('rustydb_network_tx_bytes_total', 'counter', 'bytes', 'Bytes sent', 'guide'),
  metric('rustydb_active_connections', 'gauge', 'connections', 'Active client connections', 'guide'),
  metric('rustydb_idle_connections', 'gauge', 'connections', 'Idle client connections', 'guide'),
  metric('rustydb_max_connections', 'gauge', 'connections', 'Configured maximum connections', 'guide'),
  metric('rustydb_connection_pool_size', 'gauge', 'connections', 'Connections in the pool', 'guide', false, ['pool']),
  metric('rustydb_connection_pool_active', 'gauge', 'connections', 'Active connections in the pool', 'guide', false, [
    'pool',
  ]),
  metric('rustydb_connection_pool_idle', 'gauge', 'connections', 'Idle connections in the pool', 'guide', false, [
    'pool',
  ]),
  metric('rustydb_connection_pool_waiting', 'gauge', 'requests', 'Requests waiting for a connection', 'guide', false, [
    'pool',
  ]),
  metric('rustydb_buffer_pool_pages_total', 'gauge', 'pages', 'Pages in the buffer pool', 'guide'),
  metric('rustydb_buffer_pool_pages_dirty', 'gauge', 'pages', 'Dirty pages in the buffer pool', 'guide'),
  metric('rustydb_buffer_pool_hit_ratio', 'gauge', 'ratio', 'Buffer pool hit ratio', 'guide'),
  metric('rustydb_wal_writes_total', 'counter', 'writes', 'WAL writes', 'guide'),
  metric('rustydb_wal_bytes_total', 'counter', 'bytes', 'WAL bytes written', 'guide'),
  metric('rustydb_locks_held', 'gauge', 'locks', 'Locks currently held', 'guide'),
  metric('rustydb_deadlocks_total', 'counter', 'deadlocks', 'Deadlocks detected', 'guide'),
  metric('rustydb_lock_waits_total', 'counter', 'waits', 'Lock waits', 'guide'),
  metric('rustydb_failed_logins_total', 'counter', 'attempts', 'Failed login attempts', 'guide'),
  metric('rustydb_threats_detected_total', 'counter', 'threats', 'Threats detected', 'guide'),
  metric('rustydb_permission_violations_total', 'counter', 'violations', 'Permission violations', 'guide'),
  metric('rustydb_total_requests', 'counter', 'requests', 'Total number of requests', 'v0.6.5', true),
  metric('rustydb_successful_requests', 'counter', 'requests', 'Number of successful requests', 'v0.6.5', true),
  metric('rustydb_failed_requests', 'counter', 'requests', 'Number of failed requests', 'v0.6.5', true),
  metric(
    'rustydb_avg_response_time_ms',
    'gauge',
    'milliseconds',
    'Average response time in milliseconds',
    'v0.6.5',
    true
  ),
  metric('rustydb_disk_io_read_bytes', 'counter', 'bytes', 'Disk I/O read bytes', 'v0.6.5', true),
  metric('rustydb_disk_io_write_bytes', 'counter', 'bytes', 'Disk I/O write bytes', 'v0.6.5', true),
  metric('rustydb_replication_lag_seconds', 'gauge', 'seconds', 'Replication lag of a replica', 'ext', false, [
    'replica',
  ]),
  metric('rustydb_replication_lag_bytes', 'gauge', 'bytes', 'Replication lag of a replica in bytes', 'ext', false, [
    'replica',
  ]),
  metric('rustydb_replica_up', 'gauge', 'boolean', 'Whether a replica is connected and streaming', 'ext', false, [
    'replica',
  ]),
  // The Lightning guide's troubleshooting queries: cache eviction rate and connection churn.
  metric('rustydb_cache_evictions_total', 'counter', 'pages', 'Pages evicted from the buffer cache', 'ext'),
  metric('rustydb_connections_created_total', 'counter', 'connections', 'Connections a pool has opened', 'ext', false, [
    'pool',
  ]),
] as const satisfies readonly MetricSpec[];

export type MetricName = (typeof METRICS)[number]['name'];

export const METRIC_NAMES: ReadonlySet<string> = new Set(METRICS.map((m) => m.name));

/** The ten families v0.6.5 exports, in the order it writes them. */
export const V065_EXPORTED_ORDER: readonly MetricName[] = [
  'rustydb_total_requests',
  'rustydb_successful_requests',
  'rustydb_failed_requests',
  'rustydb_avg_response_time_ms',
  'rustydb_cpu_usage_percent',
  'rustydb_memory_usage_bytes',
  'rustydb_memory_usage_percent',
  'rustydb_disk_io_read_bytes',
  'rustydb_disk_io_write_bytes',
  'rustydb_cache_hit_ratio',
];

/** Every series name a Prometheus query may select: histograms add `_bucket`, `_sum` and `_count`. */
export function seriesNames(spec: MetricSpec): string[] {
  return spec.type === 'histogram' ? [`${spec.name}_bucket`, `${spec.name}_sum`, `${spec.name}_count`] : [spec.name];
}

export function isCatalogued(seriesName: string): boolean {
  return METRICS.some((m) => seriesNames(m).includes(seriesName));
}
