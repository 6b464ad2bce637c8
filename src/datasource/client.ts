import {
  DataFrame,
  DataQueryError,
  DataQueryRequest,
  DataQueryResponse,
  dateTime,
  LoadingState,
  MetricFindValue,
  ScopedVars,
  TestDataSourceResponse,
} from '@grafana/data';
import { merge, Observable, of } from 'rxjs';
import { ENDPOINTS } from '../rustydb/api/endpoints';
import { AreaContext, AreaResult } from './endpoints/area';
import { RUNNERS } from './endpoints';
import { healthVerdict, IdentityCheck, versionOf, withIdentity } from './healthCheck';
import { exactPattern, identityMismatch, NO_IDENTITY_PATTERN } from './identity/match';
import { readScrapeTargets } from './identity/prometheus';
import { expandList, expandTemplate, noTemplates, Replace } from './interpolation';
import { LiveHistories } from './live/buffers';
import { liveStream, PollResult } from './live/stream';
import { queryTypeInfo } from './queryTypes';
import { messageOf, RustyDBError } from './transport/errors';
import { FetchFn, proxyGet, ProxySettings } from './transport/http';
import { RATE_LIMIT_RETRY, retryRateLimited, RetryPolicy } from './transport/retry';
import { QueryScope } from './transport/scope';
import { SharedRequests } from './transport/sharing';
import { RequestSlots } from './transport/slots';
import {
  DEFAULT_LIVE_INTERVAL_MS,
  DEFAULT_QUERY,
  DEFAULT_TIMEOUT_SECONDS,
  MIN_LIVE_INTERVAL_MS,
  PROXY_ROUTE,
  QueryType,
  RustyDBOptions,
  RustyDBQuery,
  VariableTarget,
} from './types';
import { idValues, queryTypeValues, VARIABLE_SOURCES } from './variables/values';

/** What the client needs of a data source's settings: Grafana's `DataSourceInstanceSettings` has it. */
export interface ClientSettings {
  /** Grafana's proxy base for the data source, `/api/datasources/proxy/uid/<uid>` (`instanceSettings.url`). */
  url?: string;
  uid?: string;
  jsonData: RustyDBOptions;
}

/** The side effects, injected: Grafana's in the plugin, fakes in tests, an HTTP adapter headless. */
export interface ClientDeps {
  /** `getBackendSrv().fetch` or anything with its contract. */
  fetch: FetchFn;
  /** `getTemplateSrv().replace`; without it, text is used as written. */
  replace?: Replace;
  now?: () => number;
  retry?: RetryPolicy;
  /** How long an answer is shared with identical requests after it arrived. */
  sharingTtlMs?: number;
  /** True while the page is captured (image rendering, live/renderMode.ts): live queries then run once and end. */
  renderMode?: () => boolean;
}

/** Panels of one dashboard refresh start within milliseconds; a second covers slow browsers without going stale. */
const SHARING_TTL_MS = 1000;
const MAX_LIVE_POINTS = 10_000;
/**
 * Requests one query may make: a pool list and 20 pools' stats, with room to spare. RustyDB v0.6.5 allows 100
 * requests per second for all its clients together, so a panel must never be able to spend them all.
 */
export const MAX_REQUESTS_PER_QUERY = 25;
const DEFAULT_LIVE_POINTS = 1000;

export interface RunOptions {
  /** Epoch milliseconds; the last hour by default. */
  range?: { from: number; to: number };
  scopedVars?: ScopedVars;
}

/** A setting that must be a positive number; anything else (unset, 0, text typed into the field) means the default. */
const positive = (value: number | undefined, fallback: number) =>
  typeof value === 'number' && value > 0 ? value : fallback;

const toQueryError = (err: unknown, refId: string): DataQueryError => ({
  refId,
  message: messageOf(err),
  ...(err instanceof RustyDBError && err.status ? { status: err.status } : {}),
});

/**
 * The RustyDB query engine: everything the datasource does, without Grafana's runtime, so it also runs headless
 * (tests, the app's pages, scripts against the simulator):
 *
 * ```ts
 * const client = new RustyDBClient({ url: proxyBase, jsonData: { serverUrl, authType: 'none' } }, { fetch });
 * const { frames, errors } = await client.run([{ refId: 'A', queryType: 'poolStats' }]);
 * ```
 * `fetch` has `getBackendSrv().fetch`'s contract; `tests/integration/backendSrvOverHttp.ts` provides one over HTTP.
 */
export class RustyDBClient {
  private readonly proxy: ProxySettings;
  private readonly shared: SharedRequests;
  private readonly histories = new LiveHistories();
  private readonly replace: Replace;
  private readonly now: () => number;
  private readonly retry: RetryPolicy;
  private readonly slots = new RequestSlots();
  private readonly renderMode: () => boolean;
  readonly liveIntervalMs: number;

