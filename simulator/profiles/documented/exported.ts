/**
 * The full metric catalogue (`src/rustydb/metrics.ts`) at one instant, read from the same snapshot as the REST
 * bodies: `rustydb_connection_pool_active{pool="x"}` is `/pools/x/stats` `active_connections`, and so on.
 */
import type { RequestCounters } from '../../requestStats';
import type { MetricName } from '../../../src/rustydb/metrics';
import type { FamilyValue, LabelledSample } from '../../exposition';
import { BUFFER_POOL_PAGES, DURATION_BUCKETS } from '../../model/catalogue';
import { poolCreatedTotal, PoolState, ReplicaState } from '../../model/world';
import { diskUsageBytes, diskUsagePercent } from './storage';
import type { View } from './view';

const perPool = (pools: PoolState[], value: (p: PoolState) => number): LabelledSample[] =>
  pools.map((p) => ({ labels: { pool: p.spec.config.pool_id }, value: value(p) }));

const perReplica = (replicas: ReplicaState[], value: (r: ReplicaState) => number): LabelledSample[] =>
  replicas.map((r) => ({ labels: { replica: r.spec.replicaId }, value: value(r) }));

const sum = (pools: PoolState[], value: (p: PoolState) => number) => pools.reduce((s, p) => s + value(p), 0);

/** Every catalogued family: a family added to the catalogue fails typecheck here until the model exports it. */
export function catalogueValues(v: View, counters: RequestCounters): Record<MetricName, FamilyValue> {
  const { gauges: g, totals: t } = v.snap;
  return {
    rustydb_transactions_total: t.transactions,
    rustydb_transactions_per_second: g.tps,
    rustydb_queries_total: t.queries,
    rustydb_query_duration_seconds: {
      buckets: DURATION_BUCKETS.map((le, i) => ({ le, count: t.buckets[i] })),
      sum: t.durationSum,
      count: t.queries,
    },
    rustydb_cache_hit_ratio: g.cacheHitRatio,
    rustydb_cache_hits_total: t.cacheHits,
    rustydb_cache_misses_total: t.cacheMisses,
    rustydb_cpu_usage_percent: g.cpuPercent,
    rustydb_memory_usage_bytes: g.memoryBytes,
    rustydb_memory_usage_percent: g.memoryPercent,
    rustydb_disk_io_read_bytes_total: t.diskRead,
    rustydb_disk_io_write_bytes_total: t.diskWrite,
    rustydb_disk_usage_bytes: diskUsageBytes(v),
    rustydb_disk_usage_percent: diskUsagePercent(v),
    rustydb_network_rx_bytes_total: t.netRx,
    rustydb_network_tx_bytes_total: t.netTx,
    rustydb_active_connections: sum(g.pools, (p) => p.active),
    rustydb_idle_connections: sum(g.pools, (p) => p.idle),
    rustydb_max_connections: sum(g.pools, (p) => p.spec.config.max_connections),
    rustydb_connection_pool_size: perPool(g.pools, (p) => p.total),
    rustydb_connection_pool_active: perPool(g.pools, (p) => p.active),
    rustydb_connection_pool_idle: perPool(g.pools, (p) => p.idle),
    rustydb_connection_pool_waiting: perPool(g.pools, (p) => p.waiting),
    rustydb_buffer_pool_pages_total: BUFFER_POOL_PAGES,
    rustydb_buffer_pool_pages_dirty: g.dirtyPages,
    rustydb_buffer_pool_hit_ratio: g.cacheHitRatio,
    rustydb_wal_writes_total: t.walWrites,
    rustydb_wal_bytes_total: t.walBytes,
    rustydb_locks_held: g.locksHeld,
    rustydb_deadlocks_total: t.deadlocks,
    rustydb_lock_waits_total: t.lockWaits,
    rustydb_failed_logins_total: t.failedLogins,
    rustydb_threats_detected_total: t.threats,
    rustydb_permission_violations_total: t.permissionViolations,
    rustydb_total_requests: counters.total,
    rustydb_successful_requests: counters.successful,
    rustydb_failed_requests: counters.failed,
    rustydb_avg_response_time_ms: counters.avgResponseTimeMs,
    // v0.6.5's names for the disk counters: the documented server exports both spellings with the same values.
    rustydb_disk_io_read_bytes: t.diskRead,
    rustydb_disk_io_write_bytes: t.diskWrite,
    rustydb_replication_lag_seconds: perReplica(g.replicas, (r) => r.lagSeconds),
    rustydb_replication_lag_bytes: perReplica(g.replicas, (r) => r.lagBytes),
    rustydb_replica_up: perReplica(g.replicas, (r) => (r.up ? 1 : 0)),
    rustydb_cache_evictions_total: t.evictions,
    rustydb_connections_created_total: perPool(g.pools, (p) => poolCreatedTotal(t, g.pools.indexOf(p))),
  };
}
