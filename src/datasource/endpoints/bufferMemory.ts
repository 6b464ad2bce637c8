import type {
  BufferPoolStats,
  EvictionPolicyStats,
  HitRatioResponse,
  MemoryPressureStatus,
  MemoryStatus,
} from '../../rustydb/api/types';
import { QueryType } from '../types';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { viewRunner } from './area';
import { snapshotParser } from './parse/parsers';
import { placeholderNotices } from './placeholders';
import { ratio, Row } from '../../rustydb/json';
import { fieldTable } from './parse/read';

const parseBufferStats = snapshotParser(
  'bufferStats',
  fieldTable<BufferPoolStats & { dirty_ratio: number | null }>((f) => [
    f.num('total_pages', 'Pages'),
    f.num('used_pages', 'Used pages'),
    f.num('free_pages', 'Free pages'),
    f.num('dirty_pages', 'Dirty pages'),
    f.num('dirty_ratio', 'Dirty page ratio', 'percentunit', { nullable: true }),
    f.num('hit_ratio', 'Hit ratio', 'percentunit', { threshold: THRESHOLDS.cacheHitRatio }),
    f.num('evictions', 'Evictions'),
    f.num('reads', 'Reads'),
    f.num('writes', 'Writes'),
    f.num('flushes', 'Flushes'),
  ]),
  {
    name: 'buffer pool',
    derive: (record: Row) => ({ dirty_ratio: ratio(record.dirty_pages, record.total_pages) }),
    notices: (record) => placeholderNotices('bufferPool', record),
  }
);

const parseHitRatio = snapshotParser(
  'bufferHitRatio',
  fieldTable<HitRatioResponse>((f) => [
    f.num('hit_ratio', 'Hit ratio', 'percentunit', { threshold: THRESHOLDS.cacheHitRatio }),
    f.num('miss_ratio', 'Miss ratio', 'percentunit'),
    f.num('total_hits', 'Hits'),
    f.num('total_misses', 'Misses'),
    f.num('total_accesses', 'Accesses'),
    f.num('measurement_period_seconds', 'Measured over', 's'),
  ]),
  { name: 'buffer pool hit ratio' }
);

const parseEviction = snapshotParser(
  'bufferEviction',
  fieldTable<EvictionPolicyStats>((f) => [
    f.str('policy_name', 'Policy'),
    f.num('evictions', 'Evictions'),
    f.num('victim_search_time_us', 'Victim search time', 'µs'),
    f.num('avg_scan_length', 'Average scan length'),
    f.json('policy_specific_stats', 'Policy details'),
  ]),
  { name: 'buffer eviction' }
);

const parseMemoryStatus = snapshotParser(
  'memoryStatus',
  fieldTable<MemoryStatus>((f) => [
    f.num('total_bytes', 'Memory', 'bytes'),
    f.num('used_bytes', 'Used', 'bytes'),
    f.num('available_bytes', 'Available', 'bytes'),
    f.num('utilization_percent', 'Utilisation', 'percent', { threshold: THRESHOLDS.memoryPercent }),
    f.str('pressure_level', 'Pressure'),
    f.num('buffer_pool_bytes', 'Buffer pool', 'bytes'),
    f.num('cache_bytes', 'Cache', 'bytes'),
    f.num('query_context_bytes', 'Query contexts', 'bytes'),
    f.num('temp_bytes', 'Temporary', 'bytes'),
  ]),
  { name: 'memory', notices: (record) => placeholderNotices('memory', record) }
);

const parseMemoryPressure = snapshotParser(
  'memoryPressure',
  fieldTable<MemoryPressureStatus>((f) => [
    f.str('level', 'Pressure'),
    f.num('total_memory_bytes', 'Memory', 'bytes'),
    f.num('used_memory_bytes', 'Used', 'bytes'),
    f.num('available_memory_bytes', 'Available', 'bytes'),
    f.num('pressure_events_last_hour', 'Pressure events (last hour)'),
    f.time('last_pressure_event', 'Last pressure event', { nullable: true }),
    f.num('threshold_low_percent', 'Low threshold', 'percent'),
    f.num('threshold_medium_percent', 'Medium threshold', 'percent'),
    f.num('threshold_high_percent', 'High threshold', 'percent'),
    f.num('threshold_critical_percent', 'Critical threshold', 'percent'),
    f.list('actions_taken', 'Actions taken'),
  ]),
  { name: 'memory pressure' }
);

export const runBufferMemory = viewRunner(QueryType.BufferMemory, {
  buffer: { endpoint: 'bufferStats', parse: parseBufferStats },
  hitRatio: { endpoint: 'bufferHitRatio', parse: parseHitRatio },
  eviction: { endpoint: 'bufferEviction', parse: parseEviction },
  memory: { endpoint: 'memoryStatus', parse: parseMemoryStatus },
  pressure: { endpoint: 'memoryPressure', parse: parseMemoryPressure },
});
