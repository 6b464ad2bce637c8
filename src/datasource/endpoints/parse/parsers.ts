import { QueryResultMetaNotice } from '@grafana/data';
import { ENDPOINTS, EndpointKey } from '../../../rustydb/api/endpoints';
import type { ParseContext, Parser } from '../area';
import { FrameOptions, snapshotFrame, tableFrame } from './frames';
import { Row } from '../../../rustydb/json';
import { asList, asObject, FieldSpec, Issues, objectRows, rowsWithIds } from './read';

/** Adds computed values (ratios, unit conversions) to a record before its fields are read. */
export type Derive = (record: Row) => Row;

export interface SnapshotOptions {
  name: string;
  derive?: Derive;
  /** Notices that depend on the values (e.g. placeholders RustyDB v0.6.5 hard-codes). */
  notices?: (record: Row) => QueryResultMetaNotice[];
}

/** Parser of an endpoint that answers one object: a one-row time series of the given fields. */
export function snapshotParser(endpoint: EndpointKey, specs: FieldSpec[], opts: SnapshotOptions): Parser {
  const path = ENDPOINTS[endpoint].path;
  return (body, ctx) => {
    const record = asObject(body, path);
    const row = opts.derive ? { ...record, ...opts.derive(record) } : record;
    return [
      snapshotFrame(ctx, row, specs, new Issues(path), { name: opts.name, path, notices: opts.notices?.(record) }),
    ];
  };
}

export interface ListOptions {
  name: string;
  /** Where the list sits in an object body; the body itself is the list when unset. */
  listKey?: string;
  /** The field the query's filter (`ctx.keep`) applies to. */
  filterKey?: string;
  /** Rows outside the dashboard's time range are dropped when set (events, history). */
  timeKey?: string;
  derive?: Derive;
  visualisation?: FrameOptions['visualisation'];
  /** Notices about the body as a whole (e.g. deadlock cycles beside a list of waiters). */
  bodyNotices?: (body: unknown) => QueryResultMetaNotice[];
}

/** The rows of a list the query keeps: filter values and time range. */
export function keptRows(rows: Row[], ctx: ParseContext, opts: Pick<ListOptions, 'filterKey' | 'timeKey'>): Row[] {
  const { filterKey, timeKey } = opts;
  return rows.filter((row) => {
    if (filterKey && !ctx.keep(row[filterKey])) {
      return false;
    }
    if (timeKey && typeof row[timeKey] === 'number') {
      const ms = (row[timeKey] as number) * 1000;
      return ms >= ctx.range.from && ms <= ctx.range.to;
    }
    return true;
  });
}

/** The list of an endpoint's body (or of one of its keys), at most MAX_ROWS objects. */
export function listRows(
  body: unknown,
  path: string,
  listKey: string | undefined,
  issues: Issues,
  derive?: Derive
): Row[] {
  const list = listKey === undefined ? asList(body, path) : asList(asObject(body, path)[listKey], path, listKey);
  const rows = objectRows(list, listKey ?? 'list', issues);
  return derive ? rows.map((row) => ({ ...row, ...derive(row) })) : rows;
}

/** Says why a table or series list is empty, so an empty panel is never unexplained. */
export function emptyNotices(path: string, total: number, kept: number): QueryResultMetaNotice[] {
  if (kept > 0) {
    return [];
  }
  const text =
    total === 0
      ? `${path} returned no entries.`
      : `None of the ${total} entries of ${path} match the filter or time range.`;
  return [{ severity: 'info', text }];
}

/** Parser of a list: a table, one row per element. */
export function listParser(endpoint: EndpointKey, specs: FieldSpec[], opts: ListOptions): Parser {
  const path = ENDPOINTS[endpoint].path;
  return (body, ctx) => {
    const issues = new Issues(path);
    const all = listRows(body, path, opts.listKey, issues, opts.derive);
    const rows = keptRows(all, ctx, opts);
    const notices = [...emptyNotices(path, all.length, rows.length), ...(opts.bodyNotices?.(body) ?? [])];
    return [
      tableFrame(ctx, rows, specs, issues, { name: opts.name, path, notices, visualisation: opts.visualisation }),
    ];
  };
}

/** Parser of a list whose every element is one series: one snapshot frame per element, labelled with its id. */
export function seriesParser(
  endpoint: EndpointKey,
  specs: FieldSpec[],
  opts: ListOptions & { idKey: string; label: string }
): Parser {
  const path = ENDPOINTS[endpoint].path;
  return (body, ctx) => {
    const listIssues = new Issues(path);
    const all = listRows(body, path, opts.listKey, listIssues, opts.derive);
    const identified = rowsWithIds(
      keptRows(all, ctx, { filterKey: opts.filterKey ?? opts.idKey }),
      opts.idKey,
      listIssues
    );
    if (identified.length === 0) {
      return [
        tableFrame(ctx, [], specs, listIssues, { name: opts.name, path, notices: emptyNotices(path, all.length, 0) }),
      ];
    }
    return identified.map(({ id, row }, i) => {
      return snapshotFrame(ctx, row, specs, new Issues(`${path} (${id})`), {
        name: `${opts.name} ${id}`,
        path,
        labels: { [opts.label]: id },
        notices: i === 0 ? listIssues.notices() : undefined,
      });
    });
  };
}
