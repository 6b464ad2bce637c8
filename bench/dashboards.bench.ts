/**
 * What each bundled dashboard costs on load: the Prometheus queries Grafana sends (panel queries, plus variable and
 * annotation queries), and the HTTP requests the RustyDB datasource makes for all its panels together, with request
 * sharing and without (each panel alone), counted at the proxy against the documented simulator.
 *
 * The RustyDB part runs in a child tsx process (this same file, run directly): the datasource's code needs
 * @grafana/data, which needs a DOM (see dom.ts).
 */
import fs from 'fs';
import path from 'path';
import { DASHBOARDS } from '../dashboards/src/boards';
import {
  annotationExprs,
  DashboardJson,
  isPrometheus,
  queryVariables,
  targetsOf,
} from '../dashboards/src/inspect/dashboardModel';
import { DASHBOARD_DIR } from '../dashboards/src/paths';
import { printResult, resultOfChild } from './child';
import { installDom } from './dom';
import type { Row } from './run';

export const title = 'Dashboards: queries each one issues on load';

const dashboards = (): DashboardJson[] =>
  DASHBOARDS.map(({ file }) => JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')));

interface RustyDBCost {
  uid: string;
  queries: number;
  shared: number;
  unshared: number;
}

async function measureRustyDB(): Promise<RustyDBCost[]> {
  installDom();
  const { loadPanels } = await import('./panelLoad');
  const { startSimulator } = await import('../simulator');
  type Query = import('../src/datasource/types').RustyDBQuery;

  const sim = await startSimulator({ profile: 'documented', seed: 1, port: 0, metricsPort: null });
  try {
    const costs: RustyDBCost[] = [];
    for (const d of dashboards()) {
      const queries = targetsOf(d)
        .filter((t) => !isPrometheus(t))
        .map(({ target: { datasource: _ds, ...query } }) => query as Query);
      const load = async (shared: boolean) => (await loadPanels(sim.url, queries, shared)).requests;
      costs.push({ uid: d.uid, queries: queries.length, shared: await load(true), unshared: await load(false) });
    }
    return costs;
  } finally {
    await sim.close();
  }
}

export async function run(): Promise<Row[]> {
  const rustydb = new Map((await resultOfChild<RustyDBCost[]>(__filename)).map((c) => [c.uid, c]));
  const rows = dashboards().flatMap((d) => {
    const prometheus = targetsOf(d).filter(isPrometheus).length;
    const extra = queryVariables(d).length + annotationExprs(d).length;
    const cost = rustydb.get(d.uid)!;
    return [
      {
        metric: `${d.uid}: Prometheus queries`,
        value: String(prometheus),
        note: `panel queries; plus ${queryVariables(d).length} variable and ${annotationExprs(d).length} annotation queries (${prometheus + extra} in all)`,
      },
      {
        metric: `${d.uid}: RustyDB requests`,
        value: String(cost.shared),
        note: `for ${cost.queries} panel queries, with request sharing; ${cost.unshared} without`,
      },
    ];
  });
  return rows;
}

if (require.main === module) {
  printResult(measureRustyDB);
}
