/**
 * RustyDB v0.6.5 as it really behaves (CONTRACT.md §3, §4): the fixture bodies, live only where the contract says
 * LIVE or SEMI (timestamps, request counters, TPS = requests ÷ 60, uptimes counted from the first access), the same
 * constants from `/pools/{id}/stats` whatever the id, and the ten real exposition families.
 */
import type { HealthResponse, PoolStatsResponse } from '../../src/rustydb/api/types';
import { METRICS, V065_EXPORTED_ORDER } from '../../src/rustydb/metrics';
import type { Context, ContextBase, Handlers, ProfileImpl } from '../bodies';
import { Exposition, FamilyValues } from '../exposition';
import { FIXTURES as F } from '../fixtures';
import { dropConnection, notFound, Reply } from '../http/reply';
import type { Faults, HealthStatus } from '../types';
import {
  connectionPaging,
  DEFAULT_PAGE_SIZE,
  echoPaging,
  metricsResponse,
  MetricsJsonValues,
  paginated,
  Paging,
  poolNotFound,
  systemTimeDebug,
} from './common';

/** The only pool whose numbers `/pools/{id}/stats` reports, whatever the id. */
const REPORTED_POOL = 'default';

/** The host values of the fixtures (load average × 10, host memory), unless a fault forces them. */
function host(faults: Faults): { cpu: number; memoryPercent: number; memoryBytes: number } {
  const fixture = F.statsPerformance;
  const memoryPercent = faults.memoryPercent ?? fixture.memory_usage_percent;
  const totalBytes = fixture.memory_usage_bytes / (fixture.memory_usage_percent / 100);
  return {
    cpu: faults.cpuPercent ?? fixture.cpu_usage_percent,
    memoryPercent,
    memoryBytes: Math.round((totalBytes * memoryPercent) / 100),
  };
}

function metricsValues(ctx: ContextBase): MetricsJsonValues {
  const { cpu, memoryPercent, memoryBytes } = host(ctx.faults);
  return {
    cache_hit_ratio: F.statsPerformance.cache_hit_ratio,
    memory_usage_percent: memoryPercent,
    total_requests: ctx.counters.total,
    disk_io_write_bytes: 0,
    avg_response_time: ctx.counters.avgResponseTimeMs,
    cpu_usage_percent: cpu,
    failed_requests: ctx.counters.failed,
    memory_usage_bytes: memoryBytes,
    successful_requests: ctx.counters.successful,
    disk_io_read_bytes: 0,
  };
}

function exportedValues(ctx: ContextBase): FamilyValues {
  const v = metricsValues(ctx);
  return {
    rustydb_total_requests: v.total_requests,
    rustydb_successful_requests: v.successful_requests,
    rustydb_failed_requests: v.failed_requests,
    rustydb_avg_response_time_ms: v.avg_response_time,
    rustydb_cpu_usage_percent: v.cpu_usage_percent,
    rustydb_memory_usage_bytes: v.memory_usage_bytes,
    rustydb_memory_usage_percent: v.memory_usage_percent,
    rustydb_disk_io_read_bytes: v.disk_io_read_bytes,
    rustydb_disk_io_write_bytes: v.disk_io_write_bytes,
    rustydb_cache_hit_ratio: v.cache_hit_ratio,
  };
}

function poolStats(faults: Faults): PoolStatsResponse {
  const forced = faults.pool?.id === REPORTED_POOL ? faults.pool : undefined;
  const active = forced?.active ?? F.poolStats.active_connections;
  const idle = forced?.idle ?? F.poolStats.idle_connections;
  return {
    ...F.poolStats,
    active_connections: active,
    idle_connections: idle,
    total_connections: active + idle,
    waiting_requests: forced?.waiting ?? F.poolStats.waiting_requests,
  };
}

/** `/api/v1/admin/health` with every check stamped now, and a forced status if any. */
function adminHealth(nowSec: number, forced: HealthStatus | undefined): HealthResponse {
  const checks: HealthResponse['checks'] = {};
  for (const [name, check] of Object.entries(F.adminHealth.checks)) {
    const status = forced !== undefined && name === 'database' ? forced : check.status;
    checks[name] = { ...check, status, last_check: nowSec };
  }
  return { ...F.adminHealth, status: forced ?? F.adminHealth.status, checks };
}

