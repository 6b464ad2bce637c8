/**
 * Health as the guide's server reports it: the real version and uptime, checks that follow the model (a lagging or
 * lost replica degrades replication, waiting requests degrade the pools), and probes that answer 503 when unhealthy.
 */
import type {
  ComponentHealthDetail,
  FullHealthResponse,
  HealthResponse,
  LivenessProbeResponse,
  ReadinessProbeResponse,
  StartupProbeResponse,
} from '../../../src/rustydb/api/types';
import { levelOf, THRESHOLDS } from '../../../src/rustydb/thresholds';
import type { Answer } from '../../bodies';
import { json } from '../../http/reply';
import { SERVER_VERSION } from '../../model/catalogue';
import type { Snapshot } from '../../model/world';
import type { HealthStatus } from '../../types';

function replicationHealth(snap: Snapshot): HealthStatus {
  const replicas = snap.gauges.replicas;
  if (replicas.every((r) => !r.up)) {
    return 'unhealthy';
  }
  const lagging = replicas.some((r) => !r.up || levelOf(THRESHOLDS.replicationLagSeconds, r.lagSeconds) !== 'ok');
  return lagging ? 'degraded' : 'healthy';
}

function poolHealth(snap: Snapshot): HealthStatus {
  return snap.gauges.pools.some((p) => levelOf(THRESHOLDS.poolWaiting, p.waiting) !== 'ok') ? 'degraded' : 'healthy';
}

export function adminHealth(snap: Snapshot): HealthResponse {
  const status = snap.gauges.health;
  const check = (s: HealthStatus, message: string | null) => ({ status: s, message, last_check: snap.nowSec });
  const replication = replicationHealth(snap);
  const pools = poolHealth(snap);
  return {
    status,
    version: SERVER_VERSION,
    uptime_seconds: snap.uptimeSec,
    checks: {
      database: check(status, status === 'healthy' ? 'Database is operational' : `Database is ${status}`),
      storage: check('healthy', null),
      replication: check(replication, replication === 'healthy' ? null : 'A replica is lagging or disconnected'),
      connection_pools: check(pools, pools === 'healthy' ? null : 'Requests are waiting for connections'),
    },
  };
}

/** The probes answer 503 when unhealthy, as the guide (and RustyDB's own OpenAPI annotations) describe. */
function probeAnswer<B>(snap: Snapshot, body: B): Answer<B> {
  return snap.gauges.health === 'unhealthy' ? json(body, 503) : body;
}

function liveness(snap: Snapshot): LivenessProbeResponse {
  return { status: snap.gauges.health, timestamp: snap.nowSec, uptime_seconds: snap.uptimeSec };
}

function readiness(snap: Snapshot): ReadinessProbeResponse {
  return {
    status: snap.gauges.health,
    timestamp: snap.nowSec,
    ready: snap.gauges.health !== 'unhealthy',
    dependencies: { database: snap.gauges.health, cache: 'healthy', replication: replicationHealth(snap) },
  };
}

function startup(snap: Snapshot): StartupProbeResponse {
  return {
    status: 'healthy',
    timestamp: snap.nowSec,
    initialized: true,
    checks: { database_migration: true, cache_warmed: true, configs_loaded: true },
  };
}

function components(snap: Snapshot): ComponentHealthDetail[] {
  const g = snap.gauges;
  const memory = levelOf(THRESHOLDS.memoryPercent, g.memoryPercent);
  return [
    {
      component: 'storage',
      status: 'healthy',
      message: 'Storage system operational',
      duration_ms: 4,
      details: { dirty_pages: g.dirtyPages },
    },
    {
      component: 'network',
      status: replicationHealth(snap),
      message: `${g.replicas.filter((r) => r.up).length} of ${g.replicas.length} replicas connected`,
      duration_ms: 3,
      details: {},
    },
    {
      component: 'memory',
      status: memory === 'ok' ? 'healthy' : 'degraded',
      message: memory === 'ok' ? 'Memory usage within limits' : 'Memory usage above threshold',
      duration_ms: 2,
      details: { usage_percent: Math.round(g.memoryPercent * 10) / 10 },
    },
  ];
}

export const healthBodies = {
  liveness: (snap: Snapshot) => probeAnswer(snap, liveness(snap)),
  readiness: (snap: Snapshot) => probeAnswer(snap, readiness(snap)),
  startup: (snap: Snapshot) => startup(snap),
  full: (snap: Snapshot): Answer<FullHealthResponse> =>
    probeAnswer(snap, {
      status: snap.gauges.health,
      timestamp: snap.nowSec,
      components: components(snap),
      liveness: liveness(snap),
      readiness: readiness(snap),
      startup: startup(snap),
    }),
};
