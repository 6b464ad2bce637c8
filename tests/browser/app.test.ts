/**
 * The built app, data source and panel (dist/) in Debian's Chromium with the real @grafana/ui theme, their runtime
 * services wired to a fake Grafana whose data-source proxy reaches real RustyDB simulators: what an operator sees
 * in the light and dark themes, with screenshots in test-results/app/ (gitignored) to look at. `GRAFANA_LINE=<version>`
 * runs it on another Grafana line's React, @grafana/* and rxjs (harness/grafanaLine.ts).
 */
import fs from 'fs';
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { RunningSimulator, startSimulator } from '../../simulator';
import pluginJson from '../../src/plugin.json';
import { PUBLIC_STATUS_DASHBOARD } from '../../src/constants';
import { FakeGrafana, fakeGrafana, rustydbDatasource } from './appFakeGrafana';
import { Harness, resultsDir, startHarness, ThemeMode } from './harness';
import { closedPort } from './harness/server';
import { expectedPackages, grafanaLine, linePackage } from './harness/grafanaLine';

/** The per-instance dashboards the home page links: every bundled one but the public, variable-free Status page. */
const INSTANCE_DASHBOARDS = pluginJson.includes.filter(
  (i) => i.type === 'dashboard' && i.uid !== PUBLIC_STATUS_DASHBOARD.uid
);

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.join(ROOT, 'dist');
const SHOTS = resultsDir('app');
const RUNTIME = path.join(linePackage(grafanaLine(), '@grafana/runtime'), 'dist/esm/index.mjs');

let simulators: RunningSimulator[] = [];
let grafana: FakeGrafana;
let harness: Harness;
let closedUrl: string;

beforeAll(async () => {
  if (!fs.existsSync(path.join(DIST, 'module.js'))) {
    throw new Error('dist/ has no build: run npm run build first (npm run test:ci does).');
  }
  const [orders, billing, legacy] = await Promise.all([
    startSimulator({ profile: 'documented', port: 0, metricsPort: null }),
    startSimulator({ profile: 'documented', port: 0, metricsPort: null }),
    startSimulator({ profile: 'v0.6.5', port: 0, metricsPort: null }),
  ]);
  simulators = [orders, billing, legacy];
  billing.setFaults({ health: 'degraded', cpuPercent: 95 });
  closedUrl = `http://127.0.0.1:${await closedPort()}`;
  grafana = fakeGrafana([
    rustydbDatasource('orders', 'Orders', orders.url),
    rustydbDatasource('billing', 'Billing', billing.url),
    rustydbDatasource('legacy', 'Legacy (v0.6.5)', legacy.url),
    rustydbDatasource('archive', 'Archive', closedUrl),
    { uid: 'prom', name: 'Prometheus', type: 'prometheus', jsonData: {} },
  ]);
  harness = await startHarness({
    entry: path.join(__dirname, 'pages/app.tsx'),
    // The real runtime, whose services the page wires to the fake Grafana.
    alias: { '@grafana/runtime': RUNTIME },
    roots: { '/public/plugins/rustydb-monitoring-app/': DIST },
    handle: grafana.handle,
  });
});

afterAll(async () => {
  await harness?.close();
  await Promise.all(simulators.map((s) => s.close()));
});

/**
 * Errors the page reported, less what the test arranges or the page cannot have outside Grafana: the 502s of the
 * instance that is unreachable on purpose, Grafana's web fonts (served from Grafana's own public/fonts; the browser
 * falls back to a system font, and each 404 also logs a console line without its URL, which any other 404 would
 * still be reported with), and icon requests cancelled because their component was replaced first.
 */
const EXPECTED_ERRORS = [
  /\/proxy\/uid\/archive\//,
  /status of 502 \(Bad Gateway\)/,
  /^(HTTP 404|request failed): .*\/public\/fonts\//,
  /^Failed to load resource: the server responded with a status of 404 \(Not Found\)$/,
  /^request failed: .*\/icons\/.*\.svg$/,
];
const unexpected = (errors: string[]) => errors.filter((e) => !EXPECTED_ERRORS.some((pattern) => pattern.test(e)));

