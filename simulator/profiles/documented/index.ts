/**
 * The server the Monitoring Guide describes: values that move with a daily load curve and seeded episodes, populated
 * lists, per-pool statistics (404 for unknown pools), and the full metric catalogue on `/api/v1/metrics/prometheus`
 * and on the exporter port. Every body is built from one `View` of the model per instant.
 */
import { METRICS } from '../../../src/rustydb/metrics';
import type { ContextBase, Handlers, ProfileImpl } from '../../bodies';
import { Exposition } from '../../exposition';
import { FIXTURES } from '../../fixtures';
import { notFound } from '../../http/reply';
import { POOLS, SERVER_VERSION } from '../../model/catalogue';
import { alertsOf, incidentsOf, logsOf } from '../../model/conditions';
import { deadlocksOf, threatsOf } from '../../model/history';
import { activeQueriesOf, ashSamplesOf, waitingLocks } from '../../model/sessions';
import { poolCreatedTotal, World } from '../../model/world';
import { metricsResponse, poolNotFound } from '../common';
import {
  activityBodies,
  lockWaitGraph,
  pageOf,
  queryProfiles,
  queryStats,
  sessionStats,
  transactionDetails,
} from './activity';
import {
  clusteringStatus,
  clusterNodes,
  clusterReplication,
  networkHealth,
  networkStats,
  racStats,
  racStatus,
  replicationLag,
  replicationStatus,
  topology,
} from './cluster';
import { catalogueValues } from './exported';
import { adminHealth, healthBodies } from './health';
import { auditLogs, auditStats, threatStatus } from './security';
import {
  bufferStats,
  evictionStats,
  hitRatio,
  memoryPressure,
  memoryStatus,
  mvccSnapshots,
  mvccStatus,
  walReplayStatus,
  walSegments,
  walStatus,
} from './storage';
import { View, Views } from './view';

const ASH_WINDOW_SEC = 300;

