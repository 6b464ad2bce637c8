/**
 * Panels more than one dashboard shows (the Overview summarises what the area dashboards detail).
 * Each is defined once here and placed where it is needed.
 */
import { PanelSpec, stateMappings } from '../lib/panels';
import {
  BY_INSTANCE,
  bucketCounts,
  instanceGauge,
  instancePeak,
  instanceRate,
  mean,
  quantile,
  rate,
  ratio,
  sel,
  sumBy,
} from '../lib/promql';
import { prom } from '../lib/targets';
import { SERVER_ALERTS } from '../lib/dashboard';
import { baseline, holdFor, level } from '../lib/levels';

const PERCENTILES = [0.5, 0.95, 0.99];

export const scrapeUp: PanelSpec = {
  type: 'stat',
  title: 'Scrape target up',
  description:
    "Whether Prometheus reached each RustyDB metrics endpoint at its last scrape (`up`). Down means no history is being recorded: check the server, then the scrape path (`/api/v1/metrics/prometheus` on :8080 for v0.6.5; the guide's `:9100/metrics` does not exist there).",
  unit: 'none',
  targets: [prom('up{job=~"$job", instance=~"$instance"}', '{{instance}}', { instant: true })],
  mappings: stateMappings({ '0': { text: 'Down', color: 'red' }, '1': { text: 'Up', color: 'green' } }),
};

export const cpuGauge: PanelSpec = {
  type: 'gauge',
  title: 'CPU',
  description: `CPU usage now, against the alert levels: warning above ${level('cpuPercent', 'warning')}, critical above ${level('cpuPercent', 'critical')} (both for ${holdFor('cpuPercent')}). v0.6.5 reports load average × 10 here, not a true percentage, so read it as a load indicator on that version.`,
  unit: 'percent',
  levels: 'cpuPercent',
  min: 0,
  max: 100,
  targets: [prom(instanceGauge('rustydb_cpu_usage_percent'), '{{instance}}', { instant: true })],
};

export const memoryGauge: PanelSpec = {
  type: 'gauge',
  title: 'Memory',
  description: `Memory usage now, against the alert levels: warning above ${level('memoryPercent', 'warning')}, critical above ${level('memoryPercent', 'critical')} (for ${holdFor('memoryPercent')}). v0.6.5 reports host-wide memory, not the server process alone.`,
  unit: 'percent',
  levels: 'memoryPercent',
  min: 0,
  max: 100,
  targets: [prom(instanceGauge('rustydb_memory_usage_percent'), '{{instance}}', { instant: true })],
};

export const cacheHitGauge: PanelSpec = {
  type: 'gauge',
  title: 'Cache hit ratio',
  description: `Share of page reads served from the buffer cache. Green is the guide's baseline, above ${baseline('cacheHitRatio')}; yellow is below it; below ${level('cacheHitRatio', 'warning')} (red) is a warning and below ${level('cacheHitRatio', 'critical')} for ${holdFor('cacheHitRatio')} is critical: the working set no longer fits, so grow the buffer pool or look for scans. v0.6.5 always reports a constant 95 %.`,
  unit: 'percentunit',
  levels: 'cacheHitRatio',
  min: 0,
  max: 1,
  targets: [prom(instanceGauge('rustydb_cache_hit_ratio'), '{{instance}}', { instant: true })],
};

export const connectionsInUse: PanelSpec = {
  type: 'stat',
  title: 'Connections in use',
  description:
    'Active connections as a share of `max_connections`. Above 90 % for 5 minutes alerts: new clients are about to be refused. Raise the limit or find the clients holding connections.',
  unit: 'percentunit',
  levels: 'connectionsInUse',
  targets: [
    prom(ratio(instanceGauge('rustydb_active_connections'), instanceGauge('rustydb_max_connections')), '{{instance}}', {
      instant: true,
    }),
  ],
};

export const firingAlerts: PanelSpec = {
  type: 'stat',
  title: 'Firing RustyDB alerts',
  description:
    "How many RustyDB alert rules are firing now on the selected server, and job-wide ones such as SLO burn (from Prometheus' `ALERTS` series, so it needs the project's alert rules loaded). Zero is good; otherwise open the alert list in Grafana or Alertmanager.",
  unit: 'short',
  targets: [
    prom(`count(${SERVER_ALERTS}) or vector(0)`, 'firing', {
      instant: true,
    }),
  ],
};

