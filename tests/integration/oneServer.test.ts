/**
 * @jest-environment jsdom
 */
// jsdom: the RustyDB datasource's query code needs @grafana/data, which needs a DOM to load.
import fs from 'fs';
import http from 'http';
import os from 'os';
import path from 'path';
import { Observable } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { DASHBOARDS } from '../../dashboards/src/boards';
import { DashboardJson } from '../../dashboards/src/inspect/dashboardModel';
import { analysePromql } from '../../dashboards/src/inspect/promql';
import { DASHBOARD_DIR } from '../../dashboards/src/paths';
import { Grafana, openDashboard } from '../../dashboards/src/verify/openDashboard';
import { queryPrometheus, QueryWindow, startPrometheus } from '../../dashboards/src/verify/prometheus';
import type { PanelResult } from '../../dashboards/src/verify/results';
import type { Service } from '../../monitoring/stack/services';
import { RunningSimulator, startSimulator } from '../../simulator';
import { RustyDBClient } from '../../src/datasource/client';
import { PrometheusIdentity } from '../../src/datasource/identity/match';
import { detectIdentity, prometheusProxyBase } from '../../src/datasource/identity/prometheus';
import { RustyDBOptions } from '../../src/datasource/types';
import { openLinkTarget } from '../../src/pages/Open/openLink';
import { backendSrvOverHttp } from './backendSrvOverHttp';

/**
 * Two RustyDB servers — "orders", healthy, and "billing", with CPU at 95 % — on two loopback hosts, each scraped at
 * its exporter by one Prometheus under one job. Every bundled dashboard is opened on each server as Grafana opens
 * it (variables resolved in order, then every query run with them): every REST panel must read that server alone
 * and every Prometheus series must carry its job and instance. The config editor's detection must find each
 * server's labels, "Save & test" must refuse the other's, and a firing alert's link must land on billing.
 */

const SCRAPE_INTERVAL = '1s';
const WINDOW_SECONDS = 10;
const BUILT_INS = { __rate_interval: '5s', __range: `${WINDOW_SECONDS}s`, __interval: SCRAPE_INTERVAL };
const PROMETHEUS_UID = 'prom';
/** The SLO rules aggregate by job (a service objective); their series carry no instance. */
const JOB_WIDE_DASHBOARDS = new Set(['rustydb-slo']);

interface Server {
  name: 'orders' | 'billing';
  sim: RunningSimulator;
  proxy: ReturnType<typeof backendSrvOverHttp>;
  identity?: PrometheusIdentity;
}

// Every dashboard with a server selection; the public Status dashboard has no variables and shows the fleet by design.
const dashboards: DashboardJson[] = DASHBOARDS.filter(({ spec }) => !spec.public).map(({ file }) =>
  JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, file), 'utf8'))
);
let servers: Server[];
let prometheus: Service;
let dir: string;
let window: QueryWindow;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Grafana's proxy for the Prometheus data source: `/api/datasources/proxy/uid/prom/...` to its HTTP API. */
function prometheusFetch(options: BackendSrvRequest): Observable<FetchResponse<unknown>> {
  const prefix = prometheusProxyBase(PROMETHEUS_UID);
  return new Observable((subscriber) => {
    if (!options.url.startsWith(prefix)) {
      subscriber.error({ status: 404, data: {} });
      return;
    }
    http
      .get(`http://${prometheus.address}${options.url.slice(prefix.length)}`, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          subscriber.next({ status: res.statusCode ?? 0, data: JSON.parse(text) } as FetchResponse<unknown>);
          subscriber.complete();
        });
      })
      .on('error', (err) => subscriber.error(err));
  });
}

function settingsOf(server: Server, identity = server.identity): RustyDBOptions {
  return { serverUrl: server.sim.url, prometheusUid: PROMETHEUS_UID, ...identity };
}

/** RustyDB GETs go through the server's own proxy; Prometheus requests through Prometheus'. */
const fetchFor =
  (server: Server) =>
  (options: BackendSrvRequest): Observable<FetchResponse<unknown>> =>
    options.url.startsWith('/api/datasources/proxy/uid/prom/') ? prometheusFetch(options) : server.proxy.fetch(options);

function grafana(withRustyDB = true): Grafana {
  return {
    prometheus: [{ uid: PROMETHEUS_UID, name: 'Prometheus', address: prometheus.address }],
    rustydb: withRustyDB
      ? servers.map((s) => ({
          name: s.name,
          settings: { url: s.proxy.base, uid: s.name, jsonData: settingsOf(s) },
          fetch: fetchFor(s),
        }))
      : [],
  };
}

