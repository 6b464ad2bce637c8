/**
 * `npm run server` (scripts/server.sh) with a PATH that holds only fake `docker`, `docker-compose` and `npm`
 * executables, each logging how it was called: what it says when Docker is missing, and which Compose it runs.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';

const SCRIPT = path.join(__dirname, 'server.sh');
const BASH = (process.env.PATH ?? '')
  .split(path.delimiter)
  .map((dir) => path.join(dir, 'bash'))
  .find((file) => fs.existsSync(file))!;

interface FakeDocker {
  /** Exit status of `docker info`: 1 when the engine is not reachable. */
  info: number;
  /** Whether `docker compose` exists (the Compose plugin). */
  composePlugin: boolean;
}

interface Machine {
  docker?: FakeDocker;
  dockerComposeV1?: boolean;
}

let bin: string;
let log: string;

beforeEach(() => {
  bin = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-server-'));
  log = path.join(bin, 'calls.log');
});
afterEach(() => fs.rmSync(bin, { recursive: true, force: true }));

function fake(name: string, body = '') {
  const file = path.join(bin, name);
  fs.writeFileSync(file, `#!${BASH}\necho "${name} $*" >> "$CALLS"\n${body}\nexit 0\n`);
  fs.chmodSync(file, 0o755);
}

function run(machine: Machine, args: string[] = []) {
  if (machine.docker) {
    const { info, composePlugin } = machine.docker;
    fake(
      'docker',
      [
        `if [[ $1 == info ]]; then exit ${info}; fi`,
        composePlugin
          ? ''
          : `if [[ $1 == compose ]]; then echo "docker: 'compose' is not a docker command." >&2; exit 1; fi`,
      ].join('\n')
    );
  }
  if (machine.dockerComposeV1) {
    fake('docker-compose');
  }
  fake('npm');
  const result = spawnSync(BASH, [SCRIPT, ...args], { env: { PATH: bin, CALLS: log }, encoding: 'utf8' });
  const calls = fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : [];
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, calls };
}

const WITHOUT_DOCKER =
  /without Docker you can still run the simulator \(npm run simulator\), the tests \(bash \.ci\/run\) and build the zip \(npm run package\)\.$/;

describe('npm run server (scripts/server.sh)', () => {
  it.each<[string, Machine, RegExp]>([
    [
      'there is no Docker at all',
      {},
      /^npm run server: Docker is not installed: install Docker Engine with its Compose plugin/,
    ],
    [
      'the Docker engine is not reachable',
      { docker: { info: 1, composePlugin: true } },
      /^npm run server: the Docker engine is not reachable \(docker info failed\)/,
    ],
    [
      'Docker has no Compose plugin and there is no docker-compose',
      { docker: { info: 0, composePlugin: false } },
      /^npm run server: Docker has no Compose plugin: install it \(apt-get install docker-compose-plugin/,
    ],
  ])(
    'when %s, says in one line what to install and what runs without Docker, and builds nothing',
    (_, machine, says) => {
      const { status, stdout, stderr, calls } = run(machine);
      expect(status).toBe(1);
      expect(stdout).toBe('');
      expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
      expect(stderr.trim()).toMatch(says);
      expect(stderr.trim()).toMatch(WITHOUT_DOCKER);
      expect(calls.filter((c) => c.startsWith('npm') || c.includes(' up'))).toEqual([]);
    }
  );

  it.each<[string, Machine, string]>([
    ['the Compose plugin', { docker: { info: 0, composePlugin: true } }, 'docker compose'],
    [
      'the Compose plugin even when docker-compose is there',
      { docker: { info: 0, composePlugin: true }, dockerComposeV1: true },
      'docker compose',
    ],
    [
      'the older docker-compose when Docker has no Compose plugin',
      { docker: { info: 0, composePlugin: false }, dockerComposeV1: true },
      'docker-compose',
    ],
    ['docker-compose alone', { dockerComposeV1: true }, 'docker-compose'],
  ])('uses %s', (_, machine, compose) => {
    const { status, stdout, stderr } = run(machine, ['--check']);
    expect([status, stderr]).toEqual([0, '']);
    expect(stdout.trim()).toBe(compose);
  });

  it('builds the plugin, then brings the stack up with a fresh build of its images', () => {
    const { status, calls } = run({ docker: { info: 0, composePlugin: true } });
    expect(status).toBe(0);
    // The repository's node_modules exists, so there is no `npm ci` first.
    expect(calls.filter((c) => !c.startsWith('docker info') && !c.startsWith('docker compose version'))).toEqual([
      'npm run build',
      'docker compose up --build',
    ]);
  });

  it('is what npm run server runs', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../package.json'), 'utf8'));
    expect(pkg.scripts.server).toBe('bash scripts/server.sh');
  });
});
