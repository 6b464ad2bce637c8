/**
 * The REST routes: every endpoint of `src/rustydb/api/endpoints.ts`, plus `/connections/{id}` and the Prometheus
 * exposition, each with the extractors RustyDB's handler declares (a `u64` or `String` id; which query fields).
 */
import { ENDPOINTS, EndpointKey, PROMETHEUS_PATH } from '../src/rustydb/api/endpoints';
import type { Answer, Context, ContextBase, Handlers } from './bodies';
import { json, Reply, text } from './http/reply';
import type { ParamKind, QueryKind, Route } from './http/router';

const PAGINATION: Record<string, QueryKind> = {
  page: 'usize',
  page_size: 'usize',
  sort_by: 'string',
  sort_order: 'string',
};
const AUDIT_QUERY: Record<string, QueryKind> = {
  start_time: 'i64',
  end_time: 'i64',
  user_id: 'string',
  session_id: 'string',
  object_name: 'string',
  action: 'string',
  limit: 'usize',
  offset: 'usize',
};

const QUERY_SPECS: Partial<Record<EndpointKey, Record<string, QueryKind>>> = {
  logs: PAGINATION,
  connections: PAGINATION,
  sessions: PAGINATION,
  profilingQueries: PAGINATION,
  incidents: PAGINATION,
  auditLogs: AUDIT_QUERY,
};

/** Ids that are `u64` newtypes in Rust; every other `{id}` is a `String`. */
const U64_IDS: ReadonlySet<EndpointKey> = new Set<EndpointKey>(['session', 'transaction']);

function toReply<B>(answer: Answer<B>): Reply {
  return answer instanceof Reply ? answer : json(answer);
}

export function buildRoutes(handlers: Handlers): Array<Route<ContextBase>> {
  const endpointRoutes = (Object.keys(ENDPOINTS) as EndpointKey[]).map((key): Route<ContextBase> => ({
    pattern: ENDPOINTS[key].path,
    param: (U64_IDS.has(key) ? 'u64' : 'string') as ParamKind,
    query: QUERY_SPECS[key],
    handle: (ctx) => toReply((handlers[key] as (c: Context) => Answer<unknown>)(ctx)),
  }));
  return [
    ...endpointRoutes,
    { pattern: '/api/v1/connections/{id}', param: 'u64', handle: (ctx) => toReply(handlers.connection(ctx)) },
    // `ApiResult<String>`: axum sends text/plain; charset=utf-8 without Prometheus' `version=0.0.4`.
    { pattern: PROMETHEUS_PATH, handle: async (ctx) => text(await handlers.prometheus(ctx)) },
  ];
}
