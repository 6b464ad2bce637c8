/**
 * JSON as RustyDB's serde_json writes it: compact, and every `f64` field with a decimal point (`1251.0`, `0.0`),
 * which `JSON.stringify` drops. Which keys are `f64` is a property of the structs, and no key name is an integer in one
 * struct and a float in another (a test checks this against the fixtures).
 */

export const FLOAT_KEYS: ReadonlySet<string> = new Set([
  'abort_rate',
  'avg_execution_time_ms',
  'avg_latency_ms',
  'avg_response_time_ms',
  'avg_rows_returned',
  'avg_scan_length',
  'avg_throughput_mbps',
  'avg_time_ms',
  'cache_hit_ratio',
  'cpu_usage_percent',
  'disk_usage_percent',
  'hit_rate_percent',
  'hit_ratio',
  'memory_usage_percent',
  'miss_ratio',
  'progress_percent',
  'queries_per_second',
  'sync_rate_mbps',
  'threshold_critical_percent',
  'threshold_high_percent',
  'threshold_low_percent',
  'threshold_medium_percent',
  'transactions_per_second',
  'utilization_percent',
  'value',
  'write_rate_mbps',
]);

function number(n: number, float: boolean): string {
  if (!Number.isFinite(n)) {
    // serde_json writes non-finite floats as null.
    return 'null';
  }
  const text = JSON.stringify(n);
  return float && Number.isInteger(n) && !text.includes('e') ? `${text}.0` : text;
}

function write(value: unknown, float: boolean): string {
  if (value === null || value === undefined) {
    return 'null';
  }
  if (typeof value === 'number') {
    return number(value, float);
  }
  if (Array.isArray(value)) {
    return `[${value.map((v) => write(v, float)).join(',')}]`;
  }
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>).map(
      ([k, v]) => `${JSON.stringify(k)}:${write(v, FLOAT_KEYS.has(k))}`
    );
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
}

export function toRustJson(value: unknown): string {
  return write(value, false);
}
