import { execFile } from 'child_process';
import http from 'http';
import type { AddressInfo } from 'net';
import path from 'path';
import { RunningSimulator, startSimulator } from '../simulator';
import { EXIT_CODE, Status } from './nagios';
import { runCheck } from './run';

/** rustydb-check against the simulator in each state, and against small servers for what the simulator cannot show. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator({ profile: 'documented', port: 0, metricsPort: 0, seed: 1 });
});
afterEach(() => sim.clearFaults());
afterAll(() => sim.close());

const check = (...args: string[]) => runCheck([...args, '--url', sim.url], {});
const NOW = () => new Date(2026, 0, 31, 14, 5, 9);

interface JsonReport {
  status: Status;
  exitCode: number;
  notes: string[];
  measurements: Array<{ label: string; value: number; level?: string; ignored?: boolean }>;
}
async function jsonCheck(...args: string[]): Promise<[number, JsonReport]> {
  const { code, stdout } = await check(...args, '--format', 'json');
  return [code, JSON.parse(stdout)];
}
const measurement = (report: JsonReport, label: string) => report.measurements.find((m) => m.label === label);

function listen(handler: http.RequestListener): Promise<[http.Server, string]> {
  const server = http.createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve([server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`]))
  );
}
const close = (server: http.Server) => new Promise((resolve) => server.close(resolve));

describe('health', () => {
  it.each<[string, Status]>([
    ['healthy', 'OK'],
    ['degraded', 'WARNING'],
    ['unhealthy', 'CRITICAL'],
  ])('a %s server is %s with the matching exit code', async (health, status) => {
    sim.setFaults({ health: health as 'healthy' });
    const { code, stdout, stderr } = await check('health');
    expect(stdout).toMatch(
      new RegExp(`^RUSTYDB HEALTH ${status} - ${health}, version \\S+, up .+ \\| uptime=\\d+s;;;0\\n$`)
    );
    expect(stderr).toBe('');
    expect(code).toBe(EXIT_CODE[status]);
  });

  it('writes the CSV line timestamp,status,version,uptime', async () => {
    const { code, stdout } = await runCheck(['health', '--url', sim.url, '--format', 'csv'], {}, NOW);
    expect(stdout).toMatch(/^2026-01-31 14:05:09,healthy,[^,]+,\d+\n$/);
    expect(code).toBe(0);
  });
});

describe('performance', () => {
  it.each([
    [80, 'warning'],
    [95, 'critical'],
    [12, 'ok'],
  ])('judges CPU %i%% as %s, and exits with the worst level of all measurements', async (cpuPercent, level) => {
    sim.setFaults({ cpuPercent });
    const [code, report] = await jsonCheck('performance');
    expect(measurement(report, 'cpu')).toMatchObject({ value: cpuPercent, level });
    const levels = report.measurements.map((m) => m.level);
    const expected = levels.includes('critical') ? 2 : levels.includes('warning') ? 1 : 0;
    expect([code, report.exitCode]).toEqual([expected, expected]);
    expect(report.measurements.map((m) => m.label)).toEqual([
      'cpu',
      'memory',
      'cache_hit_ratio',
      'tps',
      'locks',
      'deadlocks',
    ]);
  });

  it("writes the guide's CSV line timestamp,cpu,memory,cache_hit,tps,locks,deadlocks", async () => {
    sim.setFaults({ cpuPercent: 95, memoryPercent: 42 });
    const { stdout } = await runCheck(['performance', '--url', sim.url, '--format', 'csv'], {}, NOW);
    expect(stdout).toMatch(/^2026-01-31 14:05:09,95,42,[0-9.]+,[0-9.]+,\d+,\d+\n$/);
  });

  it('prints Nagios performance data with the guide thresholds as ranges', async () => {
    sim.setFaults({ cpuPercent: 95 });
    const { stdout } = await check('performance');
    expect(stdout).toMatch(
      /^RUSTYDB PERFORMANCE CRITICAL - .*CPU 95\.0% \(critical above 90%\).* \| cpu=95%;75;90;0 memory=[0-9.]+%;80;90;0;100 cache_hit_ratio=[0-9.]+;0\.9:;0\.8:;0;1 tps=[0-9.]+;50:;10:;0 locks=\d+;500;1000;0 deadlocks=\d+;0;5;0\n$/
    );
  });
});

describe('pools', () => {
  it.each([
    [{ active: 30, idle: 30, waiting: 0 }, 'OK', 0],
    [{ active: 45, idle: 5, waiting: 8 }, 'WARNING', 1],
    [{ active: 40, idle: 0, waiting: 30 }, 'CRITICAL', 2],
  ])('judges pool default at %j as %s', async (pool, status, code) => {
    sim.setFaults({ pool: { id: 'default', ...pool } });
    const [exit, report] = await jsonCheck('pools', '--pool', 'default');
    expect(report.status).toBe(status);
    expect(measurement(report, 'default_waiting')?.value).toBe(pool.waiting);
    expect(exit).toBe(code);
  });

  it('checks every pool the server lists, one CSV line each', async () => {
    const listed = ((await (await fetch(`${sim.url}/api/v1/pools`)).json()) as Array<{ pool_id: string }>).map(
      (p) => p.pool_id
    );
    const { stdout } = await runCheck(['pools', '--url', sim.url, '--format', 'csv'], {}, NOW);
    const lines = stdout.trim().split('\n');
    expect(lines.map((line) => line.split(',')[1])).toEqual(listed);
    expect(listed.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).toMatch(/^2026-01-31 14:05:09,[^,]+,\d+,\d+,\d+,\d+,[0-9.]+$/);
    }
  });
});

describe('against RustyDB v0.6.5', () => {
  let v065: RunningSimulator;
  beforeAll(async () => {
    v065 = await startSimulator({ profile: 'v0.6.5', port: 0 });
  });
  afterEach(() => v065.clearFaults());
  afterAll(() => v065.close());

  const check065 = (...args: string[]) => runCheck([...args, '--url', v065.url], {}, NOW);

  it('performance is CRITICAL on TPS, which v0.6.5 computes as HTTP requests ÷ 60', async () => {
    const { code, stdout } = await check065('performance');
    expect(stdout).toMatch(/^RUSTYDB PERFORMANCE CRITICAL - TPS [0-9.]+\/s \(critical below 10\) \|/);
    expect(code).toBe(2);
  });

  it('performance --ignore tps reports TPS without judging it, and judges the rest', async () => {
    const { code, stdout } = await check065('performance', '--ignore', 'tps');
    expect(stdout).toMatch(
      /^RUSTYDB PERFORMANCE OK - CPU [0-9.]+%, memory [0-9.]+%, cache hit ratio 95\.0%, locks held 0, deadlocks 0; ignored: TPS [0-9.]+\/s \| .* tps=[0-9.]+;;;0 locks=0;500;1000;0/
    );
    expect(code).toBe(0);
    v065.setFaults({ cpuPercent: 95 });
    const [, report] = await jsonCheck065('performance', '--ignore', 'tps');
    expect(report.status).toBe('CRITICAL');
    expect(measurement(report, 'tps')).toMatchObject({ ignored: true, level: 'critical' });
    expect(measurement(report, 'cpu')).toMatchObject({ level: 'critical' });
    expect(measurement(report, 'cpu')).not.toHaveProperty('ignored');
  });

  it('takes --ignore as a list or repeated', async () => {
    v065.setFaults({ cpuPercent: 95 });
    for (const args of [
      ['--ignore', 'tps,cpu'],
      ['--ignore', 'tps', '--ignore', 'cpu'],
    ]) {
      const { code, stdout } = await check065('performance', ...args);
      expect(stdout).toMatch(/^RUSTYDB PERFORMANCE OK - .*; ignored: CPU 95\.0%, TPS [0-9.]+\/s \|/);
      expect(code).toBe(0);
    }
  });

  it("pools judges default and names the pools v0.6.5 answers with default's figures", async () => {
    const { code, stdout } = await check065('pools');
    expect(stdout).toBe(
      "RUSTYDB POOLS OK - default utilisation 62.5%, default waiting 2; not reported by the server: readonly (answered with pool default's figures); " +
        'RustyDB v0.6.5 ignores the pool id in /pools/{id}/stats | default_utilisation=0.625;0.8;0.95;0;1 default_waiting=2;5;20;0 default_active=25;;;0 default_idle=15;;;0\n'
    );
    expect(code).toBe(0);
    // The CSV log gets default's line only: no figures are filed under readonly.
    expect((await check065('pools', '--format', 'csv')).stdout).toBe('2026-01-31 14:05:09,default,25,15,40,2,0.625\n');
    const [, report] = await jsonCheck065('pools');
    expect(report.notes).toEqual([expect.stringContaining("readonly (answered with pool default's figures)")]);
  });

  it("pools is judged by default's figures: a pressed default pool is CRITICAL", async () => {
    v065.setFaults({ pool: { id: 'default', active: 40, idle: 0, waiting: 30 } });
    const { code, stdout } = await check065('pools');
    expect(stdout).toMatch(
      /^RUSTYDB POOLS CRITICAL - default waiting 30 \(critical above 20\), .*; not reported by the server: readonly/
    );
    expect(code).toBe(2);
  });

  it('pools --pool readonly is UNKNOWN: the state asked about cannot be known', async () => {
    const { code, stdout } = await check065('pools', '--pool', 'readonly');
    expect(stdout).toBe(
      "RUSTYDB POOLS UNKNOWN - not reported by the server: readonly (answered with pool default's figures); RustyDB v0.6.5 ignores the pool id in /pools/{id}/stats\n"
    );
    expect(code).toBe(3);
    const csv = await check065('pools', '--pool', 'readonly', '--format', 'csv');
    expect([csv.stdout, csv.code]).toEqual(['', 3]);
    expect(csv.stderr).toMatch(/^RUSTYDB POOLS UNKNOWN - not reported by the server: readonly/);
  });

  async function jsonCheck065(...args: string[]): Promise<[number, JsonReport]> {
    const { code, stdout } = await check065(...args, '--format', 'json');
    return [code, JSON.parse(stdout)];
  }
});

describe('failures', () => {
  it('is CRITICAL when nothing listens', async () => {
    const [server, url] = await listen(() => undefined);
    await close(server);
    const { code, stdout } = await runCheck(['health', '--url', url], {});
    expect(stdout).toMatch(
      new RegExp(`^RUSTYDB HEALTH CRITICAL - cannot reach ${url}/api/v1/admin/health: ECONNREFUSED\\n$`)
    );
    expect(code).toBe(2);
  });

  it('is CRITICAL when the server does not answer within the timeout', async () => {
    // Without the timeout the check would wait out the delay and print OK: the output alone proves it, at any speed.
    sim.setFaults({ latencyMs: 3000 });
    const { code, stdout } = await check('health', '--timeout', '0.3');
    expect(stdout).toBe(`RUSTYDB HEALTH CRITICAL - no answer from ${sim.url}/api/v1/admin/health within 0.3s\n`);
    expect(code).toBe(2);
  });

  it('is UNKNOWN for a body that is not JSON', async () => {
    sim.setFaults({ body: 'malformed' });
    const { code, stdout } = await check('performance');
    expect(stdout).toBe(
      `RUSTYDB PERFORMANCE UNKNOWN - ${sim.url}/api/v1/stats/performance answered HTTP 200 with a body that is not JSON\n`
    );
    expect(code).toBe(3);
  });

  it("is CRITICAL for an HTTP error, with RustyDB's error code", async () => {
    sim.setFaults({ status: 503 });
    const { code, stdout } = await check('pools');
    expect(stdout).toMatch(/^RUSTYDB POOLS CRITICAL - \S+\/api\/v1\/pools answered HTTP 503 SERVICE_UNAVAILABLE: /);
    expect(code).toBe(2);
  });

  it('names the measures a check has when --ignore names another', async () => {
    const { stderr } = await runCheck(['performance', '--ignore', 'tps,waiting'], {});
    expect(stderr).toMatch(
      /^rustydb-check: --ignore 'waiting' is not a measure of performance: performance has cpu, memory, cache_hit_ratio, tps, locks, deadlocks\n/
    );
  });

  it('writes no CSV line for a failed check, and says why on stderr', async () => {
    sim.setFaults({ status: 500 });
    const { code, stdout, stderr } = await check('performance', '--format', 'csv');
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^RUSTYDB PERFORMANCE CRITICAL - .*HTTP 500/);
    expect(code).toBe(2);
  });

  it.each([
    [['nope']],
    [['health', '--format', 'xml']],
    [['health', '--timeout', '0']],
    [['health', '--url', 'localhost:8080']],
    [['health', '--bogus']],
    [['health', '--ignore', 'tps']],
    [['performance', '--ignore', 'tps,waiting']],
    [['pools', '--ignore', '']],
  ])('is UNKNOWN with the usage for %j', async (args) => {
    const { code, stdout, stderr } = await runCheck(args, {});
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^rustydb-check: .+\n\nusage: rustydb-check/);
    expect(code).toBe(3);
  });
});

describe('the token', () => {
  const TOKEN = 'token_3f1c7a2e-secret-value-that-must-not-print';

  it('is sent as a Bearer token from RUSTYDB_TOKEN and printed in no format, even on failure', async () => {
    const seen: Array<string | undefined> = [];
    const [server, url] = await listen((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(401, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'UNAUTHORIZED', message: 'Authentication required.' }));
    });
    try {
      for (const format of ['text', 'json', 'csv']) {
        const { code, stdout, stderr } = await runCheck(['health', '--url', url, '--format', format], {
          RUSTYDB_TOKEN: TOKEN,
        });
        expect(stdout + stderr).toContain('HTTP 401 UNAUTHORIZED: Authentication required.');
        expect(stdout + stderr).not.toContain(TOKEN);
        expect(code).toBe(2);
      }
      expect(seen).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    } finally {
      await close(server);
    }
  });

  it('is not sent when RUSTYDB_TOKEN is unset; RUSTYDB_URL names the server', async () => {
    const seen: Array<string | undefined> = [];
    const [server, url] = await listen((req, res) => {
      seen.push(req.headers.authorization);
      res.end('{"status":"healthy","version":"1","uptime_seconds":5,"checks":{}}');
    });
    try {
      const { code, stdout } = await runCheck(['health'], { RUSTYDB_URL: url });
      expect(stdout).toBe('RUSTYDB HEALTH OK - healthy, version 1, up 0m | uptime=5s;;;0\n');
      expect(code).toBe(0);
      expect(seen).toEqual([undefined]);
    } finally {
      await close(server);
    }
  });
});

describe('the command', () => {
  const wrapper = path.join(__dirname, 'rustydb-check');

  // Asynchronous: the simulator answers from this test's own event loop.
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string }>((resolve) => {
      execFile(wrapper, args, { cwd: '/' }, (error, stdout) =>
        resolve({ code: error ? (error.code as number) : 0, stdout })
      );
    });

  it('runs through its shell wrapper from any directory, with Nagios exit codes', async () => {
    sim.setFaults({ health: 'degraded' });
    const degraded = await run(['health', '--url', sim.url]);
    expect(degraded.stdout).toMatch(/^RUSTYDB HEALTH WARNING - degraded/);
    expect(degraded.code).toBe(1);
  });
});
