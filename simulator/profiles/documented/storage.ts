/**
 * WAL, MVCC, buffer pool and memory of the documented server. The WAL position is the model's cumulative WAL bytes,
 * so `current_lsn` advances with `rustydb_wal_bytes_total`; buffer numbers match `rustydb_buffer_pool_*`.
 */
import type {
  BufferPoolStats,
  EvictionPolicyStats,
  HitRatioResponse,
  MemoryPressureStatus,
  MemoryStatus,
  MvccStatus,
  SnapshotInfo,
  WalReplayStatus,
  WalSegmentInfo,
  WalStatus,
} from '../../../src/rustydb/api/types';
import {
  BUFFER_POOL_PAGES,
  DISK_TOTAL_BYTES,
  MEMORY_TOTAL_BYTES,
  PAGE_SIZE_BYTES,
  WAL_SEGMENT_BYTES,
} from '../../model/catalogue';
import { dataGrowthBytes } from '../../model/growth';
import type { View } from './view';

/** WAL bytes written before the server's start, so positions do not begin at 0/0. */
const WAL_BASE = 0x2a000000;
const CHECKPOINT_EVERY_SEC = 300;

export function walPosition(walBytes: number): number {
  return WAL_BASE + walBytes;
}

/** PostgreSQL-style `X/XXXXXXXX`. */
export function lsn(position: number): string {
  const hi = Math.floor(position / 2 ** 32);
  const lo = position % 2 ** 32;
  return `${hi.toString(16).toUpperCase()}/${lo.toString(16).toUpperCase().padStart(8, '0')}`;
}

function lastCheckpoint(v: View): number {
  return Math.floor(v.snap.tSec / CHECKPOINT_EVERY_SEC) * CHECKPOINT_EVERY_SEC;
}

export function walStatus(v: View): WalStatus {
  const position = walPosition(v.snap.totals.walBytes);
  const checkpointAt = lastCheckpoint(v);
  const checkpointPosition = walPosition(v.world.totalsAt(checkpointAt).walBytes);
  const files = 3 + Math.ceil((position - checkpointPosition) / WAL_SEGMENT_BYTES);
  const writeRate = v.snap.gauges.walBytesPerSec / 1e6;
  return {
    current_lsn: lsn(position),
    checkpoint_lsn: lsn(checkpointPosition),
    wal_files: files,
    wal_size_bytes: files * WAL_SEGMENT_BYTES,
    write_rate_mbps: Math.round(writeRate * 100) / 100,
    sync_rate_mbps: Math.round(writeRate * 80) / 100,
    last_checkpoint: checkpointAt,
    checkpoint_in_progress: v.snap.tSec - checkpointAt < 5,
  };
}

const SEGMENTS_SHOWN = 5;

export function walSegments(v: View): WalSegmentInfo[] {
  const position = walPosition(v.snap.totals.walBytes);
  const current = Math.floor(position / WAL_SEGMENT_BYTES);
  const rate = Math.max(1, v.snap.gauges.walBytesPerSec);
  const segments: WalSegmentInfo[] = [];
  for (let n = Math.max(1, current - SEGMENTS_SHOWN + 1); n <= current; n++) {
    const start = n * WAL_SEGMENT_BYTES;
    segments.push({
      segment_name: `00000001${Math.floor(n / 256)
        .toString(16)
        .toUpperCase()
        .padStart(8, '0')}${(n % 256).toString(16).toUpperCase().padStart(8, '0')}`,
      segment_number: n,
      start_lsn: lsn(start),
      end_lsn: lsn(start + WAL_SEGMENT_BYTES),
      size_bytes: WAL_SEGMENT_BYTES,
      created_at: Math.floor(v.snap.tSec - (position - start) / rate),
      archived: n < current,
    });
  }
  return segments;
}

export function walReplayStatus(v: View): WalReplayStatus {
  const position = walPosition(v.snap.totals.walBytes);
  return {
    replaying: false,
    current_lsn: lsn(position),
    target_lsn: null,
    replay_lag_bytes: 0,
    replay_lag_seconds: 0,
    last_replay_timestamp: v.snap.nowSec,
    segments_replayed: Math.floor(position / WAL_SEGMENT_BYTES),
  };
}

const VACUUM_EVERY_SEC = 3600;
const VACUUM_TAKES_SEC = 60;

export function mvccStatus(v: View): MvccStatus {
  const oldest = v.transactions.reduce<number | null>(
    (min, t) => (min === null || t.transaction_id < min ? t.transaction_id : min),
    null
  );
  const sinceVacuum = v.snap.tSec % VACUUM_EVERY_SEC;
  const live = 9_500_000 + Math.floor(v.snap.totals.transactions / 50);
  const dead = Math.floor(sinceVacuum * v.snap.gauges.tps * 0.6);
  return {
    oldest_active_transaction: oldest,
    oldest_snapshot: oldest,
    total_versions: live + dead,
    dead_tuples: dead,
    live_tuples: live,
    vacuum_running: sinceVacuum < VACUUM_TAKES_SEC,
    last_vacuum: Math.floor(v.snap.tSec - sinceVacuum),
  };
}

