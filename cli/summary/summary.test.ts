import fs from 'fs';
import http from 'http';
import type { AddressInfo } from 'net';
import os from 'os';
import path from 'path';
import { startPrometheus } from '../../dashboards/src/verify/prometheus';
import type { Service } from '../../monitoring/stack/services';
import { RunningSimulator, startSimulator } from '../../simulator';
import { runCheck } from '../run';
import { SUMMARY_EXIT } from './run';
import type { DailySummary } from './summary';
import { WEBHOOK_ENV } from './webhook';

/**
 * `rustydb-check summary` against real services: the simulator, Debian's Prometheus scraping it every second with the
 * project's rules (the capacity rules' week-back offset cut to seconds, so every figure has a value), and a local
 * webhook that records what it is sent.
 */

let sim: RunningSimulator;
let prometheus: Service | undefined;
let dir: string;
let traffic: NodeJS.Timeout;
let hook: http.Server;
let hookUrl: string;
let hookStatus = 204;
const posted: unknown[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const get = (url: string) => http.get(url, (res) => res.resume()).on('error', () => undefined);
const summary = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  runCheck(['summary', '--prometheus', `http://${prometheus!.address}`, ...args], env);

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`]))
  );
}
const close = (server: http.Server) => new Promise((resolve) => server.close(resolve));

/** Until every figure has a value: the rate windows, the SLO rules and the capacity rules need a few scrapes. */
async function complete(): Promise<DailySummary> {
  const deadline = Date.now() + 60_000;
  let last = '';
  while (Date.now() < deadline) {
    const { code, stdout, stderr } = await summary(['--format', 'json']);
    last = stdout + stderr;
    if (code === SUMMARY_EXIT.OK) {
      const parsed = JSON.parse(stdout);
      if (Object.values(parsed).every((v) => v !== null)) {
        return parsed;
      }
    }
    await sleep(1000);
  }
  throw new Error(`the summary never had every figure: ${last}\n${prometheus?.log().slice(-2000)}`);
}

let full: DailySummary;

beforeAll(async () => {
  sim = await startSimulator({ profile: 'documented', port: 0, metricsPort: 0, seed: 1 });
  // REST clients, one request in ten for a session that is not there: failed requests for the error rate.
  let n = 0;
  traffic = setInterval(() => get(`${sim.url}/api/v1/${++n % 10 === 0 ? 'sessions/999999' : 'health/liveness'}`), 100);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-summary-'));
  prometheus = await startPrometheus(sim.metricsUrl!, dir, '1s');
  [hook, hookUrl] = await listen((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      posted.push(JSON.parse(body));
      res.statusCode = hookStatus;
      res.end();
    });
  });
  full = await complete();
}, 120_000);

afterAll(async () => {
  clearInterval(traffic);
  await prometheus?.stop();
  await sim?.close();
  if (hook) {
    await close(hook);
  }
  if (dir) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}, 30_000);

beforeEach(() => {
  posted.length = 0;
  hookStatus = 204;
});

describe('rustydb-check summary against Prometheus over the simulator', () => {
  it('reads every figure of the last 24 hours', () => {
    const instance = new URL(sim.metricsUrl!).host;
    expect(full.scope).toEqual({ job: 'rustydb', instance: '.+' });
    expect(new Date(full.to).getTime() - new Date(full.from).getTime()).toBe(86_400_000);
    expect(full.availability).toBe(1);
    expect(full.errorRate).toBeGreaterThan(0);
    expect(full.errorRate).toBeLessThan(0.5);
    expect(full.p95LatencySeconds).toBeGreaterThan(0);
    expect(full.p95LatencySeconds).toBeLessThan(1);
    // Prometheus has watched for seconds, so the rate windows are mostly empty: a value, not the server's real rate.
    expect(full.queriesPerSecond).toBeGreaterThan(0);
    expect(Number.isFinite(full.errorBudgetRemaining)).toBe(true);
    // The documented server's data grows every second, so the disk is always among the growing resources.
    expect(full.worstResource).toMatchObject({ instance });
    expect(['disk', 'memory', 'connections', 'pool']).toContain(full.worstResource!.resource);
    expect(full.worstResource!.daysUntilLimit).toBeGreaterThanOrEqual(0);
  });

  it('prints text with one line per figure', async () => {
    const { code, stdout, stderr } = await summary([]);
    expect([code, stderr]).toEqual([0, '']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^RustyDB daily summary: job rustydb, \d{4}-\d\d-\d\d \d\d:\d\dZ to /);
    expect(lines.slice(1).map((l) => l.split(/\s{2,}/)[0])).toEqual([
      'Availability',
      'Error rate',
      'P95 latency',
      'Queries/sec',
      'Error budget left',
      'Capacity',
    ]);
    expect(stdout).toMatch(/Availability\s+100\.00%/);
    expect(stdout).toMatch(/P95 latency\s+\d+ ms/);
    expect(stdout).toMatch(
      /Capacity\s+(disk|memory|connections|pool \S+) on 127\.0\.0\.1:\d+ reaches its limit in \d+ days/
    );
  });

  it('prints the Slack message body', async () => {
    const { code, stdout } = await summary(['--format', 'slack']);
    expect(code).toBe(0);
    const message = JSON.parse(stdout);
    expect(message.text).toMatch(/^RustyDB daily summary/);
    expect(message.attachments[0].color).toMatch(/^(good|warning|danger)$/);
    expect(message.attachments[0].fields.map((f: { title: string }) => f.title)).toContain('Queries/sec');
  });

  it('posts the Slack message to the webhook named in the environment, and never prints its URL', async () => {
    const { code, stdout, stderr } = await summary(['--post'], { [WEBHOOK_ENV]: `${hookUrl}/services/T0/B0/secret` });
    expect([code, stderr]).toEqual([0, 'rustydb-check summary: posted to the webhook\n']);
    expect(posted).toHaveLength(1);
    expect(posted[0]).toMatchObject({ text: expect.stringMatching(/^RustyDB daily summary/) });
    expect(stdout + stderr).not.toContain('secret');
    expect(stdout + stderr).not.toContain(hookUrl);
  });

  it('posts to the webhook named in a file', async () => {
    const file = path.join(dir, 'webhook-url');
    fs.writeFileSync(file, `${hookUrl}/from-file\n`);
    const { code } = await summary(['--post', '--webhook-url-file', file, '--format', 'json']);
    expect(code).toBe(0);
    expect(posted).toHaveLength(1);
  });

  it('fails clearly, without the URL, when the webhook refuses the message', async () => {
    hookStatus = 500;
    const { code, stdout, stderr } = await summary(['--post'], { [WEBHOOK_ENV]: `${hookUrl}/secret` });
    expect([code, stdout, stderr]).toEqual([
      SUMMARY_EXIT.FAILED,
      '',
      'rustydb-check summary: the webhook answered HTTP 500\n',
    ]);
  });

  it('fails clearly, without the URL, when the webhook cannot be reached', async () => {
    const [closed, closedUrl] = await listen(() => undefined);
    await close(closed);
    const { code, stderr } = await summary(['--post'], { [WEBHOOK_ENV]: `${closedUrl}/secret` });
    expect([code, stderr]).toEqual([
      SUMMARY_EXIT.FAILED,
      'rustydb-check summary: cannot reach the webhook: ECONNREFUSED\n',
    ]);
  });

  it('fails before asking Prometheus when --post has no webhook URL', async () => {
    const { code, stderr } = await summary(['--post']);
    expect(code).toBe(SUMMARY_EXIT.FAILED);
    expect(stderr).toContain(`--post needs a webhook URL: --webhook-url-file FILE or $${WEBHOOK_ENV}`);
  });
});

describe('rustydb-check summary without its services', () => {
  it('fails clearly when Prometheus cannot be reached', async () => {
    const [closed, closedUrl] = await listen(() => undefined);
    await close(closed);
    const { code, stdout, stderr } = await runCheck(['summary', '--prometheus', closedUrl], {});
    expect([code, stdout]).toEqual([SUMMARY_EXIT.FAILED, '']);
    expect(stderr).toBe(`rustydb-check summary: cannot reach Prometheus at ${closedUrl}: ECONNREFUSED\n`);
  });

  it('fails clearly when the address answers but is not Prometheus', async () => {
    const [server, url] = await listen((_, res) => res.end('<html>login</html>'));
    try {
      const { code, stderr } = await runCheck(['summary', '--prometheus', url], {});
      expect(code).toBe(SUMMARY_EXIT.FAILED);
      expect(stderr).toContain(`Prometheus at ${url} answered HTTP 200 with a body that is not JSON`);
    } finally {
      await close(server);
    }
  });

  it.each([
    [['--webhook-url', 'http://example.com/x'], "Unknown option '--webhook-url'"],
    [['--format', 'csv'], 'unknown format: csv'],
    [['--webhook-url-file', '/tmp/x'], '--webhook-url-file is only used with --post'],
    [['--prometheus', 'localhost:9090'], '--prometheus must be an http(s) URL'],
  ])('rejects %j as a usage error', async (args, message) => {
    const { code, stderr } = await runCheck(['summary', ...args], {});
    expect(code).toBe(SUMMARY_EXIT.USAGE);
    expect(stderr).toContain(message);
  });
});
