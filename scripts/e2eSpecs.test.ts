/**
 * The @grafana/plugin-e2e specs need a running Grafana (CI's Docker matrix, or `npm run server` + `npm run e2e`).
 * Here they are compiled and loaded by `playwright test --list`, which fails on any spec that does not load, and the
 * list must hold the end-to-end checks the project promises.
 */
import { execFileSync } from 'child_process';
import path from 'path';
import pluginJson from '../src/plugin.json';

const ROOT = path.resolve(__dirname, '..');

interface Suite {
  title: string;
  specs?: Array<{ title: string; tests: Array<{ projectName: string }> }>;
  suites?: Suite[];
}

function listSpecs(): { titles: string[]; projects: string[]; errors: unknown[] } {
  const out = execFileSync(
    process.execPath,
    [require.resolve('@playwright/test/cli'), 'test', '--list', '--reporter=json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      // Playwright refuses to load specs when it sees it runs inside Jest.
      env: { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('JEST'))), CI: '' },
    }
  );
  const report = JSON.parse(out) as { suites: Suite[]; errors: unknown[] };
  const titles: string[] = [];
  const projects = new Set<string>();
  const walk = (suite: Suite, trail: string[]) => {
    for (const spec of suite.specs ?? []) {
      titles.push([...trail, spec.title].join(' › '));
      spec.tests.forEach((t) => projects.add(t.projectName));
    }
    (suite.suites ?? []).forEach((child) => walk(child, [...trail, child.title]));
  };
  report.suites.forEach((file) => walk(file, [path.basename(file.title)]));
  return { titles, projects: [...projects].sort(), errors: report.errors };
}

const DASHBOARD_UIDS = [
  'rustydb-overview',
  'rustydb-performance',
  'rustydb-resources',
  'rustydb-security',
  'rustydb-pools',
  'rustydb-slo',
  'rustydb-replication',
  'rustydb-logs',
  'rustydb-capacity',
  'rustydb-status',
];

describe('end-to-end specs (playwright test --list)', () => {
  const { titles, projects, errors } = listSpecs();

  it('all load, and run after logging in to Grafana', () => {
    expect(errors).toEqual([]);
    expect(projects).toEqual(['auth', 'chromium']);
    expect(titles).toContain('auth.setup.js › authenticate');
  });

  it.each([
    [
      'datasource config "save & test" against the simulator',
      /^datasource\.spec\.ts › datasource config editor › "Save & test" of a new data source succeeds against the simulator$/,
    ],
    [
      'a failing "save & test"',
      /^datasource\.spec\.ts › datasource config editor › "Save & test" explains a server that cannot be reached$/,
    ],
    ['the query editor', /^datasource\.spec\.ts › datasource query editor › /],
    ['panel editing', /^panel\.spec\.ts › connection-pool panel › a new panel shows/],
    ['the home page', /^app\.spec\.ts › app home › /],
    ['getting started', /^app\.spec\.ts › getting started › creates a data source, tests it/],
    ['the configuration page', /^app\.spec\.ts › app configuration › saves the settings/],
    ['log lines from the REST API', /^logs\.spec\.ts › logs › the Logs and audit dashboard shows RustyDB log lines/],
    ['Alloy shipping to Loki', /^logs\.spec\.ts › logs › Alloy ships the simulator audit log to Loki/],
    ["Loki's ruler rules", /^logs\.spec\.ts › logs › Loki's ruler has the project's rules/],
  ])('cover %s', (_, title) => {
    expect(titles.filter((t) => title.test(t))).not.toEqual([]);
  });

  it('load every bundled dashboard and look for panel errors', () => {
    const names = (pluginJson.includes as Array<{ type: string; name: string; uid?: string }>)
      .filter((i) => i.type === 'dashboard')
      .map((i) => [i.uid, i.name]);
    expect(names.map(([uid]) => uid).sort()).toEqual([...DASHBOARD_UIDS].sort());
    for (const [, name] of names) {
      expect(titles).toContain(`dashboards.spec.ts › bundled dashboards › ${name} loads without a panel error`);
    }
  });
});
