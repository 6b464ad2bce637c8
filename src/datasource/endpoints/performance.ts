import type { PerformanceDataResponse } from '../../rustydb/api/types';
import { DataFrame } from '@grafana/data';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { Parser, singleView } from './area';
import { snapshotFrame } from './parse/frames';
import { placeholderNotices } from './placeholders';
import { snapshotParser } from './parse/parsers';
import { isRow, Row } from '../../rustydb/json';
import { asObject, bodyKeyFields, FieldSpec, fieldTable, Issues } from './parse/read';

const PERFORMANCE_FIELDS = fieldTable<PerformanceDataResponse>((f) => [
  f.num('cpu_usage_percent', 'CPU usage', 'percent', { threshold: THRESHOLDS.cpuPercent }),
  f.num('memory_usage_bytes', 'Memory used', 'bytes'),
  f.num('memory_usage_percent', 'Memory usage', 'percent', { threshold: THRESHOLDS.memoryPercent }),
  f.num('disk_io_read_bytes', 'Disk read', 'bytes'),
  f.num('disk_io_write_bytes', 'Disk written', 'bytes'),
  f.num('cache_hit_ratio', 'Cache hit ratio', 'percentunit', { threshold: THRESHOLDS.cacheHitRatio }),
  f.num('transactions_per_second', 'Transactions per second', 'ops', { threshold: THRESHOLDS.transactionsPerSecond }),
  f.num('locks_held', 'Locks held', 'short', { threshold: THRESHOLDS.locksHeld }),
  f.num('deadlocks', 'Deadlocks', 'short', { threshold: THRESHOLDS.deadlocks }),
]);

const parsePerformanceFrames: Parser = snapshotParser('statsPerformance', PERFORMANCE_FIELDS, {
  name: 'performance',
  notices: (record) => placeholderNotices('performance', record),
});

/** The performance snapshot as one frame, for code outside the datasource (the app's home page). */
export function parsePerformance(body: unknown, refId: string, now: number): DataFrame {
  return parsePerformanceFrames(body, { refId, now, range: { from: now, to: now }, keep: () => true })[0];
}

/** `MetricData.unit` → Grafana unit. */
const UNIT_OF: Record<string, string> = {
  count: 'short',
  milliseconds: 'ms',
  percent: 'percent',
  bytes: 'bytes',
  ratio: 'percentunit',
};

const METRICS = ENDPOINTS.metrics.path;

const metricLabel = (name: string) => {
  const words = name.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** `/api/v1/metrics`: one field per metric, named as RustyDB names it, with the unit it declares. */
const parseRequestMetrics: Parser = (body, ctx) => {
  const issues = new Issues(METRICS);
  const metrics = asObject(asObject(body, METRICS).metrics, `"metrics" in ${METRICS}`);
  const record: Row = {};
  const specs: FieldSpec[] = Object.keys(metrics)
    .sort()
    .map((name) => {
      const metric = metrics[name];
      if (!isRow(metric)) {
        issues.add('notObject', name, metric);
        record[name] = null;
        return bodyKeyFields.num(name, metricLabel(name), 'short', { nullable: true });
      }
      record[name] = metric.value;
      return bodyKeyFields.num(name, metricLabel(name), UNIT_OF[String(metric.unit)] ?? 'short');
    });
  return [snapshotFrame(ctx, record, specs, issues, { name: 'request metrics', path: METRICS })];
};

export const runPerformance = singleView({ endpoint: 'statsPerformance', parse: parsePerformanceFrames });

export const runRequestMetrics = singleView({ endpoint: 'metrics', parse: parseRequestMetrics });
