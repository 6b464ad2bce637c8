import type { DataTransformerConfig, FieldConfigSource, ValueMapping } from '@grafana/schema';
import type { DataLink } from '@grafana/data';
import panelPlugin from '../../../src/panel/plugin.json';
import { grafanaSteps, THRESHOLDS, ThresholdKey, ThresholdStep } from '../../../src/rustydb/thresholds';
import { RUSTYDB_TYPE, RUSTYDB_VARIABLE } from './datasources';
import { slug } from './panelIds';
import { datasourceOf, Target, targetJson } from './targets';

/**
 * Every RustyDB panel's title ends with the server it reads, so the fleet view (Prometheus panels on every instance)
 * never leaves a REST panel's one server unnamed.
 */
export const SERVER_TITLE_SUFFIX = ` · \${${RUSTYDB_VARIABLE}:text}`;

export const POOL_STATS_PANEL = panelPlugin.id;

type PanelType =
  | 'stat'
  | 'gauge'
  | 'timeseries'
  | 'table'
  | 'heatmap'
  | 'bargauge'
  | 'status-history'
  | 'logs'
  | typeof POOL_STATS_PANEL;

/** A panel as the dashboards declare it; layout, ids and Grafana's boilerplate are added by `panelJson`. */
export interface PanelSpec {
  type: PanelType;
  title: string;
  /** The panel's key in the id lock (lib/panelIds.ts); default `<datasource kind>/<slug of the title>`. */
  key?: string;
  /** What the panel shows, what good looks like, what to do when it is bad. */
  description: string;
  /** A Grafana unit id (`percent`, `percentunit`, `s`, `Bps`, `reqps`, `short`, `none`, ...). */
  unit: string;
  targets: Target[];
  /** The guide's levels for this signal (src/rustydb/thresholds.ts); the panel's unit must be the levels' unit. */
  levels?: ThresholdKey;
  width?: number;
  height?: number;
  min?: number;
  max?: number;
  decimals?: number;
  mappings?: ValueMapping[];
  options?: Record<string, unknown>;
  custom?: Record<string, unknown>;
  overrides?: FieldConfigSource['overrides'];
  transformations?: DataTransformerConfig[];
  /** Data links on every value (e.g. to the logs of that instance and time range). */
  dataLinks?: DataLink[];
  /** A relative time range of the panel's own (`24h`), instead of the dashboard's. */
  timeFrom?: string;
  /** Panel links (the corner menu and, on stats and gauges, a click on the value). */
  links?: PanelLink[];
}

export interface PanelLink {
  title: string;
  url: string;
}

