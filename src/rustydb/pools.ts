import type { PoolConfig, PoolStatsResponse } from './api/types';
import { idOf, isRow, numberOf, ratio } from './json';

/** The key that names a pool in `/pools` and `/pools/{id}/stats`. */
export const POOL_ID_KEY = 'pool_id' satisfies keyof PoolConfig & keyof PoolStatsResponse;

/** The id of one entry of `/pools`, or null when it has no usable one (the readers skip it). */
export function poolIdOf(entry: unknown): string | null {
  return isRow(entry) ? idOf(entry[POOL_ID_KEY]) : null;
}

/**
 * The guide's pool utilisation: active ÷ (active + idle), the share of the connections the pool holds that are in
 * use; null when a count is missing or the pool holds no connections.
 */
export function poolUtilisation(active: unknown, idle: unknown): number | null {
  const a = numberOf(active);
  const i = numberOf(idle);
  return a === null || i === null ? null : ratio(a, a + i);
}