  constructor(
    private readonly settings: ClientSettings,
    private readonly deps: ClientDeps
  ) {
    const { authType = 'none', timeoutSeconds, serverUrl, liveIntervalMs } = settings.jsonData ?? {};
    this.proxy = {
      routeBase: `${settings.url ?? ''}/${PROXY_ROUTE[authType] ?? PROXY_ROUTE.none}`,
      serverUrl,
      timeoutMs: positive(timeoutSeconds, DEFAULT_TIMEOUT_SECONDS) * 1000,
      fetch: deps.fetch,
    };
    this.replace = deps.replace ?? noTemplates;
    this.now = deps.now ?? Date.now;
    this.retry = deps.retry ?? RATE_LIMIT_RETRY;
    this.renderMode = deps.renderMode ?? (() => false);
    this.shared = new SharedRequests(deps.sharingTtlMs ?? SHARING_TTL_MS, this.now);
    this.liveIntervalMs = Math.max(MIN_LIVE_INTERVAL_MS, positive(liveIntervalMs, DEFAULT_LIVE_INTERVAL_MS));
  }

  /**
   * A JSON GET of a RustyDB path: shared with identical requests, at most 5 in flight, retried while rate limited,
   * errors classified. Within a query's scope it spends the query's budgets and stops when the query ends.
   */
  async get(path: string, maxAgeMs?: number, scope?: QueryScope): Promise<unknown> {
    if (!this.proxy.serverUrl) {
      throw new RustyDBError(
        'invalidQuery',
        "The data source has no server URL. Set RustyDB's REST address (e.g. http://rustydb:8080) in its settings."
      );
    }
    if (scope && !scope.takeRequest()) {
      throw new RustyDBError(
        'invalidQuery',
        `This query needs more than ${scope.limits.maxRequests} requests to RustyDB (v0.6.5 allows 100 per second for ` +
          'all clients together), so it stopped there. Select fewer values in the variables it uses.'
      );
    }
    let throttled: unknown;
    const attempt = () =>
      this.shared
        .get(
          path,
          (signal) => this.slots.run(() => proxyGet(this.proxy, path, signal), signal),
          maxAgeMs,
          scope?.signal
        )
        .catch((err: unknown) => {
          throttled = err instanceof RustyDBError && err.kind === 'rateLimited' ? err : throttled;
          throw err;
        });
    try {
      return await retryRateLimited(attempt, this.retry, scope);
    } catch (err) {
      if (scope && err === scope.timeout) {
        // Out of time while retrying a throttled request: the throttling is the cause worth naming.
        throw (
          throttled ??
          new RustyDBError(
            'timeout',
            `RustyDB did not answer ${path} within ${this.proxy.timeoutMs / 1000} s, the data source's timeout. Check ` +
              "RustyDB's load, or raise the timeout in the data source settings."
          )
        );
      }
      throw err;
    }
  }

  /** Grafana's `query()`: one response per target (keyed by refId), or a stream per live target. */
  query(request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((target) => !target.hide);
    if (targets.length === 0) {
      return of({ data: [], state: LoadingState.Done });
    }
    return merge(
      ...targets.map((target) =>
        target.live && !this.renderMode() ? this.live(target, request) : this.once(target, request)
      )
    );
  }

  /** Runs queries once, outside Grafana's UI. */
  async run(targets: RustyDBQuery[], options: RunOptions = {}): Promise<PollResult> {
    const request = this.request(targets, options);
    const results = await Promise.all(targets.map((target) => this.poll(target, request, undefined)));
    return { frames: results.flatMap((r) => r.frames), errors: results.flatMap((r) => r.errors) };
  }

  /** "Save & test": reachable, RustyDB, healthy, which version; and what to do when not. */
  async testDatasource(): Promise<TestDataSourceResponse> {
    const { serverUrl } = this.proxy;
    if (!serverUrl) {
      return {
        status: 'error',
        message: "Set the server URL: RustyDB's REST address as Grafana's server reaches it, e.g. http://rustydb:8080.",
      };
    }
    let health: unknown;
    try {
      health = await this.get(ENDPOINTS.adminHealth.path, 0);
    } catch (err) {
      return { status: 'error', message: messageOf(err) };
    }
    const version = await this.get(ENDPOINTS.serverInfo.path, 0).then(
      versionOf,
      (err: unknown) => new Error(messageOf(err))
    );
    return withIdentity(healthVerdict(health, version, serverUrl), await this.checkIdentity(serverUrl));
  }

