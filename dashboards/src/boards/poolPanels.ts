import { DEFAULT_OPTIONS, PoolStatsOptions } from '../../../src/panel/types';
import { grafanaSteps, THRESHOLDS } from '../../../src/rustydb/thresholds';
import type { PanelSpec } from '../lib/panels';
import { sel, sumBy } from '../lib/promql';
import { prom } from '../lib/targets';
import { holdFor, level } from '../lib/levels';
import { drilldownUrl } from '../lib/links';

export const POOLS_UID = 'rustydb-pools';

/** Each pool opens the Pools dashboard on that pool (the panel fills `${pool}`), keeping the server and the time. */
const POOL_DRILLDOWN = drilldownUrl(POOLS_UID, ['var-pool=${pool}']);

/**
 * The pool-stats panel's options and its waiting-requests levels (the panel's own field config), from the guide's
 * thresholds like every other level; utilisation uses the standard thresholds (`levels: 'poolUtilisation'`).
 */
export function poolStatsDisplay(
  options: Partial<PoolStatsOptions> = {}
): Pick<PanelSpec, 'options' | 'custom' | 'levels'> {
  return {
    levels: 'poolUtilisation',
    options: { ...DEFAULT_OPTIONS, poolLinkUrl: POOL_DRILLDOWN, ...options },
    custom: { waitingThresholds: { mode: 'absolute', steps: grafanaSteps(THRESHOLDS.poolWaiting) } },
  };
}

type PoolMetric =
  | 'rustydb_connection_pool_active'
  | 'rustydb_connection_pool_idle'
  | 'rustydb_connection_pool_size'
  | 'rustydb_connection_pool_waiting';

const BY_POOL = 'job, instance, pool';

/**
 * Panels on the per-pool series (`pool` label). `poolMatch` narrows them to a `$pool` variable where the dashboard
 * has one; without it they show every pool.
 */
export function poolPanels(poolMatch?: string) {
  const poolSeries = (metric: PoolMetric) => sel(metric, poolMatch);
  const poolGauge = (metric: PoolMetric) => sumBy(BY_POOL, poolSeries(metric));

  const utilisation: PanelSpec = {
    type: 'timeseries',
    title: 'Pool utilisation',
    description: `Each pool's active connections over active + idle (the guide's definition). Above ${level('poolUtilisation', 'warning')} is a warning and above ${level('poolUtilisation', 'critical')} critical (for ${holdFor('poolUtilisation')}): the pool is nearly exhausted and requests start to queue.`,
    unit: 'percentunit',
    levels: 'poolUtilisation',
    min: 0,
    max: 1,
    targets: [
      prom(
        `${poolGauge('rustydb_connection_pool_active')}\n/\n(${poolGauge('rustydb_connection_pool_active')} + ${poolGauge('rustydb_connection_pool_idle')})`,
        '{{pool}} {{instance}}'
      ),
    ],
  };

  const waiting: PanelSpec = {
    type: 'timeseries',
    title: 'Requests waiting for a connection',
    description: `Requests queued for a connection, per pool. Above ${level('poolWaiting', 'warning')} is a warning and above ${level('poolWaiting', 'critical')} critical (for ${holdFor('poolWaiting')}): callers are stalled. Grow the pool or shorten the work done while holding a connection.`,
    unit: 'short',
    levels: 'poolWaiting',
    min: 0,
    targets: [prom(poolGauge('rustydb_connection_pool_waiting'), '{{pool}} {{instance}}')],
  };

  const connections: PanelSpec = {
    type: 'timeseries',
    title: 'Pool connections',
    description:
      'Active and idle connections against the pool size, per pool. Active touching the size line means the pool is the bottleneck.',
    unit: 'short',
    min: 0,
    targets: [
      prom(poolGauge('rustydb_connection_pool_active'), 'active {{pool}} {{instance}}'),
      prom(poolGauge('rustydb_connection_pool_idle'), 'idle {{pool}} {{instance}}'),
      prom(poolGauge('rustydb_connection_pool_size'), 'size {{pool}} {{instance}}'),
    ],
  };

  /** The pool-stats panel on raw per-pool series; each legend names the role, so the panel matches fields by name. */
  const statsPanel: PanelSpec = {
    type: 'rustydb-poolstats-panel',
    title: 'Pools (Prometheus history)',
    description: `Each pool's utilisation and waiting requests from Prometheus' \`rustydb_connection_pool_*\` series, with the trend over the time range. Colours follow the guide's levels (utilisation ${level('poolUtilisation', 'warning')} / ${level('poolUtilisation', 'critical')}, waiting ${level('poolWaiting', 'warning')} / ${level('poolWaiting', 'critical')}).`,
    unit: 'percentunit',
    ...poolStatsDisplay(),
    targets: [
      prom(poolSeries('rustydb_connection_pool_active'), 'active'),
      prom(poolSeries('rustydb_connection_pool_idle'), 'idle'),
      prom(poolSeries('rustydb_connection_pool_size'), 'size'),
      prom(poolSeries('rustydb_connection_pool_waiting'), 'waiting'),
    ],
  };

  return { utilisation, waiting, connections, statsPanel };
}
