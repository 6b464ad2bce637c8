/**
 * A query's `labelFilters` (Explore's filter buttons, `filters.ts`) applied to its log lines: every filter must hold.
 * A label a line lacks counts as empty text, as in LogQL, so "filter out" keeps lines without that label. Values are
 * compared as exact text; nothing in them is a pattern, markup or a variable.
 */
import type { DataFrame, DataQueryResponse, QueryResultMetaNotice } from '@grafana/data';
import { isLogFrame } from '../endpoints/logFrame';
import type { LabelFilter, RustyDBQuery } from '../types';
import { filterText } from './filters';

function passes(labels: unknown, filters: LabelFilter[]): boolean {
  const record = typeof labels === 'object' && labels !== null ? (labels as Record<string, unknown>) : {};
  return filters.every((f) => {
    const value = Object.prototype.hasOwnProperty.call(record, f.key) ? String(record[f.key]) : '';
    return (value === f.value) === (f.op === '=');
  });
}

/** The frame with only the lines that pass, saying how many the filters kept. */
export function filterLogFrame(frame: DataFrame, filters: LabelFilter[]): DataFrame {
  const labels = frame.fields.find((f) => f.name === 'labels');
  if (!filters.length || !labels || !isLogFrame(frame)) {
    return frame;
  }
  const kept = labels.values.flatMap((value, i) => (passes(value, filters) ? [i] : []));
  const notice: QueryResultMetaNotice = {
    severity: 'info',
    text: `Label filters (${filters.map(filterText).join(', ')}) kept ${kept.length} of ${frame.length} lines.`,
  };
  return {
    ...frame,
    length: kept.length,
    fields: frame.fields.map((field) => ({ ...field, values: kept.map((i) => field.values[i]) })),
    meta: { ...frame.meta, notices: [...(frame.meta?.notices ?? []), notice] },
  };
}

/** Each log frame of the answer filtered by the label filters of the query (by refId) that produced it. */
export function filterLogFrames(response: DataQueryResponse, targets: RustyDBQuery[]): DataQueryResponse {
  const filtersOf = new Map(targets.map((t) => [t.refId, t.labelFilters ?? []]));
  if (![...filtersOf.values()].some((filters) => filters.length)) {
    return response;
  }
  return {
    ...response,
    data: response.data.map((frame: DataFrame) => filterLogFrame(frame, filtersOf.get(frame.refId ?? '') ?? [])),
  };
}