export interface GridPos {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Panels without guide levels get one neutral step, so Grafana's default red-at-80 never paints a healthy value. */
export const NEUTRAL_STEPS: ThresholdStep[] = [{ value: null, color: 'green' }];

const REDUCE_LAST = { values: false, calcs: ['lastNotNull'], fields: '' };
const LEGEND = { showLegend: true, displayMode: 'list', placement: 'bottom', calcs: [] };

const TYPE_DEFAULTS: Record<
  PanelType,
  { width: number; height: number; options: Record<string, unknown>; custom: Record<string, unknown> }
> = {
  stat: {
    width: 4,
    height: 4,
    options: {
      reduceOptions: REDUCE_LAST,
      orientation: 'auto',
      textMode: 'auto',
      graphMode: 'area',
      justifyMode: 'auto',
      wideLayout: true,
    },
    custom: {},
  },
  gauge: {
    width: 4,
    height: 4,
    options: {
      reduceOptions: REDUCE_LAST,
      orientation: 'auto',
      showThresholdLabels: false,
      showThresholdMarkers: true,
      sizing: 'auto',
    },
    custom: {},
  },
  bargauge: {
    width: 8,
    height: 6,
    options: {
      reduceOptions: REDUCE_LAST,
      orientation: 'horizontal',
      displayMode: 'gradient',
      showUnfilled: true,
      valueMode: 'color',
      namePlacement: 'auto',
      sizing: 'auto',
    },
    custom: {},
  },
  timeseries: {
    width: 12,
    height: 8,
    options: { legend: LEGEND, tooltip: { mode: 'multi', sort: 'desc' } },
    custom: {
      drawStyle: 'line',
      lineInterpolation: 'linear',
      lineWidth: 1,
      fillOpacity: 10,
      gradientMode: 'none',
      showPoints: 'never',
      spanNulls: false,
      axisPlacement: 'auto',
      stacking: { mode: 'none', group: 'A' },
    },
  },
  table: {
    width: 24,
    height: 8,
    options: { showHeader: true, cellHeight: 'sm', footer: { show: false, reducer: ['sum'], fields: '' } },
    custom: { align: 'auto', cellOptions: { type: 'auto' }, filterable: false },
  },
  heatmap: {
    width: 12,
    height: 8,
    options: {
      calculate: false,
      cellGap: 1,
      color: {
        mode: 'scheme',
        scheme: 'Oranges',
        fill: 'dark-orange',
        scale: 'exponential',
        exponent: 0.5,
        steps: 64,
        reverse: false,
      },
      rowsFrame: { layout: 'auto' },
      tooltip: { mode: 'single', yHistogram: true, showColorScale: false },
      legend: { show: true },
      filterValues: { le: 1e-9 },
    },
    custom: {},
  },
  'status-history': {
    width: 12,
    height: 8,
    options: {
      showValue: 'auto',
      rowHeight: 0.9,
      colWidth: 0.9,
      legend: LEGEND,
      tooltip: { mode: 'single', sort: 'none' },
    },
    custom: { lineWidth: 1, fillOpacity: 70 },
  },
  logs: {
    width: 24,
    height: 10,
    options: {
      showTime: true,
      showLabels: false,
      showCommonLabels: false,
      wrapLogMessage: true,
      prettifyLogMessage: false,
      enableLogDetails: true,
      dedupStrategy: 'none',
      sortOrder: 'Descending',
    },
    custom: {},
  },
  [POOL_STATS_PANEL]: { width: 24, height: 8, options: {}, custom: {} },
};

function thresholdSteps(spec: PanelSpec): ThresholdStep[] {
  if (!spec.levels) {
    return NEUTRAL_STEPS;
  }
  const threshold = THRESHOLDS[spec.levels];
  if (threshold.unit !== spec.unit) {
    throw new Error(`Panel "${spec.title}" shows ${spec.unit} but the ${spec.levels} levels are in ${threshold.unit}.`);
  }
  return grafanaSteps(threshold);
}

function colorMode(spec: PanelSpec): Record<string, unknown> {
  const seriesPalette = spec.type === 'timeseries' && !spec.levels;
  return { mode: seriesPalette ? 'palette-classic' : 'thresholds' };
}

function displayOptions(spec: PanelSpec): Record<string, unknown> {
  const defaults = TYPE_DEFAULTS[spec.type].options;
  const coloured = Boolean(spec.levels || spec.mappings?.length);
  const stat = spec.type === 'stat' ? { colorMode: coloured ? 'background' : 'none' } : {};
  return { ...defaults, ...stat, ...spec.options };
}

/** The panel as Grafana stores it. All targets of a panel must use one datasource (no mixed panels). */
export function panelJson(spec: PanelSpec, id: number, gridPos: GridPos): Record<string, unknown> {
  if (spec.targets.length === 0) {
    throw new Error(`Panel "${spec.title}" has no queries.`);
  }
  const datasource = datasourceOf(spec.targets[0]);
  if (spec.targets.some((t) => datasourceOf(t).type !== datasource.type)) {
    throw new Error(`Panel "${spec.title}" mixes datasources; split it into two panels.`);
  }
  const thresholdsShown = spec.type === 'timeseries' && spec.levels ? { thresholdsStyle: { mode: 'line' } } : {};
  const defaults: Record<string, unknown> = {
    unit: spec.unit,
    color: colorMode(spec),
    thresholds: { mode: 'absolute', steps: thresholdSteps(spec) },
    mappings: spec.mappings ?? [],
    custom: { ...TYPE_DEFAULTS[spec.type].custom, ...thresholdsShown, ...spec.custom },
    ...(spec.dataLinks ? { links: spec.dataLinks } : {}),
  };
  for (const key of ['min', 'max', 'decimals'] as const) {
    if (spec[key] !== undefined) {
      defaults[key] = spec[key];
    }
  }
  return {
    id,
    type: spec.type,
    title: datasource.type === RUSTYDB_TYPE ? `${spec.title}${SERVER_TITLE_SUFFIX}` : spec.title,
    description: spec.description,
    datasource,
    gridPos,
    fieldConfig: { defaults, overrides: spec.overrides ?? [] },
    options: displayOptions(spec),
    targets: spec.targets.map((t, i) => targetJson(t, String.fromCharCode(65 + i))),
    ...(spec.transformations ? { transformations: spec.transformations } : {}),
    ...(spec.timeFrom ? { timeFrom: spec.timeFrom } : {}),
    ...(spec.links ? { links: spec.links.map((link) => ({ ...link, targetBlank: false })) } : {}),
  };
}

/** What the id lock knows the panel by, so its id survives moves and edits (lib/panelIds.ts). */
export function panelKey(spec: PanelSpec): string {
  return spec.key ?? `${spec.targets[0]?.kind ?? 'none'}/${slug(spec.title)}`;
}

export function panelSize(spec: PanelSpec): { w: number; h: number } {
  return { w: spec.width ?? TYPE_DEFAULTS[spec.type].width, h: spec.height ?? TYPE_DEFAULTS[spec.type].height };
}

/** Value mappings that name and colour discrete states (`1` → Up, `healthy` → Healthy). */
export function stateMappings(states: Record<string, { text: string; color: string }>): ValueMapping[] {
  const options = Object.fromEntries(Object.entries(states).map(([value, s], index) => [value, { ...s, index }]));
  return [{ type: 'value', options } as ValueMapping];
}
