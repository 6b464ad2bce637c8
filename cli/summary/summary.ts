import type { CapacityResource } from '../../src/rustydb/capacity';
import type { PrometheusClient, Sample } from './prometheus';
import { Scope, summaryQueries } from './queries';

/** The daily summary as data: the last 24 hours of one job, read from Prometheus. */

export interface WorstResource {
  resource: CapacityResource;
  instance: string;
  /** Set for a connection pool. */
  pool?: string;
  daysUntilLimit: number;
}

export interface DailySummary {
  scope: Scope;
  from: Date;
  to: Date;
  /** Ratios 0..1; null where Prometheus has no data (for example the histogram on RustyDB v0.6.5). */
  availability: number | null;
  errorRate: number | null;
  p95LatencySeconds: number | null;
  queriesPerSecond: number | null;
  errorBudgetRemaining: number | null;
  /** The resource closest to its limit; null when none is growing (or there is not yet a week of history). */
  worstResource: WorstResource | null;
}

const DAY_MS = 86_400_000;

/** The value of a one-sample answer; NaN (0/0 on an idle server) and an empty answer are "no data". */
function single(samples: Sample[]): number | null {
  const value = samples[0]?.value;
  return value === undefined || !Number.isFinite(value) ? null : value;
}

function worst(samples: Sample[]): WorstResource | null {
  const sample = samples.find((s) => Number.isFinite(s.value));
  if (!sample) {
    return null;
  }
  const { resource, instance, pool } = sample.labels;
  return {
    resource: resource as CapacityResource,
    instance: instance ?? '',
    ...(pool ? { pool } : {}),
    daysUntilLimit: sample.value,
  };
}

export async function dailySummary(prometheus: PrometheusClient, scope: Scope, now: Date): Promise<DailySummary> {
  const q = summaryQueries(scope);
  const [availability, errorRate, p95, qps, budget, days] = await Promise.all(
    [
      q.availability,
      q.errorRate,
      q.p95LatencySeconds,
      q.queriesPerSecond,
      q.errorBudgetRemaining,
      q.worstDaysUntilLimit,
    ].map((expr) => prometheus.query(expr, now))
  );
  return {
    scope,
    from: new Date(now.getTime() - DAY_MS),
    to: now,
    availability: single(availability),
    errorRate: single(errorRate),
    p95LatencySeconds: single(p95),
    queriesPerSecond: single(qps),
    errorBudgetRemaining: single(budget),
    worstResource: worst(days),
  };
}
