/**
 * The RustyDB datasource: HTTP requests per dashboard refresh with and without request sharing (over real HTTP, to
 * the v0.6.5 simulator through the proxy adapter), and the time to turn 10,000-row responses into frames.
 *
 * The measuring runs in a child tsx process (this same file, run directly): @grafana/data needs a DOM, which is
 * installed there from jsdom so the other benches' process stays untouched.
 */
import { printResult, resultOfChild } from './child';
import { installDom } from './dom';
import { median, ms } from './figures';
import type { Row } from './run';

export const title = 'RustyDB datasource (requests per refresh; parse times, median of 15 runs)';

export async function run(): Promise<Row[]> {
  return resultOfChild<Row[]>(__filename);
}

const PANELS = 20;
const RUNS = 15;

async function measure(): Promise<Row[]> {
  installDom();
  const { loadPanels } = await import('./panelLoad');
  const { QueryType } = await import('../src/datasource/types');
  const { parseSessions } = await import('../src/datasource/endpoints/sessions');
  const { parseRaw } = await import('../src/datasource/endpoints/raw');
  const { startSimulator } = await import('../simulator');
  type Query = import('../src/datasource/types').RustyDBQuery;

  // A dashboard of 20 panels over 3 endpoints: performance, admin health (status and checks), pools.
  const kinds: Array<Partial<Query>> = [
    { queryType: QueryType.Performance },
    { queryType: QueryType.Health, view: 'status' },
    { queryType: QueryType.Health, view: 'checks' },
    { queryType: QueryType.Pools },
  ];
  const panels: Query[] = Array.from({ length: PANELS }, (_, i) => ({ refId: `P${i}`, ...kinds[i % kinds.length] }));

  const sim = await startSimulator({ profile: 'v0.6.5', port: 0, metricsPort: null, rateLimitPerSecond: 10_000 });
  const rows: Row[] = [];
  try {
    const refresh = (shared: boolean) => loadPanels(sim.url, panels, shared);
    await refresh(true); // warm-up: module JIT and the simulator's first answers
    const withSharing = await refresh(true);
    const without = await refresh(false);
    rows.push(
      {
        metric: `requests per refresh, ${PANELS} panels / 3 endpoints, sharing`,
        value: String(withSharing.requests),
        note: `refresh took ${ms(withSharing.ms)}`,
      },
      {
        metric: `requests per refresh, ${PANELS} panels / 3 endpoints, no sharing`,
        value: String(without.requests),
        note: `refresh took ${ms(without.ms)}; v0.6.5 allows 100 requests/s for all clients`,
      }
    );
  } finally {
    await sim.close();
  }

  const session = {
    username: 'app_user',
    database: 'rustydb',
    client_address: '10.0.4.17:51544',
    created_at: 1767000600,
    last_activity: 1767002398,
    state: 'active',
    current_query: 'SELECT id, total FROM orders WHERE status = $1',
    transaction_id: 1,
  };
  const body = {
    data: Array.from({ length: 10_000 }, (_, i) => ({ session_id: i, ...session })),
    page: 1,
    page_size: 10_000,
    total_pages: 1,
    total_count: 10_000,
    has_next: false,
    has_prev: false,
  };
  const text = JSON.stringify(body);
  const ctx = { refId: 'A', now: Date.now(), range: { from: 0, to: Date.now() }, keep: () => true };
  const time = (work: () => unknown) =>
    median(
      Array.from({ length: RUNS }, () => {
        const started = performance.now();
        work();
        return performance.now() - started;
      })
    );
  rows.push(
    {
      metric: '10,000 sessions → frame (typed parser)',
      value: ms(time(() => parseSessions(body, ctx))),
      note: '9 typed fields, validated cell by cell',
    },
    {
      metric: '10,000 sessions: JSON.parse + typed parser',
      value: ms(time(() => parseSessions(JSON.parse(text), ctx))),
      note: `${(text.length / 1024).toFixed(0)} KiB body`,
    },
    {
      metric: '10,000 sessions → frame (raw GET, flattened)',
      value: ms(time(() => parseRaw(body, '/api/v1/sessions', ctx))),
      note: 'columns inferred',
    }
  );
  return rows;
}

if (require.main === module) {
  printResult(measure);
}
