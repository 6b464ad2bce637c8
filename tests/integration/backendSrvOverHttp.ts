/**
 * `getBackendSrv().fetch` over real HTTP, playing Grafana's data-source proxy for the RustyDB datasource, so the
 * datasource's own query code can run against the simulator (or a real RustyDB) outside Grafana:
 *
 * ```ts
 * const proxy = backendSrvOverHttp({ jsonData: { serverUrl: sim.url } });
 * const client = new RustyDBClient({ url: proxy.base, jsonData: { serverUrl: sim.url } }, { fetch: proxy.fetch });
 * // or, with Grafana's runtime loaded (jsdom): setBackendSrv(proxy as unknown as BackendSrv)
 * ```
 *
 * What it reproduces of Grafana:
 * - the proxy URL `/api/datasources/proxy/uid/<uid>/<proxy path>`: the route is matched in the datasource's
 *   plugin.json as Grafana matches it (`../grafana/dataProxyRoutes.ts`), its `url` and `headers` are rendered from
 *   `jsonData`/`secureJsonData` (`{{ .JsonData.x }}`, `{{ .SecureJsonData.x }}`), and the rest of the path is
 *   forwarded byte for byte (no normalisation); a request no route takes reaches no server (502, as Grafana gives
 *   for the empty data source URL);
 * - backendSrv's body handling: JSON when the text parses, else the raw text (HTML, plain text, '' for empty);
 * - its `FetchError` shape `{status, statusText, data, config}` for any non-2xx answer;
 * - the proxy's own failures: connection refused or reset → 502 with an empty body, its timeout → 504.
 */
import fs from 'fs';
import http from 'http';
import path from 'path';
import { Observable } from 'rxjs';
import type { BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import { matchRoute, PluginRoute } from '../grafana/dataProxyRoutes';

const PLUGIN_JSON = path.join(__dirname, '../../src/datasource/plugin.json');

export interface ProxyOptions {
  /** Plain settings; `serverUrl` is where the routes point. */
  jsonData: Record<string, unknown>;
  /** Secrets the routes inject (never seen by the datasource code). */
  secureJsonData?: Record<string, string>;
  /** Grafana's `[dataproxy] timeout` (30 s by default). */
  timeoutMs?: number;
  uid?: string;
}

export interface HttpBackendSrv {
  /** `instanceSettings.url` for this data source. */
  base: string;
  fetch: (options: BackendSrvRequest) => Observable<FetchResponse<unknown>>;
  /** Every upstream request made, as `METHOD path`: for counting what a refresh costs. */
  requests: string[];
}

function render(template: string, options: ProxyOptions): string {
  return template
    .replace(/\{\{\s*\.JsonData\.(\w+)\s*\}\}/g, (_m, key: string) => String(options.jsonData[key] ?? ''))
    .replace(/\{\{\s*\.SecureJsonData\.(\w+)\s*\}\}/g, (_m, key: string) => options.secureJsonData?.[key] ?? '');
}

/** Grafana's backendSrv: JSON when the text parses, otherwise the text itself. */
function parseBody(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** `Headers` where the environment has it (Node, browsers); jsdom test environments lack it. */
function responseHeaders(raw: http.IncomingHttpHeaders): Headers {
  const entries = Object.entries(raw).map(([k, v]): [string, string] => [k, String(v)]);
  return (typeof Headers === 'undefined' ? new Map(entries) : new Headers(entries)) as Headers;
}

export function backendSrvOverHttp(options: ProxyOptions): HttpBackendSrv {
  const routes: PluginRoute[] = JSON.parse(fs.readFileSync(PLUGIN_JSON, 'utf8')).routes;
  const base = `/api/datasources/proxy/uid/${options.uid ?? 'rustydb-test'}`;
  const requests: string[] = [];

  const fetch = (config: BackendSrvRequest) =>
    new Observable<FetchResponse<unknown>>((subscriber) => {
      const fail = (status: number, statusText: string, data: unknown) =>
        subscriber.error({ status, statusText, data, config } satisfies FetchError);
      const method = config.method ?? 'GET';
      if (!config.url.startsWith(`${base}/`)) {
        fail(404, 'Not Found', { message: 'Not found' });
        return undefined;
      }
      const relative = config.url.slice(base.length + 1);
      const queryAt = relative.includes('?') ? relative.indexOf('?') : relative.length;
      const [proxyPath, search] = [relative.slice(0, queryAt), relative.slice(queryAt)];
      const match = matchRoute(routes, method, proxyPath);
      if (!match) {
        fail(502, 'Bad Gateway', '');
        return undefined;
      }
      const { route, rest } = match;
      const target = new URL(render(route.url, options));
      const upstreamPath = `${target.pathname.replace(/\/$/, '')}${rest}${search}`;
      const headers: Record<string, string> = { accept: 'application/json, text/plain, */*' };
      for (const header of route.headers ?? []) {
        headers[header.name] = render(header.content, options);
      }
      requests.push(`${method} ${upstreamPath}`);
      const req = http.request(
        { host: target.hostname, port: target.port, method, path: upstreamPath, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('error', () => fail(502, 'Bad Gateway', ''));
          res.on('end', () => {
            const status = res.statusCode ?? 502;
            const statusText = res.statusMessage ?? '';
            const data = parseBody(Buffer.concat(chunks).toString('utf8'));
            if (status >= 200 && status < 300) {
              subscriber.next({
                data,
                status,
                statusText,
                ok: true,
                headers: responseHeaders(res.headers),
                redirected: false,
                type: 'basic',
                url: config.url,
                config,
              });
              subscriber.complete();
            } else {
              fail(status, statusText, data);
            }
          });
        }
      );
      req.setTimeout(options.timeoutMs ?? 30_000, () => {
        req.destroy();
        fail(504, 'Gateway Timeout', '');
      });
      req.on('error', () => fail(502, 'Bad Gateway', ''));
      req.end();
      return () => req.destroy();
    });

  return { base, fetch, requests };
}
