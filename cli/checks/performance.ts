import { ENDPOINTS } from '../../src/rustydb/api/endpoints';
import type { PerformanceDataResponse } from '../../src/rustydb/api/types';
import { THRESHOLDS } from '../../src/rustydb/thresholds';
import { Client } from '../client';
import { asObject, CheckResult, field, judge, measure } from './result';

/** The guide's performance check: CPU, memory, cache hit ratio, TPS, locks and deadlocks against its thresholds. */

const SOURCE = ENDPOINTS.statsPerformance.path;

export function judgePerformance(body: unknown): CheckResult {
  const obj = asObject(body, SOURCE);
  const num = (key: keyof PerformanceDataResponse) => field(obj, key, 'number', SOURCE);
  const perf = {
    cpu: num('cpu_usage_percent'),
    memory: num('memory_usage_percent'),
    cacheHit: num('cache_hit_ratio'),
    tps: num('transactions_per_second'),
    locks: num('locks_held'),
    deadlocks: num('deadlocks'),
  };
  const measurements = [
    measure({ name: 'CPU', label: 'cpu', value: perf.cpu, uom: '%', threshold: THRESHOLDS.cpuPercent, min: 0 }),
    measure({ name: 'memory', label: 'memory', value: perf.memory, uom: '%', threshold: THRESHOLDS.memoryPercent, min: 0, max: 100 }),
    measure({ name: 'cache hit ratio', label: 'cache_hit_ratio', value: perf.cacheHit, uom: '', threshold: THRESHOLDS.cacheHitRatio, min: 0, max: 1 }),
    measure({ name: 'TPS', label: 'tps', value: perf.tps, uom: '', threshold: THRESHOLDS.transactionsPerSecond, min: 0 }),
    measure({ name: 'locks held', label: 'locks', value: perf.locks, uom: '', threshold: THRESHOLDS.locksHeld, min: 0 }),
    measure({ name: 'deadlocks', label: 'deadlocks', value: perf.deadlocks, uom: '', threshold: THRESHOLDS.deadlocks, min: 0 }),
  ];
  // The guide's CSV line: timestamp,cpu,memory,cache_hit,tps,locks,deadlocks.
  return { ...judge(measurements), measurements, csv: [[perf.cpu, perf.memory, perf.cacheHit, perf.tps, perf.locks, perf.deadlocks]] };
}

export const performanceCheck = async (client: Client) => judgePerformance(await client.get(SOURCE));
