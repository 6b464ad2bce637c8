import type { DashboardSpec } from '../lib/dashboard';
import { withLogsLink } from './logLinks';
import { livePerformance, queryStats, rustydbAlerts, serverStatus, uptime } from './live';
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
    {
      section: 'Health',
      panels: [serverStatus, uptime, scrapeUp, cpuGauge, memoryGauge, cacheHitGauge, { ...connectionsInUse, width: 6 }]
        .map(withLogsLink)
        .map((p) => ({ width: 3, ...p })),
    },
    {
      section: 'Problems',
      panels: [firingAlerts, rustydbAlerts, { ...requestErrorRatio, width: 16 }].map(withLogsLink),
    },
    {
      section: 'Performance',
      panels: [
        livePerformance,
        queryStats,
        transactionsPerSecond,
        requestRate,
        queryLatency,
        latencyHeatmap,
        { ...meanResponseTime, width: 24 },
      ].map(withLogsLink),
    },
    { section: 'Resources', panels: [cpuOverTime, memoryOverTime, connectionsVsMax, diskIo].map(withLogsLink) },
  ],
};
