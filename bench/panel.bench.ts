/**
 * The connection-pool panel's render times in Chromium; the measuring runs in bench/panel.timings.ts, in a child tsx
 * process with tests/browser/harness/tsconfig.json (see there why the root tsconfig cannot load Playwright).
 */
import path from 'path';
import { resultOfChild } from './child';
import type { Row } from './run';

export const title =
  "Connection-pool panel against Grafana's table on the same pools (Chromium, production React; medians of 5 runs after a warm-up; ratio panel ÷ table)";

export async function run(): Promise<Row[]> {
  return resultOfChild<Row[]>(path.join(__dirname, 'panel.timings.ts'), 'tests/browser/harness/tsconfig.json');
}
