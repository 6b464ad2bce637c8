import fs from 'fs';
import http from 'http';
import yaml from 'js-yaml';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { alertmanagerConfig, prometheusConfig, shortenRules } from '../../monitoring/stack/overrides';
import { Service, startService } from '../../monitoring/stack/services';
import { loadRuleFiles, MONITORING_DIR, readYaml } from '../../monitoring/ruleModel';
import { Faults, RunningSimulator, startSimulator } from '../../simulator';
import { episodesOverlapping } from '../../simulator/model/episodes';

/**
 * The whole alert path, for real: the simulator → Debian's Prometheus with the shipped rules (durations cut to
 * seconds) → Debian's Alertmanager with the shipped routes and inhibitions (receivers replaced by webhooks) → this
 * test's webhook receiver. A fault in the simulator must arrive as the right alert, and resolve when it ends.
 */

const PROMETHEUS = '/usr/bin/prometheus';
const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';
const SECOND = '1s';
const FOR = '2s';
/** Long enough for an alert to outlive its series while RustyDBDown takes over (`for:` plus a few evaluations). */
const KEEP_FIRING_FOR = '60s';
const QUIET_HOUR = Date.UTC(2026, 0, 5, 3, 0, 0);
const SEED = 1;

interface Notification {
  receiver: string;
  status: 'firing' | 'resolved';
  alerts: Array<{ status: string; labels: Record<string, string>; annotations: Record<string, string> }>;
}

let dir: string;
let sim: RunningSimulator;
let hook: http.Server;
let alertmanager: Service | undefined;
let prometheus: Service | undefined;
const received: Notification[] = [];

const hostPort = (url: string) => new URL(url).host;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWebhook(): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      received.push({ ...JSON.parse(body), receiver: req.url!.slice(1) });
      res.end();
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function getJson(url: string): Promise<any> {
  const response = await fetch(url);
  return response.json();
}

function diagnostics(): string {
  const tail = (s: Service | undefined) => s?.log().split('\n').slice(-15).join('\n') ?? '(not started)';
  return (
    `notifications: ${JSON.stringify(received.map((n) => [n.receiver, n.status, n.alerts.map((a) => a.labels)]))}\n` +
    `prometheus:\n${tail(prometheus)}\nalertmanager:\n${tail(alertmanager)}`
  );
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 45_000
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const found = await probe();
    if (found !== undefined) {
      return found;
    }
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}\n${diagnostics()}`);
}

/** The notification to `receiver` that carries an alert with these labels in this state. */
function notified(receiver: string, status: 'firing' | 'resolved', labels: Record<string, string>) {
  return () =>
    received
      .filter((n) => n.receiver === receiver)
      .flatMap((n) => n.alerts)
      .find((a) => a.status === status && Object.entries(labels).every(([k, v]) => a.labels[k] === v));
}

interface AlertmanagerAlert {
  fingerprint: string;
  labels: Record<string, string>;
  status: { state: 'active' | 'suppressed' | 'unprocessed'; inhibitedBy: string[]; silencedBy: string[] };
}

/** Alertmanager's view of an alert: active, or suppressed (inhibited) by another. */
async function alertmanagerAlert(labels: Record<string, string>): Promise<AlertmanagerAlert | undefined> {
  const filter = Object.entries(labels)
    .map(([k, v]) => `filter=${encodeURIComponent(`${k}="${v}"`)}`)
    .join('&');
  const alerts: AlertmanagerAlert[] = await getJson(`http://${alertmanager!.address}/api/v2/alerts?${filter}`);
  return alerts[0];
}

