/**
 * @jest-environment jsdom
 */
// jsdom: the RustyDB datasource's query code needs @grafana/data, which needs a DOM to load.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { DASHBOARDS } from '../../dashboards/src/boards';
import { DashboardJson, queryVariables } from '../../dashboards/src/inspect/dashboardModel';
import { interpolate, parseLabelValues } from '../../dashboards/src/inspect/variables';
import { DASHBOARD_DIR, PROJECT_ROOT } from '../../dashboards/src/paths';
import { labelValues, queryPrometheus, QueryWindow, startPrometheus } from '../../dashboards/src/verify/prometheus';
import { between, compatibilityTable, PanelResult, replaceBetween } from '../../dashboards/src/verify/results';
import { Grafana, openDashboard } from '../../dashboards/src/verify/openDashboard';
import type { Service } from '../../monitoring/stack/services';
import { Profile, RunningSimulator, startSimulator } from '../../simulator';
import { backendSrvOverHttp } from './backendSrvOverHttp';

/**
 * Every dashboard, as Grafana would load it, against the simulator in both profiles: Debian's Prometheus scrapes
 * each simulator every second with the project's rules, then every Prometheus query of every panel runs through its
 * HTTP API and every RustyDB query through the datasource's own query code. The documented server must fill every
 * query; what v0.6.5 fills is the compatibility table in docs/dashboards.md, which this test keeps true
 * (`UPDATE_README=1 npx jest tests/integration/dashboards` rewrites it).
 */

const SCRAPE_INTERVAL = '1s';
/** What Grafana would make `$__rate_interval` of a 1 s scrape interval: four scrapes. */
const RATE_INTERVAL = '5s';
const WINDOW_SECONDS = 10;
/** Scrapes before the rate windows (and the rules reading them) have enough samples. */
const READY_SCRAPES = 12;
const README = path.join(PROJECT_ROOT, 'docs', 'dashboards.md');
const TABLE_BEGIN = '<!-- dashboards-v0.6.5-compatibility:begin -->';
const TABLE_END = '<!-- dashboards-v0.6.5-compatibility:end -->';

interface Stack {
  profile: Profile;
  sim: RunningSimulator;
  prometheus: Service;
  dir: string;
  traffic: NodeJS.Timeout;
}

const dashboards: DashboardJson[] = DASHBOARDS.map(({ file }) =>
  JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8'))
);
const stacks: Partial<Record<Profile, Stack>> = {};
const results: Partial<Record<Profile, PanelResult[]>> = {};
let window: QueryWindow;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const get = (url: string) => http.get(url, (res) => res.resume()).on('error', () => undefined);

/** Clients of the REST API, as a real server has: health probes, and now and then a request for a missing session. */
function startTraffic(url: string): NodeJS.Timeout {
  let n = 0;
  return setInterval(() => get(`${url}/api/v1/${++n % 10 === 0 ? 'sessions/999999' : 'health/liveness'}`), 200);
}

async function startStack(profile: Profile): Promise<Stack> {
  const sim = await startSimulator({ profile, seed: 1, port: 0, metricsPort: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `rustydb-dashboards-${profile}-`));
  // The guide's exporter where the server has one, else v0.6.5's only endpoint.
  const metricsUrl = sim.metricsUrl ?? `${sim.url}/api/v1/metrics/prometheus`;
  const prometheus = await startPrometheus(metricsUrl, dir, SCRAPE_INTERVAL);
  return { profile, sim, prometheus, dir, traffic: startTraffic(sim.url) };
}

/** Until every rate window and recording rule has data: a fixed number of scrapes, then one rule evaluation. */
async function ready(stack: Stack): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const end = Date.now() / 1000;
    // Prometheus answers 503 until its storage is ready.
    const scrapes = await queryPrometheus(
      stack.prometheus.address,
      `count_over_time(up[1m]) >= ${READY_SCRAPES}`,
      true,
      {
        start: end,
        end,
        stepSeconds: 1,
      }
    ).catch(() => ({ finiteSamples: 0 }));
    if (scrapes.finiteSamples > 0) {
      return;
    }
    await sleep(500);
  }
  throw new Error(
    `${stack.profile}: Prometheus did not collect ${READY_SCRAPES} scrapes in time\n${stack.prometheus.log().slice(-2000)}`
  );
}

const BUILT_INS = { __rate_interval: RATE_INTERVAL, __range: `${WINDOW_SECONDS}s`, __interval: SCRAPE_INTERVAL };

/**
 * Every dashboard opened on the one RustyDB data source, which has no Prometheus identity: the fleet view, every
 * label variable on All.
 */
