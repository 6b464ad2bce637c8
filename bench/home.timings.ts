/**
 * Measures the built home page and prints bench rows as JSON (run by home.bench.ts in its own tsx process). Each
 * fleet is 89 % healthy, 5 % warning (memory 85 %), 4 % critical (CPU 95 %, health degraded) and 2 % unreachable (a
 * closed port), as in issue #18; every data source has a Prometheus identity, so the page reads figures from the fake
 * Prometheus and only health from each simulator. Per size: the time until every instance shows data, the requests of
 * one refresh, long tasks after the first paint (loading and one refresh), the page's DOM, and whether every unhealthy
 * instance is on the first screen. The 200-instance page is saved as docs/img/home-fleet.png.
 */
import path from 'path';
import { RunningSimulator, startSimulator } from '../simulator';
import { FakeGrafana, fakeGrafana, rustydbDatasource } from '../tests/browser/appFakeGrafana';
import { chromiumAvailable, Harness, startHarness } from '../tests/browser/harness';
import { closedPort } from '../tests/browser/harness/server';
import { grafanaLine, linePackage } from '../tests/browser/harness/grafanaLine';
import { printResult } from './child';
import { median, ms } from './figures';
import type { Row } from './run';

const SIZES = [10, 50, 200];
const RUNS = 3;
const VIEWPORT = { width: 1280, height: 1000 };
const ROOT = path.resolve(__dirname, '..');
const SCREENSHOT = path.join(ROOT, 'docs/img/home-fleet.png');

type Kind = 'healthy' | 'warning' | 'critical' | 'unreachable';

function kinds(n: number): Kind[] {
  const count = (share: number) => Math.max(1, Math.round(n * share));
  const sick: Kind[] = [
    ...Array<Kind>(count(0.02)).fill('unreachable'),
    ...Array<Kind>(count(0.04)).fill('critical'),
    ...Array<Kind>(count(0.05)).fill('warning'),
  ];
  // Spread the sick ones through the name order, so "problems first" is the page's doing.
  const all = Array<Kind>(n).fill('healthy');
  sick.forEach((kind, i) => (all[Math.floor(((i + 0.5) * n) / sick.length)] = kind));
  return all;
}

/** Makes the fake Grafana list `n` RustyDB data sources over the simulators, and its Prometheus their figures. */
async function arrange(grafana: FakeGrafana, simulators: RunningSimulator[], n: number): Promise<number> {
  grafana.datasources.clear();
  grafana.datasources.set('prom', { uid: 'prom', name: 'Prometheus', type: 'prometheus', jsonData: {} });
  grafana.scrapes.length = 0;
  const closed = `http://127.0.0.1:${await closedPort()}`;
  const fleet = kinds(n);
  fleet.forEach((kind, i) => {
    const sim = simulators[i];
    const instance = `rustydb-${i}:8080`;
    sim.clearFaults();
    if (kind === 'critical') {
      sim.setFaults({ health: 'degraded', cpuPercent: 95 });
    }
    if (kind === 'warning') {
      sim.setFaults({ memoryPercent: 85 });
    }
    if (kind !== 'unreachable') {
      grafana.scrapes.push({
        job: 'rustydb',
        instance,
        cpu: kind === 'critical' ? 95 : 20 + (i % 30),
        memory: kind === 'warning' ? 85 : 40,
        tps: 250,
        pools: [{ pool: 'default', active: 5, idle: 15, waiting: 0 }],
      });
    }
    const ds = rustydbDatasource(
      `db-${i}`,
      `db-${String(i).padStart(3, '0')}`,
      kind === 'unreachable' ? closed : sim.url
    );
    ds.jsonData = { ...ds.jsonData, prometheusUid: 'prom', job: 'rustydb', instance };
    grafana.datasources.set(ds.uid, ds);
  });
  return fleet.filter((k) => k !== 'healthy').length;
}

interface Run {
  shownMs: number;
  paintMs: number;
  rest: number;
  promql: number;
  longTasks: number[];
  dom: number;
  heightPx: number;
  unhealthyOnFirstScreen: number;
  errors: number;
}

const proxied = (requests: string[]) => ({
  rest: requests.filter((r) => r.includes('/proxy/uid/db-')).length,
  promql: requests.filter((r) => r.includes('/proxy/uid/prom/')).length,
});

