/**
 * Capacity planning: the limits each resource is forecast against, and how far ahead. The guide's best practices
 * ("forecast capacity needs, alert when the 90-day forecast crosses the threshold") give the horizon; the limits are
 * the levels past which the server is in trouble. The capacity rules (monitoring/rules/rustydb-capacity.yml), the
 * Capacity dashboard and `rustydb-check summary` read them from here; a test compares the rules with this file.
 */
import { THRESHOLDS } from './thresholds';

/** How far ahead the forecast alerts look, in days. */
export const FORECAST_DAYS = 90;

/** The windows of the growth rules: the last day's mean against the mean of the same day a week earlier. */
export const GROWTH_WINDOW = '1d';
export const GROWTH_BASELINE_OFFSET_DAYS = 7;

/** Days until a limit at or under these are critical / a warning on the dashboard and in the summary. */
export const DAYS_UNTIL_LIMIT_LEVELS = { critical: 30, warning: FORECAST_DAYS } as const;

export type CapacityResource = 'disk' | 'memory' | 'connections' | 'pool';

/**
 * Recording rules with one series per resource (label `resource`): the 90-day forecast of the busy level as a share
 * of the limit (1 = reaches it), and the days until the limit (only while the resource grows).
 */
export const FORECAST_RECORD = 'instance:rustydb_capacity:forecast90d_per_limit';
export const DAYS_UNTIL_LIMIT_RECORD = 'instance:rustydb_capacity:days_until_limit';

export interface CapacityLimit {
  resource: CapacityResource;
  /** As people say it. */
  label: string;
  /** The limit, in `unit`. For connections and pools it is the share of the configured maximum (max_connections, pool size). */
  limit: number;
  /** Grafana unit id of `limit` and of the usage it applies to. */
  unit: 'percent' | 'percentunit';
  /** The forecast alert on this resource. */
  alert: string;
}

export const CAPACITY_LIMITS: readonly CapacityLimit[] = [
  {
    resource: 'disk',
    label: 'disk',
    // The Lightning guide's "less than 10 % disk space remaining".
    limit: 90,
    unit: 'percent',
    alert: 'RustyDBDiskForecastFull',
  },
  {
    resource: 'memory',
    label: 'memory',
    limit: THRESHOLDS.memoryPercent.critical,
    unit: 'percent',
    alert: 'RustyDBMemoryForecastFull',
  },
  {
    resource: 'connections',
    label: 'connections',
    limit: 1,
    unit: 'percentunit',
    alert: 'RustyDBConnectionsForecastExhausted',
  },
  {
    resource: 'pool',
    label: 'pool',
    limit: 1,
    unit: 'percentunit',
    alert: 'RustyDBPoolForecastExhausted',
  },
];
