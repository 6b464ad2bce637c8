import {
  AnnotationSupport,
  CoreApp,
  DataQueryRequest,
  DataQueryResponse,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourceWithQueryModificationSupport,
  DataSourceWithToggleableQueryFiltersSupport,
  LoadingState,
  MetricFindValue,
  QueryFilterOptions,
  QueryFixAction,
  ScopedVars,
  TestDataSourceResponse,
  ToggleFilterAction,
} from '@grafana/data';
import { config, getBackendSrv, getTemplateSrv } from '@grafana/runtime';
import { map, merge, Observable, of } from 'rxjs';
import { RustyDBClient } from './client';
import { interpolateQuery, Replace } from './interpolation';
import { isRenderMode } from './live/renderMode';
import { filterLogFrames } from './labelFilters/filterFrames';
import * as labelFilters from './labelFilters/filters';
import { migrateQuery, migrateVariableQuery, NEW_QUERY, refIdOf } from './migration';
import { queryDisplayText } from './queryText';
import { messageOf } from './transport/errors';
import { QueryType, RustyDBOptions, RustyDBQuery, RustyDBVariableQuery, VariableTarget } from './types';
import { RustyDBVariableSupport } from './variables/VariableSupport';

const DEFAULT_ANNOTATION: Partial<RustyDBQuery> = { queryType: QueryType.Events, eventSource: 'alerts' };

/**
 * The RustyDB data source as Grafana sees it: a thin shell over `RustyDBClient` that supplies Grafana's HTTP
 * (`getBackendSrv().fetch` through the data-source proxy) and template variables (`getTemplateSrv().replace`).
 * Both are looked up on each call, so tests and headless callers can swap them with `setBackendSrv`/`setTemplateSrv`.
 */
export class DataSource
  extends DataSourceApi<RustyDBQuery, RustyDBOptions>
  implements
    DataSourceWithToggleableQueryFiltersSupport<RustyDBQuery>,
    DataSourceWithQueryModificationSupport<RustyDBQuery>
{
  readonly client: RustyDBClient;
  private readonly replace: Replace = (target, scopedVars, format) =>
    getTemplateSrv().replace(target, scopedVars, format);

  /** Frames with `time`, `timeEnd`, `title`, `text` and `tags` (the `events` query type) become annotations. */
  annotations: AnnotationSupport<RustyDBQuery> = {
    getDefaultQuery: () => DEFAULT_ANNOTATION,
    prepareAnnotation: (json) => ({ ...json, target: { refId: 'Anno', ...DEFAULT_ANNOTATION, ...json.target } }),
  };

  constructor(instanceSettings: DataSourceInstanceSettings<RustyDBOptions>) {
    super(instanceSettings);
    this.client = new RustyDBClient(instanceSettings, {
      fetch: (options) => getBackendSrv().fetch(options),
      replace: this.replace,
      renderMode: () =>
        isRenderMode({
          search: window.location.search,
          rendererChannel: (window as { __grafanaImageRendererMessageChannel?: unknown })
            .__grafanaImageRendererMessageChannel,
          authenticatedBy: (config.bootData?.user as { authenticatedBy?: string } | undefined)?.authenticatedBy,
        }),
    });
    this.variables = new RustyDBVariableSupport((target) => this.client.metricFind(target));
  }

  getDefaultQuery(_app: CoreApp): Partial<RustyDBQuery> {
    return NEW_QUERY;
  }

  filterQuery(query: RustyDBQuery): boolean {
    return !query?.hide;
  }

  /**
   * Saved queries are brought to the current schema first (`migration.ts`); one that cannot be read answers its
   * refId with the reason while the others run.
   */
  query(request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    const targets: RustyDBQuery[] = [];
    const unreadable: DataQueryResponse[] = [];
    for (const target of request.targets) {
      try {
        targets.push(migrateQuery(target));
      } catch (err) {
        if (!target?.hide) {
          const refId = refIdOf(target);
          unreadable.push({
            key: refId,
            data: [],
            state: LoadingState.Error,
            errors: [{ refId, message: messageOf(err) }],
          });
        }
      }
    }
    const answers =
      targets.length || !unreadable.length
        ? [this.client.query({ ...request, targets }).pipe(map((response) => filterLogFrames(response, targets)))]
        : [];
    return merge(...answers, ...unreadable.map((response) => of(response)));
  }

  /** Explore from a panel, the query inspector: the queries with the dashboard's variables resolved. */
  interpolateVariablesInQueries(queries: RustyDBQuery[], scopedVars: ScopedVars): RustyDBQuery[] {
    return queries.map((query) => {
      try {
        return interpolateQuery(migrateQuery(query), this.replace, scopedVars);
      } catch {
        // Unreadable: handed on as it is, and its query answers with the reason.
        return query;
      }
    });
  }

  /** Query history: a line per query. */
  getQueryDisplayText(query: RustyDBQuery): string {
    return queryDisplayText(query);
  }

  /** Explore's filter buttons in a log line's details (`labelFilters/filters.ts`). */
  toggleQueryFilter(query: RustyDBQuery, filter: ToggleFilterAction): RustyDBQuery {
    return labelFilters.toggleQueryFilter(query, filter);
  }

  queryHasFilter(query: RustyDBQuery, filter: QueryFilterOptions): boolean {
    return labelFilters.queryHasFilter(query, filter);
  }

  modifyQuery(query: RustyDBQuery, action: QueryFixAction): RustyDBQuery {
    return labelFilters.modifyQuery(query, action);
  }

  getSupportedQueryModifications(): string[] {
    return labelFilters.LABEL_FILTER_MODIFICATIONS;
  }

  testDatasource(): Promise<TestDataSourceResponse> {
    return this.client.testDatasource();
  }

  /** For Grafana's legacy variable path and for code that wants a list of names: `pools`, `clusterNodes`, ... */
  async metricFindQuery(query: RustyDBVariableQuery | VariableTarget): Promise<MetricFindValue[]> {
    return this.client.metricFind(migrateVariableQuery(query).target);
  }
}
