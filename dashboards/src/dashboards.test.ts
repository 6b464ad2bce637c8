import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { queryTypeInfo } from '../../src/datasource/queryTypes';
import { isCatalogued } from '../../src/rustydb/metrics';
import { grafanaSteps, Threshold, THRESHOLDS } from '../../src/rustydb/thresholds';
import { DASHBOARDS } from './boards';
import { GRID_COLUMNS, SCHEMA_VERSION, SECTIONS, SHARED_TAG } from './lib/dashboard';
import { IDENTITY_VARIABLES } from './lib/variables';
import { LOKI, PROMETHEUS, RUSTYDB } from './lib/datasources';
import { NEUTRAL_STEPS, POOL_STATS_PANEL } from './lib/panels';
import {
  annotationExprs,
  contentPanels,
  DashboardJson,
  isPrometheus,
  isRow,
  queryVariables,
  targetsOf,
} from './inspect/dashboardModel';
import { analyseLogql } from './inspect/logql';
import { analysePromql } from './inspect/promql';
import { recordingRuleNames } from './inspect/recordingRules';
import { interpolate, parseLabelValues } from './inspect/variables';
import { DASHBOARD_DIR, PROJECT_ROOT } from './paths';

const ROOT = PROJECT_ROOT;
const EXPECTED_UIDS = [
  'rustydb-overview',
  'rustydb-performance',
  'rustydb-resources',
  'rustydb-security',
  'rustydb-pools',
  'rustydb-slo',
  'rustydb-replication',
  'rustydb-capacity',
  'rustydb-logs',
  'rustydb-status',
];

const all: Array<{ file: string; json: DashboardJson; shared: boolean }> = DASHBOARDS.map(({ file, spec }) => ({
  file,
  json: JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8')),
  shared: Boolean(spec.public),
}));
/** The dashboards with the datasource, job and instance variables; the public status dashboard has none. */
const dashboards = all.filter((d) => !d.shared);
const shared = all.filter((d) => d.shared);

/** Grafana's interval variables, which stand where PromQL wants a duration; `$job` and the like stay, inside strings. */
const INTERVALS = { __rate_interval: '1m', __range: '1h', __interval: '30s' };
const RECORDING_RULES = recordingRuleNames(path.join(ROOT, 'monitoring/rules'));
/** Series Prometheus itself creates. */
const PROMETHEUS_SERIES = new Set(['up', 'ALERTS']);

/** Every PromQL a dashboard runs; `scoped` marks panel queries, which must honour the job and instance variables. */
function everyPromql(d: DashboardJson): Array<{ where: string; expr: string; scoped: boolean }> {
  return [
    ...targetsOf(d)
      .filter(isPrometheus)
      .map((t) => ({
        where: `${d.uid} panel "${t.panel.title}" ${t.target.refId}`,
        expr: String(t.target.expr),
        scoped: true,
      })),
    ...annotationExprs(d).map((expr) => ({ where: `${d.uid} annotation`, expr, scoped: false })),
    ...queryVariables(d).map((v) => ({
      where: `${d.uid} variable ${v.name}`,
      expr: parseLabelValues(v.query)?.selector ?? v.query,
      scoped: false,
    })),
  ];
}

