/**
 * `npm run simulator`: flag parsing, and the real process — it prints its URLs, serves, and stops on SIGTERM.
 */
import { ChildProcess, spawn } from 'child_process';
import path from 'path';
import { parseCli } from '../main';
import { get } from './harness';

const ROOT = path.join(__dirname, '../..');

describe('parseCli', () => {
  it('defaults to the documented server on 127.0.0.1:8080 with the exporter on 9100', () => {
    expect(parseCli([])).toEqual({
      profile: 'documented',
      port: 8080,
      metricsPort: 9100,
      host: '127.0.0.1',
      seed: 1,
      rateLimitPerSecond: undefined,
    });
  });

  it('reads every flag', () => {
    expect(
      parseCli([
        '--profile',
        'v0.6.5',
        '--port',
        '0',
        '--metrics-port',
        'none',
        '--host',
        '0.0.0.0',
        '--seed',
        '42',
        '--rate-limit',
        '50',
        '--log-dir',
        '/var/lib/rustydb/instances/default/logs',
      ])
    ).toEqual({
      profile: 'v0.6.5',
      port: 0,
      metricsPort: null,
      host: '0.0.0.0',
      seed: 42,
      rateLimitPerSecond: 50,
      logDir: '/var/lib/rustydb/instances/default/logs',
    });
  });

  it.each([
    [['--profile', 'v0.7'], "--profile must be one of documented, v0.6.5, got 'v0.7'"],
    [['--port', 'eighty'], "--port must be an integer from 0 to 65535, got 'eighty'"],
    [['--port', '70000'], "--port must be an integer from 0 to 65535, got '70000'"],
    [['--verbose'], "Unknown option '--verbose'"],
  ])('rejects %j', (args, message) => {
    expect(() => parseCli(args)).toThrow(message);
  });
});

describe('the simulator process', () => {
  let child: ChildProcess | undefined;

  afterAll(() => {
    if (child?.pid !== undefined && child.exitCode === null) {
      process.kill(child.pid, 'SIGKILL');
    }
  });

  it('prints its URLs, serves both ports and exits 0 on SIGTERM', async () => {
    child = spawn(
      path.join(ROOT, 'node_modules/.bin/tsx'),
      ['simulator/main.ts', '--port', '0', '--metrics-port', '0', '--seed', '3'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      }
    );
    let output = '';
    child.stdout!.on('data', (chunk) => (output += chunk));
    child.stderr!.on('data', (chunk) => (output += chunk));
    const urls = await new Promise<string[]>((resolve, reject) => {
      const timer = setInterval(() => {
        const found = /REST\s+(http:\S+)[\s\S]*metrics\s+(http:\S+)/.exec(output);
        if (found) {
          clearInterval(timer);
          resolve([found[1], found[2]]);
        }
      }, 50);
      child!.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`exited with ${code}: ${output}`));
      });
    });
    const [rest, metrics] = urls;
    expect((await get(rest, '/api/v1/health/liveness')).status).toBe(200);
    expect((await get(metrics)).text).toContain('rustydb_connection_pool_active{pool="default"}');
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toContain('SIGTERM: stopping');
  }, 30_000);
});
