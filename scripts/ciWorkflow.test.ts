/** The hosted CI workflow cannot run here; these checks keep it doing what the README says it does. */
import fs from 'fs';
import path from 'path';
import { load } from 'js-yaml';
import pluginJson from '../src/plugin.json';
import { lineFolders } from '../tests/browser/harness/grafanaLine';

const ROOT = path.resolve(__dirname, '..');

interface Step {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

interface Job {
  needs?: string | string[];
  container?: string;
  env?: Record<string, string>;
  steps: Step[];
  strategy?: { matrix: { grafana: Array<{ image: string; version: string }> } };
}

const workflow = load(fs.readFileSync(path.join(ROOT, '.github/workflows/ci.yml'), 'utf8')) as {
  jobs: Record<string, Job>;
};
const { jobs } = workflow;
const runs = (job: Job) => job.steps.flatMap((s) => (s.run ? [s.run] : []));
const grafanaDependency = pluginJson.dependencies.grafanaDependency;

type Version = [number, number, number];
const parse = (v: string): Version => {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(v);
  if (!match) {
    throw new Error(`${v} is not a plain x.y.z version`);
  }
  return [Number(match[1]), Number(match[2]), Number(match[3])];
};
const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];

describe('.github/workflows/ci.yml', () => {
  it("tests with the README's test command on Debian, then packages with npm run package", () => {
    expect(jobs.test.container).toMatch(/bookworm/);
    expect(runs(jobs.test)).toEqual(expect.arrayContaining(['bash .ci/run', 'npm run package']));
  });

  it("runs Grafana's plugin validator on the packaged zip, with the source code", () => {
    expect(jobs.validate.needs).toBe('test');
    expect(
      jobs.validate.steps.some((s) => s.uses?.startsWith('actions/download-artifact') && s.with?.name === 'plugin-zip')
    ).toBe(true);
    expect(runs(jobs.validate).join('\n')).toMatch(
      /npx -y @grafana\/plugin-validator@\S+ -sourceCodeUri "file:\/\/\$PWD" rustydb-monitoring-app-\*\.zip/
    );
  });

  it(`runs the e2e specs on Grafana from the grafanaDependency minimum (${grafanaDependency}) to the latest`, () => {
    const matrix = jobs.e2e.strategy!.matrix.grafana;
    const versions = matrix.map((g) => g.version);
    // The app declares a plain lower bound; anything else needs this check rethought.
    const minimum = /^>=(\d+\.\d+\.\d+)$/.exec(grafanaDependency)![1];
    expect(versions[0]).toBe(minimum);
    expect(versions).toContain('latest');
    const pinned = versions.filter((v) => v !== 'latest').map(parse);
    expect(pinned.every((v) => compare(v, parse(minimum)) >= 0)).toBe(true);
    expect(pinned).toEqual([...pinned].sort(compare));
    // Every minor release from the minimum to the newest pinned one, so no version in between goes untested.
    for (let i = 1; i < pinned.length; i++) {
      const [prev, next] = [pinned[i - 1], pinned[i]];
      const contiguous = next[0] === prev[0] ? next[1] - prev[1] === 1 : next[0] === prev[0] + 1 && next[1] === 0;
      expect([prev.join('.'), next.join('.'), contiguous]).toEqual([prev.join('.'), next.join('.'), true]);
    }
  });

  it('has a pinned e2e row for every Grafana line the browser tests run on', () => {
    const pinned = jobs.e2e.strategy!.matrix.grafana.map((g) => g.version).filter((v) => v !== 'latest');
    const minor = (v: string) => v.split('.').slice(0, 2).join('.');
    const own = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).dependencies['@grafana/data'];
    const lines = [...lineFolders(), own].map(minor);
    expect(lines.filter((line) => !pinned.map(minor).includes(line))).toEqual([]);
  });

  it('runs the browser tests on the other Grafana lines after test:ci, with time for both', () => {
    const ciRun = fs.readFileSync(path.join(ROOT, '.ci/run'), 'utf8');
    const minutes = [...ciRun.matchAll(/timeout .* (\d+)m npm run (test:ci|test:lines)/g)];
    expect(minutes.map((m) => m[2])).toEqual(['test:ci', 'test:lines']);
    const budget = minutes.reduce((sum, m) => sum + Number(m[1]), 0);
    expect((jobs.test as Job & { 'timeout-minutes': number })['timeout-minutes']).toBeGreaterThan(budget);
  });

  it('starts the docker compose stack with the matrix Grafana and runs npm run e2e against it', () => {
    const e2e = jobs.e2e;
    expect(e2e.env).toMatchObject({
      GRAFANA_IMAGE: '${{ matrix.grafana.image }}',
      GRAFANA_VERSION: '${{ matrix.grafana.version }}',
    });
    const commands = runs(e2e);
    const order = ['docker compose up', 'api/health', 'npx playwright install --with-deps chromium', 'npm run e2e'].map(
      (needle) => commands.findIndex((c) => c.includes(needle))
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // The compose file builds Grafana from these variables.
    const base = fs.readFileSync(path.join(ROOT, '.config/docker-compose-base.yaml'), 'utf8');
    expect(base).toContain('${GRAFANA_IMAGE:-');
    expect(base).toContain('${GRAFANA_VERSION:-');
  });

  it('uses only released versions of actions', () => {
    const actions = Object.values(jobs).flatMap((job) => job.steps.flatMap((s) => (s.uses ? [s.uses] : [])));
    expect(actions.length).toBeGreaterThan(0);
    expect(actions.filter((a) => !/@v\d+$/.test(a))).toEqual([]);
  });
});