export function documentedProfile(seed: number, startMs: number): ProfileImpl {
  const world = new World(seed, startMs);
  const views = new Views(world, seed);
  const exposition = new Exposition(METRICS);
  /** Adapts a view-based builder to a handler. */
  const at =
    <C extends ContextBase, R>(build: (v: View, ctx: C) => R) =>
    (ctx: C): R =>
      build(views.at(ctx.nowMs), ctx);
  const render = (ctx: ContextBase) => exposition.render(catalogueValues(views.at(ctx.nowMs), ctx.counters));
  // Integrating the hours before the simulator started takes ~0.1 s: do it now rather than in the first request.
  views.at(startMs);
  const pool = (v: View, id: string) => v.snap.gauges.pools.find((p) => p.spec.config.pool_id === id);

  const handlers: Handlers = {
    adminHealth: at((v) => adminHealth(v.snap)),
    healthLiveness: at((v) => healthBodies.liveness(v.snap)),
    healthReadiness: at((v) => healthBodies.readiness(v.snap)),
    healthStartup: at((v) => healthBodies.startup(v.snap)),
    healthFull: at((v) => healthBodies.full(v.snap)),
    metrics: at((v, ctx) => {
      const { gauges: g, totals: t } = v.snap;
      return metricsResponse(v.snap.nowSec, {
        cache_hit_ratio: g.cacheHitRatio,
        memory_usage_percent: g.memoryPercent,
        total_requests: ctx.counters.total,
        disk_io_write_bytes: t.diskWrite,
        avg_response_time: ctx.counters.avgResponseTimeMs,
        cpu_usage_percent: g.cpuPercent,
        failed_requests: ctx.counters.failed,
        memory_usage_bytes: g.memoryBytes,
        successful_requests: ctx.counters.successful,
        disk_io_read_bytes: t.diskRead,
      });
    }),
    statsPerformance: at((v) => {
      const { gauges: g, totals: t } = v.snap;
      return {
        cpu_usage_percent: g.cpuPercent,
        memory_usage_bytes: g.memoryBytes,
        memory_usage_percent: g.memoryPercent,
        disk_io_read_bytes: t.diskRead,
        disk_io_write_bytes: t.diskWrite,
        cache_hit_ratio: g.cacheHitRatio,
        transactions_per_second: g.tps,
        locks_held: g.locksHeld,
        deadlocks: t.deadlocks,
      };
    }),
    statsSessions: at(sessionStats),
    statsQueries: at(queryStats),
    logs: at((v, ctx) => {
      const entries = logsOf(world, seed, v.snap);
      const { items, page, page_size } = pageOf(entries, ctx);
      return { entries: items, total_count: entries.length, has_more: page * page_size < entries.length };
    }),
    alerts: at((v) => {
      const alerts = alertsOf(world, v.snap);
      return { alerts, active_count: alerts.filter((a) => !a.acknowledged).length };
    }),
    pools: () => POOLS.map((p) => p.config),
    pool: (ctx) => POOLS.find((p) => p.config.pool_id === ctx.id)?.config ?? poolNotFound(ctx.id, ctx.nowSec),
    poolStats: at((v, ctx) => {
      const p = pool(v, ctx.id);
      if (!p) {
        return poolNotFound(ctx.id, ctx.nowSec);
      }
      const index = POOLS.indexOf(p.spec);
      const { poolAcquired, poolChurn } = v.snap.totals;
      return {
        pool_id: ctx.id,
        active_connections: p.active,
        idle_connections: p.idle,
        total_connections: p.total,
        waiting_requests: p.waiting,
        total_acquired: poolAcquired[index],
        total_created: poolCreatedTotal(v.snap.totals, index),
        total_destroyed: poolChurn[index],
      };
    }),
    connections: at(activityBodies.connections),
    connection: at(activityBodies.connection),
    sessions: at(activityBodies.sessions),
    session: at(activityBodies.session),
    queryActive: at((v) => activeQueriesOf(seed, v.sessions, v.snap.tSec)),
    queryStatus: at(
      (v, ctx) =>
        activeQueriesOf(seed, v.sessions, v.snap.tSec).find((q) => q.query_id === ctx.id) ??
        notFound(`Query '${ctx.id}' not found`, ctx.nowSec)
    ),
    profilingQueries: at((v, ctx) => {
      const profiles = queryProfiles(v);
      const { items, page, page_size } = pageOf(profiles, ctx);
      return { profiles: items, total_count: profiles.length, page, page_size };
    }),
    monitoringAsh: at((v) => {
      const samples = ashSamplesOf(seed, v.sessions, v.snap.nowSec);
      return {
        samples,
        total_count: samples.length,
        sample_interval_seconds: 10,
        time_range: { start: v.snap.nowSec - ASH_WINDOW_SEC, end: v.snap.nowSec },
      };
    }),
    incidents: at((v, ctx) => {
      const incidents = incidentsOf(seed, v.snap);
      const { items, page, page_size } = pageOf(incidents, ctx);
      return { incidents: items, total_count: incidents.length, page, page_size };
    }),
    transactionsActive: at((v) => v.transactions),
    transaction: at(transactionDetails),
    locks: at((v) => {
      const waiting = waitingLocks(v.snap);
      return {
        total_locks: v.locks.length,
        granted_locks: v.locks.length - waiting,
        waiting_locks: waiting,
        locks: v.locks,
      };
    }),
    lockWaiters: at(lockWaitGraph),
    lockGraph: at(lockWaitGraph),
    deadlocks: at((v) => deadlocksOf(world, seed, v.snap)),
    mvccStatus: at(mvccStatus),
    mvccSnapshots: at(mvccSnapshots),
    walStatus: at(walStatus),
    walSegments: at(walSegments),
    walReplayStatus: at(walReplayStatus),
    bufferStats: at(bufferStats),
    bufferHitRatio: at(hitRatio),
    bufferEviction: at(evictionStats),
    memoryStatus: at(memoryStatus),
    memoryPressure: at(memoryPressure),
    clusterNodes: at(clusterNodes),
    clusterNode: at(
      (v, ctx) =>
        clusterNodes(v).find((n) => n.node_id === ctx.id) ?? notFound(`Node '${ctx.id}' not found`, ctx.nowSec)
    ),
    clusterTopology: at(topology),
    clusterReplication: at(clusterReplication),
    clusteringStatus: at(clusteringStatus),
    replicationStatus: at(replicationStatus),
    replicationLag: at(replicationLag),
    racClusterStatus: at(racStatus),
    racClusterStats: at(racStats),
    networkStats: at(networkStats),
    networkHealth: at(networkHealth),
    securityThreats: at(threatStatus),
    securityThreatHistory: at((v) => threatsOf(world, seed, v.snap)),
    securityInsiderThreats: () => FIXTURES.securityInsiderThreats,
    auditLogs: at(auditLogs),
    auditStats: at(auditStats),
    serverInfo: at((v) => ({
      ...FIXTURES.serverInfo,
      version: SERVER_VERSION,
      uptime_seconds: v.snap.uptimeSec,
      started_at: v.snap.serverStartSec,
      system_info: { ...FIXTURES.serverInfo.system_info, hostname: 'rustydb-sim' },
    })),
    prometheus: render,
  };
  return {
    handlers,
    exporter: render,
    faultsChanged: (nowMs, faults) => world.setFaults(nowMs, faults),
  };
}