beforeAll(async () => {
  const [orders, billing] = await Promise.all(
    ['127.0.0.1', '127.0.0.2'].map((host) => startSimulator({ profile: 'documented', host, port: 0, metricsPort: 0 }))
  );
  billing.setFaults({ cpuPercent: 95 });
  servers = [orders, billing].map((sim, i) => ({
    name: i === 0 ? 'orders' : 'billing',
    sim,
    proxy: backendSrvOverHttp({ jsonData: { serverUrl: sim.url }, uid: i === 0 ? 'orders' : 'billing' }),
  }));
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-one-server-'));
  prometheus = await startPrometheus([orders.metricsUrl!, billing.metricsUrl!], dir, SCRAPE_INTERVAL);
  // Until both targets have a minute's worth of rate windows and billing's CPU alert fires.
  const deadline = Date.now() + 60_000;
  for (;;) {
    const now = Date.now() / 1000;
    const at = { start: now, end: now, stepSeconds: 1 };
    const ready = await queryPrometheus(prometheus.address, 'count_over_time(up[1m]) >= 12', true, at).catch(
      () => undefined
    );
    const firing = await queryPrometheus(
      prometheus.address,
      'ALERTS{alertname=~"RustyDB.*CPU.*", alertstate="firing"}',
      true,
      at
    ).catch(() => undefined);
    if (ready?.labels.length === 2 && firing?.labels.length) {
      break;
    }
    if (Date.now() > deadline) {
      throw new Error(`Prometheus not ready in time\n${prometheus.log().slice(-2000)}`);
    }
    await sleep(500);
  }
  const end = Math.floor(Date.now() / 1000);
  window = { start: end - WINDOW_SECONDS, end, stepSeconds: 1 };
  for (const server of servers) {
    server.identity = (await detectIdentity(fetchFor(server), PROMETHEUS_UID, server.sim.url, 10_000)).identity;
  }
}, 120_000);

afterAll(async () => {
  await prometheus?.stop();
  await Promise.all((servers ?? []).map((s) => s.sim.close()));
  fs.rmSync(dir, { recursive: true, force: true });
}, 30_000);

describe('the Prometheus identity', () => {
  it("detection finds each server's own target", () => {
    expect(servers.map((s) => s.identity)).toEqual(
      servers.map((s) => ({ job: 'rustydb', instance: new URL(s.sim.metricsUrl!).host }))
    );
  });

  it("Save & test passes with the detected labels and reports the other server's", async () => {
    const [orders, billing] = servers;
    const test = (identity: PrometheusIdentity) =>
      new RustyDBClient(
        { url: orders.proxy.base, uid: 'orders', jsonData: settingsOf(orders, identity) },
        { fetch: fetchFor(orders) }
      ).testDatasource();
    expect(await test(orders.identity!)).toMatchObject({ status: 'success' });
    const wrong = await test(billing.identity!);
    expect(wrong.status).toBe('error');
    expect(wrong.message).toContain(`belong to ${billing.identity!.instance}`);
    const missing = await test({ job: 'rustydb', instance: 'nowhere:9100' });
    expect(missing).toMatchObject({ status: 'error', message: expect.stringContaining('no target') });
  });
});

/** What on a dashboard opened on `server` is about another server. */
function strayData(panels: PanelResult[], server: Server): string[] {
  const { job, instance } = server.identity!;
  return panels.flatMap((p) =>
    p.targets.flatMap((t) => {
      const where = `${p.dashboardUid} "${p.panelTitle}" ${t.refId}`;
      if (p.source === 'rustydb') {
        return t.datasourceUid === server.name ? [] : [`${where}: read ${t.datasourceUid}`];
      }
      return (t.labels ?? []).flatMap((labels) => {
        const jobWide = JOB_WIDE_DASHBOARDS.has(p.dashboardUid) && labels.instance === undefined;
        // A series whose instance was aggregated away is this server's when every selector it sums kept to it.
        const onlyThis =
          labels.instance === undefined
            ? selectsOnly(t.expr ?? '', instance, others(server))
            : labels.instance === instance;
        const ok = (labels.job ?? job) === job && (jobWide || onlyThis);
        return ok ? [] : [`${where}: series ${JSON.stringify(labels)} of ${t.expr}`];
      });
    })
  );
}

const others = (server: Server) => servers.filter((s) => s !== server).map((s) => s.identity!.instance);

/** Every selector of the expression has an instance matcher that takes `instance` and none of `otherInstances`. */
function selectsOnly(expr: string, instance: string, otherInstances: string[]): boolean {
  const { selectors } = analysePromql(expr);
  // An expression without selectors (a constant limit line) carries no server's data.
  return selectors.every((s) => {
    const m = s.matchers.instance;
    if (!m || m.op !== '=~') {
      return m?.op === '=' && m.value === instance;
    }
    const re = new RegExp(`^(?:${m.value})$`);
    return re.test(instance) && !otherInstances.some((o) => re.test(o));
  });
}