/** Until no request has reached the fake Grafana for `quietMs`. */
async function quiet(grafana: FakeGrafana, quietMs = 1000): Promise<void> {
  let seen = -1;
  while (seen !== grafana.requests.length) {
    seen = grafana.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
}

async function measureOnce(harness: Harness, grafana: FakeGrafana, n: number, screenshot: boolean): Promise<Run> {
  const { page, errors } = await harness.open({ theme: 'light', viewport: VIEWPORT, query: { view: 'home' } });
  try {
    await page.evaluate(() => {
      const w = window as unknown as { __longTasks: Array<{ start: number; duration: number }> };
      w.__longTasks = [];
      new PerformanceObserver((list) =>
        list.getEntries().forEach((e) => w.__longTasks.push({ start: e.startTime, duration: e.duration }))
      ).observe({ type: 'longtask', buffered: true });
    });
    const shown = await page.waitForFunction(
      (total) => {
        const text = document.querySelector('[role="status"]')?.textContent ?? '';
        return text.startsWith(`${total} instances:`) && !text.includes('being checked') ? performance.now() : false;
      },
      n,
      { polling: 'raf', timeout: 120_000 }
    );
    const shownMs = (await shown.jsonValue()) as number;
    await quiet(grafana);
    if (screenshot) {
      await page.screenshot({ path: SCREENSHOT });
    }
    const before = grafana.requests.length;
    await page.getByRole('button', { name: 'Refresh now' }).click();
    await quiet(grafana);
    const refresh = proxied(grafana.requests.slice(before));
    const figures = await page.evaluate(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
      const tasks = (window as unknown as { __longTasks: Array<{ start: number; duration: number }> }).__longTasks;
      const sick = /^(Unreachable|Critical|Warning)/;
      const rows = [...document.querySelectorAll('tbody tr')].map((tr) => ({
        el: tr,
        level: tr.querySelector('td')?.textContent ?? '',
      }));
      const cards = [...document.querySelectorAll('[data-testid="rustydb-instance"]')].map((el) => ({
        el,
        level: el.querySelector('h2')?.nextElementSibling?.textContent ?? '',
      }));
      return {
        paintMs: paint,
        longTasks: tasks.filter((t) => t.start >= paint).map((t) => t.duration),
        dom: document.getElementsByTagName('*').length,
        heightPx: document.documentElement.scrollHeight,
        unhealthyOnFirstScreen: [...rows, ...cards].filter(
          ({ el, level }) => sick.test(level) && el.getBoundingClientRect().bottom <= window.innerHeight
        ).length,
      };
    });
    // As in tests/browser/app.test.ts: the unreachable instances' 502s, Grafana's fonts, icons cancelled by a re-render.
    const expected = [
      /\/proxy\/uid\/db-\d+\//,
      /status of 502/,
      /\/public\/fonts\//,
      /^Failed to load resource: .*404/,
      /^request failed: .*\/icons\/.*\.svg$/,
    ];
    return {
      shownMs,
      ...refresh,
      ...figures,
      errors: errors.filter((e) => !expected.some((p) => p.test(e))).length,
    };
  } finally {
    await page.close();
  }
}

async function measure(): Promise<Row[]> {
  if (!chromiumAvailable()) {
    return [{ metric: 'home page', value: 'not run', note: '/usr/bin/chromium is missing' }];
  }
  const simulators = await Promise.all(
    Array.from({ length: Math.max(...SIZES) }, () =>
      startSimulator({ profile: 'documented', port: 0, metricsPort: null })
    )
  );
  const grafana = fakeGrafana([]);
  let harness: Harness | undefined;
  try {
    harness = await startHarness({
      entry: path.join(ROOT, 'tests/browser/pages/app.tsx'),
      alias: { '@grafana/runtime': path.join(linePackage(grafanaLine(), '@grafana/runtime'), 'dist/esm/index.mjs') },
      roots: { '/public/plugins/rustydb-monitoring-app/': path.join(ROOT, 'dist') },
      handle: grafana.handle,
      mode: 'production',
    });
    const rows: Row[] = [];
    for (const n of SIZES) {
      const unhealthy = await arrange(grafana, simulators, n);
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) {
        runs.push(await measureOnce(harness, grafana, n, n === Math.max(...SIZES) && i === 0));
      }
      const mid = (pick: (r: Run) => number) => median(runs.map(pick));
      const tasks = runs.flatMap((r) => r.longTasks);
      rows.push(
        {
          metric: `every instance shows data, ${n} instances`,
          value: ms(mid((r) => r.shownMs)),
          note: `from navigation; first contentful paint ${ms(mid((r) => r.paintMs))}`,
        },
        {
          metric: `requests per refresh, ${n} instances`,
          value: `${mid((r) => r.rest)} REST + ${mid((r) => r.promql)} PromQL`,
          note: `${(mid((r) => r.rest) / n).toFixed(2)} REST per instance`,
        },
        {
          metric: `long tasks after first paint, ${n} instances`,
          value: `${median(runs.map((r) => r.longTasks.length))}, max ${ms(tasks.length ? Math.max(...tasks) : 0)}`,
          note: `count per load + one refresh (median); max over ${RUNS} loads`,
        },
        {
          metric: `page, ${n} instances`,
          value: `${mid((r) => r.dom)} DOM nodes`,
          note: `${mid((r) => r.heightPx)} px tall; unhealthy on the first screen ${mid((r) => r.unhealthyOnFirstScreen)}/${unhealthy}; unexpected errors ${Math.max(...runs.map((r) => r.errors))}`,
        }
      );
    }
    return rows;
  } finally {
    await harness?.close();
    await Promise.all(simulators.map((s) => s.close()));
  }
}

printResult(measure);
