/**
 * Explore's filter buttons on a log line's labels (Grafana's `DataSourceWithToggleableQueryFiltersSupport` and
 * `DataSourceWithQueryModificationSupport`, @grafana/data types/logs.ts): "filter for value" and "filter out value"
 * become `labelFilters` on the query that produced the line; `filterFrames.ts` applies them to its log lines.
 * Toggling follows Grafana's Loki data source (public/app/plugins/datasource/loki/datasource.ts): filter-for a
 * filter already there removes it, filter-out replaces a filter-for of the same label and value.
 */
import type { QueryFilterOptions, QueryFixAction, ToggleFilterAction } from '@grafana/data';
import type { LabelFilter, RustyDBQuery } from '../types';

/** The `modifyQuery` actions Explore's log details send (the Loki names). */
export const LABEL_FILTER_MODIFICATIONS = ['ADD_FILTER', 'ADD_FILTER_OUT'];

/** A label and value from Explore, or nothing when either is missing (Explore sends both; a plugin may not). */
function labelOf(options: QueryFilterOptions | undefined): { key: string; value: string } | undefined {
  const key = options?.key;
  const value = options?.value;
  return typeof key === 'string' && key !== '' && typeof value === 'string' ? { key, value } : undefined;
}

/** How a filter reads: `user != "app_user"` (the value quoted, so spaces and markup show as the text they are). */
export const filterText = (f: LabelFilter) => `${f.key} ${f.op} ${JSON.stringify(f.value)}`;

const same = (a: LabelFilter, b: LabelFilter) => a.key === b.key && a.value === b.value && a.op === b.op;

function has(query: RustyDBQuery, filter: LabelFilter): boolean {
  return (query.labelFilters ?? []).some((f) => same(f, filter));
}

/** The query without `filter`; the field disappears with its last filter, so the saved query stays as it was. */
function without(query: RustyDBQuery, filter: LabelFilter): RustyDBQuery {
  const { labelFilters, ...rest } = query;
  const kept = (labelFilters ?? []).filter((f) => !same(f, filter));
  return kept.length ? { ...rest, labelFilters: kept } : rest;
}

function withFilter(query: RustyDBQuery, filter: LabelFilter): RustyDBQuery {
  return has(query, filter) ? query : { ...query, labelFilters: [...(query.labelFilters ?? []), filter] };
}

/** Whether the query keeps only lines with this label value: Explore shows the filter-for button as active. */
export function queryHasFilter(query: RustyDBQuery, options: QueryFilterOptions): boolean {
  const label = labelOf(options);
  return label !== undefined && has(query, { ...label, op: '=' });
}

export function toggleQueryFilter(query: RustyDBQuery, action: ToggleFilterAction): RustyDBQuery {
  const label = labelOf(action.options);
  if (!label) {
    return query;
  }
  const keep: LabelFilter = { ...label, op: '=' };
  const drop: LabelFilter = { ...label, op: '!=' };
  switch (action.type) {
    case 'FILTER_FOR':
      return has(query, keep) ? without(query, keep) : withFilter(without(query, drop), keep);
    case 'FILTER_OUT':
      return withFilter(without(query, keep), drop);
    default:
      return query;
  }
}

/** `modifyQuery`: adds the filter (never removes one), as Loki does; other actions leave the query as it is. */
export function modifyQuery(query: RustyDBQuery, action: QueryFixAction): RustyDBQuery {
  const label = labelOf(action.options);
  if (!label) {
    return query;
  }
  switch (action.type) {
    case 'ADD_FILTER':
      return withFilter(without(query, { ...label, op: '!=' }), { ...label, op: '=' });
    case 'ADD_FILTER_OUT':
      return withFilter(without(query, { ...label, op: '=' }), { ...label, op: '!=' });
    default:
      return query;
  }
}
