import { filterText } from './labelFilters/filters';
import { migrateQuery } from './migration';
import { EVENT_SOURCE_OPTIONS, queryTypeInfo } from './queryTypes';
import { messageOf } from './transport/errors';
import { DEFAULT_QUERY, QueryType, RustyDBQuery } from './types';

const list = (values: string[] | undefined) => (values?.length ? values.join(', ') : undefined);

/** The parts that say what a query reads, beyond its type and view. */
function parameters(query: RustyDBQuery, type: string): Array<string | undefined> {
  const info = queryTypeInfo(type);
  const audit = query.audit ?? {};
  return [
    type === QueryType.Raw ? query.path : undefined,
    type === QueryType.Events
      ? (EVENT_SOURCE_OPTIONS.find((o) => o.value === query.eventSource)?.label ?? query.eventSource ?? 'Alerts')
      : undefined,
    info?.ids ? list(query[info.ids]) : undefined,
    info?.levels ? list(query.levels) : undefined,
    audit.userId && `user ${audit.userId}`,
    audit.sessionId && `session ${audit.sessionId}`,
    audit.objectName && `object ${audit.objectName}`,
    audit.limit !== undefined ? `limit ${audit.limit}` : undefined,
    query.labelFilters?.length ? query.labelFilters.map(filterText).join(', ') : undefined,
    query.live ? (query.intervalMs ? `live every ${query.intervalMs} ms` : 'live') : undefined,
  ];
}

/**
 * One line for Grafana's query history and the collapsed query row: the type's and view's labels, then what the
 * query narrows to, e.g. `Transactions and locks · Lock waiters` or `Pool stats · default, readonly · live`.
 */
export function queryDisplayText(raw: unknown): string {
  let query: RustyDBQuery;
  try {
    query = migrateQuery(raw);
  } catch (err) {
    return `Unreadable RustyDB query: ${messageOf(err)}`;
  }
  const type = query.queryType || String(DEFAULT_QUERY.queryType);
  const info = queryTypeInfo(type);
  const view = info?.views
    ? (info.views.find((v) => v.value === (query.view || info.views![0].value))?.label ?? query.view)
    : query.view;
  return [info?.label ?? type, view, ...parameters(query, type)].filter(Boolean).join(' · ');
}
