import { ThresholdsConfig } from '@grafana/data';

/** What a field can mean for a pool. Every role but the pool id is a number. */
export type Role = 'poolId' | 'active' | 'idle' | 'total' | 'waiting' | 'max' | 'acquired' | 'created' | 'destroyed';
export type NumericRole = Exclude<Role, 'poolId'>;

/** Field (display) names chosen per role in the panel options; an unset role is matched automatically by name. */
export type FieldMapping = Partial<Record<Role, string>>;

export type SortOrder = 'worst' | 'name' | 'utilisation' | 'waiting';

/** The sort orders as the panel editor and the panel's own sort control offer them. */
export const SORT_OPTIONS: Array<{ value: SortOrder; label: string }> = [
  { value: 'worst', label: 'Worst first' },
  { value: 'name', label: 'Name' },
  { value: 'utilisation', label: 'Utilisation' },
  { value: 'waiting', label: 'Waiting' },
];
export type LayoutChoice = 'auto' | 'cards' | 'list';

export interface PoolStatsOptions {
  fields: FieldMapping;
  sortBy: SortOrder;
  /** Initial text of the filter box; dashboard variables are interpolated (e.g. `$pool`). */
  filter: string;
  showFilter: boolean;
  layout: LayoutChoice;
  showTrend: boolean;
  /** A URL template for each pool; `${pool}` becomes the URL-encoded pool id. Empty: field-config data links only. */
  poolLinkUrl: string;
}

/** The panel's custom field config: the standard thresholds colour utilisation, these colour waiting requests. */
export interface PoolFieldConfig {
  waitingThresholds?: ThresholdsConfig;
}

export const DEFAULT_OPTIONS: PoolStatsOptions = {
  fields: {},
  sortBy: 'worst',
  filter: '',
  showFilter: true,
  layout: 'auto',
  showTrend: true,
  poolLinkUrl: '',
};
