import type { METRICS, MetricName } from '../../../src/rustydb/metrics';

/**
 * PromQL building blocks. Metric names are typed against the catalogue (`src/rustydb/metrics.ts`), so a name that
 * is not catalogued fails the typecheck; the dashboard checks then parse every expression with Prometheus' grammar.
 */

type HistogramName = Extract<(typeof METRICS)[number], { type: 'histogram' }>['name'];
/** A name a selector may use: a histogram only through its `_bucket`, `_sum` and `_count` series. */
export type SeriesName = Exclude<MetricName, HistogramName> | `${HistogramName}_${'bucket' | 'sum' | 'count'}`;

/** The dashboard's `job` and `instance` variables, as matchers every selector carries. */
const SCOPE = 'job=~"$job", instance=~"$instance"';
/** The labels every aggregation keeps, so panels show one series per RustyDB instance. */
export const BY_INSTANCE = 'job, instance';

/** Grafana widens `$__rate_interval` to at least four scrape intervals, so rate() always has two samples. */
const RATE_WINDOW = '$__rate_interval';

/** `metric{job=~"$job", instance=~"$instance", <extra>}` */
export function sel(metric: SeriesName, extra?: string): string {
  return `${metric}{${[SCOPE, extra].filter(Boolean).join(', ')}}`;
}

/** A recording rule's series, scoped like a raw metric (recording rules keep job and instance where they have them). */
export function recorded(name: string, matchers: string): string {
  return `${name}{${matchers}}`;
}

/** A recording rule's series scoped by the job and instance variables, as `sel` scopes a raw metric. */
export function recordedSel(name: string, extra?: string): string {
  return recorded(name, [SCOPE, extra].filter(Boolean).join(', '));
}

export function rate(selector: string, window = RATE_WINDOW): string {
  return `rate(${selector}[${window}])`;
}

export function increase(selector: string, window = RATE_WINDOW): string {
  return `increase(${selector}[${window}])`;
}

export function sumBy(labels: string, expr: string): string {
  return `sum by (${labels}) (${expr})`;
}

/** Per-instance rate of a counter. */
export function instanceRate(metric: SeriesName, extra?: string): string {
  return sumBy(BY_INSTANCE, rate(sel(metric, extra)));
}

/** Per-instance value of a gauge. */
export function instanceGauge(metric: SeriesName, extra?: string): string {
  return sumBy(BY_INSTANCE, sel(metric, extra));
}

/** A gauge's peak (or trough) within each interval, so short spikes (or dips) between points are not lost. */
export function overInterval(fn: 'max' | 'min', selector: string): string {
  return `${fn}_over_time(${selector}[${RATE_WINDOW}])`;
}

/** Per-instance peak of a gauge within each interval. */
export function instancePeak(metric: SeriesName, extra?: string): string {
  return sumBy(BY_INSTANCE, overInterval('max', sel(metric, extra)));
}

/** `a / b`, each side aggregated on its own first (never a ratio of ratios). */
export function ratio(numerator: string, denominator: string): string {
  return `${numerator}\n/\n${denominator}`;
}

/** The q-quantile of a histogram per instance; `le` must survive the aggregation. */
export function quantile(q: number, histogram: HistogramName): string {
  return `histogram_quantile(${q}, ${sumBy(`le, ${BY_INSTANCE}`, rate(sel(`${histogram}_bucket`)))})`;
}

/** The histogram's buckets as counts per interval, for a heatmap. */
export function bucketCounts(histogram: HistogramName): string {
  return sumBy('le', increase(sel(`${histogram}_bucket`)));
}

/** Mean of a histogram per instance: rate of the sum over rate of the count. */
export function mean(histogram: HistogramName): string {
  return ratio(sumBy(BY_INSTANCE, rate(sel(`${histogram}_sum`))), sumBy(BY_INSTANCE, rate(sel(`${histogram}_count`))));
}