async function runAll(stack: Stack): Promise<PanelResult[]> {
  const proxy = backendSrvOverHttp({ jsonData: { serverUrl: stack.sim.url }, timeoutMs: 10_000 });
  const grafana: Grafana = {
    prometheus: [{ uid: 'prometheus', name: 'Prometheus', address: stack.prometheus.address }],
    rustydb: [
      {
        name: stack.profile,
        settings: { url: proxy.base, uid: 'dashboards', jsonData: { serverUrl: stack.sim.url } },
        fetch: proxy.fetch,
      },
    ],
  };
  const load = { window, builtIns: BUILT_INS };
  return (await Promise.all(dashboards.map(async (d) => (await openDashboard(d, grafana, load)).panels))).flat();
}

const describeTarget = (r: PanelResult, t: PanelResult['targets'][number]) =>
  `${r.dashboardUid} "${r.panelTitle}" ${t.refId}: ${t.detail}`;

beforeAll(async () => {
  const started = await Promise.all((['documented', 'v0.6.5'] as const).map(startStack));
  for (const stack of started) {
    stacks[stack.profile] = stack;
  }
  await Promise.all(started.map(ready));
  const end = Math.floor(Date.now() / 1000);
  window = { start: end - WINDOW_SECONDS, end, stepSeconds: 1 };
  for (const stack of started) {
    results[stack.profile] = await runAll(stack);
  }
}, 120_000);

afterAll(async () => {
  for (const stack of Object.values(stacks)) {
    clearInterval(stack.traffic);
    await stack.prometheus.stop();
    await stack.sim.close();
    fs.rmSync(stack.dir, { recursive: true, force: true });
  }
}, 30_000);

describe('against the documented server', () => {
  it('every Prometheus query of every dashboard returns data', () => {
    const empty = results
      .documented!.filter((r) => r.source === 'prometheus')
      .flatMap((r) => r.targets.filter((t) => !t.hasData).map((t) => describeTarget(r, t)));
    expect(empty).toEqual([]);
    expect(results.documented!.filter((r) => r.source === 'prometheus').length).toBeGreaterThan(50);
  });

  // Tables and logs list what happened in the time range (slow queries, threats, audit entries): on a quiet day a list may be
  // empty, so they must answer without error; stats, gauges and the pool panel must show their values.
  it('every RustyDB datasource query answers, and every stat, gauge and pool panel shows its fields', () => {
    const rustydb = results.documented!.filter((r) => r.source === 'rustydb');
    const failed = rustydb.flatMap((r) =>
      r.targets
        .filter((t) => t.error || !t.frames || (!['table', 'logs'].includes(r.panelType) && !t.hasData))
        .map((t) => describeTarget(r, t))
    );
    expect(failed).toEqual([]);
    expect(rustydb.length).toBeGreaterThan(20);
  });

  it('every job, instance, pool, replica and SLO variable offers values', async () => {
    const { address } = stacks.documented!.prometheus;
    const offered = await Promise.all(
      dashboards.flatMap((d) =>
        queryVariables(d).map(async (v) => {
          const { selector, label } = parseLabelValues(v.query)!;
          const values = await labelValues(
            address,
            interpolate(selector, { job: '.+', instance: '.+' }),
            label,
            window
          );
          return { variable: `${d.uid} ${v.name}`, values: values.length > 0 };
        })
      )
    );
    expect(offered.filter((o) => !o.values)).toEqual([]);
  });
});

describe('against v0.6.5', () => {
  it('every query runs: Prometheus accepts all PromQL and the datasource raises no error', () => {
    const failed = results['v0.6.5']!.flatMap((r) => r.targets.filter((t) => t.error).map((t) => describeTarget(r, t)));
    expect(failed).toEqual([]);
  });

  it('has data in every RustyDB datasource panel that reads health, performance, pools, replication and threats', () => {
    const live = results['v0.6.5']!.filter((r) =>
      [
        'Server status',
        'Uptime',
        'Live performance',
        'Connection pools now',
        'Lag per replica now',
        'Threat detection now',
      ].includes(r.panelTitle)
    );
    expect(live.length).toBeGreaterThanOrEqual(6);
    expect(
      live.filter((r) => !r.targets.some((t) => t.hasData)).map((r) => `${r.dashboardUid} ${r.panelTitle}`)
    ).toEqual([]);
  });

  it('is what the compatibility table in docs/dashboards.md says', () => {
    const table = compatibilityTable(results['v0.6.5']!);
    const readme = fs.readFileSync(README, 'utf8');
    if (process.env.UPDATE_README) {
      fs.writeFileSync(README, replaceBetween(readme, TABLE_BEGIN, TABLE_END, table));
    }
    expect(between(fs.readFileSync(README, 'utf8'), TABLE_BEGIN, TABLE_END)).toBe(table);
  });
});
