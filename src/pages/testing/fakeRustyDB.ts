import { NEVER, of, throwError } from 'rxjs';
import type { DataSourceInstanceSettings } from '@grafana/data';
import { BackendSrvRequest, config, DataSourceSrv, setDataSourceSrv } from '@grafana/runtime';
import { DataSource } from '../../datasource/datasource';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import adminHealth from '../../../fixtures/admin-health.json';
import serverInfo from '../../../fixtures/server-info.json';
import statsPerformance from '../../../fixtures/stats-performance.json';
import pools from '../../../fixtures/pools.json';
import poolDefaultStats from '../../../fixtures/pool-default-stats.json';
import type { RustyDBOptions } from '../../datasource/types';
import { DATASOURCE_TYPE } from '../../constants';

/** Test double for Grafana's backend: answers data-source proxy GETs from a per-instance table of bodies or failures. */

export interface Failure {
  __failure: true;
  status: number;
  data: unknown;
  statusText: string;
}

/** Path → body (any JSON) or a failure; missing paths answer 404. */
export type InstanceRoutes = Record<string, unknown>;

export const failure = (status: number, data: unknown = {}, statusText = ''): Failure => ({
  __failure: true,
  status,
  data,
  statusText,
});

/** An answer that never comes, so the instance stays "being checked" until its timeout. */
export const NO_ANSWER = Symbol('no answer');

/** RustyDB v0.6.5 as the contract fixtures show it: constants where it has no measurement. */
export function v065Routes(overrides: InstanceRoutes = {}): InstanceRoutes {
  return {
    [ENDPOINTS.adminHealth.path]: adminHealth,
    [ENDPOINTS.serverInfo.path]: serverInfo,
    [ENDPOINTS.statsPerformance.path]: statsPerformance,
    [ENDPOINTS.pools.path]: pools,
    '/api/v1/pools/readonly/stats': poolDefaultStats,
    '/api/v1/pools/default/stats': poolDefaultStats,
    ...overrides,
  };
}

/** A server that measures what it reports (the fixtures' shapes, live values), busy enough to need no warning. */
export function healthyRoutes(overrides: InstanceRoutes = {}): InstanceRoutes {
  return v065Routes({
    [ENDPOINTS.statsPerformance.path]: {
      ...statsPerformance,
      cache_hit_ratio: 0.97,
      locks_held: 12,
      transactions_per_second: 250,
    },
    '/api/v1/pools/readonly/stats': {
      ...poolDefaultStats,
      pool_id: 'readonly',
      active_connections: 5,
      idle_connections: 15,
      waiting_requests: 0,
    },
    '/api/v1/pools/default/stats': {
      ...poolDefaultStats,
      active_connections: 26,
      idle_connections: 14,
      total_acquired: 5120,
    },
    ...overrides,
  });
}

/** Every instance unreachable the way Grafana's proxy reports a refused connection. */
export function unreachableRoutes(): InstanceRoutes {
  return { [ENDPOINTS.adminHealth.path]: failure(502, {}, 'Bad Gateway') };
}

export function instanceSettings(
  uid: string,
  name: string,
  jsonData: RustyDBOptions = {}
): DataSourceInstanceSettings<RustyDBOptions> {
  return {
    uid,
    name,
    type: DATASOURCE_TYPE,
    url: `/api/datasources/proxy/uid/${uid}`,
    access: 'proxy',
    readOnly: false,
    jsonData: { serverUrl: 'http://rustydb:8080', authType: 'none', ...jsonData },
    meta: { id: DATASOURCE_TYPE, name: 'RustyDB' },
  } as DataSourceInstanceSettings<RustyDBOptions>;
}

function isFailure(answer: unknown): answer is Failure {
  return typeof answer === 'object' && answer !== null && '__failure' in answer;
}

const PROXY_URL = /^\/api\/datasources\/proxy\/uid\/([^/]+)\/[a-z]+(\/.*)$/;

/** A `getBackendSrv().fetch` that serves each instance's routes by uid; everything else is an unexpected call. */
export function proxyFetch(routesByUid: Record<string, InstanceRoutes>) {
  return jest.fn((request: BackendSrvRequest) => {
    const match = PROXY_URL.exec(request.url);
    const routes = match ? routesByUid[decodeURIComponent(match[1])] : undefined;
    if (!match || !routes) {
      throw new Error(`unexpected request ${request.method ?? 'GET'} ${request.url}`);
    }
    const answer = routes[match[2]];
    if (answer === NO_ANSWER) {
      return NEVER;
    }
    if (answer === undefined) {
      return throwError(() => ({ status: 404, data: {}, statusText: 'Not Found' }));
    }
    if (isFailure(answer)) {
      const { status, data, statusText } = answer;
      return throwError(() => ({ status, data, statusText }));
    }
    return of({ status: 200, data: answer, ok: true });
  });
}

/**
 * Grafana's data source service as the app uses it: `get(uid)` answers the instance Grafana builds from its data
 * source list (`config.datasources`), once per uid, as Grafana caches it; `extra` adds or replaces methods.
 */
export function fakeDatasourceSrv(extra: Partial<DataSourceSrv> = {}) {
  const built = new Map<string, DataSource>();
  const get = jest.fn(async (uid: string) => {
    const settings = Object.values(config.datasources).find((ds) => ds.uid === uid);
    if (!settings) {
      throw new Error(`Datasource ${uid} was not found`);
    }
    if (settings.type !== DATASOURCE_TYPE) {
      return { uid, name: settings.name, type: settings.type };
    }
    if (!built.has(uid)) {
      built.set(uid, new DataSource(settings as DataSourceInstanceSettings<RustyDBOptions>));
    }
    return built.get(uid)!;
  });
  setDataSourceSrv({ get, ...extra } as unknown as DataSourceSrv);
  return get;
}
