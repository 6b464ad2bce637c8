import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { RustyDBError } from '../transport/errors';

export const PERFORMANCE_FIELDS = [
  { key: 'cpu_usage_percent', name: 'CPU usage', unit: 'percent' },
  { key: 'memory_usage_bytes', name: 'Memory used', unit: 'bytes' },
  { key: 'memory_usage_percent', name: 'Memory usage', unit: 'percent' },
  { key: 'disk_io_read_bytes', name: 'Disk read', unit: 'bytes' },
  { key: 'disk_io_write_bytes', name: 'Disk written', unit: 'bytes' },
  { key: 'cache_hit_ratio', name: 'Cache hit ratio', unit: 'percentunit' },
  { key: 'transactions_per_second', name: 'Transactions per second', unit: 'ops' },
  { key: 'locks_held', name: 'Locks held', unit: 'short' },
  { key: 'deadlocks', name: 'Deadlocks', unit: 'short' },
] as const;

/** `/api/v1/stats/performance` is a snapshot: one row stamped with the time it was read. */
export function parsePerformance(body: unknown, refId: string, now: number): DataFrame {
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new RustyDBError('badResponse', '/api/v1/stats/performance did not return a JSON object.');
  }
  const record = body as Record<string, unknown>;
  return createDataFrame({
    refId,
    name: 'performance',
    fields: [
      { name: 'Time', type: FieldType.time, values: [now] },
      ...PERFORMANCE_FIELDS.map(({ key, name, unit }) => {
        const value = record[key];
        return {
          name: key,
          type: FieldType.number,
          values: [typeof value === 'number' ? value : null],
          config: { displayName: name, unit },
        };
      }),
    ],
  });
}
