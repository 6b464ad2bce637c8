/**
 * The part of Grafana's HTTP API the app and its data source use, for the browser test: the data source list
 * (`/api/frontend/settings`), creating and saving data sources, the app's settings, and the data-source proxy, which
 * forwards `/api/datasources/proxy/uid/<uid>/<route>/<path>` to the data source's server URL with the route's
 * credentials, and answers 502 when that server cannot be reached, as Grafana's proxy does. A Prometheus data source's
 * proxy answers the home page's fleet queries (`/api/v1/query`, `/api/v1/query_range`) from `scrapes`: a minimal fake
 * of Prometheus' query API, not a Prometheus.
 */
import http from 'http';
import type { RequestHandler } from './harness/server';
import { DATASOURCE_TYPE, PLUGIN_ID } from '../../src/constants';
import { AuthType, PROXY_ROUTE, RustyDBOptions } from '../../src/datasource/types';
import { answerFleetQuery, FakeScrape } from '../../src/pages/testing/fakePrometheus';

export interface FakeDatasource {
  uid: string;
  name: string;
  type: string;
  jsonData: RustyDBOptions;
  secureJsonData?: Record<string, string>;
}

export interface FakeGrafana {
  handle: RequestHandler;
  datasources: Map<string, FakeDatasource>;
  /** What every Prometheus data source knows: one entry per scraped RustyDB. */
  scrapes: FakeScrape[];
  appSettings: { enabled: boolean; pinned: boolean; jsonData: Record<string, unknown> };
  /** Every API request as `METHOD path`, in order. */
  requests: string[];
}

const CREDENTIAL_HEADER: Record<AuthType, (secure: Record<string, string>) => Record<string, string>> = {
  none: () => ({}),
  bearer: (s) => ({ Authorization: `Bearer ${s.bearerToken ?? ''}` }),
  apiKey: (s) => ({ 'X-API-Key': s.apiKey ?? '' }),
};

// Grafana serves this icon from its own public/ folder; @grafana/ui's package does not ship it.
const SPINNER_PATH = '/public/build/img/icons/unicons/spinner.svg';
const SPINNER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" stroke-width="2" stroke-dasharray="40 20"/></svg>';

function instanceSettings(ds: FakeDatasource) {
  return {
    uid: ds.uid,
    name: ds.name,
    type: ds.type,
    url: `/api/datasources/proxy/uid/${ds.uid}`,
    access: 'proxy',
    readOnly: false,
    jsonData: ds.jsonData,
    meta: { id: ds.type, name: ds.type, type: 'datasource', info: { logos: {} }, module: '' },
  };
}

function send(res: http.ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}

async function readBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text ? JSON.parse(text) : {};
}

async function proxy(ds: FakeDatasource, route: string, rest: string, res: http.ServerResponse) {
  const authType = ds.jsonData.authType ?? 'none';
  if (route !== PROXY_ROUTE[authType]) {
    send(res, 404, { message: `route ${route} does not match the data source's authentication` });
    return;
  }
  try {
    const upstream = await fetch(`${ds.jsonData.serverUrl}${rest}`, {
      headers: CREDENTIAL_HEADER[authType](ds.secureJsonData ?? {}),
      signal: AbortSignal.timeout(5000),
    });
    res.writeHead(upstream.status, { 'Content-Type': upstream.headers.get('content-type') ?? 'text/plain' });
    res.end(Buffer.from(await upstream.arrayBuffer()));
  } catch {
    send(res, 502, { message: 'Bad Gateway' });
  }
}

function prometheus(scrapes: FakeScrape[], path: string, search: URLSearchParams, res: http.ServerResponse) {
  const number = (name: string) => Number(search.get(name));
  const query = search.get('query') ?? '';
  if (path === '/api/v1/query') {
    return send(res, 200, answerFleetQuery(scrapes, query, number('time')));
  }
  if (path === '/api/v1/query_range') {
    const range = { start: number('start'), end: number('end'), step: number('step') };
    return send(res, 200, answerFleetQuery(scrapes, query, range.end, range));
  }
  send(res, 404, { status: 'error', error: `${path} is not part of the fake Prometheus` });
}

export function fakeGrafana(initial: FakeDatasource[]): FakeGrafana {
  const datasources = new Map(initial.map((ds) => [ds.uid, ds]));
  const scrapes: FakeScrape[] = [];
  const appSettings = { enabled: true, pinned: false, jsonData: {} as Record<string, unknown> };
  const requests: string[] = [];

  const api = async (req: http.IncomingMessage, res: http.ServerResponse, path: string) => {
    const method = req.method ?? 'GET';
    const proxied = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/([^/]+)(\/.*)$/.exec(path);
    if (proxied && method === 'GET') {
      const ds = datasources.get(decodeURIComponent(proxied[1]));
      if (ds?.type === 'prometheus') {
        return prometheus(scrapes, `/${proxied[2]}${proxied[3]}`, new URL(req.url!, 'http://x').searchParams, res);
      }
      return ds
        ? proxy(ds, proxied[2], proxied[3] + new URL(req.url!, 'http://x').search, res)
        : send(res, 404, { message: 'Data source not found' });
    }
    if (path === '/api/frontend/settings') {
      return send(res, 200, {
        datasources: Object.fromEntries([...datasources.values()].map((ds) => [ds.name, instanceSettings(ds)])),
      });
    }
    if (path === `/api/plugins/${PLUGIN_ID}/settings`) {
      if (method === 'POST') {
        Object.assign(appSettings, await readBody(req));
        return send(res, 200, { message: 'Plugin settings updated' });
      }
      return send(res, 200, { id: PLUGIN_ID, ...appSettings });
    }
    if (path === '/api/datasources' && method === 'POST') {
      const body = await readBody(req);
      const name = String(body.name);
      if ([...datasources.values()].some((ds) => ds.name === name)) {
        return send(res, 409, { message: 'data source with the same name already exists' });
      }
      const ds: FakeDatasource = {
        uid: `created-${datasources.size + 1}`,
        name,
        type: String(body.type),
        jsonData: body.jsonData as RustyDBOptions,
        secureJsonData: body.secureJsonData as Record<string, string>,
      };
      datasources.set(ds.uid, ds);
      return send(res, 200, {
        datasource: instanceSettings(ds),
        id: datasources.size,
        name,
        message: 'Datasource added',
      });
    }
    const saved = /^\/api\/datasources\/uid\/([^/]+)$/.exec(path);
    if (saved && method === 'PUT') {
      const body = await readBody(req);
      const ds = datasources.get(decodeURIComponent(saved[1]));
      if (!ds) {
        return send(res, 404, { message: 'Data source not found' });
      }
      Object.assign(ds, {
        jsonData: body.jsonData,
        secureJsonData: { ...ds.secureJsonData, ...(body.secureJsonData as Record<string, string>) },
      });
      return send(res, 200, { datasource: instanceSettings(ds), message: 'Datasource updated' });
    }
    send(res, 404, { message: `${method} ${path} is not part of the fake Grafana` });
  };

  const handle: RequestHandler = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === SPINNER_PATH) {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' }).end(SPINNER_SVG);
      return true;
    }
    if (!path.startsWith('/api/')) {
      return false;
    }
    requests.push(`${req.method} ${path}`);
    api(req, res, path).catch((err) => send(res, 500, { message: String(err) }));
    return true;
  };

  return { handle, datasources, scrapes, appSettings, requests };
}

export function rustydbDatasource(uid: string, name: string, serverUrl: string): FakeDatasource {
  return { uid, name, type: DATASOURCE_TYPE, jsonData: { serverUrl, authType: 'none', timeoutSeconds: 5 } };
}
