import { DAYS_UNTIL_LIMIT_RECORD } from '../../src/rustydb/capacity';

/**
 * The daily summary's PromQL, each an instant query over the last day. The SLO and capacity figures read the
 * project's recording rules (monitoring/rules), so the summary says what the dashboards and alerts say.
 */

export interface Scope {
  /** The Prometheus job of the RustyDB targets (the SLO series are per job). */
  job: string;
  /** A regular expression of instances: `.+` for all. */
  instance: string;
}

const quote = (value: string) => JSON.stringify(value);

export function summaryQueries({ job, instance }: Scope) {
  const targets = `job=${quote(job)}, instance=~${quote(instance)}`;
  const availabilitySlo = `slo="rustydb-availability", job=${quote(job)}`;
  return {
    /** Share of the day's scrapes that reached the server. */
    availability: `avg(avg_over_time(up{${targets}}[1d]))`,
    /** Share of the day's HTTP requests that failed: the availability SLI over one day. */
    errorRate: `max(slo:sli_error:ratio_rate1d{${availabilitySlo}})`,
    p95LatencySeconds: `histogram_quantile(0.95, sum by (le) (rate(rustydb_query_duration_seconds_bucket{${targets}}[1d])))`,
    // The day's mean of the 5-minute rates: right on a server Prometheus has watched for less than a day too, where
    // rate(...[1d]) would divide that part-day's queries by a whole day.
    queriesPerSecond: `sum(avg_over_time(instance:rustydb_queries:rate5m{${targets}}[1d]))`,
    errorBudgetRemaining: `min(slo:error_budget_remaining:ratio{${availabilitySlo}})`,
    /** The resource closest to its limit, with its labels (resource, instance, pool). */
    worstDaysUntilLimit: `bottomk(1, ${DAYS_UNTIL_LIMIT_RECORD}{${targets}})`,
  } as const;
}

export type SummaryQueries = ReturnType<typeof summaryQueries>;
