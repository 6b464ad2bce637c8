import {
  CoreApp,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  TestDataSourceResponse,
} from '@grafana/data';
import { ENDPOINTS } from '../rustydb/api/endpoints';
import type { HealthResponse } from '../rustydb/api/types';
import { parsePerformance } from './endpoints/performance';
import { proxyGetJson } from './transport/proxy';
import { RustyDBError } from './transport/errors';
import { DEFAULT_QUERY, PROXY_ROUTE, RustyDBOptions, RustyDBQuery } from './types';

const DEFAULT_TIMEOUT_SECONDS = 10;

export class DataSource extends DataSourceApi<RustyDBQuery, RustyDBOptions> {
  private readonly proxyBase: string;
  private readonly timeoutMs: number;

  constructor(instanceSettings: DataSourceInstanceSettings<RustyDBOptions>) {
    super(instanceSettings);
    const { authType = 'none', timeoutSeconds = DEFAULT_TIMEOUT_SECONDS } = instanceSettings.jsonData;
    this.proxyBase = `${instanceSettings.url}/${PROXY_ROUTE[authType]}`;
    this.timeoutMs = timeoutSeconds * 1000;
  }

  getDefaultQuery(_app: CoreApp): Partial<RustyDBQuery> {
    return DEFAULT_QUERY;
  }

  async query(request: DataQueryRequest<RustyDBQuery>): Promise<DataQueryResponse> {
    const targets = request.targets.filter((t) => !t.hide);
    const body = targets.length ? await this.get(ENDPOINTS.statsPerformance.path) : undefined;
    const now = Date.now();
    return { data: targets.map((t) => parsePerformance(body, t.refId, now)) };
  }

  async testDatasource(): Promise<TestDataSourceResponse> {
    try {
      const health = (await this.get(ENDPOINTS.adminHealth.path)) as Partial<HealthResponse>;
      if (health.status !== 'healthy') {
        return { status: 'error', message: `RustyDB reports status "${String(health.status)}".` };
      }
      return { status: 'success', message: `RustyDB ${String(health.version)} is healthy.` };
    } catch (err) {
      return { status: 'error', message: err instanceof RustyDBError ? err.message : String(err) };
    }
  }

  private get(path: string): Promise<unknown> {
    return proxyGetJson(this.proxyBase, path, this.timeoutMs);
  }
}