const alertState = async (labels: Record<string, string>) => (await alertmanagerAlert(labels))?.status.state;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-alert-path-'));
  // A clock that starts at a quiet hour with no scheduled episode in the next three hours, and runs: the baseline fires
  // nothing (simulator/test/calibration.test.ts), so every alert here comes from a fault the test injects.
  expect(episodesOverlapping(SEED, QUIET_HOUR / 1000, QUIET_HOUR / 1000 + 3 * 3600)).toEqual([]);
  const started = Date.now();
  sim = await startSimulator({
    profile: 'documented',
    port: 0,
    metricsPort: 0,
    seed: SEED,
    now: () => QUIET_HOUR + Date.now() - started,
  });
  hook = await startWebhook();
  const hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}`;

  const amConfig = alertmanagerConfig(
    readYaml(path.join(MONITORING_DIR, 'alertmanager', 'alertmanager.yml')),
    hookUrl,
    SECOND
  );
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), yaml.dump(amConfig));
  alertmanager = await startService(ALERTMANAGER, [
    `--config.file=${path.join(dir, 'alertmanager.yml')}`,
    `--storage.path=${path.join(dir, 'alertmanager')}`,
    '--web.listen-address=127.0.0.1:0',
    '--cluster.listen-address=',
  ]);

  fs.mkdirSync(path.join(dir, 'rules'));
  for (const { file, groups } of loadRuleFiles()) {
    fs.writeFileSync(
      path.join(dir, 'rules', path.basename(file)),
      yaml.dump({ groups: shortenRules(groups, FOR, KEEP_FIRING_FOR) })
    );
  }
  const promConfig = prometheusConfig(readYaml(path.join(MONITORING_DIR, 'prometheus.yml')), {
    targets: {
      'simulator:9100': hostPort(sim.metricsUrl!),
      'simulator:8080': hostPort(sim.url),
      'alertmanager:9093': alertmanager.address,
    },
    alertmanager: alertmanager.address,
    ruleFiles: [path.join(dir, 'rules', '*.yml')],
    interval: SECOND,
  });
  fs.writeFileSync(path.join(dir, 'prometheus.yml'), yaml.dump(promConfig));
  prometheus = await startService(PROMETHEUS, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'prometheus')}`,
    '--web.listen-address=127.0.0.1:0',
    '--rules.alert.resend-delay=1s',
  ]);

  // Both RustyDB endpoints of the shipped job are scraped and up.
  await waitFor('both rustydb targets to be up', async () => {
    const { data } = await getJson(`http://${prometheus!.address}/api/v1/targets?state=active`);
    const rustydb = data.activeTargets.filter((t: any) => t.labels.job === 'rustydb');
    return rustydb.length === 2 && rustydb.every((t: any) => t.health === 'up') ? rustydb : undefined;
  });
}, 120_000);

