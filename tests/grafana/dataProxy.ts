/**
 * What Grafana's server does to RustyDB's answer on its way to the browser (the data-source proxy), read from
 * Grafana's code:
 * - `pkg/api/pluginproxy/ds_proxy.go` (`HandleRequest`, its `modifyResponse`): an upstream **401** is replaced by a
 *   **400 "Bad Request"** whose body is the text `Authentication to data source failed` (RustyDB's own body is only
 *   logged on the server), so the browser never sees RustyDB's 401;
 * - `pkg/util/proxyutil/reverse_proxy.go` (`errorHandler`): an upstream that cannot be reached gives **502**, one that
 *   times out (`[dataproxy] timeout`, 30 s by default) **504**, a client that went away 499; all three only write a
 *   status, so the body is empty and carries no content type;
 * - a connection cut while RustyDB sends the body: the headers are already on their way, so Go's reverse proxy
 *   aborts the browser's connection, which reaches the browser as a network error;
 * - a request that matches no plugin route goes to the data source's own URL, empty for this plugin, which
 *   `datasource.ValidateURL` turns into `http://` with no host: the proxy cannot connect, hence 502
 *   (`./dataProxyRoutes.ts`).
 */
import fs from 'fs';
import path from 'path';
import { matchRoute, PluginRoute } from './dataProxyRoutes';

/** One HTTP answer as the browser receives it (or the network error it gets instead). */
export type HttpAnswer =
  { status: number; statusText: string; headers: Record<string, string>; body: string } | { networkError: string };

/** What RustyDB (or whatever the server URL points at) does with one request. */
export type Upstream =
  | { status: number; headers?: Record<string, string>; body: string }
  /** Nothing listens, DNS fails, the connection is refused. */
  | { fault: 'unreachable' }
  /** RustyDB accepts the connection and never answers in time. */
  | { fault: 'timeout' }
  /** RustyDB starts the answer and the connection breaks mid-body. */
  | { fault: 'cut' };

/** Go's `http.StatusText` for the statuses these tests meet. */
const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  204: 'No Content',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  413: 'Request Entity Too Large',
  418: "I'm a teapot",
  429: 'Too Many Requests',
  499: '',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

export const statusText = (status: number) => STATUS_TEXT[status] ?? '';

export const AUTH_FAILED = 'Authentication to data source failed';

const bare = (status: number): HttpAnswer => ({ status, statusText: statusText(status), headers: {}, body: '' });

/** Go sets Content-Length for a body written in one go, and sniffs a content type when the handler set none. */
function withLength(headers: Record<string, string>, body: string): Record<string, string> {
  const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
  const bytes = encodeURIComponent(body).replace(/%[0-9A-F]{2}/g, '.').length;
  return { 'content-length': String(bytes), ...lower };
}

/** The proxy's transformation of one upstream outcome into what the browser receives. */
export function throughDataProxy(upstream: Upstream): HttpAnswer {
  if ('fault' in upstream) {
    switch (upstream.fault) {
      case 'unreachable':
        return bare(502);
      case 'timeout':
        return bare(504);
      case 'cut':
        return { networkError: 'network error' };
    }
  }
  if (upstream.status === 401) {
    return {
      status: 400,
      statusText: 'Bad Request',
      headers: withLength({ 'content-type': 'text/plain; charset=utf-8' }, AUTH_FAILED),
      body: AUTH_FAILED,
    };
  }
  return {
    status: upstream.status,
    statusText: statusText(upstream.status),
    headers: withLength(upstream.headers ?? {}, upstream.body),
    body: upstream.body,
  };
}

export interface ProxySettings {
  /** Plain settings; `serverUrl` is where the routes point. */
  jsonData: Record<string, unknown>;
  /** Secrets the routes inject (never seen by the datasource code). */
  secureJsonData?: Record<string, string>;
  uid?: string;
}

/** Where the proxy sends one browser request: RustyDB's URL and the route's headers; null when no route takes it. */
export interface ProxiedRequest {
  method: string;
  /** The upstream URL: the route's URL with the rest of the proxy path appended byte for byte. */
  url: URL;
  /** Path and query string as RustyDB receives them. */
  path: string;
  headers: Record<string, string>;
}

function render(template: string, settings: ProxySettings): string {
  return template
    .replace(/\{\{\s*\.JsonData\.(\w+)\s*\}\}/g, (_m, key: string) => String(settings.jsonData[key] ?? ''))
    .replace(/\{\{\s*\.SecureJsonData\.(\w+)\s*\}\}/g, (_m, key: string) => settings.secureJsonData?.[key] ?? '');
}

const PLUGIN_JSON = path.join(__dirname, '../../src/datasource/plugin.json');

/** The data source's `instanceSettings.url`. */
export const proxyBase = (settings: ProxySettings) => `/api/datasources/proxy/uid/${settings.uid ?? 'rustydb-test'}`;

/**
 * The proxy's routing of `/api/datasources/proxy/uid/<uid>/<proxy path>` (`ds_proxy.go` `validateRequest`, `director`,
 * `ApplyRoute`): the matched route's URL and headers rendered from the settings, or null when no route matches (the
 * request then goes to the empty data source URL and ends as a 502).
 */
export function routeRequest(settings: ProxySettings, method: string, url: string): ProxiedRequest | null {
  const routes: PluginRoute[] = JSON.parse(fs.readFileSync(PLUGIN_JSON, 'utf8')).routes;
  const base = proxyBase(settings);
  if (!url.startsWith(`${base}/`)) {
    return null;
  }
  const relative = url.slice(base.length + 1);
  const queryAt = relative.includes('?') ? relative.indexOf('?') : relative.length;
  const [proxyPath, search] = [relative.slice(0, queryAt), relative.slice(queryAt)];
  const match = matchRoute(routes, method, proxyPath);
  if (!match) {
    return null;
  }
  const target = new URL(render(match.route.url, settings));
  const headers: Record<string, string> = {};
  for (const header of match.route.headers ?? []) {
    headers[header.name] = render(header.content, settings);
  }
  return { method, url: target, path: `${target.pathname.replace(/\/$/, '')}${match.rest}${search}`, headers };
}
