/**
 * Prometheus text exposition with prom-client: one Registry per simulator, whose metrics read the values of the
 * instant being rendered. Gauges and counters are prom-client's own; the query-duration histogram is a small
 * prom-client metric object, because prom-client can only build histograms from single observations and the
 * simulator knows cumulative bucket counts (millions of queries) from its model.
 */
import { Counter, Gauge, Metric, MetricValueWithName, Registry } from 'prom-client';
import type { MetricName, MetricSpec } from '../src/rustydb/metrics';

export interface LabelledSample {
  labels: Record<string, string>;
  value: number;
}

export interface HistogramSample {
  /** Cumulative counts per upper bound (ascending), without +Inf. */
  buckets: Array<{ le: number; count: number }>;
  sum: number;
  count: number;
}

export type FamilyValue = number | LabelledSample[] | HistogramSample;
export type FamilyValues = Partial<Record<MetricName, FamilyValue>>;

function samples(value: FamilyValue | undefined): LabelledSample[] {
  if (value === undefined) {
    return [];
  }
  if (typeof value === 'number') {
    return [{ labels: {}, value }];
  }
  if (Array.isArray(value)) {
    return value;
  }
  throw new Error('histogram values given for a gauge or counter');
}

function histogramValues(name: string, value: FamilyValue | undefined): Array<MetricValueWithName<string>> {
  if (value === undefined || typeof value === 'number' || Array.isArray(value)) {
    return [];
  }
  return [
    ...value.buckets.map((b) => ({ metricName: `${name}_bucket`, labels: { le: b.le }, value: b.count })),
    { metricName: `${name}_bucket`, labels: { le: '+Inf' }, value: value.count },
    { metricName: `${name}_sum`, labels: {}, value: value.sum },
    { metricName: `${name}_count`, labels: {}, value: value.count },
  ];
}

export class Exposition {
  private readonly registry = new Registry();
  private current: FamilyValues = {};

  constructor(specs: readonly MetricSpec[]) {
    for (const spec of specs) {
      this.register(spec);
    }
  }

  private register(spec: MetricSpec): void {
    const read = () => this.current[spec.name as MetricName];
    const config = { name: spec.name, help: spec.help, labelNames: [...spec.labels], registers: [this.registry] };
    if (spec.type === 'gauge') {
      new Gauge({
        ...config,
        collect() {
          this.reset();
          samples(read()).forEach((s) => this.set(s.labels, s.value));
        },
      });
    } else if (spec.type === 'counter') {
      new Counter({
        ...config,
        collect() {
          this.reset();
          samples(read()).forEach((s) => this.inc(s.labels, s.value));
        },
      });
    } else {
      const histogram = {
        name: spec.name,
        help: spec.help,
        type: 'histogram',
        aggregator: 'sum',
        get: async () => ({ ...histogram, values: histogramValues(spec.name, read()) }),
      };
      // A Registry renders any metric object that has name, help, type and get(); see the header comment.
      this.registry.registerMetric(histogram as unknown as Metric);
    }
  }

  /**
   * Renders one instant. All collect() callbacks run synchronously inside `metrics()` before its first await, so
   * concurrent renders cannot mix their values.
   */
  render(values: FamilyValues): Promise<string> {
    this.current = values;
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
