import { DataQueryRequest, DataQueryResponse, MetricFindValue, TestDataSourceResponse } from '@grafana/data';
import { Observable } from 'rxjs';
import { headlessRequest, RunOptions } from './headless';
import { testConnection } from './healthCheck';
import { noTemplates, Replace } from './interpolation';
import type { PollResult } from './live/stream';
import { QueryResponses } from './responses';
import { runTarget, TargetEnv } from './runTarget';
import { FetchFn } from './transport/http';
import { RustyDBRequests } from './transport/requests';
import { RATE_LIMIT_RETRY, RetryPolicy } from './transport/retry';
import {
  DEFAULT_LIVE_INTERVAL_MS,
  DEFAULT_TIMEOUT_SECONDS,
  MIN_LIVE_INTERVAL_MS,
  PROXY_ROUTE,
  RustyDBOptions,
  RustyDBQuery,
  VariableTarget,
} from './types';
import { variableValues } from './variables/metricFind';

export type { RunOptions } from './headless';

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

/** A setting that must be a positive number; anything else (unset, 0, text typed into the field) means the default. */
const positive = (value: number | undefined, fallback: number) =>
  typeof value === 'number' && value > 0 ? value : fallback;

/**
 * The RustyDB query engine: everything the datasource does, without Grafana's runtime, so it also runs headless
 * (tests, the app's pages, scripts against the simulator). It wires the parts together; each lives in its own file:
 * requests (`transport/requests.ts`), running a target (`runTarget.ts`), Grafana's responses and live streams
 * (`responses.ts`), "Save & test" (`healthCheck.ts`), variables (`variables/metricFind.ts`).
 *
 * ```ts
 * const client = new RustyDBClient({ url: proxyBase, jsonData: { serverUrl, authType: 'none' } }, { fetch });
 * const { frames, errors } = await client.run([{ refId: 'A', queryType: 'poolStats' }]);
 * ```
 * `fetch` has `getBackendSrv().fetch`'s contract; `tests/integration/backendSrvOverHttp.ts` provides one over HTTP.
 */
export class RustyDBClient {
  private readonly requests: RustyDBRequests;
  private readonly env: TargetEnv;
  private readonly responses: QueryResponses;
  readonly liveIntervalMs: number;

  constructor(
    private readonly settings: ClientSettings,
    private readonly deps: ClientDeps
  ) {
    const { authType = 'none', timeoutSeconds, serverUrl, liveIntervalMs } = settings.jsonData ?? {};
    const now = deps.now ?? Date.now;
    const sharingTtlMs = deps.sharingTtlMs ?? SHARING_TTL_MS;
    const proxy = {
      routeBase: `${settings.url ?? ''}/${PROXY_ROUTE[authType] ?? PROXY_ROUTE.none}`,
      serverUrl,
      timeoutMs: positive(timeoutSeconds, DEFAULT_TIMEOUT_SECONDS) * 1000,
      fetch: deps.fetch,
    };
    this.requests = new RustyDBRequests(proxy, deps.retry ?? RATE_LIMIT_RETRY, sharingTtlMs, now);
    const replace = deps.replace ?? noTemplates;
    this.env = { requests: this.requests, replace, now };
    this.liveIntervalMs = Math.max(MIN_LIVE_INTERVAL_MS, positive(liveIntervalMs, DEFAULT_LIVE_INTERVAL_MS));
    this.responses = new QueryResponses({
      poll: (target, request, maxAgeMs, signal) => runTarget(this.env, target, request, maxAgeMs, signal),
      datasourceUid: settings.uid,
      replace,
      liveIntervalMs: this.liveIntervalMs,
      sharingTtlMs,
      renderMode: deps.renderMode ?? (() => false),
    });
  }

  /** A JSON GET of a RustyDB path, shared, queued and retried like every request of the engine. */
  get(path: string, maxAgeMs?: number): Promise<unknown> {
    return this.requests.get(path, maxAgeMs);
  }

  /** Grafana's `query()`: one response per target (keyed by refId), or a stream per live target. */
  query(request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    return this.responses.query(request);
  }

  /** Runs queries once, outside Grafana's UI. */
  async run(targets: RustyDBQuery[], options: RunOptions = {}): Promise<PollResult> {
    const request = headlessRequest(targets, options, this.env.now());
    const results = await Promise.all(targets.map((target) => runTarget(this.env, target, request, undefined)));
    return { frames: results.flatMap((r) => r.frames), errors: results.flatMap((r) => r.errors) };
  }

  testDatasource(): Promise<TestDataSourceResponse> {
    return testConnection({
      jsonData: this.settings.jsonData,
      get: (path) => this.requests.get(path, 0),
      fetch: this.deps.fetch,
      timeoutMs: this.requests.proxy.timeoutMs,
    });
  }

  metricFind(target: VariableTarget): Promise<MetricFindValue[]> {
    return variableValues(target, this.settings.jsonData, (path) => this.requests.get(path));
  }
}
