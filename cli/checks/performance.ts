import { ENDPOINTS } from '../../src/rustydb/api/endpoints';
import type { PerformanceDataResponse } from '../../src/rustydb/api/types';
import { THRESHOLDS } from '../../src/rustydb/thresholds';
import { Client } from '../client';
import { asObject, CheckResult, field, Ignored, judge, measure, Measurement, withIgnored } from './result';

/** The guide's performance check: CPU, memory, cache hit ratio, TPS, locks and deadlocks against its thresholds. */

const SOURCE = ENDPOINTS.statsPerformance.path;

/** In the order of the guide's CSV line: timestamp,cpu,memory,cache_hit,tps,locks,deadlocks. */
const MEASURES = [
  { measure: 'cpu', key: 'cpu_usage_percent', name: 'CPU', uom: '%', threshold: THRESHOLDS.cpuPercent },
  {
    measure: 'memory',
    key: 'memory_usage_percent',
    name: 'memory',
    uom: '%',
    threshold: THRESHOLDS.memoryPercent,
    max: 100,
  },
  {
    measure: 'cache_hit_ratio',
    key: 'cache_hit_ratio',
    name: 'cache hit ratio',
    uom: '',
    threshold: THRESHOLDS.cacheHitRatio,
    max: 1,
  },
  { measure: 'tps', key: 'transactions_per_second', name: 'TPS', uom: '', threshold: THRESHOLDS.transactionsPerSecond },
  { measure: 'locks', key: 'locks_held', name: 'locks held', uom: '', threshold: THRESHOLDS.locksHeld },
  { measure: 'deadlocks', key: 'deadlocks', name: 'deadlocks', uom: '', threshold: THRESHOLDS.deadlocks },
] as const satisfies ReadonlyArray<Omit<Measurement, 'label' | 'value'> & { key: keyof PerformanceDataResponse }>;

export const PERFORMANCE_MEASURES: readonly string[] = MEASURES.map((m) => m.measure);

export function judgePerformance(body: unknown, ignored: Ignored = new Set()): CheckResult {
  const obj = asObject(body, SOURCE);
  const values = MEASURES.map((m) => field(obj, m.key, 'number', SOURCE));
  const measurements = MEASURES.map(({ key, ...m }, i) =>
    measure({ ...m, label: m.measure, value: values[i], min: 0 })
  );
  const judged = judge(measurements, ignored);
  return { ...judged, summary: withIgnored([judged.summary], judged.measurements), csv: [values] };
}

export const performanceCheck = async (client: Client, ignored: Ignored) =>
  judgePerformance(await client.get(SOURCE), ignored);