async function open(view: string, theme: ThemeMode, query: Record<string, string> = {}) {
  const opened = await harness.open({ theme, viewport: { width: 1280, height: 1000 }, query: { view, ...query } });
  // The page shows nothing until the built plugins are loaded, then the view, or the reason it could not start.
  await opened.page.waitForFunction(() => (document.getElementById('root')?.textContent ?? '') !== '', null, {
    timeout: 30_000,
  });
  const failure = await opened.page
    .locator('pre[role="alert"]')
    .textContent({ timeout: 100 })
    .catch(() => null);
  if (failure) {
    throw new Error(`the page failed to start: ${failure}`);
  }
  return opened;
}

/** The value shown for one figure (CPU, Memory, TPS, Pool pressure) of an instance card. */
const figure = (card: Locator, label: string) =>
  card
    .locator('dl > div')
    .filter({ has: card.page().locator('dt', { hasText: new RegExp(`^${label}$`) }) })
    .locator('dd');

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true });

/** Clicks "Save settings" and waits until the fake Grafana has the POST. */
async function saveSettings(page: Page) {
  const saved = page.waitForResponse((r) => r.url().endsWith('/settings') && r.request().method() === 'POST');
  await page.getByRole('button', { name: 'Save settings' }).click();
  expect((await saved).ok()).toBe(true);
}

test("the page runs on one copy of each of the Grafana line's run-time packages", () => {
  expect(harness.packages).toMatchObject(
    expectedPackages(harness.line, ['@grafana/data', '@grafana/ui', '@grafana/runtime', 'react', 'react-dom', 'rxjs'])
  );
  expect(Object.entries(harness.packages).filter(([, versions]) => versions.length !== 1)).toEqual([]);
});

test('home at scale: a table, problems first, figures from a handful of PromQL queries, REST only for health', async () => {
  const [orders, billing] = simulators;
  const added = Array.from({ length: 16 }, (_, i) => {
    const name = `Fleet ${String(i).padStart(2, '0')}`;
    const sick = i === 7;
    const instance = `fleet-${i}:8080`;
    grafana.scrapes.push({ job: 'rustydb', instance, cpu: sick ? 96 : 20, memory: 40, tps: 300 });
    const ds = rustydbDatasource(`fleet-${i}`, name, (sick ? billing : orders).url);
    ds.jsonData = { ...ds.jsonData, prometheusUid: 'prom', job: 'rustydb', instance };
    grafana.datasources.set(ds.uid, ds);
    return ds;
  });
  try {
    const before = grafana.requests.length;
    const { page, errors } = await open('home', 'light');
    await page
      .getByRole('status')
      .filter({ hasText: '20 instances:' })
      .filter({ hasNotText: 'being checked' })
      .waitFor({ timeout: 30_000 });
    const table = page.getByTestId('rustydb-fleet-table');
    const names = await table.locator('tbody tr td:nth-child(2)').allTextContents();
    expect(names.slice(0, 3)).toEqual(['Archive', 'Billing', 'Fleet 07']);
    expect(
      await table
        .getByRole('row', { name: /Fleet 07/ })
        .getByText('96% (critical)')
        .isVisible()
    ).toBe(true);

    const requests = grafana.requests.slice(before);
    const promql = requests.filter((r) => r.includes('/proxy/uid/prom/'));
    // One query per figure and the trend, for all 16 instances with an identity at once.
    expect(promql).toHaveLength(7);
    for (const ds of added) {
      expect(requests.filter((r) => r.includes(`/proxy/uid/${ds.uid}/`))).toEqual([
        `GET /api/datasources/proxy/uid/${ds.uid}/anon/api/v1/admin/health`,
      ]);
    }
    await page.getByRole('radio', { name: 'Problems' }).check({ force: true });
    expect(await table.locator('tbody tr').count()).toBe(3);
    await shot(page, 'home-table-light.png');
    expect(unexpected(errors)).toEqual([]);
  } finally {
    added.forEach((ds) => grafana.datasources.delete(ds.uid));
    grafana.scrapes.length = 0;
  }
});