export const requestErrorRatio: PanelSpec = {
  type: 'timeseries',
  title: 'Request error ratio',
  description:
    "Share of RustyDB REST requests that failed (non-2xx), from the request counters v0.6.5 really exports. It feeds the availability SLO: sustained values above the SLO's error budget (0.1 % for 99.9 %) burn it. Requests refused by v0.6.5's rate limiter are not counted by the server.",
  unit: 'percentunit',
  min: 0,
  targets: [
    prom(ratio(instanceRate('rustydb_failed_requests'), instanceRate('rustydb_total_requests')), '{{instance}}'),
  ],
};

export const requestRate: PanelSpec = {
  type: 'timeseries',
  title: 'REST requests per second',
  description:
    'Requests RustyDB answered per second, all and failed. On v0.6.5 this is the only workload signal Prometheus gets (it counts HTTP requests, not SQL statements).',
  unit: 'reqps',
  min: 0,
  targets: [
    prom(instanceRate('rustydb_total_requests'), 'all {{instance}}'),
    prom(instanceRate('rustydb_failed_requests'), 'failed {{instance}}'),
  ],
};

export const transactionsPerSecond: PanelSpec = {
  type: 'timeseries',
  title: 'Transactions per second',
  description: `Committed and rolled-back transactions per second. The guide expects more than 100; below ${level('transactionsPerSecond', 'warning')} is a warning and below ${level('transactionsPerSecond', 'critical')} critical (for ${holdFor('transactionsPerSecond')}), which on a busy system means clients cannot get work done. v0.6.5 does not export this counter.`,
  unit: 'ops',
  levels: 'transactionsPerSecond',
  min: 0,
  targets: [prom(instanceRate('rustydb_transactions_total'), '{{instance}}')],
};

export const queryLatency: PanelSpec = {
  type: 'timeseries',
  title: 'Query latency percentiles',
  description:
    'p50, p95 and p99 query duration from the `rustydb_query_duration_seconds` histogram, per instance (buckets are summed by `le` before the quantile). A rising p99 with a flat p50 points to a few slow queries or lock waits; check Slow queries. v0.6.5 exports no histogram: use Mean REST response time there.',
  unit: 's',
  min: 0,
  targets: PERCENTILES.map((q) =>
    prom(quantile(q, 'rustydb_query_duration_seconds'), `p${Math.round(q * 100)} {{instance}}`)
  ),
};

export const meanQueryLatency: PanelSpec = {
  type: 'timeseries',
  title: 'Mean query latency',
  description:
    'Average query duration (rate of the histogram sum over rate of its count). Compare with the percentiles: a mean far above p50 means a long tail.',
  unit: 's',
  min: 0,
  targets: [prom(mean('rustydb_query_duration_seconds'), '{{instance}}')],
};

export const meanResponseTime: PanelSpec = {
  type: 'timeseries',
  title: 'Mean REST response time',
  description:
    "RustyDB's own running mean of REST response time since start (`rustydb_avg_response_time_ms`, exported by v0.6.5). Being a lifetime mean it moves slowly; a visible rise means a lasting slowdown.",
  unit: 'ms',
  min: 0,
  targets: [prom(instanceGauge('rustydb_avg_response_time_ms'), '{{instance}}')],
};

export const latencyHeatmap: PanelSpec = {
  type: 'heatmap',
  title: 'Query latency distribution',
  description:
    'How many queries finished in each latency bucket per interval (the histogram as a heatmap). A band drifting upwards is a general slowdown; a second band is a class of slow queries.',
  unit: 'short',
  options: { yAxis: { axisPlacement: 'left', unit: 's', reverse: false } },
  targets: [prom(bucketCounts('rustydb_query_duration_seconds'), '{{le}}', { format: 'heatmap' })],
};

export const cpuOverTime: PanelSpec = {
  type: 'timeseries',
  title: 'CPU usage',
  description:
    'CPU usage with the alert levels drawn in (warning 75 %, critical 90 %, each for 5 minutes). Short spikes are normal; a plateau above the warning line needs capacity or query tuning. v0.6.5 reports load average × 10.',
  unit: 'percent',
  levels: 'cpuPercent',
  min: 0,
  custom: { axisSoftMax: 100 },
  targets: [prom(instancePeak('rustydb_cpu_usage_percent'), '{{instance}}')],
};

export const memoryOverTime: PanelSpec = {
  type: 'timeseries',
  title: 'Memory usage',
  description:
    'Memory usage with the alert levels drawn in (warning 80 %, critical 90 %, for 5 minutes). A steady climb that never falls back suggests a leak or an oversized cache.',
  unit: 'percent',
  levels: 'memoryPercent',
  min: 0,
  max: 100,
  targets: [prom(instancePeak('rustydb_memory_usage_percent'), '{{instance}}')],
};

