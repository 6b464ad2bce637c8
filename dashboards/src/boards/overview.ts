import type { DashboardSpec } from '../lib/dashboard';
import {
  cacheHitGauge,
  connectionsInUse,
  connectionsVsMax,
  cpuGauge,
  cpuOverTime,
  diskIo,
  firingAlerts,
  latencyHeatmap,
  meanResponseTime,
  memoryGauge,
  memoryOverTime,
  queryLatency,
  requestErrorRatio,
  requestRate,
  scrapeUp,
  transactionsPerSecond,
} from './common';

export const overview: DashboardSpec = {
  uid: 'rustydb-overview',
  title: 'RustyDB / Overview',
  description:
    'Is RustyDB up, is anything wrong, how fast is it and what does it use: the first stop, with links to the detail dashboards.',
  tag: 'overview',
  refresh: '30s',
  rows: [
    { section: 'Health', panels: [scrapeUp, cpuGauge, memoryGauge, cacheHitGauge, connectionsInUse] },
    { section: 'Problems', panels: [firingAlerts, { ...requestErrorRatio, width: 20 }] },
    {
      section: 'Performance',
      panels: [transactionsPerSecond, requestRate, queryLatency, latencyHeatmap, meanResponseTime],
    },
    { section: 'Resources', panels: [cpuOverTime, memoryOverTime, connectionsVsMax, diskIo] },
  ],
};