describe.each<ThemeMode>(['light', 'dark'])('%s theme', (theme) => {
  test('home: every instance worst first, with status, reason, figures and dashboard links', async () => {
    const { page, errors } = await open('home', theme);
    await page
      .getByRole('status')
      .filter({ hasText: '4 instances:' })
      .filter({ hasNotText: 'being checked' })
      .waitFor({ timeout: 30_000 });

    const headings = await page.getByRole('article').getByRole('heading', { level: 2 }).allTextContents();
    expect(headings.slice(0, 2)).toEqual(['Archive', 'Billing']);
    expect(headings.sort()).toEqual(['Archive', 'Billing', 'Legacy (v0.6.5)', 'Orders']);

    const archive = page.getByRole('article', { name: 'Archive' });
    expect(await archive.getByText('Unreachable', { exact: true }).isVisible()).toBe(true);
    expect(await archive.getByText(/could not reach RustyDB/i).isVisible()).toBe(true);

    const billing = page.getByRole('article', { name: 'Billing' });
    expect(await billing.getByText('Critical', { exact: true }).isVisible()).toBe(true);
    expect(await billing.getByText('CPU 95% is above the critical level of 90%').isVisible()).toBe(true);
    expect(await billing.getByText('RustyDB reports status "degraded"').isVisible()).toBe(true);
    expect(await figure(billing, 'CPU').textContent()).toBe('95% (critical)');

    const orders = page.getByRole('article', { name: 'Orders' });
    expect(await orders.getByText(/^RustyDB \d+\.\d+\.\d+$/).isVisible()).toBe(true);
    expect(await orders.getByText(/^up /).isVisible()).toBe(true);
    const links = orders.getByRole('navigation', { name: 'Dashboards for Orders' }).getByRole('link');
    expect(await links.count()).toBe(INSTANCE_DASHBOARDS.length);
    expect(await links.first().getAttribute('href')).toBe('/d/rustydb-overview?var-rustydb=orders');

    // Levels are told apart by more than colour, and the theme colours them differently.
    const critical = figure(billing, 'CPU').locator('span').first();
    const normal = figure(orders, 'Memory').locator('span').first();
    expect(await critical.evaluate((el) => getComputedStyle(el).color)).not.toBe(
      await normal.evaluate((el) => getComputedStyle(el).color)
    );

    // Keyboard: Tab from the top reaches the layout choice, the refresh button, then the first instance's links.
    const reached: string[] = [];
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press('Tab');
      reached.push(
        await page.evaluate(() => {
          // A radio button is named by its label.
          const el = document.activeElement as HTMLInputElement | null;
          return (el?.labels?.[0] ?? el)?.textContent?.trim() ?? '';
        })
      );
    }
    expect(reached.slice(0, 4)).toEqual(['Cards', 'Refresh now', 'Add RustyDB', 'Overview']);

    await shot(page, `home-${theme}.png`);
    expect(unexpected(errors)).toEqual([]);
  });

  test("getting started: creates a data source through Grafana's API, tests it and offers its dashboards", async () => {
    const { page, errors } = await open('getting-started', theme);
    const name = `Inventory ${theme}`;
    await page.getByRole('button', { name: /create and test/i }).click();
    expect(await page.getByText("Enter RustyDB's REST address").isVisible()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('rustydb-new-url');
    await shot(page, `getting-started-invalid-${theme}.png`);

    await page.getByRole('textbox', { name: /^Name/ }).fill(name);
    await page.getByRole('textbox', { name: /^Server URL/ }).fill(simulators[0].url);
    await page.getByRole('button', { name: /create and test/i }).click();
    await page.getByText(`3. ${name} is connected`).waitFor({ timeout: 30_000 });
    const created = [...grafana.datasources.values()].find((ds) => ds.name === name);
    expect(created?.jsonData).toEqual({ serverUrl: simulators[0].url, authType: 'none' });
    expect(
      await page
        .getByRole('navigation', { name: `Dashboards for ${name}` })
        .getByRole('link')
        .count()
    ).toBe(INSTANCE_DASHBOARDS.length);
    await shot(page, `getting-started-${theme}.png`);
    // The home page of the next theme expects the four instances it started with.
    grafana.datasources.delete(created!.uid);
    expect(unexpected(errors)).toEqual([]);
  });

  test('configuration: saves the Prometheus data source and the refresh interval in the app jsonData', async () => {
    grafana.appSettings.jsonData = {};
    const { page, errors } = await open('config', theme);
    await page.getByRole('combobox', { name: /^Prometheus data source/ }).click();
    await page.getByRole('option', { name: 'Prometheus' }).click();
    await page.getByRole('radio', { name: '1 min' }).check({ force: true });
    await shot(page, `config-${theme}.png`);
    await saveSettings(page);
    expect(await page.getByText(/^Saved\./).isVisible()).toBe(true);
    expect(grafana.appSettings).toEqual({
      enabled: true,
      pinned: false,
      jsonData: { prometheusDatasourceUid: 'prom', refreshSeconds: 60 },
    });

    await page.getByRole('button', { name: 'Clear value' }).click();
    await saveSettings(page);
    expect(grafana.appSettings.jsonData).toEqual({ refreshSeconds: 60 });
    expect(unexpected(errors)).toEqual([]);
  });

  test('data source config editor: "Save & test" with a bearer token, then a server that is down', async () => {
    const { page, errors } = await open('ds-config', theme, { ds: 'Legacy (v0.6.5)' });
    await page.getByRole('radio', { name: 'Bearer token' }).check({ force: true });
    await page.locator('#rustydb-bearer-token').fill('t0ken');
    await page.getByRole('button', { name: 'Save & test' }).click();
    await page.getByText('Data source is working').waitFor({ timeout: 30_000 });
    expect(grafana.datasources.get('legacy')?.secureJsonData?.bearerToken).toBe('t0ken');
    expect(grafana.requests).toContain('GET /api/datasources/proxy/uid/legacy/bearer/api/v1/admin/health');
    await shot(page, `ds-config-${theme}.png`);

    const url = page.getByRole('textbox', { name: /^Server URL/ });
    const working = await url.inputValue();
    await url.fill(closedUrl);
    await page.getByRole('button', { name: 'Save & test' }).click();
    await page.getByText('Test failed').waitFor({ timeout: 30_000 });
    expect(await page.getByText(/could not reach RustyDB/i).isVisible()).toBe(true);
    await shot(page, `ds-config-failed-${theme}.png`);
    // Put the instance back as the other views expect it.
    grafana.datasources.get('legacy')!.jsonData = { serverUrl: working, authType: 'none', timeoutSeconds: 5 };
    expect(unexpected(errors).filter((e) => !e.includes('/proxy/uid/legacy/'))).toEqual([]);
  });

  test('query editor: a performance query and a pool-stats query return frames from the simulator', async () => {
    const { page, errors } = await open('ds-query', theme, { ds: 'Orders' });
    const pick = async (type: string) => {
      await page.getByRole('combobox').first().click();
      await page.getByRole('option', { name: new RegExp(`^${type}`) }).click();
    };
    // Performance is the default; choosing another type first makes choosing it a change that runs the query.
    await pick('Health');
    await pick('Performance');
    const result = page.getByRole('table', { name: 'Query result' });
    await result.getByRole('rowheader', { name: 'CPU usage' }).waitFor({ timeout: 30_000 });
    expect(await result.getByRole('rowheader').allTextContents()).toEqual(
      expect.arrayContaining(['CPU usage', 'Memory usage', 'Transactions per second'])
    );
    await shot(page, `query-editor-${theme}.png`);

    await pick('Pool stats');
    await result.getByText('readonly').first().waitFor({ timeout: 30_000 });
    expect(unexpected(errors)).toEqual([]);
  });

  test('panel: the built pool panel shows the pools the built data source read from the simulator', async () => {
    const { page, errors } = await open('panel', theme, { ds: 'Orders' });
    for (const pool of ['default', 'readonly', 'analytics']) {
      await page.getByRole('heading', { name: pool, exact: true }).waitFor({ timeout: 30_000 });
    }
    expect(await page.getByText(/%/).count()).toBeGreaterThan(0);
    await shot(page, `panel-${theme}.png`);
    expect(unexpected(errors)).toEqual([]);
  });
});