afterAll(async () => {
  await Promise.all([prometheus?.stop(), alertmanager?.stop()]);
  await sim?.close();
  await new Promise((resolve) => (hook ? hook.close(resolve) : resolve(undefined)));
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

/** What Prometheus adds to every alert: the shipped external labels and the target's role and version. */
const ADDED_LABELS = {
  cluster: 'production',
  environment: 'prod',
  grafana_url: 'http://localhost:3000',
  role: 'primary',
  version: '0.6.5',
};

describe.each<[string, Faults, string, Record<string, string>]>([
  ['CPU at 95 %', { cpuPercent: 95 }, 'RustyDBHighCPU', { category: 'resources', component: 'resource' }],
  [
    'pool default with 30 waiting requests',
    { pool: { id: 'default', waiting: 30 } },
    'RustyDBPoolRequestsWaiting',
    { category: 'connections', component: 'connections', pool: 'default' },
  ],
])('%s', (_, fault, alertname, labels) => {
  const instance = () => hostPort(sim.metricsUrl!);
  const critical = () => ({ alertname, severity: 'critical', job: 'rustydb', instance: instance(), ...labels });

  it('pages the critical alert to PagerDuty and Slack with its labels and links, and holds back the warning twin', async () => {
    sim.setFaults(fault);
    const alert = await waitFor(`${alertname} to page`, notified('team-dba-pagerduty', 'firing', critical()));
    expect(alert.labels).toEqual({ ...critical(), ...ADDED_LABELS });
    expect(alert.annotations.runbook_url).toBe(
      `http://localhost:3000/a/rustydb-monitoring-app/runbooks#${alertname.toLowerCase()}`
    );
    // The app's open route resolves the labels to the RustyDB data source (src/pages/Open).
    expect(alert.annotations.dashboard_url).toMatch(
      new RegExp(`/a/rustydb-monitoring-app/open\\?dashboard=rustydb-[a-z]+&job=rustydb&instance=${instance()}(&|$)`)
    );
    await waitFor(`${alertname} in Slack`, notified('team-dba-slack', 'firing', critical()));
    // The warning twin fires too, but Alertmanager's first inhibition rule suppresses it.
    const warning = { ...critical(), severity: 'warning' };
    expect(
      await waitFor('the warning twin to be suppressed', async () =>
        (await alertState(warning)) === 'suppressed' ? true : undefined
      )
    ).toBe(true);
    expect(notified('team-dba-email', 'firing', warning)()).toBeUndefined();
  }, 90_000);

  it('resolves when the fault ends', async () => {
    sim.clearFaults();
    const resolved = await waitFor(`${alertname} to resolve`, notified('team-dba-pagerduty', 'resolved', critical()));
    expect(resolved.labels.severity).toBe('critical');
  }, 60_000);
});

describe('an instance that goes down', () => {
  const exporter = () => hostPort(sim.metricsUrl!);
  const rest = () => hostPort(sim.url);
  const threat = (instance: string) => ({
    alertname: 'RustyDBSecurityThreat',
    severity: 'critical',
    job: 'rustydb',
    instance,
  });
  const down = () => ({
    alertname: 'RustyDBDown',
    severity: 'critical',
    category: 'availability',
    component: 'service',
    job: 'rustydb',
    instance: exporter(),
  });

  // Alerts on a target's own series resolve as soon as its scrape fails (the series go stale), so what the second
  // inhibition rule holds back is what outlives them: here a threat alert, held by keep_firing_for.
  it("pages RustyDBDown and inhibits that instance's other alerts, and no other instance's", async () => {
    // A brute force: the threat detector fires on both endpoints of the simulator (they serve the same server)...
    sim.setFaults({ failedLoginsPerMinute: 600 });
    await waitFor('the threat on the exporter to page', notified('team-dba-pagerduty', 'firing', threat(exporter())));
    await waitFor('the threat on the REST endpoint to page', notified('team-dba-pagerduty', 'firing', threat(rest())));
    // ...then the exporter (:9100/metrics) stops answering, while the REST port still serves its metrics.
    sim.setFaults({ down: true, pathPattern: '^/metrics$' });
    const paged = await waitFor('RustyDBDown to page', notified('team-dba-pagerduty', 'firing', down()));
    expect(paged.labels).toEqual({ ...down(), ...ADDED_LABELS });
    expect(paged.annotations.description).toContain(exporter());

    const source = await waitFor('RustyDBDown in Alertmanager', () => alertmanagerAlert(down()));
    const inhibited = await waitFor('the threat on the down instance to be inhibited', async () => {
      const alert = await alertmanagerAlert(threat(exporter()));
      return alert?.status.state === 'suppressed' ? alert : undefined;
    });
    expect(inhibited.status).toEqual({ state: 'suppressed', inhibitedBy: [source.fingerprint], silencedBy: [] });
    // The same alert about the instance that is up goes on.
    expect(await alertState(threat(rest()))).toBe('active');
    expect(notified('team-dba-pagerduty', 'firing', { alertname: 'RustyDBDown', instance: rest() })()).toBeUndefined();
  }, 90_000);

  it('resolves RustyDBDown when the instance answers again', async () => {
    sim.clearFaults();
    const resolved = await waitFor('RustyDBDown to resolve', notified('team-dba-pagerduty', 'resolved', down()));
    expect(resolved.labels.instance).toBe(exporter());
  }, 60_000);
});
