/**
 * Measures the connection-pool panel against Grafana's table on the same pools in Chromium and prints bench rows as
 * JSON (run by panel.bench.ts in its own tsx process): first render, a refresh with new values, and frame times while
 * scrolling, for 100, 1,000 and 10,000 pools. The subjects take turns within each run, so a machine that gets busier
 * or quieter during the bench moves both sides of a ratio alike (absolute figures on a shared machine vary by 2×
 * between runs; the ratios are what to compare). Same page harness as the browser tests, React's production build.
 */
import path from 'path';
import { chromiumAvailable, startHarness } from '../tests/browser/harness';
import type { Page } from 'playwright-core';
import type { Scrolled, Subject, Timing } from '../tests/browser/pages/panelBench';
import { printResult } from './child';
import { median, ms } from './figures';
import type { Row } from './run';

const COUNTS = [100, 1000, 10_000];
const RUNS = 5;
/** TableNG: what the Table panel renders since Grafana 12.2 (see tests/browser/pages/panelBenchTable.tsx). */
const TABLES: Subject[] = ['TableNG'];
const SUBJECTS: Subject[] = ['panel', ...TABLES];

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)];

const ratio = (panel: number, table: number) => `${(panel / table).toFixed(2)}×`;

interface BenchResult {
  firstRender: Timing;
  update: Timing;
  scrolled: Scrolled;
}

type Results = Record<Subject, BenchResult[]>;

function rowsFor(count: number, results: Results): Row[] {
  const pools = `${count.toLocaleString('en-US')} pools`;
  const timingRow = (metric: string, pick: (r: BenchResult) => Timing): Row => {
    const layout = (s: Subject) => median(results[s].map((r) => pick(r).layoutMs));
    const painted = (s: Subject) => median(results[s].map((r) => pick(r).paintedMs));
    const panel = layout('panel');
    const tables = TABLES.map((t) => `${t} ${ms(layout(t))} (${ratio(panel, layout(t))})`).join(', ');
    const paintedTables = TABLES.map((t) => `${t} ${ms(painted(t))}`).join(', ');
    return {
      metric: `${metric}, ${pools}`,
      value: ms(panel),
      note: `${tables}; to the next painted frame: panel ${ms(painted('panel'))}, ${paintedTables}; ${results.panel[0].scrolled.layout} layout`,
    };
  };
  const p95 = (s: Subject) =>
    percentile(
      results[s].flatMap((r) => r.scrolled.frameMs),
      0.95
    );
  const frames = results.panel.flatMap((r) => r.scrolled.frameMs).length;
  return [
    timingRow('first render', (r) => r.firstRender),
    timingRow('update (new values)', (r) => r.update),
    {
      metric: `scroll frame p95, ${pools}`,
      value: frames ? ms(p95('panel')) : 'no scroller',
      note: `${TABLES.map((t) => `${t} ${ms(p95(t))}`).join(', ')}; ${frames} frames, 3 rows per frame, 1200×800; 16.7 ms = 60 fps`,
    },
  ];
}

/**
 * One run of a subject. Garbage left by preparing the props (or by the run before) is collected before each timed
 * step, so a collection it causes is not charged to whichever component happens to render next.
 */
async function runOnce(page: Page, collectGarbage: () => Promise<unknown>, subject: Subject, count: number) {
  await page.evaluate(([s, n]) => window.__panelBench!.prepare(s, n), [subject, count] as const);
  await collectGarbage();
  const firstRender = await page.evaluate(() => window.__panelBench!.firstRender());
  await collectGarbage();
  const update = await page.evaluate(() => window.__panelBench!.update());
  const scrolled = await page.evaluate(() => window.__panelBench!.scroll());
  return { firstRender, update, scrolled };
}

async function measure(): Promise<Row[]> {
  if (!chromiumAvailable()) {
    return [{ metric: 'panel render', value: 'not run', note: '/usr/bin/chromium is missing' }];
  }
  const harness = await startHarness({
    entry: path.join(__dirname, '../tests/browser/pages/panelBench.tsx'),
    mode: 'production',
  });
  try {
    const { page } = await harness.open({ viewport: { width: 1200, height: 800 } });
    const cdp = await page.context().newCDPSession(page);
    const collectGarbage = () => cdp.send('HeapProfiler.collectGarbage');
    const rows: Row[] = [];
    for (const count of COUNTS) {
      const results: Results = { panel: [], TableNG: [] };
      // The first run of a size warms up the JIT and inserts the styles; it is not counted.
      for (let i = 0; i <= RUNS; i++) {
        for (const subject of SUBJECTS) {
          const result = await runOnce(page, collectGarbage, subject, count);
          if (i > 0) {
            results[subject].push(result);
          }
        }
      }
      rows.push(...rowsFor(count, results));
    }
    return rows;
  } finally {
    await harness.close();
  }
}

printResult(measure);
