import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { isRow, numberOf } from '../../rustydb/json';
import { isV065Placeholder } from '../../rustydb/placeholders';
import { poolIdOf, poolUtilisation } from '../../rustydb/pools';
import type { HealthReading, PerformanceReading, PoolReading, ServerReading } from './instanceReport';

/** Pure readers of the four bodies the home page needs; each throws an operator-worded Error on a body it cannot use. */

function objectBody(body: unknown, path: string): Record<string, unknown> {
  if (!isRow(body)) {
    throw new Error(`${path} did not return a JSON object.`);
  }
  return body;
}

export function healthOf(body: unknown): HealthReading {
  const path = ENDPOINTS.adminHealth.path;
  const health = objectBody(body, path);
  if (typeof health.status !== 'string') {
    throw new Error(`${path} answered without a status.`);
  }
  const checks = isRow(health.checks) ? health.checks : {};
  return {
    status: health.status,
    checks: Object.entries(checks).map(([name, raw]) => {
      const check = isRow(raw) ? raw : {};
      return {
        name,
        status: typeof check.status === 'string' ? check.status : 'unknown',
        message: typeof check.message === 'string' ? check.message : null,
      };
    }),
  };
}

export function serverOf(body: unknown): ServerReading {
  const path = ENDPOINTS.serverInfo.path;
  const info = objectBody(body, path);
  const uptimeSeconds = numberOf(info.uptime_seconds);
  if (typeof info.version !== 'string' || uptimeSeconds === null) {
    throw new Error(`${path} answered without a version or uptime.`);
  }
  return { version: info.version, uptimeSeconds };
}

/**
 * CPU, memory and TPS of a performance snapshot, and whether its TPS is v0.6.5's placeholder (the rule the
 * datasource's notices use too). Read here rather than through the datasource's parser, so the app's chunk carries
 * no copy of the query engine.
 */
export function performanceOf(body: unknown): PerformanceReading {
  const stats = objectBody(body, ENDPOINTS.statsPerformance.path);
  return {
    cpuPercent: numberOf(stats.cpu_usage_percent),
    memoryPercent: numberOf(stats.memory_usage_percent),
    transactionsPerSecond: numberOf(stats.transactions_per_second),
    tpsIsPlaceholder: isV065Placeholder('performance', stats),
  };
}

export function poolIdsOf(body: unknown): string[] {
  if (!Array.isArray(body)) {
    throw new Error(`${ENDPOINTS.pools.path} did not return a list of pools.`);
  }
  return body.flatMap((pool) => poolIdOf(pool) ?? []);
}

export function poolOf(id: string, body: unknown): PoolReading {
  const stats = objectBody(body, ENDPOINTS.poolStats.path.replace('{id}', id));
  const active = numberOf(stats.active_connections);
  const idle = numberOf(stats.idle_connections);
  if (active === null || idle === null) {
    throw new Error(`Pool ${id}'s stats have no active and idle connection counts.`);
  }
  return {
    id,
    utilisation: poolUtilisation(active, idle),
    waiting: numberOf(stats.waiting_requests) ?? 0,
    placeholder: isV065Placeholder('poolStats', stats),
  };
}