/** `/sessions` does not clamp, and `page_size=0` divides by zero: the connection drops. */
function sessionPaging(ctx: Context): Paging | Reply {
  const pageSize = Number(ctx.query.page_size ?? DEFAULT_PAGE_SIZE);
  return pageSize === 0 ? dropConnection() : { page: Number(ctx.query.page ?? 1), pageSize };
}

function probe<B extends { status: string; timestamp: number }>(body: B, ctx: Context): B {
  return { ...body, status: ctx.faults.health ?? body.status, timestamp: ctx.nowSec };
}

/**
 * RustyDB's `lazy_static` registries start their clocks when first touched, not when the server starts: server
 * info's uptime is 0 on the first call (CONTRACT §3.48), the seeded transaction starts 300 s before the transaction
 * registry's first access (§3.20), and so on.
 */
class LazyStatics {
  private readonly first = new Map<string, number>();

  initialisedAt(registry: string, nowSec: number): number {
    if (!this.first.has(registry)) {
      this.first.set(registry, nowSec);
    }
    return this.first.get(registry)!;
  }
}

export function v065Profile(): ProfileImpl {
  const statics = new LazyStatics();
  const exposition = new Exposition(V065_EXPORTED_ORDER.map((name) => METRICS.find((m) => m.name === name)!));
  const uptime = (registry: string, ctx: Context) => ctx.nowSec - statics.initialisedAt(registry, ctx.nowSec);
  const txnStartedAt = (ctx: Context) => statics.initialisedAt('transactions', ctx.nowSec) - 300;
  const clusterNode = (ctx: Context) => ({
    ...F.clusterNode,
    uptime_seconds: uptime('cluster', ctx),
    last_heartbeat: ctx.nowSec,
  });

  const handlers: Handlers = {
    adminHealth: (ctx) => adminHealth(ctx.nowSec, ctx.faults.health),
    healthLiveness: (ctx) => probe(F.healthLiveness, ctx),
    healthReadiness: (ctx) => ({ ...probe(F.healthReadiness, ctx), ready: ctx.faults.health !== 'unhealthy' }),
    healthStartup: (ctx) => probe(F.healthStartup, ctx),
    healthFull: (ctx) => ({
      ...probe(F.healthFull, ctx),
      liveness: probe(F.healthLiveness, ctx),
      readiness: { ...probe(F.healthReadiness, ctx), ready: ctx.faults.health !== 'unhealthy' },
      startup: probe(F.healthStartup, ctx),
    }),
    metrics: (ctx) => metricsResponse(ctx.nowSec, metricsValues(ctx)),
    statsPerformance: (ctx) => {
      const { cpu, memoryPercent, memoryBytes } = host(ctx.faults);
      return {
        ...F.statsPerformance,
        cpu_usage_percent: cpu,
        memory_usage_bytes: memoryBytes,
        memory_usage_percent: memoryPercent,
        transactions_per_second: ctx.counters.total / 60,
      };
    },
    statsSessions: () => F.statsSessions,
    statsQueries: (ctx) => ({
      ...F.statsQueries,
      total_queries: ctx.counters.total,
      avg_execution_time_ms: ctx.counters.avgResponseTimeMs,
    }),
    logs: () => F.logs,
    alerts: () => F.alerts,
    pools: () => F.pools,
    pool: (ctx) => F.pools.find((p) => p.pool_id === ctx.id) ?? poolNotFound(ctx.id, ctx.nowSec),
    poolStats: (ctx) => poolStats(ctx.faults),
    connections: (ctx) => {
      const { page, pageSize } = connectionPaging(ctx);
      return paginated([], page, pageSize);
    },
    connection: (ctx) => notFound(`Connection ${ctx.id} not found`, ctx.nowSec),
    sessions: (ctx) => {
      const paging = sessionPaging(ctx);
      return 'page' in paging ? paginated([], paging.page, paging.pageSize) : paging;
    },
    session: (ctx) => notFound('Session not found', ctx.nowSec),
    queryActive: () => F.queryActive,
    // Any id: the handler echoes it with constant progress.
    queryStatus: (ctx) => ({ ...F.queryStatus, query_id: ctx.id }),
    profilingQueries: (ctx) => ({ ...F.profilingQueries, ...echoPaging(ctx) }),
    monitoringAsh: (ctx) => ({ ...F.monitoringAsh, time_range: { start: ctx.nowSec - 3600, end: ctx.nowSec } }),
    incidents: (ctx) => ({ ...F.incidents, ...echoPaging(ctx) }),
    transactionsActive: (ctx) => F.transactionsActive.map((t) => ({ ...t, started_at: txnStartedAt(ctx) })),
    transaction: (ctx) =>
      Number(ctx.id) === F.transaction.transaction_id
        ? { ...F.transaction, started_at: txnStartedAt(ctx) }
        : notFound(`Transaction ${Number(ctx.id)} not found`, ctx.nowSec),
    locks: () => F.locks,
    lockWaiters: () => F.lockWaiters,
    lockGraph: () => F.lockGraph,
    deadlocks: () => F.deadlocks,
    mvccStatus: (ctx) => ({ ...F.mvccStatus, last_vacuum: ctx.nowSec - 3600 }),
    mvccSnapshots: (ctx) => F.mvccSnapshots.map((s) => ({ ...s, created_at: txnStartedAt(ctx) })),
    walStatus: (ctx) => ({ ...F.walStatus, last_checkpoint: ctx.nowSec - 300 }),
    walSegments: (ctx) => F.walSegments.map((s, i) => ({ ...s, created_at: ctx.nowSec - 3600 + i * 1800 })),
    walReplayStatus: (ctx) => ({ ...F.walReplayStatus, last_replay_timestamp: ctx.nowSec }),
    bufferStats: () => F.bufferStats,
    bufferHitRatio: () => F.bufferHitRatio,
    bufferEviction: () => F.bufferEviction,
    memoryStatus: () => F.memoryStatus,
    memoryPressure: () => F.memoryPressure,
    clusterNodes: (ctx) => [clusterNode(ctx)],
    clusterNode: (ctx) =>
      ctx.id === F.clusterNode.node_id ? clusterNode(ctx) : notFound(`Node '${ctx.id}' not found`, ctx.nowSec),
    clusterTopology: (ctx) => ({ ...F.clusterTopology, nodes: [clusterNode(ctx)] }),
    clusterReplication: () => F.clusterReplication,
    clusteringStatus: (ctx) => ({
      ...F.clusteringStatus,
      nodes: F.clusteringStatus.nodes.map((n) => ({
        ...n,
        uptime_seconds: uptime('clustering', ctx),
        last_heartbeat: ctx.nowSec,
      })),
    }),
    replicationStatus: (ctx) => ({
      ...F.replicationStatus,
      replicas: F.replicationStatus.replicas.map((r) => ({ ...r, last_sync: ctx.nowSec })),
    }),
    replicationLag: (ctx) => ({
      ...F.replicationLag,
      replicas: F.replicationLag.replicas.map((r, i) => ({ ...r, last_sync: ctx.nowSec - i })),
    }),
    racClusterStatus: (ctx) => {
      statics.initialisedAt('rac', ctx.nowSec);
      return { ...F.racClusterStatus, timestamp: ctx.nowSec };
    },
    racClusterStats: (ctx) => ({ ...F.racClusterStats, uptime_seconds: uptime('rac', ctx) }),
    networkStats: () => F.networkStats,
    networkHealth: (ctx) => ({
      ...F.networkHealth,
      nodes: F.networkHealth.nodes.map((n) => ({ ...n, last_check: systemTimeDebug(ctx.nowMs) })),
    }),
    securityThreats: () => F.securityThreats,
    securityThreatHistory: () => F.securityThreatHistory,
    securityInsiderThreats: () => F.securityInsiderThreats,
    auditLogs: () => F.auditLogs,
    auditStats: () => F.auditStats,
    serverInfo: (ctx) => ({
      ...F.serverInfo,
      uptime_seconds: uptime('server', ctx),
      started_at: statics.initialisedAt('server', ctx.nowSec),
    }),
    // The handler writes each family followed by a blank line; prom-client separates them with one.
    prometheus: async (ctx) => `${await exposition.render(exportedValues(ctx))}\n`,
  };
  return { handlers };
}
