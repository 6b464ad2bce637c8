import { ENDPOINTS, endpointPath } from '../../src/rustydb/api/endpoints';
import type { PoolStatsResponse } from '../../src/rustydb/api/types';
import { poolUtilisation } from '../../src/rustydb/pools';
import { THRESHOLDS } from '../../src/rustydb/thresholds';
import { CheckFailure, Client } from '../client';
import { worst } from '../nagios';
import { asObject, CheckResult, field, Ignored, judge, measure, withIgnored } from './result';

/**
 * The guide's pool check: per pool, utilisation = active / (active + idle) and waiting requests against its
 * thresholds. RustyDB v0.6.5 answers every `/pools/{id}/stats` with pool `default`'s figures: such a pool is not
 * reported. Among the pools the server lists it is named and left out (so a v0.6.5 server is judged by `default`);
 * a pool asked for with `--pool` is UNKNOWN, since the state asked about cannot be known.
 */

export const POOL_MEASURES: readonly string[] = ['utilisation', 'waiting'];

interface Reported {
  id: string;
  result: Pick<CheckResult, 'status' | 'summary' | 'measurements'>;
  csv: Array<string | number>;
}

interface Unreported {
  id: string;
  answeredFor: string;
}

function judgePool(id: string, body: unknown, ignored: Ignored): Reported | Unreported {
  const source = endpointPath('poolStats', id);
  const obj = asObject(body, source);
  const num = (key: keyof PoolStatsResponse) => field(obj, key, 'number', source);
  const answeredFor = field(obj, 'pool_id', 'string', source);
  const [active, idle, total, waiting] = [
    num('active_connections'),
    num('idle_connections'),
    num('total_connections'),
    num('waiting_requests'),
  ];
  if (answeredFor !== id) {
    return { id, answeredFor };
  }
  // A pool that holds no connections uses none of them: 0 for the check and its CSV.
  const utilisation = poolUtilisation(active, idle) ?? 0;
  const measurements = [
    measure({
      name: `${id} utilisation`,
      measure: 'utilisation',
      label: `${id}_utilisation`,
      value: utilisation,
      uom: '',
      threshold: THRESHOLDS.poolUtilisation,
      min: 0,
      max: 1,
    }),
    measure({
      name: `${id} waiting`,
      measure: 'waiting',
      label: `${id}_waiting`,
      value: waiting,
      uom: '',
      threshold: THRESHOLDS.poolWaiting,
      min: 0,
    }),
    measure({ name: `${id} active`, measure: 'active', label: `${id}_active`, value: active, uom: '', min: 0 }),
    measure({ name: `${id} idle`, measure: 'idle', label: `${id}_idle`, value: idle, uom: '', min: 0 }),
  ];
  return { id, result: judge(measurements, ignored), csv: [id, active, idle, total, waiting, utilisation] };
}

/** One sentence per pool the server answered for, naming who it answered for instead. */
function unreportedNote(pools: Unreported[]): string {
  const wrong = pools.map((p) => `${p.id} (answered with pool ${p.answeredFor}'s figures)`).join(', ');
  return `not reported by the server: ${wrong}; RustyDB v0.6.5 ignores the pool id in /pools/{id}/stats`;
}

/** `asked`: the pools were named with `--pool`, rather than listed by the server. */
export function judgePools(stats: Array<[string, unknown]>, asked: boolean, ignored: Ignored = new Set()): CheckResult {
  const pools = stats.map(([id, body]) => judgePool(id, body, ignored));
  const reported = pools.filter((p): p is Reported => 'result' in p);
  const unreported = pools.filter((p): p is Unreported => !('result' in p));
  const notes = unreported.length > 0 ? [unreportedNote(unreported)] : [];
  const unknown = reported.length === 0 || (asked && unreported.length > 0);
  const status = worst([...reported.map((p) => p.result.status), ...(unknown ? ['UNKNOWN' as const] : [])]);
  const shown = reported.filter((p) => status === 'OK' || p.result.status !== 'OK');
  const measurements = reported.flatMap((p) => p.result.measurements);
  return {
    status,
    summary: withIgnored(
      shown.map((p) => p.result.summary),
      measurements
    ),
    measurements,
    // One CSV line per reported pool: timestamp,pool,active,idle,total,waiting,utilisation.
    csv: reported.map((p) => p.csv),
    notes,
  };
}

function poolIds(body: unknown): string[] {
  if (!Array.isArray(body)) {
    throw new CheckFailure('UNKNOWN', `unexpected response from ${ENDPOINTS.pools.path}: not a JSON array`);
  }
  return body.map((pool) => field(asObject(pool, ENDPOINTS.pools.path), 'pool_id', 'string', ENDPOINTS.pools.path));
}

export async function poolsCheck(client: Client, only: string[], ignored: Ignored): Promise<CheckResult> {
  const ids = only.length > 0 ? only : poolIds(await client.get(ENDPOINTS.pools.path));
  if (ids.length === 0) {
    return { status: 'UNKNOWN', summary: `${ENDPOINTS.pools.path} lists no pools`, measurements: [], csv: [] };
  }
  const stats = await Promise.all(
    ids.map(async (id) => [id, await client.get(endpointPath('poolStats', id))] as [string, unknown])
  );
  return judgePools(stats, only.length > 0, ignored);
}