const SNAPSHOT_ACTIVE_SHOWN = 10;

export function mvccSnapshots(v: View): SnapshotInfo[] {
  const txns = [...v.transactions].sort((a, b) => a.started_at - b.started_at || a.transaction_id - b.transaction_id);
  return txns.map((t, i) => {
    const concurrent = txns.slice(Math.max(0, i - SNAPSHOT_ACTIVE_SHOWN + 1), i + 1).map((x) => x.transaction_id);
    return {
      snapshot_id: t.transaction_id,
      created_at: t.started_at,
      isolation_level: t.isolation_level,
      active_transactions: concurrent,
      oldest_transaction: concurrent.length > 0 ? Math.min(...concurrent) : null,
    };
  });
}

export function bufferStats(v: View): BufferPoolStats {
  const { totals, gauges } = v.snap;
  return {
    total_pages: BUFFER_POOL_PAGES,
    used_pages: BUFFER_POOL_PAGES - gauges.freePages,
    free_pages: gauges.freePages,
    dirty_pages: gauges.dirtyPages,
    hit_ratio: gauges.cacheHitRatio,
    evictions: totals.evictions,
    reads: totals.cacheMisses,
    writes: totals.bufferWrites,
    flushes: totals.flushes,
  };
}

/** Lifetime hit ratio from the same counters as `rustydb_cache_hits_total` / `_misses_total`. */
export function hitRatio(v: View): HitRatioResponse {
  const { cacheHits: hits, cacheMisses: misses } = v.snap.totals;
  const accesses = hits + misses;
  return {
    hit_ratio: accesses === 0 ? 0 : hits / accesses,
    miss_ratio: accesses === 0 ? 0 : misses / accesses,
    total_hits: hits,
    total_misses: misses,
    total_accesses: accesses,
    measurement_period_seconds: v.snap.uptimeSec,
  };
}

export function evictionStats(v: View): EvictionPolicyStats {
  const evictions = v.snap.totals.evictions;
  return {
    policy_name: 'CLOCK',
    victim_search_time_us: 3 + Math.round(5 * v.snap.gauges.load),
    evictions,
    avg_scan_length: Math.round((1.5 + 2 * v.snap.gauges.load) * 10) / 10,
    policy_specific_stats: {
      full_rotations: Math.floor(evictions / BUFFER_POOL_PAGES),
      hand_position: evictions % BUFFER_POOL_PAGES,
      second_chance_hits: Math.floor(evictions * 0.4),
    },
  };
}

/** RustyDB's memory levels (`memory_handlers.rs`): 70 / 80 / 90 / 95 percent. */
const PRESSURE_LEVELS: Array<[number, string]> = [
  [95, 'emergency'],
  [90, 'critical'],
  [80, 'warning'],
];

function pressureLevel(percent: number): string {
  return PRESSURE_LEVELS.find(([limit]) => percent > limit)?.[1] ?? 'normal';
}

export function memoryStatus(v: View): MemoryStatus {
  const g = v.snap.gauges;
  const active = g.pools.reduce((sum, p) => sum + p.active, 0);
  return {
    total_bytes: MEMORY_TOTAL_BYTES,
    used_bytes: g.memoryBytes,
    available_bytes: MEMORY_TOTAL_BYTES - g.memoryBytes,
    utilization_percent: g.memoryPercent,
    pressure_level: pressureLevel(g.memoryPercent),
    buffer_pool_bytes: BUFFER_POOL_PAGES * PAGE_SIZE_BYTES,
    cache_bytes: Math.round(g.memoryBytes * 0.35),
    query_context_bytes: active * 4 * 2 ** 20,
    temp_bytes: Math.round(g.load * 512 * 2 ** 20),
  };
}

export function memoryPressure(v: View): MemoryPressureStatus {
  const g = v.snap.gauges;
  const level = pressureLevel(g.memoryPercent);
  return {
    level,
    total_memory_bytes: MEMORY_TOTAL_BYTES,
    used_memory_bytes: g.memoryBytes,
    available_memory_bytes: MEMORY_TOTAL_BYTES - g.memoryBytes,
    pressure_events_last_hour: level === 'normal' ? 0 : 1,
    last_pressure_event: level === 'normal' ? null : v.snap.nowSec,
    threshold_low_percent: 70,
    threshold_medium_percent: 80,
    threshold_high_percent: 90,
    threshold_critical_percent: 95,
    actions_taken: level === 'normal' ? [] : ['Evicted 100 cache entries', 'Freed 50 query contexts'],
  };
}

export const DISK_BASE_BYTES = 600 * 2 ** 30;

/** Data files grow day by day (`model/growth.ts`) and with the WAL that is checkpointed into them. */
export function diskUsageBytes(v: View): number {
  return DISK_BASE_BYTES + dataGrowthBytes(v.snap.tSec) + Math.floor(v.snap.totals.walBytes * 0.005);
}

export function diskUsagePercent(v: View): number {
  return (100 * diskUsageBytes(v)) / DISK_TOTAL_BYTES;
}
