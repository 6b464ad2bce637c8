import type { DashboardSpec } from '../lib/dashboard';
import type { PanelSpec } from '../lib/panels';
import { instanceGauge, ratio } from '../lib/promql';
import { prom } from '../lib/targets';
import {
  cacheEvictionRate,
  connectionsInUse,
  connectionsVsMax,
  cpuGauge,
  cpuOverTime,
  diskIo,
  memoryGauge,
  memoryGrowthRate,
  memoryOverTime,
  network,
} from './common';
import { bufferPoolLive, memoryLive, poolStatsLive, sessionsLive } from './live';
import { poolPanels } from './poolPanels';

const pools = poolPanels();

export const diskSpace: PanelSpec = {
  type: 'gauge',
  title: 'Disk space used',
  description:
    'Share of the data volume in use. The guide sets no level; plan more space well before it fills, because a full disk stops writes and the WAL.',
  unit: 'percent',
  min: 0,
  max: 100,
  targets: [prom(instanceGauge('rustydb_disk_usage_percent'), '{{instance}}', { instant: true })],
};

const memoryBytes: PanelSpec = {
  type: 'timeseries',
  title: 'Memory used',
  description: 'Memory in use in bytes (the guide pairs it with the percentage). v0.6.5 reports host-wide memory.',
  unit: 'bytes',
  min: 0,
  targets: [prom(instanceGauge('rustydb_memory_usage_bytes'), '{{instance}}')],
};

const diskUsage: PanelSpec = {
  type: 'timeseries',
  title: 'Disk space used over time',
  description: 'Bytes on the data volume. The slope tells how long the free space will last.',
  unit: 'bytes',
  min: 0,
  targets: [prom(instanceGauge('rustydb_disk_usage_bytes'), '{{instance}}')],
};

const dirtyPages: PanelSpec = {
  type: 'timeseries',
  title: 'Buffer pool pages',
  description:
    'Dirty pages against all pages of the buffer pool. A dirty share that keeps growing means the writer cannot flush fast enough (disk too slow for the write load).',
  unit: 'short',
  min: 0,
  targets: [
    prom(instanceGauge('rustydb_buffer_pool_pages_total'), 'total {{instance}}'),
    prom(instanceGauge('rustydb_buffer_pool_pages_dirty'), 'dirty {{instance}}'),
  ],
};

const dirtyRatio: PanelSpec = {
  type: 'stat',
  title: 'Dirty page share',
  description: 'Dirty pages as a share of the buffer pool. Above about 70 % for long, checkpoints fall behind.',
  unit: 'percentunit',
  targets: [
    prom(
      ratio(instanceGauge('rustydb_buffer_pool_pages_dirty'), instanceGauge('rustydb_buffer_pool_pages_total')),
      '{{instance}}',
      { instant: true }
    ),
  ],
};

export const resources: DashboardSpec = {
  uid: 'rustydb-resources',
  title: 'RustyDB / Resources',
  description: 'CPU, memory, disk, network, connections and pools: utilisation with its saturation beside it.',
  tag: 'resources',
  refresh: '30s',
  rows: [
    {
      section: 'Health',
      panels: [
        cpuGauge,
        memoryGauge,
        { ...diskSpace, width: 8 },
        connectionsInUse,
        dirtyRatio,
        memoryLive,
        bufferPoolLive,
        sessionsLive,
      ],
    },
    { section: 'Problems', panels: [pools.utilisation, pools.waiting] },
    {
      section: 'Resources',
      panels: [
        cpuOverTime,
        memoryOverTime,
        memoryBytes,
        memoryGrowthRate,
        cacheEvictionRate,
        diskUsage,
        diskIo,
        network,
        connectionsVsMax,
        dirtyPages,
        poolStatsLive,
      ],
    },
  ],
};