export const connectionsVsMax: PanelSpec = {
  type: 'timeseries',
  title: 'Connections',
  description:
    'Active and idle client connections against `max_connections` on one graph: the gap between active and max is the headroom left.',
  unit: 'short',
  min: 0,
  targets: [
    prom(instanceGauge('rustydb_active_connections'), 'active {{instance}}'),
    prom(instanceGauge('rustydb_idle_connections'), 'idle {{instance}}'),
    prom(instanceGauge('rustydb_max_connections'), 'max {{instance}}'),
  ],
  overrides: [
    {
      matcher: { id: 'byFrameRefID', options: 'C' },
      properties: [
        { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
        { id: 'custom.fillOpacity', value: 0 },
      ],
    },
  ],
};

/** Writes (second query) are drawn below the axis, reads above. */
const NEGATIVE_SECOND_QUERY = [
  { matcher: { id: 'byFrameRefID', options: 'B' }, properties: [{ id: 'custom.transform', value: 'negative-Y' }] },
];

/** The guide's `_total` counter, or v0.6.5's name without the suffix, whichever the server exports. */
function ioRate(
  guideName: 'rustydb_disk_io_read_bytes_total' | 'rustydb_disk_io_write_bytes_total',
  v065Name: 'rustydb_disk_io_read_bytes' | 'rustydb_disk_io_write_bytes'
): string {
  return sumBy(BY_INSTANCE, `${rate(sel(guideName))} or ${rate(sel(v065Name))}`);
}

export const diskIo: PanelSpec = {
  type: 'timeseries',
  title: 'Disk I/O',
  description:
    'Bytes read (up) and written (down) per second. Reads rising while the cache hit ratio falls mean the working set outgrew memory. v0.6.5 exports these counters without the `_total` suffix and always as 0.',
  unit: 'Bps',
  targets: [
    prom(ioRate('rustydb_disk_io_read_bytes_total', 'rustydb_disk_io_read_bytes'), 'read {{instance}}'),
    prom(ioRate('rustydb_disk_io_write_bytes_total', 'rustydb_disk_io_write_bytes'), 'write {{instance}}'),
  ],
  overrides: NEGATIVE_SECOND_QUERY,
};

export const network: PanelSpec = {
  type: 'timeseries',
  title: 'Network traffic',
  description:
    'Bytes received (up) and sent (down) per second by the server. Sent traffic far above received usually means large result sets.',
  unit: 'Bps',
  targets: [
    prom(instanceRate('rustydb_network_rx_bytes_total'), 'received {{instance}}'),
    prom(instanceRate('rustydb_network_tx_bytes_total'), 'sent {{instance}}'),
  ],
  overrides: NEGATIVE_SECOND_QUERY,
};

/** The Lightning guide's troubleshooting queries: memory growth rate, cache eviction rate and connection churn. */
export const memoryGrowthRate: PanelSpec = {
  type: 'timeseries',
  title: 'Memory growth rate',
  description:
    'How fast memory use changes (`deriv` of the bytes in use). It swings with the daily load; a rate that stays above zero hour after hour, while connections and traffic do not grow, points at a leak or a cache that never shrinks. The Capacity dashboard turns the long-run trend into a forecast.',
  unit: 'Bps',
  targets: [prom(sumBy(BY_INSTANCE, `deriv(${sel('rustydb_memory_usage_bytes')}[$__rate_interval])`), '{{instance}}')],
};

export const cacheEvictionRate: PanelSpec = {
  type: 'timeseries',
  title: 'Buffer cache evictions',
  description:
    'Pages evicted from the buffer cache per second. Evictions that climb while the cache hit ratio falls mean the working set no longer fits: grow the buffer pool or find the new scans. Memory that grows with evictions at zero is not the cache.',
  unit: 'short',
  min: 0,
  targets: [prom(instanceRate('rustydb_cache_evictions_total'), '{{instance}}')],
};

/** `pools` narrows it to the selected pools where the dashboard has a pool variable. */
export const connectionChurn = (pools?: string): PanelSpec => ({
  type: 'timeseries',
  title: 'Connection churn',
  description:
    'Connections each pool opens per second. A pool that opens many connections for few active ones has too short an idle timeout or lifetime, or clients that bypass it: each new connection costs a login and memory.',
  unit: 'short',
  min: 0,
  targets: [
    prom(sumBy(`${BY_INSTANCE}, pool`, rate(sel('rustydb_connections_created_total', pools))), '{{pool}} {{instance}}'),
  ],
});
