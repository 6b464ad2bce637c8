/**
 * RustyDB datasource panels loading over real HTTP, through the proxy adapter. Import this module only after
 * installDom() (dom.ts): the datasource's code needs @grafana/data, which needs a DOM to load.
 */
import { RustyDBClient } from '../src/datasource/client';
import type { RustyDBQuery } from '../src/datasource/types';
import { backendSrvOverHttp } from '../tests/integration/backendSrvOverHttp';

/**
 * Runs every panel's query at once, as a dashboard starts its panels: with sharing through one client, without it
 * each panel on its own client, so no request is reused. Returns the requests the proxy forwarded and the time taken.
 */
export async function loadPanels(
  serverUrl: string,
  queries: RustyDBQuery[],
  shared: boolean
): Promise<{ requests: number; ms: number }> {
  const jsonData = { serverUrl };
  const proxy = backendSrvOverHttp({ jsonData });
  const client = () => new RustyDBClient({ url: proxy.base, jsonData }, { fetch: proxy.fetch });
  const one = client();
  const started = performance.now();
  await Promise.all(queries.map((query) => (shared ? one : client()).run([query])));
  return { requests: proxy.requests.length, ms: performance.now() - started };
}
