import { queryTypeInfo } from './queryTypes';
import type { RustyDBQuery } from './types';

/** The values a query narrows its rows (or, for pool stats, its requests) to, after variable expansion. */
export function wantedValues(type: string, target: RustyDBQuery, expandAll: (texts?: string[]) => string[]): string[] {
  const info = queryTypeInfo(type);
  if (info?.ids) {
    return expandAll(target[info.ids]);
  }
  return info?.levels ? expandAll(target.levels).map((v) => v.toLowerCase()) : [];
}

/** The query type's row filter: its id list (nodes, replicas) or its levels; case is ignored for levels. */
export function rowFilter(type: string, wanted: string[]): (value: unknown) => boolean {
  if (wanted.length === 0) {
    return () => true;
  }
  const byId = Boolean(queryTypeInfo(type)?.ids);
  const values = new Set(wanted);
  return (value) =>
    value !== null && value !== undefined && values.has(byId ? String(value) : String(value).toLowerCase());
}
