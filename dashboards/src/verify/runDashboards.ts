import type { DataFrame, Field } from '@grafana/data';
import { RustyDBClient, ClientSettings } from '../../../src/datasource/client';
import type { Replace } from '../../../src/datasource/interpolation';
import type { FetchFn } from '../../../src/datasource/transport/http';
import type { RustyDBQuery } from '../../../src/datasource/types';
import { contentPanels, DashboardJson, PanelJson } from '../inspect/dashboardModel';
import { LOKI_TYPE, PROMETHEUS_TYPE } from '../lib/datasources';
import { SERVER_TITLE_SUFFIX } from '../lib/panels';
import { interpolatePromql, interpolateText, Resolved, templateReplace } from './grafanaVariables';
import { queryPrometheus, QueryWindow } from './prometheus';
import { PanelResult, TargetResult } from './results';

/**
 * What the RustyDB datasource's query code returns for one query (`RustyDBClient.run`), with Grafana's template
 * service (`replace`) for the dashboard's variables.
 */
export type RunRustyDB = (
  query: RustyDBQuery,
  range: { from: number; to: number },
  replace: Replace
) => Promise<{ frames: DataFrame[]; errors: Array<{ message?: string }> }>;

export interface Servers {
  /** The HTTP address of a Prometheus data source, by uid. */
  prometheus: (uid: string) => string | undefined;
  /** The query code of a RustyDB data source, by uid. */
  rustydb: (uid: string) => RunRustyDB | undefined;
  window: QueryWindow;
  /** The dashboard's variables as Grafana resolved them on load (`grafanaVariables.ts`). */
  resolved: Resolved;
  /** Grafana's built-ins (`$__rate_interval`, `$__range`, ...). */
  builtIns: Record<string, string>;
}

type Target = NonNullable<PanelJson['targets']>[number];

async function prometheusResult(datasourceUid: string, target: Target, s: Servers): Promise<TargetResult> {
  const address = s.prometheus(datasourceUid);
  if (!address) {
    const error = `no Prometheus data source "${datasourceUid}"`;
    return { refId: target.refId, hasData: false, detail: error, error };
  }
  const expr = interpolatePromql(String(target.expr), s.resolved, s.builtIns);
  const answer = await queryPrometheus(address, expr, target.instant === true, s.window);
  const detail = answer.error ?? `${answer.series} series, ${answer.finiteSamples} samples`;
  return {
    refId: target.refId,
    hasData: answer.finiteSamples > 0,
    detail,
    error: answer.error,
    labels: answer.labels,
    expr,
  };
}

/** The regular expression a stat panel picks its fields with (`reduceOptions.fields`), if any. */
function pickedFields(panel: PanelJson): RegExp | undefined {
  const pattern = (panel.options?.reduceOptions as { fields?: string } | undefined)?.fields;
  const match = pattern ? /^\/(.*)\/([a-z]*)$/.exec(pattern) : null;
  return match ? new RegExp(match[1], match[2]) : undefined;
}

/**
 * The name a stat panel matches `reduceOptions.fields` against, for the frames our datasource makes (it names every
 * field through `displayNameFromDS`); Grafana's getFieldDisplayName agrees for them, and this avoids loading
 * @grafana/data's browser globals here.
 */
const displayName = (field: Field) => field.config.displayName ?? field.config.displayNameFromDS ?? field.name;

async function rustydbResult(
  datasourceUid: string,
  panel: PanelJson,
  target: Target,
  s: Servers,
  replace: Replace
): Promise<TargetResult> {
  const { datasource: _ds, ...query } = target;
  const run = s.rustydb(datasourceUid);
  if (!run) {
    const error = `no RustyDB data source "${datasourceUid}"`;
    return { refId: target.refId, hasData: false, detail: error, error };
  }
  const range = { from: s.window.start * 1000, to: s.window.end * 1000 };
  const { frames, errors } = await run(query as RustyDBQuery, range, replace);
  if (errors.length) {
    const error = errors.map((e) => e.message ?? 'error without a message').join('; ');
    return { refId: target.refId, hasData: false, detail: error, error };
  }
  const rows = frames.reduce((n, f) => n + f.length, 0);
  const picked = pickedFields(panel);
  const names = frames.flatMap((frame) => frame.fields.map((field) => ({ name: displayName(field), field })));
  const shown = picked ? names.filter((n) => picked.test(n.name)) : names;
  const valued = shown.filter((n) => n.field.values.some((v) => v !== null && v !== undefined));
  const detail = `${frames.length} frames, ${rows} rows, fields: ${names.map((n) => n.name).join(', ')}`;
  return {
    refId: target.refId,
    hasData: rows > 0 && valued.length > 0,
    detail,
    frames: frames.length,
    datasourceUid,
  };
}

/** Runs every query of every panel as a dashboard load would, and reports per panel. */
export async function runDashboard(dashboard: DashboardJson, s: Servers): Promise<PanelResult[]> {
  const replace = templateReplace(s.resolved, s.builtIns);
  return Promise.all(
    // No Loki runs here: the Loki panels' LogQL is checked statically (dashboards.test.ts) instead.
    contentPanels(dashboard)
      .filter((panel) => panel.datasource?.type !== LOKI_TYPE)
      .map(async (panel) => {
        const source = panel.datasource?.type === PROMETHEUS_TYPE ? 'prometheus' : 'rustydb';
        const datasourceUid = interpolateText(panel.datasource?.uid ?? '', s.resolved);
        const targets = await Promise.all(
          (panel.targets ?? []).map((t) =>
            source === 'prometheus'
              ? prometheusResult(datasourceUid, t, s)
              : rustydbResult(datasourceUid, panel, t, s, replace)
          )
        );
        const title = panel.title ?? '';
        return {
          dashboardUid: dashboard.uid,
          dashboardTitle: dashboard.title,
          panelId: panel.id,
          panelTitle: title.replace(SERVER_TITLE_SUFFIX, ''),
          shownTitle: interpolateText(title, s.resolved),
          panelType: panel.type,
          source,
          targets,
        };
      })
  );
}

/**
 * A RustyDB data source's query code for the runner: one client per dashboard load (one template service), so
 * the panels of a load share requests as they do in Grafana.
 */
export function rustydbRunner(settings: ClientSettings, fetch: FetchFn): RunRustyDB {
  const clients = new WeakMap<Replace, RustyDBClient>();
  return (query, range, replace) => {
    let client = clients.get(replace);
    if (!client) {
      client = new RustyDBClient(settings, { fetch, replace });
      clients.set(replace, client);
    }
    return client.run([query], { range });
  };
}
