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

export interface CapacityLimit {
  resource: CapacityResource;
  /** As people say it. */
  label: string;
  /** The limit, in `unit`. For connections and pools it is the share of the configured maximum (max_connections, pool size). */
  limit: number;
  /** Grafana unit id of `limit` and of the usage it applies to. */
  unit: 'percent' | 'percentunit';
  /** Recording rules: the 90-day forecast as a share of the limit (1 = reaches it) and the days until the limit. */
  forecastRecord: string;
  daysUntilRecord: string;
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
    forecastRecord: 'instance:rustydb_disk_usage_percent:forecast90d_per_limit',
    daysUntilRecord: 'instance:rustydb_disk_usage_percent:days_until_limit',
    alert: 'RustyDBDiskForecastFull',
  },
  {
    resource: 'memory',
    label: 'memory',
    limit: THRESHOLDS.memoryPercent.critical,
    unit: 'percent',
    forecastRecord: 'instance:rustydb_memory_usage_percent:forecast90d_per_limit',
    daysUntilRecord: 'instance:rustydb_memory_usage_percent:days_until_limit',
    alert: 'RustyDBMemoryForecastFull',
  },
  {
    resource: 'connections',
    label: 'connections',
    limit: 1,
    unit: 'percentunit',
    forecastRecord: 'instance:rustydb_active_connections:forecast90d_per_limit',
    daysUntilRecord: 'instance:rustydb_active_connections:days_until_limit',
    alert: 'RustyDBConnectionsForecastExhausted',
  },
  {
    resource: 'pool',
    label: 'pool',
    limit: 1,
    unit: 'percentunit',
    forecastRecord: 'instance_pool:rustydb_connection_pool_active:forecast90d_per_limit',
    daysUntilRecord: 'instance_pool:rustydb_connection_pool_active:days_until_limit',
    alert: 'RustyDBPoolForecastExhausted',
  },
];
