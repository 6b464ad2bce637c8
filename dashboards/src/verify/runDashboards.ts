import type { DataFrame, Field } from '@grafana/data';
import type { RustyDBQuery } from '../../../src/datasource/types';
import { contentPanels, DashboardJson, PanelJson } from '../inspect/dashboardModel';
import { interpolate } from '../inspect/variables';
import { LOKI, PROMETHEUS } from '../lib/datasources';
import { queryPrometheus, QueryWindow } from './prometheus';
import { PanelResult, TargetResult } from './results';

/** What the RustyDB datasource's query code returns for one query (`RustyDBClient.run`). */
export type RunRustyDB = (
  query: RustyDBQuery,
  range: { from: number; to: number }
) => Promise<{ frames: DataFrame[]; errors: Array<{ message?: string }> }>;

export interface Servers {
  prometheus: string;
  rustydb: RunRustyDB;
  window: QueryWindow;
  /** Grafana's variables as a dashboard load would set them (`$__rate_interval`, `$job` = All, ...). */
  variables: Record<string, string>;
}

type Target = NonNullable<PanelJson['targets']>[number];

async function prometheusResult(target: Target, s: Servers): Promise<TargetResult> {
  const expr = interpolate(String(target.expr), s.variables);
  const answer = await queryPrometheus(s.prometheus, expr, target.instant === true, s.window);
  const detail = answer.error ?? `${answer.series} series, ${answer.finiteSamples} samples`;
  return { refId: target.refId, hasData: answer.finiteSamples > 0, detail, error: answer.error };
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

async function rustydbResult(panel: PanelJson, target: Target, s: Servers): Promise<TargetResult> {
  const { datasource: _ds, ...query } = target;
  const { frames, errors } = await s.rustydb(query as RustyDBQuery, {
    from: s.window.start * 1000,
    to: s.window.end * 1000,
  });
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
  return { refId: target.refId, hasData: rows > 0 && valued.length > 0, detail, frames: frames.length };
}

/** Runs every query of every panel as a dashboard load would, and reports per panel. */
export async function runDashboard(dashboard: DashboardJson, s: Servers): Promise<PanelResult[]> {
  return Promise.all(
    // No Loki runs here: the Loki panels' LogQL is checked statically (dashboards.test.ts) instead.
    contentPanels(dashboard)
      .filter((panel) => panel.datasource?.type !== LOKI.type)
      .map(async (panel) => {
        const source = panel.datasource?.uid === PROMETHEUS.uid ? 'prometheus' : 'rustydb';
        const targets = await Promise.all(
          (panel.targets ?? []).map((t) =>
            source === 'prometheus' ? prometheusResult(t, s) : rustydbResult(panel, t, s)
          )
        );
        return {
          dashboardUid: dashboard.uid,
          dashboardTitle: dashboard.title,
          panelId: panel.id,
          panelTitle: panel.title ?? '',
          panelType: panel.type,
          source,
          targets,
        };
      })
  );
}
