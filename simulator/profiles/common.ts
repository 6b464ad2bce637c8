/**
 * Behaviour both profiles share because it is the same RustyDB handler code underneath: pagination arithmetic,
 * the `/api/v1/metrics` JSON map and its `prometheus_format` twin, and the error and `SystemTime` renderings.
 */
import type { MetricData, MetricsResponse, PaginatedResponse } from '../../src/rustydb/api/types';
import type { Context } from '../bodies';
import { notFound, Reply } from '../http/reply';

export const DEFAULT_PAGE_SIZE = 50;

/** `PaginatedResponse::new` (`types.rs:864-880`). */
export function paginated<T>(
  data: T[],
  page: number,
  pageSize: number,
  totalCount = data.length
): PaginatedResponse<T> {
  const totalPages = Math.ceil(totalCount / pageSize);
  return {
    data,
    page,
    page_size: pageSize,
    total_pages: totalPages,
    total_count: totalCount,
    has_next: page < totalPages,
    has_prev: page > 1,
  };
}

export interface Paging {
  page: number;
  pageSize: number;
}

/** `/connections` clamps: page ≥ 1, page_size 1..=100. */
export function connectionPaging(ctx: Context): Paging {
  const page = Math.max(1, Number(ctx.query.page ?? 1));
  const pageSize = Math.min(100, Math.max(1, Number(ctx.query.page_size ?? DEFAULT_PAGE_SIZE)));
  return { page, pageSize };
}

/** Handlers that only echo the page numbers back. */
export function echoPaging(ctx: Context): { page: number; page_size: number } {
  return { page: Number(ctx.query.page ?? 1), page_size: Number(ctx.query.page_size ?? DEFAULT_PAGE_SIZE) };
}

/** The ten keys of `GET /api/v1/metrics`, in one stable order (RustyDB's is a HashMap's). */
export const METRICS_JSON_KEYS = [
  'cache_hit_ratio',
  'memory_usage_percent',
  'total_requests',
  'disk_io_write_bytes',
  'avg_response_time',
  'cpu_usage_percent',
  'failed_requests',
  'memory_usage_bytes',
  'successful_requests',
  'disk_io_read_bytes',
] as const;

export type MetricsJsonValues = Record<(typeof METRICS_JSON_KEYS)[number], number>;

const METRIC_UNITS: Record<(typeof METRICS_JSON_KEYS)[number], string> = {
  cache_hit_ratio: 'ratio',
  memory_usage_percent: 'percent',
  total_requests: 'count',
  disk_io_write_bytes: 'bytes',
  avg_response_time: 'milliseconds',
  cpu_usage_percent: 'percent',
  failed_requests: 'count',
  memory_usage_bytes: 'bytes',
  successful_requests: 'count',
  disk_io_read_bytes: 'bytes',
};

/**
 * `prometheus_format` of `/api/v1/metrics` (`monitoring.rs:146-167`): HELP is the bare key, and TYPE is `counter`
 * whenever the name contains `total`, `requests` or `bytes` (so memory bytes becomes a counter here).
 */
function prometheusFormat(values: MetricsJsonValues): string {
  return METRICS_JSON_KEYS.map((key) => {
    const name = `rustydb_${key}`;
    const type = /total|requests|bytes/.test(key) ? 'counter' : 'gauge';
    return `# HELP ${name} ${key}\n# TYPE ${name} ${type}\n${name} ${values[key]}\n\n`;
  }).join('');
}

export function metricsResponse(nowSec: number, values: MetricsJsonValues): MetricsResponse {
  const metrics: Record<string, MetricData> = {};
  for (const key of METRICS_JSON_KEYS) {
    metrics[key] = { value: values[key], unit: METRIC_UNITS[key], labels: {} };
  }
  return { timestamp: nowSec, metrics, prometheus_format: prometheusFormat(values) };
}

export function poolNotFound(id: string, nowSec: number): Reply {
  return notFound(`Pool '${id}' not found`, nowSec);
}

/** Rust's `Debug` for `SystemTime`, which the networking health check serialises instead of a timestamp. */
export function systemTimeDebug(nowMs: number): string {
  const sec = Math.floor(nowMs / 1000);
  const nsec = Math.round((nowMs - sec * 1000) * 1e6);
  return `SystemTime { tv_sec: ${sec}, tv_nsec: ${nsec} }`;
}
