import { ENDPOINTS, endpointPath } from '../../src/rustydb/api/endpoints';
import type { PoolStatsResponse } from '../../src/rustydb/api/types';
import { THRESHOLDS } from '../../src/rustydb/thresholds';
import { CheckFailure, Client } from '../client';
import { worst } from '../nagios';
import { asObject, CheckResult, field, judge, measure, Measurement } from './result';

/**
 * The guide's pool check: per pool, utilisation = active / (active + idle) and waiting requests against its
 * thresholds. RustyDB v0.6.5 answers every `/pools/{id}/stats` with pool `default`'s figures; such a pool is UNKNOWN.
 */

interface PoolJudgement {
  result: Omit<CheckResult, 'csv'>;
  csv: Array<string | number>;
}

function judgePool(id: string, body: unknown): PoolJudgement {
  const source = endpointPath('poolStats', id);
  const obj = asObject(body, source);
  const num = (key: keyof PoolStatsResponse) => field(obj, key, 'number', source);
  const answeredFor = field(obj, 'pool_id', 'string', source);
  const [active, idle, total, waiting] = [num('active_connections'), num('idle_connections'), num('total_connections'), num('waiting_requests')];
  const utilisation = active + idle > 0 ? active / (active + idle) : 0;
  const csv = [id, active, idle, total, waiting, utilisation];
  if (answeredFor !== id) {
    const summary = `${id}: the server answered with pool ${answeredFor}'s figures (RustyDB v0.6.5 ignores the pool id)`;
    return { result: { status: 'UNKNOWN', summary, measurements: [] }, csv };
  }
  const measurements: Measurement[] = [
    measure({ name: `${id} utilisation`, label: `${id}_utilisation`, value: utilisation, uom: '', threshold: THRESHOLDS.poolUtilisation, min: 0, max: 1 }),
    measure({ name: `${id} waiting`, label: `${id}_waiting`, value: waiting, uom: '', threshold: THRESHOLDS.poolWaiting, min: 0 }),
    measure({ name: `${id} active`, label: `${id}_active`, value: active, uom: '', min: 0 }),
    measure({ name: `${id} idle`, label: `${id}_idle`, value: idle, uom: '', min: 0 }),
  ];
  return { result: { ...judge(measurements), measurements }, csv };
}

export function judgePools(stats: Array<[string, unknown]>): CheckResult {
  const pools = stats.map(([id, body]) => judgePool(id, body));
  const status = worst(pools.map((p) => p.result.status));
  const shown = pools.filter((p) => status === 'OK' || p.result.status !== 'OK');
  return {
    status,
    summary: shown.map((p) => p.result.summary).join('; '),
    measurements: pools.flatMap((p) => p.result.measurements),
    // One CSV line per pool: timestamp,pool,active,idle,total,waiting,utilisation.
    csv: pools.map((p) => p.csv),
  };
}

function poolIds(body: unknown): string[] {
  if (!Array.isArray(body)) {
    throw new CheckFailure('UNKNOWN', `unexpected response from ${ENDPOINTS.pools.path}: not a JSON array`);
  }
  return body.map((pool) => field(asObject(pool, ENDPOINTS.pools.path), 'pool_id', 'string', ENDPOINTS.pools.path));
}

export async function poolsCheck(client: Client, only: string[]): Promise<CheckResult> {
  const ids = only.length > 0 ? only : poolIds(await client.get(ENDPOINTS.pools.path));
  if (ids.length === 0) {
    return { status: 'UNKNOWN', summary: `${ENDPOINTS.pools.path} lists no pools`, measurements: [], csv: [] };
  }
  const stats = await Promise.all(ids.map(async (id) => [id, await client.get(endpointPath('poolStats', id))] as [string, unknown]));
  return judgePools(stats);
}
