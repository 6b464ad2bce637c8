/**
 * Measures the connection-pool panel in Chromium and prints bench rows as JSON (run by panel.bench.ts in its own tsx
 * process): first render and a refresh with new values for 10, 100 and 1,000 pools, and frame times while scrolling
 * 1,000 pools. Same page harness as the browser tests, React's production build.
 */
import path from 'path';
import { chromiumAvailable, startHarness } from '../tests/browser/harness';
import type { BenchResult, Timing } from '../tests/browser/pages/panelBench';
import { printResult } from './child';
import { median, ms } from './figures';
import type { Row } from './run';

const COUNTS = [10, 100, 1000];
const RUNS = 5;

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) * p)];

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
    const rows: Row[] = [];
    for (const count of COUNTS) {
      const results: BenchResult[] = [];
      // The first run of a size warms up the JIT and inserts the styles; it is not counted.
      for (let i = 0; i <= RUNS; i++) {
        const result = await page.evaluate((n) => window.__panelBench!.run(n), count);
        if (i > 0) {
          results.push(result);
        }
      }
      const row = (metric: string, pick: (r: BenchResult) => Timing): Row => ({
        metric: `${metric}, ${count} pools`,
        value: ms(median(results.map((r) => pick(r).layoutMs))),
        note: `render + layout; ${ms(median(results.map((r) => pick(r).paintedMs)))} to the next painted frame; ${results[0].layout} layout`,
      });
      rows.push(
        row('first render', (r) => r.firstRender),
        row('update (new values)', (r) => r.update)
      );
      const frames = results.flatMap((r) => r.scrollFrameMs);
      if (count === 1000 && frames.length) {
        const scrollNote = `${frames.length} frames, 3 rows per frame, 1200×800; 16.7 ms = 60 fps`;
        rows.push({ metric: 'scroll frame p50, 1000 pools', value: ms(percentile(frames, 0.5)), note: scrollNote });
        rows.push({ metric: 'scroll frame p95, 1000 pools', value: ms(percentile(frames, 0.95)), note: scrollNote });
      }
    }
    return rows;
  } finally {
    await harness.close();
  }
}

printResult(measure);
