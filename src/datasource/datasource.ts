import {
  AnnotationSupport,
  CoreApp,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  MetricFindValue,
  TestDataSourceResponse,
} from '@grafana/data';
import { getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { Observable } from 'rxjs';
import { RustyDBClient } from './client';
import { DEFAULT_QUERY, QueryType, RustyDBOptions, RustyDBQuery, RustyDBVariableQuery, VariableTarget } from './types';
import { RustyDBVariableSupport } from './variables/VariableSupport';

const DEFAULT_ANNOTATION: Partial<RustyDBQuery> = { queryType: QueryType.Events, eventSource: 'alerts' };

/**
 * The RustyDB data source as Grafana sees it: a thin shell over `RustyDBClient` that supplies Grafana's HTTP
 * (`getBackendSrv().fetch` through the data-source proxy) and template variables (`getTemplateSrv().replace`).
 * Both are looked up on each call, so tests and headless callers can swap them with `setBackendSrv`/`setTemplateSrv`.
 */
export class DataSource extends DataSourceApi<RustyDBQuery, RustyDBOptions> {
  readonly client: RustyDBClient;

  /** Frames with `time`, `timeEnd`, `title`, `text` and `tags` (the `events` query type) become annotations. */
  annotations: AnnotationSupport<RustyDBQuery> = {
    getDefaultQuery: () => DEFAULT_ANNOTATION,
    prepareAnnotation: (json) => ({ ...json, target: { refId: 'Anno', ...DEFAULT_ANNOTATION, ...json.target } }),
  };

  constructor(instanceSettings: DataSourceInstanceSettings<RustyDBOptions>) {
    super(instanceSettings);
    this.client = new RustyDBClient(instanceSettings, {
      fetch: (options) => getBackendSrv().fetch(options),
      replace: (target, scopedVars, format) => getTemplateSrv().replace(target, scopedVars, format),
    });
    this.variables = new RustyDBVariableSupport(this);
  }

  getDefaultQuery(_app: CoreApp): Partial<RustyDBQuery> {
    return DEFAULT_QUERY;
  }

  filterQuery(query: RustyDBQuery): boolean {
    return !query.hide;
  }

  query(request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    return this.client.query(request);
  }

  testDatasource(): Promise<TestDataSourceResponse> {
    return this.client.testDatasource();
  }

  /** For Grafana's legacy variable path and for code that wants a list of names: `pools`, `clusterNodes`, ... */
  metricFindQuery(query: RustyDBVariableQuery | VariableTarget): Promise<MetricFindValue[]> {
    return this.client.metricFind(typeof query === 'string' ? query : query.target);
  }
}
