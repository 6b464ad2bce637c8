/**
 * Sessions, connections, statements, transactions and locks of the documented server, with pagination that really
 * slices (the guide's server) and 404s for ids that are not connected right now.
 */
import type {
  ConnectionInfo,
  LockWaiter,
  LockWaitGraph,
  PaginatedResponse,
  QueryProfile,
  QueryStatsResponse,
  SessionStatsResponse,
  TopQueryInfo,
  TransactionDetails,
} from '../../../src/rustydb/api/types';
import type { Answer, Context } from '../../bodies';
import { notFound } from '../../http/reply';
import { STATEMENTS } from '../../model/catalogue';
import { meanSec } from '../../model/latency';
import { deadlocksOf, slowQueriesOf } from '../../model/history';
import { pick, pickInt } from '../../model/prng';
import { connectionOf, waitersOf } from '../../model/sessions';
import { connectionPaging, echoPaging, paginated, Paging } from '../common';
import type { View } from './view';

export function page<T>(items: T[], { page: p, pageSize }: Paging): T[] {
  return items.slice((p - 1) * pageSize, p * pageSize);
}

/** Pages a list by `?page=&page_size=`, echoed back as given (a page size of 0 reads as 1). */
export function pageOf<T>(items: T[], ctx: Context): { items: T[]; page: number; page_size: number } {
  const echoed = echoPaging(ctx);
  return { items: page(items, { page: echoed.page, pageSize: Math.max(1, echoed.page_size) }), ...echoed };
}

function paginate<T>(items: T[], paging: Paging): PaginatedResponse<T> {
  return paginated(page(items, paging), paging.page, paging.pageSize, items.length);
}

export function sessionStats(v: View): SessionStatsResponse {
  const sessions = v.sessions.map((s) => s.info);
  const peak = v.snap.gauges.pools.reduce((sum, p) => sum + p.spec.config.max_connections * p.spec.peakUtilisation, 0);
  return {
    active_sessions: sessions.filter((s) => s.state === 'active').length,
    idle_sessions: sessions.filter((s) => s.state === 'idle').length,
    sessions,
    total_connections: sessions.length,
    peak_connections: Math.max(sessions.length, Math.round(peak * 1.2)),
  };
}

export const activityBodies = {
  sessions: (v: View, ctx: Context) =>
    paginate(
      v.sessions.map((s) => s.info),
      connectionPaging(ctx)
    ),
  session: (v: View, ctx: Context) =>
    v.sessions.find((s) => String(s.info.session_id) === String(Number(ctx.id)))?.info ??
    notFound('Session not found', ctx.nowSec),
  connections: (v: View, ctx: Context): PaginatedResponse<ConnectionInfo> =>
    paginate(
      v.sessions.map((s) => connectionOf(s, v.snap.nowSec)),
      connectionPaging(ctx)
    ),
  connection: (v: View, ctx: Context): Answer<ConnectionInfo> => {
    const s = v.sessions.find((x) => x.info.session_id === Number(ctx.id));
    return s ? connectionOf(s, v.snap.nowSec) : notFound(`Connection ${Number(ctx.id)} not found`, ctx.nowSec);
  },
};

function topQueries(v: View): TopQueryInfo[] {
  const queries = v.snap.totals.queries;
  return STATEMENTS.map((s) => {
    const count = Math.floor(queries * s.weight);
    return {
      query_pattern: s.pattern,
      execution_count: count,
      total_time_ms: Math.round(count * s.typicalMs),
      avg_time_ms: s.typicalMs,
    };
  });
}

export function queryStats(v: View): QueryStatsResponse {
  const g = v.snap.gauges;
  return {
    total_queries: v.snap.totals.queries,
    queries_per_second: g.qps,
    avg_execution_time_ms: meanSec(g.latency) * 1000,
    slow_queries: slowQueriesOf(v.world, v.seed, v.snap),
    top_queries: topQueries(v),
  };
}

export function queryProfiles(v: View): QueryProfile[] {
  return STATEMENTS.map((s, i) => {
    const count = Math.floor(v.snap.totals.queries * s.weight);
    return {
      query_id: s.id,
      query_text: s.pattern,
      execution_count: count,
      total_time_ms: Math.round(count * s.typicalMs),
      avg_time_ms: s.typicalMs,
      min_time_ms: Math.floor(s.typicalMs / 4),
      max_time_ms: Math.round(s.typicalMs * 40),
      total_rows_returned: count * s.rows,
      avg_rows_returned: s.rows,
      cache_hit_ratio: Math.min(0.999, v.snap.gauges.cacheHitRatio + 0.002 * i),
      last_executed: v.snap.nowSec,
      execution_plan: s.typicalMs > 100 ? 'HashAggregate -> Hash Join -> Seq Scan' : null,
    };
  });
}

const MODIFIED_TABLES = ['orders', 'order_items', 'inventory', 'payments'] as const;

export function transactionDetails(v: View, ctx: Context): Answer<TransactionDetails> {
  const id = Number(ctx.id);
  const t = v.transactions.find((x) => x.transaction_id === id);
  if (!t) {
    return notFound(`Transaction ${id} not found`, ctx.nowSec);
  }
  const tables = t.read_only ? [] : [pick(v.seed, 'txn-table', id, MODIFIED_TABLES)];
  return {
    ...t,
    locks_held: v.locks.filter((l) => l.transaction_id === id),
    modified_tables: tables,
    wal_bytes_written: t.rows_affected * pickInt(v.seed, 'wal-per-row', id, 120, 400),
  };
}

/** Pairs of transactions that wait for each other. */
function mutualWaits(waiters: LockWaiter[]): number[][] {
  const edges = new Set(waiters.map((w) => `${w.transaction_id}>${w.waiting_for_transaction}`));
  return waiters
    .filter(
      (w) =>
        w.transaction_id < w.waiting_for_transaction && edges.has(`${w.waiting_for_transaction}>${w.transaction_id}`)
    )
    .map((w) => [w.transaction_id, w.waiting_for_transaction]);
}

const DEADLOCK_VISIBLE_SEC = 30;

/** The waits-for graph; its cycles, and the pairs of deadlocks detected in the last 30 s, are potential deadlocks. */
export function lockWaitGraph(v: View): LockWaitGraph {
  const waiters = waitersOf(v.seed, v.locks, v.snap.tSec);
  const recent = deadlocksOf(v.world, v.seed, v.snap).filter(
    (d) => d.detected_at > v.snap.nowSec - DEADLOCK_VISIBLE_SEC
  );
  return { waiters, potential_deadlocks: [...mutualWaits(waiters), ...recent.map((d) => d.transactions)] };
}