  /** Whether the configured Prometheus labels are this server's scrape target. */
  private async checkIdentity(serverUrl: string): Promise<IdentityCheck> {
    const { prometheusUid, job, instance } = this.settings.jsonData;
    if (!prometheusUid && !job && !instance) {
      return {
        unset:
          "No Prometheus identity is set, so the dashboards show this server's Prometheus panels only in fleet view (all instances). Set it under Prometheus identity.",
      };
    }
    if (!prometheusUid || !job || !instance) {
      return { problem: 'The Prometheus identity needs all three: the Prometheus data source, job and instance.' };
    }
    try {
      const targets = await readScrapeTargets(this.deps.fetch, prometheusUid, this.proxy.timeoutMs);
      const mismatch = identityMismatch(serverUrl, { job, instance }, targets);
      return mismatch
        ? { problem: mismatch }
        : { ok: `Prometheus scrapes it as job="${job}", instance="${instance}".` };
    } catch (err) {
      return { problem: messageOf(err) };
    }
  }

  /** The values of a template variable. */
  async metricFind(target: VariableTarget): Promise<MetricFindValue[]> {
    if (target === 'queryTypes') {
      return queryTypeValues();
    }
    if (target === 'identityJob' || target === 'identityInstance') {
      const value = this.settings.jsonData[target === 'identityJob' ? 'job' : 'instance'];
      return [value ? { text: value, value: exactPattern(value) } : { text: 'not set', value: NO_IDENTITY_PATTERN }];
    }
    const source = VARIABLE_SOURCES[target];
    if (!source) {
      throw new RustyDBError(
        'invalidQuery',
        `Unknown variable query "${String(target)}": use pools, clusterNodes, replicas or queryTypes.`
      );
    }
    return idValues(source, await this.get(ENDPOINTS[source.endpoint].path));
  }

  private request(targets: RustyDBQuery[], { range, scopedVars = {} }: RunOptions): DataQueryRequest<RustyDBQuery> {
    const to = range?.to ?? this.now();
    const fromMs = range?.from ?? to - 3600_000;
    const timeRange = { from: dateTime(fromMs), to: dateTime(to), raw: { from: dateTime(fromMs), to: dateTime(to) } };
    return {
      requestId: 'rustydb-run',
      interval: '1m',
      intervalMs: 60_000,
      range: timeRange,
      scopedVars,
      targets,
      timezone: 'utc',
      app: 'rustydb',
      startTime: this.now(),
    };
  }