describe('generated dashboards', () => {
  // Through the CLI: Prettier 3 (which formats the JSON) cannot load inside Jest's module system.
  it('are up to date with their source and revision lock (npm run dashboards -- --check)', () => {
    const run = spawnSync(
      process.execPath,
      [require.resolve('tsx/cli'), path.join(__dirname, 'generate.ts'), '--check'],
      { encoding: 'utf8' }
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('are exactly the bundled dashboards, with stable uids', () => {
    expect(all.map((d) => d.json.uid).sort()).toEqual([...EXPECTED_UIDS].sort());
  });

  it.each(shared.map((d) => [d.file, d.json] as const))(
    '%s can be shared publicly: no template variables, one fixed Prometheus, parsed PromQL',
    (_file, d) => {
      expect(d.templating.list).toEqual([]);
      expect(d.tags).toContain(SHARED_TAG);
      const sources = new Set(targetsOf(d).flatMap(({ panel, target }) => [panel.datasource, target.datasource]));
      expect([...new Set([...sources].map((s) => JSON.stringify(s)))]).toEqual([
        JSON.stringify({ type: PROMETHEUS.type, uid: 'prometheus' }),
      ]);
      for (const { target } of targetsOf(d)) {
        const expr = String(target.expr);
        expect(expr.replace(/\$(__rate_interval|__range)\b/g, '')).not.toContain('$');
        const { errors, selectors } = analysePromql(interpolate(expr, INTERVALS));
        expect(errors).toEqual([]);
        for (const sel of selectors) {
          expect([sel.name, isCatalogued(sel.name) || PROMETHEUS_SERIES.has(sel.name)]).toEqual([sel.name, true]);
        }
      }
    }
  );

  it.each(dashboards.map((d) => [d.file, d.json] as const))('%s has the dashboard-level conventions', (_file, d) => {
    expect(d.id).toBeNull();
    expect(d.uid.length).toBeLessThanOrEqual(40);
    expect(Number.isInteger(d.revision) && d.revision >= 1).toBe(true);
    expect(d.schemaVersion).toBe(SCHEMA_VERSION);
    expect(d.tags).toContain(SHARED_TAG);
    expect(d.links).toContainEqual(
      expect.objectContaining({ type: 'dashboards', tags: [SHARED_TAG], includeVars: true, keepTime: true })
    );
    expect(d).not.toHaveProperty('__inputs');
    expect(JSON.stringify(d)).not.toMatch(/\$\{DS_/);
  });

  it.each(dashboards.map((d) => [d.file, d.json] as const))(
    '%s has datasource, job and instance variables',
    (_file, d) => {
      const vars = Object.fromEntries(d.templating.list.map((v) => [v.name, v]));
      expect(vars.prometheus).toMatchObject({ type: 'datasource', query: PROMETHEUS.type });
      expect(vars.rustydb).toMatchObject({ type: 'datasource', query: RUSTYDB.type });
      // One server or the fleet: job and instance offer only what the selected server's identity allows, plus All.
      for (const name of ['job', 'instance'] as const) {
        expect(vars[IDENTITY_VARIABLES[name]]).toMatchObject({ type: 'query', datasource: RUSTYDB, hide: 2 });
        expect(vars[name]).toMatchObject({
          type: 'query',
          multi: false,
          includeAll: true,
          allValue: '.+',
          refresh: 2,
          datasource: PROMETHEUS,
          regex: `\${${IDENTITY_VARIABLES[name]}:raw}`,
        });
      }
    }
  );

  it.each(dashboards.map((d) => [d.file, d.json] as const))(
    '%s panels: titled, described, with a unit and a datasource variable',
    (_file, d) => {
      const problems = contentPanels(d).flatMap((p) => {
        const out: string[] = [];
        const name = `panel ${p.id} "${p.title}"`;
        if (!p.title?.trim()) {
          out.push(`${name} has no title`);
        }
        if (!p.description?.trim()) {
          out.push(`${name} has no description`);
        }
        if (!p.fieldConfig?.defaults?.unit) {
          out.push(`${name} has no unit`);
        }
        const ds = p.datasource;
        if (!ds || ![PROMETHEUS, RUSTYDB, LOKI].some((v) => v.uid === ds.uid && v.type === ds.type)) {
          out.push(`${name} does not use $prometheus, $rustydb or $loki`);
        }
        if (!p.targets?.length) {
          out.push(`${name} has no queries`);
        }
        for (const t of p.targets ?? []) {
          if (t.datasource?.uid !== ds?.uid) {
            out.push(`${name} query ${t.refId} uses another datasource than its panel`);
          }
        }
        return out;
      });
      expect(problems).toEqual([]);
    }
  );

  it.each(dashboards.map((d) => [d.file, d.json] as const))(
    '%s layout: unique ids, 24-column grid, no overlaps, rows in order',
    (_file, d) => {
      const ids = d.panels.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const { gridPos: g } of d.panels) {
        expect(g.x >= 0 && g.w > 0 && g.h > 0 && g.x + g.w <= GRID_COLUMNS).toBe(true);
      }
      const cells = new Set<string>();
      for (const { gridPos: g, id } of d.panels) {
        for (let x = g.x; x < g.x + g.w; x++) {
          for (let y = g.y; y < g.y + g.h; y++) {
            expect([id, cells.has(`${x},${y}`)]).toEqual([id, false]);
            cells.add(`${x},${y}`);
          }
        }
      }
      const ranks = d.panels.filter(isRow).map((r) => SECTIONS.findIndex((s) => String(r.title).startsWith(s)));
      expect(ranks).not.toContain(-1);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
    }
  );

  /** An event count over its alert's own window (deadlocks in 5 minutes), so the panel's levels mean what they say. */
  const EVENT_WINDOWS = Object.values(THRESHOLDS as Record<string, Threshold>)
    .filter((t) => t.countable && t.for !== undefined)
    .map((t) => t.for!);

  it.each(dashboards.map((d) => [d.file, d.json] as const))(
    "%s LogQL parses with Grafana's LogQL grammar and reads only the selected job and instance",
    (_file, d) => {
      const loki = targetsOf(d).filter((t) => t.target.datasource?.type === LOKI.type);
      const problems = loki.flatMap(({ panel, target }) => {
        const where = `${d.uid} panel "${panel.title}" ${target.refId}`;
        const { errors, selectors } = analyseLogql(interpolate(String(target.expr), { ...INTERVALS, __auto: '1m' }));
        const out = errors.map((e) => `${where}: ${e}`);
        if (selectors.length === 0) {
          out.push(`${where}: no stream selector`);
        }
        for (const m of selectors) {
          if (m.job !== '=~ $job' || m.instance !== '=~ $instance') {
            out.push(`${where}: a stream selector is not filtered by $job and $instance`);
          }
        }
        return out;
      });
      expect(problems).toEqual([]);
    }
  );

  it.each(dashboards.map((d) => [d.file, d.json] as const))(
    '%s PromQL parses, uses catalogued names, $__rate_interval and the job/instance filter',
    (_file, d) => {
      const problems = everyPromql(d).flatMap(({ where, expr, scoped }) => {
        const { errors, selectors, ranges } = analysePromql(interpolate(expr, INTERVALS));
        const out = errors.map((e) => `${where}: ${e}`);
        for (const s of selectors) {
          if (!(isCatalogued(s.name) || RECORDING_RULES.has(s.name) || PROMETHEUS_SERIES.has(s.name))) {
            out.push(`${where}: ${s.name || '(no name)'} is neither in the metric catalogue nor a recording rule`);
          }
          if (
            scoped &&
            isCatalogued(s.name) &&
            !(s.matchers.job?.value === '$job' && s.matchers.instance?.value === '$instance')
          ) {
            out.push(`${where}: ${s.name} is not filtered by $job and $instance`);
          }
        }
        const windows = [...expr.matchAll(/\[([^\]]+)\]/g)].map((m) => m[1]);
        for (const w of windows.filter((w) => !['$__rate_interval', '$__range', ...EVENT_WINDOWS].includes(w))) {
          out.push(
            `${where}: fixed window [${w}]; use [$__rate_interval] (or [$__range] for totals over the time range)`
          );
        }
        expect(ranges.length).toBe(windows.length);
        return out;
      });
      expect(problems).toEqual([]);
    }
  );

  it.each(dashboards.map((d) => [d.file, d.json] as const))(
    '%s RustyDB queries use a query type and view the datasource has',
    (_file, d) => {
      const problems = targetsOf(d)
        .filter((t) => t.target.datasource?.type === RUSTYDB.type)
        .flatMap(({ panel, target }) => {
          const info = queryTypeInfo(String(target.queryType));
          if (!info) {
            return [`"${panel.title}": unknown query type ${String(target.queryType)}`];
          }
          const views = (info.views ?? []).map((v) => v.value);
          const view = target.view === undefined ? undefined : String(target.view);
          return view === undefined || views.includes(view)
            ? []
            : [`"${panel.title}": ${info.value} has no view ${view} (${views.join(', ')})`];
        });
      expect(problems).toEqual([]);
    }
  );

  it("thresholds are the alert levels of src/rustydb/thresholds.ts, in the levels' unit", () => {
    const levels = Object.values(THRESHOLDS).map((t) => ({ unit: t.unit, steps: grafanaSteps(t) }));
    const problems = dashboards.flatMap(({ json }) =>
      contentPanels(json).flatMap((p) => {
        const steps = p.fieldConfig?.defaults?.thresholds?.steps;
        if (JSON.stringify(steps) === JSON.stringify(NEUTRAL_STEPS)) {
          return [];
        }
        const match = levels.some(
          (l) => l.unit === p.fieldConfig?.defaults?.unit && JSON.stringify(l.steps) === JSON.stringify(steps)
        );
        return match
          ? []
          : [`${json.uid} "${p.title}" has thresholds ${JSON.stringify(steps)} that are not the guide's levels`];
      })
    );
    expect(problems).toEqual([]);
  });

  it("the pool-stats panels colour waiting requests with the guide's waiting levels", () => {
    const pools = dashboards.flatMap(({ json }) => contentPanels(json).filter((p) => p.type === POOL_STATS_PANEL));
    expect(pools.length).toBeGreaterThanOrEqual(3);
    for (const p of pools) {
      expect(p.fieldConfig?.defaults?.custom?.waitingThresholds?.steps).toEqual(grafanaSteps(THRESHOLDS.poolWaiting));
      expect(p.fieldConfig?.defaults?.thresholds?.steps).toEqual(grafanaSteps(THRESHOLDS.poolUtilisation));
    }
  });

  /** The signals with alert levels, and a metric whose panels must show them. */
  const LEVELLED_SIGNALS: Array<[keyof typeof THRESHOLDS, string]> = [
    ['cpuPercent', 'rustydb_cpu_usage_percent'],
    ['memoryPercent', 'rustydb_memory_usage_percent'],
    ['cacheHitRatio', 'rustydb_cache_hit_ratio'],
    ['transactionsPerSecond', 'rustydb_transactions_total'],
    ['locksHeld', 'rustydb_locks_held'],
    ['deadlocks', 'rustydb_deadlocks_total'],
    ['poolUtilisation', 'rustydb_connection_pool_idle'],
    ['poolWaiting', 'rustydb_connection_pool_waiting'],
    ['connectionsInUse', 'rustydb_max_connections'],
    ['failedLoginsPerMinute', 'rustydb_failed_logins_total'],
    ['replicationLagSeconds', 'rustydb_replication_lag_seconds'],
  ];

  it.each(LEVELLED_SIGNALS)('every panel of %s (reading %s) in its unit shows those levels', (key, metric) => {
    const { unit } = THRESHOLDS[key];
    const panels = dashboards.flatMap(({ json }) =>
      contentPanels(json).filter(
        (p) =>
          p.fieldConfig?.defaults?.unit === unit &&
          (p.targets ?? []).some((t) => new RegExp(`\\b${metric}\\b`).test(String(t.expr ?? '')))
      )
    );
    expect(panels.length).toBeGreaterThan(0);
    for (const p of panels) {
      expect([p.title, p.fieldConfig?.defaults?.thresholds?.steps]).toEqual([p.title, grafanaSteps(THRESHOLDS[key])]);
    }
  });
});

describe('plugin.json and the build', () => {
  const plugin = JSON.parse(fs.readFileSync(path.join(ROOT, 'src/plugin.json'), 'utf8'));
  const dashboardIncludes: Array<{ type: string; path: string; uid: string; name: string }> = plugin.includes.filter(
    (i: { type: string }) => i.type === 'dashboard'
  );

  it('includes every dashboard file once, with its uid and title', () => {
    const dashboards = all;
    expect(
      dashboardIncludes
        .map((i) => ({ path: i.path, uid: i.uid, name: i.name }))
        .sort((a, b) => a.path.localeCompare(b.path))
    ).toEqual(
      dashboards
        .map((d) => ({ path: `dashboards/${d.file}`, uid: d.json.uid, name: d.json.title }))
        .sort((a, b) => a.path.localeCompare(b.path))
    );
  });

  it('copies each dashboard into dist/dashboards/ unchanged (and nothing else)', () => {
    const dashboards = all;
    const distDir = path.join(ROOT, 'dist/dashboards');
    expect(fs.existsSync(distDir)).toBe(true);
    expect(fs.readdirSync(distDir).sort()).toEqual(dashboards.map((d) => d.file).sort());
    for (const include of dashboardIncludes) {
      expect(fs.readFileSync(path.join(ROOT, 'dist', include.path), 'utf8')).toBe(
        fs.readFileSync(path.join(ROOT, include.path), 'utf8')
      );
    }
  });
});
