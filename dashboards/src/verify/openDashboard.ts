import { ClientSettings, RustyDBClient } from '../../../src/datasource/client';
import type { FetchFn } from '../../../src/datasource/transport/http';
import type { VariableTarget } from '../../../src/datasource/types';
import type { DashboardJson } from '../inspect/dashboardModel';
import { PROMETHEUS_TYPE, RUSTYDB_TYPE } from '../lib/datasources';
import { GrafanaDataSource, Resolved, resolveVariables } from './grafanaVariables';
import { labelValues, QueryWindow } from './prometheus';
import { PanelResult } from './results';
import { runDashboard, rustydbRunner } from './runDashboards';

/** The data sources of a Grafana the runner plays: Prometheus ones by HTTP address, RustyDB ones by settings. */
export interface Grafana {
  prometheus: Array<{ uid: string; name: string; address: string; isDefault?: boolean }>;
  rustydb: Array<{ name: string; settings: ClientSettings & { uid: string }; fetch: FetchFn }>;
}

export interface Load {
  /** `var-<name>` parameters of the dashboard URL. */
  url?: Record<string, string>;
  window: QueryWindow;
  builtIns: Record<string, string>;
}

/** A dashboard opened as Grafana opens it: variables resolved in order, then every panel's queries run with them. */
export async function openDashboard(
  dashboard: DashboardJson,
  grafana: Grafana,
  load: Load
): Promise<{ resolved: Resolved; panels: PanelResult[] }> {
  const datasources: GrafanaDataSource[] = [
    ...grafana.prometheus.map((p) => ({ uid: p.uid, name: p.name, type: PROMETHEUS_TYPE, isDefault: p.isDefault })),
    ...grafana.rustydb.map((r) => ({ uid: r.settings.uid, name: r.name, type: RUSTYDB_TYPE })),
  ];
  const rustydb = new Map(grafana.rustydb.map((r) => [r.settings.uid, r]));
  const address = (uid: string) => grafana.prometheus.find((p) => p.uid === uid)?.address;
  const resolved = await resolveVariables(dashboard, {
    datasources,
    url: load.url ?? {},
    builtIns: load.builtIns,
    window: load.window,
    metricFind: (uid, target) => {
      const r = rustydb.get(uid);
      return r
        ? new RustyDBClient(r.settings, { fetch: r.fetch }).metricFind(target as VariableTarget)
        : Promise.reject(new Error(`no RustyDB data source "${uid}"`));
    },
    labelValues: (uid, selector, label) => {
      const at = address(uid);
      return at ? labelValues(at, selector, label, load.window) : Promise.reject(new Error(`no Prometheus "${uid}"`));
    },
  });
  const runners = new Map(grafana.rustydb.map((r) => [r.settings.uid, rustydbRunner(r.settings, r.fetch)]));
  const panels = await runDashboard(dashboard, {
    prometheus: address,
    rustydb: (uid) => runners.get(uid),
    window: load.window,
    resolved,
    builtIns: load.builtIns,
  });
  return { resolved, panels };
}