  /** One answer; unsubscribing (panel gone, query replaced) aborts its requests and retry waits. */
  private once(target: RustyDBQuery, request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const controller = new AbortController();
      this.poll(target, request, undefined, controller.signal).then(({ frames, errors }) => {
        subscriber.next({
          key: target.refId,
          data: frames,
          state: errors.length && !frames.length ? LoadingState.Error : LoadingState.Done,
          ...(errors.length ? { errors } : {}),
        });
        subscriber.complete();
      });
      return () => controller.abort();
    });
  }

  private live(target: RustyDBQuery, request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    const intervalMs = Math.max(MIN_LIVE_INTERVAL_MS, target.intervalMs || this.liveIntervalMs);
    const capacity = Math.min(MAX_LIVE_POINTS, request.maxDataPoints || DEFAULT_LIVE_POINTS);
    const key = this.streamKey(target, request, intervalMs);
    // Polls accept only answers younger than half their interval, yet still share one request between live panels.
    const maxAgeMs = Math.min(SHARING_TTL_MS, intervalMs / 2);
    return liveStream({
      key,
      intervalMs,
      buffers: this.histories.get(key, capacity),
      poll: (signal) => this.poll(target, request, maxAgeMs, signal),
    });
  }

  /** Same panel, same query after interpolation, same time range → same stream; anything else → a new one. */
  private streamKey(target: RustyDBQuery, request: DataQueryRequest<RustyDBQuery>, intervalMs: number): string {
    const expand = (text?: string) => (text ? expandTemplate(text, this.replace, request.scopedVars) : []);
    const list = (texts?: string[]) => expandList(texts, this.replace, request.scopedVars);
    let query: unknown;
    try {
      query = {
        type: expand(target.queryType),
        view: expand(target.view),
        ids: [list(target.poolIds), list(target.nodeIds), list(target.replicaIds), list(target.levels)],
        path: expand(target.path),
        audit: target.audit,
        events: target.eventSource,
      };
    } catch {
      // A query that cannot expand fails in its first poll, with the reason; its key only needs to be stable.
      query = target;
    }
    const range = [String(request.range.raw.from), String(request.range.raw.to)];
    const scope = [this.settings.uid, request.dashboardUID, request.panelId, target.refId].map((part) => part ?? '');
    return `rustydb/${scope.join('/')}/${JSON.stringify({ query, range, intervalMs })}`;
  }

  /**
   * Runs one target in its own scope (deadline, budgets, cancellation); never throws: failures become errors beside
   * whatever frames could be read, each message once.
   */
  private async poll(
    target: RustyDBQuery,
    request: DataQueryRequest<RustyDBQuery>,
    maxAgeMs: number | undefined,
    signal?: AbortSignal
  ): Promise<PollResult> {
    const scope = new QueryScope(
      { timeoutMs: this.proxy.timeoutMs, retries: this.retry.retries, maxRequests: MAX_REQUESTS_PER_QUERY },
      signal
    );
    try {
      const { frames, errors } = await this.pollIn(scope, target, request, maxAgeMs);
      const seen = new Set<string>();
      return { frames, errors: errors.filter((err) => !seen.has(err.message ?? '') && seen.add(err.message ?? '')) };
    } finally {
      scope.close();
    }
  }

  private async pollIn(
    scope: QueryScope,
    target: RustyDBQuery,
    request: DataQueryRequest<RustyDBQuery>,
    maxAgeMs: number | undefined
  ): Promise<PollResult> {
    const { refId } = target;
    try {
      const types = expandTemplate(
        target.queryType || String(DEFAULT_QUERY.queryType),
        this.replace,
        request.scopedVars
      );
      const results = await Promise.allSettled(
        types.map((type) => this.runType(type, target, request, scope, maxAgeMs))
      );
      const frames: DataFrame[] = [];
      const errors: DataQueryError[] = [];
      for (const result of results) {
        if (result.status === 'rejected') {
          errors.push(toQueryError(result.reason, refId));
        } else {
          frames.push(...result.value.frames);
          errors.push(...(result.value.errors ?? []).map((err) => toQueryError(err, refId)));
        }
      }
      return { frames, errors };
    } catch (err) {
      return { frames: [], errors: [toQueryError(err, refId)] };
    }
  }

  private async runType(
    type: string,
    target: RustyDBQuery,
    request: DataQueryRequest<RustyDBQuery>,
    scope: QueryScope,
    maxAgeMs?: number
  ): Promise<AreaResult> {
    const runner = RUNNERS[type as QueryType];
    if (!runner) {
      throw new RustyDBError(
        'invalidQuery',
        `Unknown query type "${type}". Pick one in the query editor (or check the variable it comes from).`
      );
    }
    const ctx = this.context(type as QueryType, target, request, scope, maxAgeMs);
    const views = target.view ? ctx.expand(target.view) : [''];
    const results = await Promise.all(views.map((view) => runner({ ...target, view: view || undefined }, ctx)));
    return { frames: results.flatMap((r) => r.frames), errors: results.flatMap((r) => r.errors ?? []) };
  }

  private context(
    type: QueryType,
    target: RustyDBQuery,
    request: DataQueryRequest<RustyDBQuery>,
    scope: QueryScope,
    maxAgeMs?: number
  ): AreaContext {
    const { scopedVars } = request;
    const expand = (text?: string) =>
      text === undefined || text === '' ? [] : expandTemplate(text, this.replace, scopedVars);
    const expandAll = (texts?: string[]) => expandList(texts, this.replace, scopedVars);
    const now = this.now();
    const to = request.range.to.valueOf();
    return {
      refId: target.refId,
      now,
      // A live poll (it sets maxAgeMs) reads up to the clock, so rows and log lines newer than the request keep coming.
      range: { from: request.range.from.valueOf(), to: maxAgeMs === undefined ? to : Math.max(to, now) },
      keep: this.filter(type, target, expandAll),
      get: (path) => this.get(path, maxAgeMs, scope),
      expand,
      expandAll,
    };
  }

  /** The query type's row filter: its id list (nodes, replicas) or its levels; case is ignored for levels. */
  private filter(
    type: QueryType,
    target: RustyDBQuery,
    expandAll: (texts?: string[]) => string[]
  ): (value: unknown) => boolean {
    const info = queryTypeInfo(type);
    const idKey = info?.ids && info.ids !== 'poolIds' ? info.ids : undefined;
    const values = idKey
      ? expandAll(target[idKey])
      : info?.levels
        ? expandAll(target.levels).map((v) => v.toLowerCase())
        : [];
    if (values.length === 0) {
      return () => true;
    }
    const wanted = new Set(values);
    return (value) =>
      value !== null && value !== undefined && wanted.has(idKey ? String(value) : String(value).toLowerCase());
  }
}
