import type { DashboardSpec } from '../lib/dashboard';
import { withLogsLink } from './logLinks';
import { drilldown } from '../lib/links';
import type { PanelSpec } from '../lib/panels';
import { performance } from './performance';
import { POOLS_UID } from './poolPanels';
import { resources } from './resources';
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

/** A Health stat that opens the dashboard detailing it, on the same server and time range. */
const opens = (panel: PanelSpec, uid: string, title: string): PanelSpec => ({
  ...panel,
  links: [drilldown(uid, title)],
});

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
      panels: [
        opens(serverStatus, performance.uid, 'Performance'),
        opens(uptime, resources.uid, 'Resources'),
        opens(scrapeUp, resources.uid, 'Resources'),
        opens(cpuGauge, resources.uid, 'CPU and memory: Resources'),
        opens(memoryGauge, resources.uid, 'CPU and memory: Resources'),
        opens(cacheHitGauge, performance.uid, 'Cache: Performance'),
        opens({ ...connectionsInUse, width: 6 }, POOLS_UID, 'Connection pools'),
      ]
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
