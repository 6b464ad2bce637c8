/**
 * Real-browser harness: shows a React component with the real @grafana/ui theme in Debian's Chromium.
 *
 *   const harness = await startHarness({ entry: path.join(__dirname, 'pages/myPage.tsx') });
 *   const { page, errors } = await harness.open({ theme: 'light', query: { scenario: 'few' } });
 *   ... playwright-core assertions / screenshots on `page`; `errors` lists console errors, page errors, 404s ...
 *   await harness.close();
 *
 *   // or, for one page: const { page, errors, close } = await renderInChromium({ entry, theme: 'dark' });
 *
 * - entry: absolute path of a .tsx module whose default export is a component. The harness mounts it into #root
 *   inside `ThemeContext.Provider` with `createTheme({ colors: { mode: theme } })` (also at `window.__harness.theme`
 *   for assertions); the page's query string (theme and `query`) is in `location.search` for the entry to read.
 * - The entry is bundled once per harness with esbuild into a temp dir, served on 127.0.0.1 at a free port (icons from
 *   @grafana/ui's package), and opened in Chromium (`/usr/bin/chromium`, headless, fresh user-data-dir).
 * - `@grafana/runtime` is aliased to harness/runtime-stub.ts; `alias` adds or replaces aliases.
 * - React, @grafana/* and rxjs come from the Grafana line `GRAFANA_LINE` names (grafanaLine.ts; default: the project's
 *   own packages); `harness.line` says which, and `resultsDir(part)` keeps each line's screenshots apart.
 * - `mode: 'production'` bundles React's production build (for timing); the default development build reports
 *   React warnings as console errors, which tests should treat as failures.
 * - `roots` serves more directories (URL prefix → directory, e.g. a built plugin's dist/); `handle` answers requests
 *   before the static files (e.g. a fake Grafana API), returning true for those it takes.
 * - close() closes Chromium, the server and deletes the temp dirs. Call it in afterAll.
 */
import fs from 'fs';
import os from 'os';
import path from 'path';
import { BrowserContext, chromium, Page } from 'playwright-core';
import { BundledPackages, bundlePage } from './bundle';
import { GrafanaLine, grafanaLine, linePackage } from './grafanaLine';
import { RequestHandler, serveStatic, StaticServer } from './server';

export const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
const RESULTS = path.resolve(__dirname, '../../../test-results');

export type ThemeMode = 'light' | 'dark';

export interface HarnessOptions {
  entry: string;
  alias?: Record<string, string>;
  mode?: 'development' | 'production';
  roots?: Record<string, string>;
  handle?: RequestHandler;
}

export interface OpenOptions {
  theme?: ThemeMode;
  viewport?: { width: number; height: number };
  query?: Record<string, string>;
}

export interface OpenedPage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests of this page, as they happen. */
  errors: string[];
}

export interface Harness {
  url: string;
  line: GrafanaLine;
  /** The run-time packages in the page's bundle and their versions: the line's, one copy each. */
  packages: BundledPackages;
  open(options?: OpenOptions): Promise<OpenedPage>;
  close(): Promise<void>;
}

/** Where a test part writes its screenshots: test-results/<part>/, or test-results/grafana-<version>/<part>/. */
export function resultsDir(part: string, line: GrafanaLine = grafanaLine()): string {
  const dir = line.own ? path.join(RESULTS, part) : path.join(RESULTS, `grafana-${line.version}`, part);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

export function chromiumAvailable(): boolean {
  return fs.existsSync(CHROMIUM);
}

export async function startHarness({
  entry,
  alias = {},
  mode = 'development',
  roots = {},
  handle,
}: HarnessOptions): Promise<Harness> {
  const line = grafanaLine();
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-page-'));
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'harness-chromium-'));
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  let packages: BundledPackages = {};
  const close = async () => {
    await context?.close();
    await server?.close();
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    packages = await bundlePage({
      entry,
      outDir,
      mode,
      line,
      alias: { '@grafana/runtime': path.join(__dirname, 'runtime-stub.ts'), ...alias },
    });
    server = await serveStatic(
      { '/public/build/img/': path.join(linePackage(line, '@grafana/ui'), 'dist/public/img'), '/': outDir, ...roots },
      handle
    );
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    await close();
    throw err;
  }
  const base = server.url;
  const browser = context;

  async function open({ theme = 'dark', viewport = { width: 1200, height: 800 }, query = {} }: OpenOptions = {}) {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('console', (msg) => {
      if (msg.type() === 'error') {
        errors.push(msg.text());
      }
    });
    page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
    page.on('requestfailed', (req) => errors.push(`request failed: ${req.url()}`));
    page.on('response', (res) => {
      if (res.status() >= 400) {
        errors.push(`HTTP ${res.status()}: ${res.url()}`);
      }
    });
    await page.setViewportSize(viewport);
    // Ready is the first render, not the load event: that also waits for every script the page adds (a built plugin's
    // modules and chunks), which tests wait for through what they show.
    await page.goto(`${base}/index.html?${new URLSearchParams({ ...query, theme })}`, { waitUntil: 'commit' });
    // A development bundle of @grafana/ui takes a while to run on a busy machine.
    await page.waitForSelector('body[data-harness-ready]', { state: 'attached', timeout: 90_000 });
    return { page, errors };
  }

  return { url: base, line, packages, open, close };
}

/** One page: bundle, serve, open; `close` ends everything the call started. */
export async function renderInChromium(
  options: HarnessOptions & OpenOptions
): Promise<OpenedPage & { close(): Promise<void> }> {
  const harness = await startHarness(options);
  try {
    return { ...(await harness.open(options)), close: harness.close };
  } catch (err) {
    await harness.close();
    throw err;
  }
}
