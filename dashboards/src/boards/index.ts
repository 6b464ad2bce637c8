import type { DashboardSpec } from '../lib/dashboard';
import { capacity } from './capacity';
import { overview } from './overview';
import { performance } from './performance';
import { poolsDashboard } from './pools';
import { logsDashboard } from './logs';
import { replication } from './replication';
import { resources } from './resources';
import { security } from './security';
import { slo } from './slo';
import { status } from './status';

/** Every bundled dashboard and the file Grafana loads it from (`dashboards/<file>`). */
export const DASHBOARDS: ReadonlyArray<{ file: string; spec: DashboardSpec }> = [
  { file: 'overview.json', spec: overview },
  { file: 'performance.json', spec: performance },
  { file: 'resources.json', spec: resources },
  { file: 'security.json', spec: security },
  { file: 'pools.json', spec: poolsDashboard },
  { file: 'slo.json', spec: slo },
  { file: 'replication.json', spec: replication },
  { file: 'capacity.json', spec: capacity },
  { file: 'logs.json', spec: logsDashboard },
  { file: 'status.json', spec: status },
];
