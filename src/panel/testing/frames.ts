/**
 * Frames in the shapes the panel reads, for unit tests, the browser test page and the bench: RustyDB's pool stats
 * (a table, or a frame per pool), its pool config, live time series, and Prometheus series. Built from the API
 * fixtures where one exists, so a change in the API types shows up here.
 */
import { createDataFrame, DataFrame, FieldType, Labels } from '@grafana/data';
import type { PoolConfig, PoolStatsResponse } from '../../rustydb/api/types';
import { poolMetricName } from '../model/roles';
import defaultStats from '../../../fixtures/pool-default-stats.json';
import poolConfigs from '../../../fixtures/pools.json';

export const FIXTURE_STATS: PoolStatsResponse = defaultStats;
export const FIXTURE_CONFIGS: PoolConfig[] = poolConfigs;

const STATS_KEYS: Array<keyof PoolStatsResponse> = [
  'pool_id',
  'active_connections',
  'idle_connections',
  'total_connections',
  'waiting_requests',
  'total_acquired',
  'total_created',
  'total_destroyed',
];

/** Pool stats with the given counts; lifetime counters follow from them. */
export function stats(pool_id: string, active: number, idle: number, waiting = 0): PoolStatsResponse {
  return {
    ...FIXTURE_STATS,
    pool_id,
    active_connections: active,
    idle_connections: idle,
    total_connections: active + idle,
    waiting_requests: waiting,
  };
}

/** RustyDB pool stats as one table, a row per pool (the datasource's "all pools" query). */
export function statsTable(rows: PoolStatsResponse[], refId = 'A'): DataFrame {
  return createDataFrame({
    refId,
    fields: STATS_KEYS.map((key) => ({
      name: key,
      type: key === 'pool_id' ? FieldType.string : FieldType.number,
      values: rows.map((r) => r[key]),
    })),
  });
}

/** RustyDB pool stats as a frame per pool (the datasource's "one pool" queries). */
export function statsFrames(rows: PoolStatsResponse[]): DataFrame[] {
  return rows.map((r, i) => ({ ...statsTable([r], String.fromCharCode(65 + (i % 26))), name: r.pool_id }));
}

/** `/api/v1/pools` as a table: the configured maximum per pool. */
export function configTable(configs: PoolConfig[] = FIXTURE_CONFIGS): DataFrame {
  return createDataFrame({
    refId: 'config',
    fields: [
      { name: 'pool_id', type: FieldType.string, values: configs.map((c) => c.pool_id) },
      { name: 'min_connections', type: FieldType.number, values: configs.map((c) => c.min_connections) },
      { name: 'max_connections', type: FieldType.number, values: configs.map((c) => c.max_connections) },
    ],
  });
}

export interface Point {
  time: number;
  active: number;
  idle: number;
  waiting: number;
  created?: number;
}

/** Live mode: one pool's stats as a time series (a time column, the pool id repeated on every row). */
export function liveFrame(pool_id: string, points: Point[]): DataFrame {
  return createDataFrame({
    refId: 'A',
    name: pool_id,
    fields: [
      { name: 'time', type: FieldType.time, values: points.map((p) => p.time) },
      { name: 'pool_id', type: FieldType.string, values: points.map(() => pool_id) },
      { name: 'active_connections', type: FieldType.number, values: points.map((p) => p.active) },
      { name: 'idle_connections', type: FieldType.number, values: points.map((p) => p.idle) },
      { name: 'waiting_requests', type: FieldType.number, values: points.map((p) => p.waiting) },
      { name: 'total_created', type: FieldType.number, values: points.map((p) => p.created ?? 0) },
    ],
  });
}

export type PoolGauge = 'active' | 'idle' | 'total' | 'waiting';
export interface SeriesOptions {
  /** How the value field is named: Prometheus' dataplane `Value` (metric in `__name__`) or the metric itself. */
  naming?: 'Value' | 'metric';
  extraLabels?: Labels;
}

/** One Prometheus series (instant: one time; range: several) as the Prometheus datasource returns it. */
export function promSeries(
  gauge: PoolGauge,
  pool: string,
  points: Array<[number, number]>,
  { naming = 'Value', extraLabels = { instance: 'rustydb:8080', job: 'rustydb' } }: SeriesOptions = {}
): DataFrame {
  const metric = poolMetricName(gauge);
  if (!metric) {
    throw new Error(`no per-pool metric for ${gauge} in the catalogue`);
  }
  return createDataFrame({
    refId: gauge,
    fields: [
      { name: 'Time', type: FieldType.time, values: points.map(([t]) => t) },
      {
        name: naming === 'Value' ? 'Value' : metric,
        type: FieldType.number,
        values: points.map(([, v]) => v),
        labels: { __name__: metric, pool, ...extraLabels },
      },
    ],
  });
}

/** The four per-pool gauges for several pools at one instant, a frame per series. */
export function promInstant(rows: PoolStatsResponse[], time = 1_700_000_000_000, options?: SeriesOptions): DataFrame[] {
  return rows.flatMap((r) => [
    promSeries('active', r.pool_id, [[time, r.active_connections]], options),
    promSeries('idle', r.pool_id, [[time, r.idle_connections]], options),
    promSeries('total', r.pool_id, [[time, r.total_connections]], options),
    promSeries('waiting', r.pool_id, [[time, r.waiting_requests]], options),
  ]);
}

/** A deterministic spread of pools across the levels (for many-pool tests, the browser page and the bench). */
export function manyPools(count: number, seed = 1): PoolStatsResponse[] {
  let state = seed;
  const random = () => {
    state = (state * 48271) % 2147483647;
    return state / 2147483647;
  };
  return Array.from({ length: count }, (_, i) => {
    const total = 10 + Math.floor(random() * 90);
    const active = Math.round(total * random());
    const waiting = random() < 0.85 ? 0 : Math.floor(random() * 30);
    return {
      ...stats(`pool-${String(i).padStart(4, '0')}`, active, total - active, waiting),
      total_acquired: 1000 + Math.floor(random() * 100_000),
      total_created: total + Math.floor(random() * 500),
      total_destroyed: Math.floor(random() * 400),
    };
  });
}

/** Seven pools in every level: two critical (waiting, utilisation), one warning, four ok. */
export const SEVEN_POOLS_EVERY_LEVEL = [
  stats('default', 25, 15, 2),
  stats('orders', 40, 10, 24),
  stats('readonly', 48, 2, 0),
  stats('batch', 43, 7, 6),
  stats('reports', 5, 45, 0),
  stats('cache', 10, 30, 0),
  stats('audit', 1, 9, 0),
];
