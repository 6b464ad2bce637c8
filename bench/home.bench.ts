/**
 * The app's home page at 10, 50 and 200 RustyDB instances in Chromium; the measuring runs in bench/home.timings.ts, in
 * a child tsx process with tests/browser/harness/tsconfig.json (see there why the root tsconfig cannot load Playwright).
 */
import path from 'path';
import { resultOfChild } from './child';
import type { Row } from './run';

export const title =
  "Home page (Chromium, production build of dist/, the browser tests' fake Grafana over real simulators, figures " +
  'from a minimal fake Prometheus query API served by the fake Grafana; median of 3 page loads)';

export async function run(): Promise<Row[]> {
  return resultOfChild<Row[]>(path.join(__dirname, 'home.timings.ts'), 'tests/browser/harness/tsconfig.json');
}
