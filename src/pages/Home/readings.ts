import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { isRow, numberOf } from '../../rustydb/json';
import { poolIdOf, poolUtilisation } from '../../rustydb/pools';
import { parsePerformance } from '../../datasource/endpoints/performance';
import { placeholderNotices } from '../../datasource/endpoints/placeholders';
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
 * Reads through the datasource's own performance parser and its v0.6.5 placeholder check, so the home page and the
 * panels agree on what a usable body is and on which figures are real measurements.
 */
export function performanceOf(body: unknown, now: number): PerformanceReading {
  const frame = parsePerformance(body, 'home', now);
  const value = (key: string) => numberOf(frame.fields.find((f) => f.name === key)?.values[0]);
  return {
    cpuPercent: value('cpu_usage_percent'),
    memoryPercent: value('memory_usage_percent'),
    transactionsPerSecond: value('transactions_per_second'),
    tpsIsPlaceholder: placeholderNotices('performance', objectBody(body, ENDPOINTS.statsPerformance.path)).length > 0,
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
    placeholder: placeholderNotices('poolStats', stats).length > 0,
  };
}
