import { endpointPath, ENDPOINTS } from '../../rustydb/api/endpoints';
import type { PrometheusFigures } from './fleetPromQL';
import type { InstanceReading, Outcome, PoolReading } from './instanceReport';
import { healthOf, performanceOf, poolIdsOf, poolOf, serverOf } from './readings';

/** GETs a RustyDB path (through the data-source proxy) and resolves to its JSON body. */
export type GetJson = (path: string) => Promise<unknown>;

/** Beyond this, one home-page refresh would spend too much of RustyDB's shared 100 requests/s on pool stats. */
export const MAX_POOLS_READ = 20;

export async function attempt<T>(read: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await read() };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

async function readPools(get: GetJson): Promise<PoolReading[]> {
  const ids = poolIdsOf(await get(ENDPOINTS.pools.path)).slice(0, MAX_POOLS_READ);
  return Promise.all(ids.map(async (id) => poolOf(id, await get(endpointPath('poolStats', id)))));
}

const SKIPPED: Outcome<never> = { ok: false, error: 'not read: the instance is unreachable' };

const readHealth = (get: GetJson) => attempt(async () => healthOf(await get(ENDPOINTS.adminHealth.path)));

/**
 * One round of REST reads, for an instance without a Prometheus identity. Health first: when that fails the instance
 * is unreachable and nothing else is asked of it.
 */
export async function readInstance(get: GetJson): Promise<InstanceReading> {
  const health = await readHealth(get);
  if (!health.ok) {
    return { health, server: SKIPPED, performance: SKIPPED, pools: SKIPPED };
  }
  const [server, performance, pools] = await Promise.all([
    attempt(async () => serverOf(await get(ENDPOINTS.serverInfo.path))),
    attempt(async () => performanceOf(await get(ENDPOINTS.statsPerformance.path))),
    attempt(() => readPools(get)),
  ]);
  return { health, server, performance, pools };
}

/**
 * One round for an instance Prometheus scrapes: REST only for its health checks, which Prometheus lacks; CPU, memory,
 * TPS, pools and the trend from the fleet-wide queries (read once for every instance at once, alongside).
 */
export async function readInstanceWithPrometheus(
  get: GetJson,
  figuresRead: Promise<Outcome<PrometheusFigures>>
): Promise<InstanceReading> {
  const [health, figures] = await Promise.all([readHealth(get), figuresRead]);
  if (!health.ok) {
    return { health, performance: SKIPPED, pools: SKIPPED };
  }
  if (!figures.ok) {
    return { health, performance: figures, pools: figures };
  }
  const { performance, pools, trend } = figures.value;
  return { health, performance: { ok: true, value: performance }, pools: { ok: true, value: pools }, trend };
}
