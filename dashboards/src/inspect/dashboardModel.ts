/** Reading the generated dashboard JSON: what Grafana would load and run. */

type Steps = Array<{ value: number | null; color: string }>;

export interface PanelJson {
  id: number;
  type: string;
  title?: string;
  description?: string;
  datasource?: { type: string; uid: string };
  gridPos: { x: number; y: number; w: number; h: number };
  fieldConfig?: {
    defaults?: {
      unit?: string;
      thresholds?: { steps: Steps };
      custom?: { waitingThresholds?: { steps: Steps } };
    };
  };
  options?: Record<string, unknown>;
  targets?: Array<Record<string, unknown> & { refId: string; datasource?: { type: string; uid: string } }>;
}

export interface DashboardJson {
  uid: string;
  title: string;
  revision: number;
  panels: PanelJson[];
  templating: { list: Array<Record<string, unknown> & { name: string; type: string }> };
  annotations: { list: Array<Record<string, unknown> & { name: string }> };
  [key: string]: unknown;
}

export interface TargetRef {
  dashboard: DashboardJson;
  panel: PanelJson;
  target: NonNullable<PanelJson['targets']>[number];
}

export const isRow = (panel: PanelJson) => panel.type === 'row';

export function contentPanels(dashboard: DashboardJson): PanelJson[] {
  return dashboard.panels.filter((p) => !isRow(p));
}

export function targetsOf(dashboard: DashboardJson): TargetRef[] {
  return contentPanels(dashboard).flatMap((panel) =>
    (panel.targets ?? []).map((target) => ({ dashboard, panel, target }))
  );
}

export function isPrometheus(ref: TargetRef): boolean {
  return ref.target.datasource?.type === 'prometheus';
}

/** PromQL a dashboard runs besides its panels: annotation queries and the selectors of label_values variables. */
export function annotationExprs(dashboard: DashboardJson): string[] {
  return dashboard.annotations.list.flatMap((a) => (typeof a.expr === 'string' ? [a.expr] : []));
}

export function queryVariables(dashboard: DashboardJson): Array<{ name: string; query: string }> {
  return dashboard.templating.list.flatMap((v) =>
    v.type === 'query' && typeof v.query === 'string' ? [{ name: v.name, query: v.query }] : []
  );
}
