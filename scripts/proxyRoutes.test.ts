import fs from 'fs';
import { API_PREFIX, ENDPOINTS, PROMETHEUS_PATH } from '../src/rustydb/api/endpoints';
import { isBelowMonitoringPrefix, isMonitoringPath, MONITORING_PREFIXES } from '../src/rustydb/api/monitoringPaths';
import { PROXY_ROUTE } from '../src/datasource/types';
import { cleanRelativePath, joinURLFragments, matchRoute } from '../tests/grafana/dataProxyRoutes';
import { DATASOURCE_PLUGIN_JSON, ProxyRoute, proxyRoutes } from './proxyRoutes';

const routes: ProxyRoute[] = JSON.parse(fs.readFileSync(DATASOURCE_PLUGIN_JSON, 'utf8')).routes;

interface Reach {
  upstreamPath: string;
  headers: string[];
}

/**
 * Where `<method> /api/datasources/proxy/uid/<uid>/<proxyPath>` lands on RustyDB, as RustyDB's router sees the path
 * (dot segments resolved), and with which route headers; null when no route matches, so nothing reaches RustyDB.
 */
function grafanaProxy(method: string, proxyPath: string): Reach | null {
  const match = matchRoute(routes, method, proxyPath);
  if (!match) {
    return null;
  }
  const { route, rest } = match;
  const routeUrlPath = route.url.replace('{{ .JsonData.serverUrl }}', '');
  return {
    upstreamPath: `/${cleanRelativePath(joinURLFragments(routeUrlPath, rest))}`,
    headers: (route.headers ?? []).map((h) => h.name),
  };
}

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'];

const withIds = (p: string) => p.replace('{id}', 'default');

/** Every monitoring GET, the writes RustyDB serves, its other read-only GETs, and tricks to step outside a route. */
const PROBE_PATHS = [
  ...Object.values(ENDPOINTS).map((e) => withIds(e.path)),
  PROMETHEUS_PATH,
  '/api/v1/query',
  '/api/v1/auth/login',
  '/api/v1/pools/default/drain',
  '/api/v1/alerts/1/acknowledge',
  '/api/v1/transactions/1/rollback',
  '/api/v1/transactions/deadlocks/detect',
  '/api/v1/admin/config',
  '/api/v1/admin/users',
  '/api/v1/admin/api-keys',
  '/api/v1/config',
  '/api/v1/replication/slots',
  '/api/v1/security/encryption/status',
  '/api/v1/network/peers',
  '/api/v1/ws/dashboard',
  '/graphql',
  '/',
  '/api/v1/pools/../admin/config',
  '/api/v1/pools/default/../../admin/config',
  '/api/v1/stats/performance/../../../graphql',
  '/api/v1/adminhealth',
];

const cases = Object.values(PROXY_ROUTE).flatMap((route) =>
  METHODS.flatMap((method) => PROBE_PATHS.map((p) => ({ route, method, proxyPath: `${route}${p}` })))
);

describe('data-source proxy routes', () => {
  test('plugin.json holds the routes generated from the monitoring endpoints (npm run routes)', () => {
    expect(routes).toEqual(proxyRoutes());
  });

  test('every route is GET only and aims at the monitoring prefix it is named after', () => {
    for (const route of routes) {
      expect(route.method).toBe('GET');
      const prefix = route.url.replace('{{ .JsonData.serverUrl }}', '');
      expect(MONITORING_PREFIXES).toContain(prefix);
      expect(route.path.endsWith(prefix)).toBe(true);
    }
  });

  test('only GET on a monitoring path reaches RustyDB, with or without a credential', () => {
    const reached = cases
      .map((c) => ({ ...c, reach: grafanaProxy(c.method, c.proxyPath) }))
      .filter((c) => c.reach !== null);
    const outsideTheAllowList = reached.filter(
      (c) => c.method !== 'GET' || !isBelowMonitoringPrefix(c.reach!.upstreamPath)
    );
    expect(outsideTheAllowList.map((c) => `${c.method} ${c.proxyPath} -> ${c.reach!.upstreamPath}`)).toEqual([]);
    // Reached with a credential: exactly the GETs below the monitoring prefixes, through the bearer and apikey routes.
    const withCredential = reached.filter((c) => c.reach!.headers.length > 0);
    expect(new Set(withCredential.map((c) => c.method))).toEqual(new Set(['GET']));
    expect(new Set(withCredential.map((c) => c.route))).toEqual(new Set([PROXY_ROUTE.bearer, PROXY_ROUTE.apiKey]));
  });

  test('every monitoring GET of the contract reaches RustyDB on its own path, through each route', () => {
    for (const route of Object.values(PROXY_ROUTE)) {
      for (const p of [...Object.values(ENDPOINTS).map((e) => withIds(e.path)), PROMETHEUS_PATH]) {
        expect({ p, reach: grafanaProxy('GET', `${route}${p}`)?.upstreamPath }).toEqual({ p, reach: p });
      }
    }
  });

  test('writes and non-monitoring reads reach nothing', () => {
    for (const [method, p] of [
      ['POST', '/api/v1/query'],
      ['POST', '/api/v1/pools/default/drain'],
      ['PUT', '/api/v1/pools/default'],
      ['DELETE', '/api/v1/sessions/1'],
      ['GET', '/api/v1/admin/config'],
      ['GET', '/graphql'],
      ['GET', '/api/v1/pools/../admin/config'],
    ]) {
      expect({ method, p, reach: grafanaProxy(method, `${PROXY_ROUTE.bearer}${p}`) }).toEqual({
        method,
        p,
        reach: null,
      });
    }
  });

  test('the model itself: a route without a method would let writes through (the old plugin.json)', () => {
    const open = {
      path: 'bearer',
      url: '{{ .JsonData.serverUrl }}',
      headers: [{ name: 'Authorization', content: '' }],
    };
    routes.unshift(open as ProxyRoute);
    try {
      expect(grafanaProxy('POST', 'bearer/api/v1/query')).toEqual({
        upstreamPath: '/api/v1/query',
        headers: ['Authorization'],
      });
    } finally {
      routes.shift();
    }
  });

  test("the raw query allow-list is narrower: the contract's GETs themselves, an id standing for one segment", () => {
    for (const p of [...Object.values(ENDPOINTS).map((e) => withIds(e.path)), PROMETHEUS_PATH]) {
      expect({ p, allowed: isMonitoringPath(p) }).toEqual({ p, allowed: true });
    }
    for (const p of ['/api/v1/query', '/api/v1/pools/a/b/stats', '/api/v1/pools/x/drain', '/api/v1/admin/config']) {
      expect({ p, allowed: isMonitoringPath(p) }).toEqual({ p, allowed: false });
    }
  });

  test(`the prefixes all lie below ${API_PREFIX}/ and none is below another`, () => {
    for (const prefix of MONITORING_PREFIXES) {
      expect(prefix.startsWith(`${API_PREFIX}/`)).toBe(true);
      expect(MONITORING_PREFIXES.filter((other) => prefix.startsWith(`${other}/`))).toEqual([]);
    }
  });
});
