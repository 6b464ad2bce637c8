import { GridPos, PanelSpec, panelJson, panelKey, panelSize } from './panels';
import { PROMETHEUS } from './datasources';
import { assignPanelIds, slug } from './panelIds';
import { standardVariables } from './variables';

export const SCHEMA_VERSION = 42;
export const SHARED_TAG = 'rustydb';
export const GRID_COLUMNS = 24;

/** Rows follow the reading order of the best database dashboards: is it up, what is wrong, how fast, what does it use. */
export const SECTIONS = ['Health', 'Problems', 'Performance', 'Resources', 'Details'] as const;
type Section = (typeof SECTIONS)[number];

interface RowSpec {
  section: Section;
  /** Added after the section name: `Resources · connections`. */
  topic?: string;
  panels: PanelSpec[];
}

export interface DashboardSpec {
  uid: string;
  title: string;
  description: string;
  /** An extra tag for the area (`overview`, `slo`, ...); every dashboard also carries the shared tag. */
  tag: string;
  refresh: string;
  time?: { from: string; to: string };
  /** Variables after the standard four (datasources, job, instance). */
  variables?: Array<Record<string, unknown>>;
  /**
   * A dashboard to share publicly: Grafana's shared (public) dashboards accept neither template variables nor
   * frontend data sources such as RustyDB's, so it has no variables and every panel reads this Prometheus by uid.
   */
  public?: { prometheusUid: string };
  rows: RowSpec[];
}

/** Grafana's built-in interval variables, which shared dashboards accept; any other `$` is a template variable. */
const BUILT_IN_VARIABLES = /\$(__rate_interval|__range|__interval)\b/g;

/** Why a public dashboard could not be shared (it throws); its panels read the given Prometheus. */
function pinnedToPrometheus(spec: DashboardSpec, panels: Array<Record<string, unknown>>, prometheusUid: string) {
  if (spec.variables?.length) {
    throw new Error(`${spec.uid}: a public dashboard cannot have template variables.`);
  }
  const datasource = { type: PROMETHEUS.type, uid: prometheusUid };
  for (const panel of spec.rows.flatMap((r) => r.panels)) {
    for (const target of panel.targets) {
      if (target.kind !== 'prometheus') {
        throw new Error(
          `${spec.uid}: "${panel.title}" reads ${target.kind}; a public dashboard reads Prometheus only.`
        );
      }
      if (target.expr.replace(BUILT_IN_VARIABLES, '').includes('$')) {
        throw new Error(`${spec.uid}: "${panel.title}" uses a template variable; a public dashboard has none.`);
      }
    }
  }
  return panels.map((p) =>
    p.type === 'row'
      ? p
      : {
          ...p,
          datasource,
          targets: (p.targets as Array<Record<string, unknown>>).map((t) => ({ ...t, datasource })),
        }
  );
}

function rowTitle(row: RowSpec): string {
  return row.topic ? `${row.section} · ${row.topic}` : row.section;
}

function checkSectionOrder(spec: DashboardSpec): void {
  const ranks = spec.rows.map((r) => SECTIONS.indexOf(r.section));
  if (ranks.some((rank, i) => i > 0 && rank < ranks[i - 1])) {
    throw new Error(`${spec.uid}: rows must run ${SECTIONS.join(' → ')}, got ${spec.rows.map(rowTitle).join(', ')}.`);
  }
}

/** The key of every row and panel in layout order, which the id lock (lib/panelIds.ts) gives ids. */
export function panelKeys(spec: DashboardSpec): string[] {
  return spec.rows.flatMap((row) => [`row/${slug(rowTitle(row))}`, ...row.panels.map(panelKey)]);
}

/** Panels flow left to right and wrap at 24 columns; each row starts on a new line. */
function layOut(spec: DashboardSpec, ids: Record<string, number>): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const keys = panelKeys(spec);
  const idOf = () => {
    const key = keys[out.length];
    if (ids[key] === undefined) {
      throw new Error(`${spec.uid}: panel ${key} has no id in the id lock; run \`npm run dashboards\`.`);
    }
    return ids[key];
  };
  let y = 0;
  for (const row of spec.rows) {
    out.push({
      id: idOf(),
      type: 'row',
      title: rowTitle(row),
      collapsed: false,
      gridPos: { x: 0, y, w: GRID_COLUMNS, h: 1 },
      panels: [],
    });
    y += 1;
    let x = 0;
    let lineHeight = 0;
    for (const panel of row.panels) {
      const { w, h } = panelSize(panel);
      if (x + w > GRID_COLUMNS) {
        y += lineHeight;
        x = 0;
        lineHeight = 0;
      }
      const gridPos: GridPos = { x, y, w, h };
      out.push(panelJson(panel, idOf(), gridPos));
      x += w;
      lineHeight = Math.max(lineHeight, h);
    }
    y += lineHeight;
  }
  return out;
}

/**
 * The firing RustyDB alerts of the selected server, and those of its job that carry no instance (SLO burn): the
 * empty alternative matches a missing label.
 */
export const SERVER_ALERTS = 'ALERTS{alertstate="firing", alertname=~"RustyDB.+", job=~"$job", instance=~"$instance|"}';

/** Firing RustyDB alerts as annotations on every time series panel. */
const ALERT_ANNOTATION = {
  name: 'RustyDB alerts',
  datasource: PROMETHEUS,
  enable: true,
  iconColor: 'red',
  expr: SERVER_ALERTS,
  step: '60s',
  titleFormat: '{{alertname}}',
  textFormat: '{{severity}} {{instance}}',
  tagKeys: 'severity',
  useValueForTime: false,
};

const BUILT_IN_ANNOTATION = {
  builtIn: 1,
  datasource: { type: 'grafana', uid: '-- Grafana --' },
  enable: true,
  hide: true,
  iconColor: 'rgba(0, 211, 255, 1)',
  name: 'Annotations & Alerts',
  type: 'dashboard',
};

/**
 * The dashboard JSON Grafana loads, without `revision` (the generator adds it from the revision lock). Panel ids come
 * from `ids` (the id lock's entry); without it, panels are numbered in layout order as a new dashboard's would be.
 */
export function dashboardJson(
  spec: DashboardSpec,
  ids: Record<string, number> = assignPanelIds(undefined, panelKeys(spec)).entry.panels
): Record<string, unknown> {
  checkSectionOrder(spec);
  const panels = layOut(spec, ids);
  const shared = spec.public;
  return {
    id: null,
    uid: spec.uid,
    title: spec.title,
    description: spec.description,
    tags: [SHARED_TAG, spec.tag],
    timezone: 'browser',
    editable: true,
    graphTooltip: 1,
    fiscalYearStartMonth: 0,
    liveNow: false,
    refresh: spec.refresh,
    schemaVersion: SCHEMA_VERSION,
    time: spec.time ?? { from: 'now-6h', to: 'now' },
    timepicker: {},
    weekStart: '',
    links: shared
      ? []
      : [
          {
            type: 'dashboards',
            title: 'RustyDB dashboards',
            tags: [SHARED_TAG],
            asDropdown: true,
            includeVars: true,
            keepTime: true,
            icon: 'external link',
            targetBlank: false,
            tooltip: '',
            url: '',
          },
        ],
    annotations: { list: shared ? [BUILT_IN_ANNOTATION] : [BUILT_IN_ANNOTATION, ALERT_ANNOTATION] },
    templating: { list: shared ? [] : [...standardVariables(), ...(spec.variables ?? [])] },
    panels: shared ? pinnedToPrometheus(spec, panels, shared.prometheusUid) : panels,
  };
}