describe.each(['orders', 'billing'] as const)('every dashboard opened on %s', (name) => {
  const server = () => servers.find((s) => s.name === name)!;
  let results: Array<{ dashboard: DashboardJson; panels: PanelResult[]; instanceOptions: number }>;

  beforeAll(async () => {
    results = await Promise.all(
      dashboards.map(async (dashboard) => {
        const { resolved, panels } = await openDashboard(dashboard, grafana(), {
          url: { rustydb: name },
          window,
          builtIns: BUILT_INS,
        });
        return { dashboard, panels, instanceOptions: resolved.instance.options.length };
      })
    );
  }, 60_000);

  it('offers that one server as its instance', () => {
    expect(results.map((r) => [r.dashboard.uid, r.instanceOptions])).toEqual(results.map((r) => [r.dashboard.uid, 1]));
  });

  it("shows that server's data only: REST panels read it, Prometheus series carry its job and instance", () => {
    const panels = results.flatMap((r) => r.panels);
    expect(strayData(panels, server())).toEqual([]);
    expect(
      panels.filter((p) => p.source === 'prometheus' && p.targets.some((t) => t.labels?.length)).length
    ).toBeGreaterThan(40);
    expect(panels.filter((p) => p.source === 'rustydb' && p.targets.some((t) => t.hasData)).length).toBeGreaterThan(20);
  });

  it('names the server in every REST panel title', () => {
    const untitled = results
      .flatMap((r) => r.panels)
      .filter((p) => p.source === 'rustydb' && !p.shownTitle.endsWith(` · ${name}`));
    expect(untitled.map((p) => p.shownTitle)).toEqual([]);
  });
});

describe('the fleet view and Prometheus only', () => {
  it('All shows every instance in Prometheus panels while REST panels name their one server', async () => {
    const overview = dashboards.find((d) => d.uid === 'rustydb-overview')!;
    const { panels } = await openDashboard(overview, grafana(), {
      url: { rustydb: 'billing', instance: '$__all' },
      window,
      builtIns: BUILT_INS,
    });
    const cpu = panels.find((p) => p.panelTitle === 'CPU usage')!;
    expect(new Set(cpu.targets[0].labels!.map((l) => l.instance)).size).toBe(2);
    expect(panels.filter((p) => p.source === 'rustydb').every((p) => p.shownTitle.endsWith(' · billing'))).toBe(true);
  });

  it('without a RustyDB data source, the instance comes from Prometheus and every Prometheus panel shows only it', async () => {
    const billing = servers[1];
    const results = await Promise.all(
      dashboards.map(async (d) => {
        const { resolved, panels } = await openDashboard(d, grafana(false), {
          url: { instance: billing.identity!.instance },
          window,
          builtIns: BUILT_INS,
        });
        return { options: resolved.instance.options.length, panels: panels.filter((p) => p.source === 'prometheus') };
      })
    );
    expect(results.map((r) => r.options)).toEqual(results.map(() => 2));
    expect(
      strayData(
        results.flatMap((r) => r.panels),
        billing
      )
    ).toEqual([]);
  });
});

describe("an alert's dashboard link", () => {
  it("lands on the unhealthy server's RustyDB data source", async () => {
    const body = await new Promise<{
      data: { alerts: Array<{ labels: Record<string, string>; annotations: Record<string, string> }> };
    }>((resolve, reject) =>
      http
        .get(`http://${prometheus.address}/api/v1/alerts`, (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => resolve(JSON.parse(text)));
        })
        .on('error', reject)
    );
    const cpu = body.data.alerts.find((a) => /CPU/.test(a.labels.alertname) && a.labels.instance)!;
    expect(cpu.labels.instance).toBe(servers[1].identity!.instance);
    // The test's Prometheus has no `grafana_url` external label, so the link is relative.
    const link = new URL(cpu.annotations.dashboard_url, 'http://grafana');
    expect(link.pathname).toBe('/a/rustydb-monitoring-app/open');
    const identities = grafana().rustydb.map((r) => ({
      uid: r.settings.uid,
      name: r.name,
      jsonData: r.settings.jsonData,
    }));
    const target = openLinkTarget(link.searchParams, identities);
    expect(target).toMatchObject({ kind: 'dashboard' });
    const url = new URL(`http://grafana${(target as { url: string }).url}`);
    expect(url.searchParams.get('var-rustydb')).toBe('billing');
    expect(url.pathname).toMatch(/^\/d\/rustydb-/);
    // Its logs_url: the same server's Logs and audit dashboard over the last hour.
    const logs = openLinkTarget(new URL(cpu.annotations.logs_url, 'http://grafana').searchParams, identities);
    const logsUrl = new URL(`http://grafana${(logs as { url: string }).url}`);
    expect(logsUrl.pathname).toBe('/d/rustydb-logs');
    expect(Object.fromEntries(logsUrl.searchParams)).toMatchObject({
      'var-rustydb': 'billing',
      'var-instance': servers[1].identity!.instance,
      from: 'now-1h',
      to: 'now',
    });
  });
});
