/**
 * What running the dashboards against a server gave, per panel, and the compatibility table in docs/dashboards.md made from
 * it. Pure: results in, text out.
 */

export type Source = 'prometheus' | 'rustydb';

export interface TargetResult {
  refId: string;
  hasData: boolean;
  /** What came back, for failure messages. */
  detail: string;
  /** The query failed: Prometheus rejected it or the datasource raised an error. */
  error?: string;
  /** Frames the RustyDB datasource returned (a list filtered by the time range may be one frame with no rows). */
  frames?: number;
  /** Prometheus: the expression as sent, variables interpolated. */
  expr?: string;
  /** Prometheus: the labels of each series with data. */
  labels?: Array<Record<string, string>>;
  /** RustyDB: the data source that answered. */
  datasourceUid?: string;
}

export interface PanelResult {
  dashboardUid: string;
  dashboardTitle: string;
  panelId: number;
  /** The title as written, without the server suffix every RustyDB panel carries. */
  panelTitle: string;
  /** The title as Grafana shows it, variables interpolated. */
  shownTitle: string;
  panelType: string;
  source: Source;
  targets: TargetResult[];
}

/** A panel shows something when any of its queries does. */
export const panelHasData = (p: PanelResult) => p.targets.some((t) => t.hasData);

const SOURCE_LABEL: Record<Source, string> = { rustydb: 'RustyDB datasource', prometheus: 'Prometheus' };

function share(panels: PanelResult[]): string {
  return `${panels.filter(panelHasData).length} of ${panels.length}`;
}

/** A Markdown table: per dashboard, which panels have data (in the order the dashboards are given). */
export function compatibilityTable(results: PanelResult[]): string {
  const dashboards = [...new Map(results.map((r) => [r.dashboardUid, r.dashboardTitle])).entries()];
  const header = ['Dashboard', 'Panels with data', ...Object.values(SOURCE_LABEL), 'Panels without data'];
  const lines = dashboards.map(([uid, title]) => {
    const panels = results.filter((r) => r.dashboardUid === uid);
    const bySource = (Object.keys(SOURCE_LABEL) as Source[]).map((s) => {
      const some = panels.filter((p) => p.source === s);
      return some.length ? share(some) : '–';
    });
    const empty = panels.filter((p) => !panelHasData(p)).map((p) => p.panelTitle);
    return [`${title} (\`${uid}\`)`, share(panels), ...bySource, empty.length ? empty.join(', ') : 'none'];
  });
  const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [row(header), row(header.map(() => '---')), ...lines.map(row)].join('\n');
}

/** `text` with what lies between the two marker lines replaced; an error when the markers are missing. */
export function replaceBetween(text: string, begin: string, end: string, body: string): string {
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from + begin.length);
  if (from < 0 || to < 0) {
    throw new Error(`The markers ${begin} and ${end} are missing.`);
  }
  return `${text.slice(0, from + begin.length)}\n${body}\n${text.slice(to)}`;
}

/** What lies between the markers (trimmed), or undefined when they are missing. */
export function between(text: string, begin: string, end: string): string | undefined {
  const from = text.indexOf(begin);
  const to = text.indexOf(end, from + begin.length);
  return from < 0 || to < 0 ? undefined : text.slice(from + begin.length, to).trim();
}
