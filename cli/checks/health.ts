import { ENDPOINTS } from '../../src/rustydb/api/endpoints';
import type { HealthResponse } from '../../src/rustydb/api/types';
import { Client } from '../client';
import { Status } from '../nagios';
import { asObject, CheckResult, field } from './result';

/** The guide's health check: `healthy` is OK, `degraded` WARNING, `unhealthy` CRITICAL, anything else UNKNOWN. */

const STATUS: Record<string, Status> = { healthy: 'OK', degraded: 'WARNING', unhealthy: 'CRITICAL' };
const SOURCE = ENDPOINTS.adminHealth.path;

function duration(seconds: number): string {
  const d = Math.floor(seconds / 86400);
  const h = Math.floor((seconds % 86400) / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  return d > 0 ? `${d}d ${h}h` : h > 0 ? `${h}h ${m}m` : `${m}m`;
}

export function judgeHealth(body: unknown): CheckResult {
  const obj = asObject(body, SOURCE);
  const health = {
    status: field(obj, 'status', 'string', SOURCE),
    version: field(obj, 'version', 'string', SOURCE),
    uptime_seconds: field(obj, 'uptime_seconds', 'number', SOURCE),
  } satisfies Omit<HealthResponse, 'checks'>;
  const failing = Object.entries(asObject(obj.checks ?? {}, `${SOURCE} checks`))
    .map(([name, check]) => [name, asObject(check, `${SOURCE} checks.${name}`)] as const)
    .filter(([, check]) => check.status !== 'healthy')
    .map(
      ([name, check]) =>
        `${name} ${String(check.status)}${typeof check.message === 'string' ? `: ${check.message}` : ''}`
    );
  const status = STATUS[health.status] ?? 'UNKNOWN';
  const summary = [
    `${health.status}, version ${health.version}, up ${duration(health.uptime_seconds)}`,
    ...failing,
  ].join('; ');
  return {
    status,
    summary,
    measurements: [
      { name: 'uptime', measure: 'uptime', label: 'uptime', value: health.uptime_seconds, uom: 's', min: 0 },
    ],
    csv: [[health.status, health.version, health.uptime_seconds]],
  };
}

export const healthCheck = async (client: Client) => judgeHealth(await client.get(SOURCE));
