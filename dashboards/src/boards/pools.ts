import type { DashboardSpec } from '../lib/dashboard';
import { labelVariable } from '../lib/variables';
import { connectionChurn, connectionsInUse, connectionsVsMax } from './common';
import { poolConfig, poolStatsLive } from './live';
import { rustydb } from '../lib/targets';
import { QueryType } from '../../../src/datasource/types';
import { poolPanels, POOLS_UID } from './poolPanels';

const pools = poolPanels('pool=~"$pool"');

/**
 * The live pool panel on the selected pools too. All is `.*`, which the RustyDB datasource reads as every pool
 * and PromQL as every value.
 */
const selectedPoolsLive = {
  ...poolStatsLive,
  targets: [rustydb({ queryType: QueryType.PoolStats, poolIds: ['$pool'] })],
};

export const poolsDashboard: DashboardSpec = {
  uid: POOLS_UID,
  title: 'RustyDB / Connection pools',
  description:
    "Every connection pool's utilisation and queue, live from RustyDB's pool stats and over time from Prometheus.",
  tag: 'pools',
  refresh: '30s',
  variables: [
    labelVariable(
      'pool',
      'Pool',
      'label_values(rustydb_connection_pool_size{job=~"$job", instance=~"$instance"}, pool)',
      'Connection pool(s) to show.',
      '.*'
    ),
  ],
  rows: [
    { section: 'Health', panels: [selectedPoolsLive, { ...connectionsInUse, width: 24, height: 3 }] },
    { section: 'Problems', panels: [pools.utilisation, pools.waiting] },
    { section: 'Performance', panels: [pools.statsPanel] },
    {
      section: 'Resources',
      panels: [pools.connections, connectionsVsMax, connectionChurn('pool=~"$pool"'), poolConfig],
    },
  ],
};
