/**
 * `getBackendSrv().fetch` as Grafana's frontend really delivers a data-source proxy answer, read from Grafana's code,
 * so the datasource's tests see what a user's browser sees:
 *
 * - `public/app/core/services/backend_srv.ts` `getFromFetchStream` picks `responseType` 'json' when the answer's
 *   content type is exactly `application/json` (`isContentTypeApplicationJson` / `isContentTypeJson` in
 *   `public/app/core/utils/fetch.ts`), and `parseResponseBody` (same file) then gives `{}` for `Content-Length: 0`,
 *   otherwise `response.json()`, which throws a **SyntaxError with no status** on truncated or invalid JSON; without
 *   that content type the text is `JSON.parse`d, or kept as text when that fails (so `''`, HTML, plain text);
 * - `handleStreamResponse`: a non-2xx answer becomes a `FetchError {status, statusText, data, config}`;
 * - `handleStreamError` → `processRequestError`: `data` becomes an object: missing → `{message: 'Unexpected error'}`,
 *   a string → `{message: body, error: statusText, response: body}` (an HTML error page arrives as `data.message`),
 *   no message but an `error` string → the message is copied from it. A SyntaxError or network TypeError goes through
 *   it too, so it carries `data: {message: 'Unexpected error'}` and no status;
 * - `public/app/core/services/FetchQueueWorker.ts`: data requests (URLs with `api/datasources/proxy`, `isDataQuery`
 *   in `public/app/core/utils/query.ts`) run at most **5** at a time (1000 with HTTP/2); the rest wait in the
 *   `FetchQueue`, and unsubscribing (`fetch()`'s teardown, `fetchQueue.setDone`) frees a slot or drops a waiting one;
 * - rxjs `fromFetch` aborts the HTTP request on unsubscribe only until the headers arrived: a body already on its way
 *   is still sent (the model counts it as completed, not aborted).
 *
 * Grafana's server side (the data-source proxy) is `./dataProxy.ts`. Time passes only through timers (`delayMs`, the
 * proxy's timeout), so Jest's fake timers drive everything.
 */
import { Observable } from 'rxjs';
import type { BackendSrvRequest, FetchError, FetchResponse } from '@grafana/runtime';
import {
  HttpAnswer,
  ProxiedRequest,
  proxyBase,
  ProxySettings,
  routeRequest,
  throughDataProxy,
  Upstream,
} from './dataProxy';

/** `parseResponseBody` with the responseType `getFromFetchStream` picks; throws SyntaxError like `response.json()`. */
export function parseResponseBody(headers: Record<string, string>, body: string): unknown {
  const contentType = headers['content-type'];
  if (contentType !== undefined && contentType.toLowerCase() === 'application/json') {
    if (headers['content-length'] === '0') {
      return {};
    }
    return JSON.parse(body);
  }
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
}

type GrafanaError = (FetchError | Error) & { data?: unknown; status?: number; statusText?: string };

/** `processRequestError`: what a datasource's `catchError` receives. */
export function processRequestError(err: GrafanaError): GrafanaError {
  err.data = err.data ?? { message: 'Unexpected error' };
  if (typeof err.data === 'string') {
    err.data = { message: err.data, error: err.statusText, response: err.data };
  }
  const data = err.data as Record<string, unknown>;
  if (data && !data.message && typeof data.error === 'string') {
    data.message = data.error;
  }
  return err;
}

/** The browser's side of one answer: the FetchResponse, or the error `fetch()`'s observable errors with. */
export function deliver(config: BackendSrvRequest, answer: HttpAnswer): FetchResponse<unknown> {
  if ('networkError' in answer) {
    throw processRequestError(new TypeError(answer.networkError));
  }
  let data: unknown;
  try {
    data = parseResponseBody(answer.headers, answer.body);
  } catch (err) {
    throw processRequestError(err as SyntaxError);
  }
  const { status, statusText } = answer;
  if (status < 200 || status > 299) {
    throw processRequestError({ status, statusText, data, config } satisfies FetchError);
  }
  const headers = new Map(Object.entries(answer.headers)) as unknown as Headers;
  return { data, status, statusText, ok: true, headers, redirected: false, type: 'basic', url: config.url, config };
}

/** Grafana's `FetchQueue` + `FetchQueueWorker` for data requests: at most `max` in flight, the rest wait in order. */
export class FetchQueue {
  inFlight = 0;
  maxInFlight = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max = 5) {}

  /** Runs `start` when a slot is free; the returned function leaves the queue or frees the slot. */
  enter(start: () => void): () => void {
    let state: 'waiting' | 'running' | 'done' = 'waiting';
    const run = () => {
      state = 'running';
      this.inFlight++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      start();
    };
    if (this.inFlight < this.max) {
      run();
    } else {
      this.waiting.push(run);
    }
    return () => {
      if (state === 'waiting') {
        this.waiting.splice(this.waiting.indexOf(run), 1);
      } else if (state === 'running') {
        this.inFlight--;
        this.waiting.shift()?.();
      }
      state = 'done';
    };
  }
}

/** One request as RustyDB receives it. */
export type UpstreamRequest = ProxiedRequest;

/** An upstream outcome, after `delayMs` (time to the headers; 0 by default). */
export type UpstreamAnswer = Upstream & { delayMs?: number };

export interface GrafanaOptions extends ProxySettings {
  /** RustyDB: what it answers to each request that gets through the proxy. */
  upstream: (request: UpstreamRequest) => UpstreamAnswer;
  /** Grafana's `[dataproxy] timeout` (30 s by default): a `timeout` fault answers 504 after it. */
  proxyTimeoutMs?: number;
  /** 5 over HTTP/1.1, as `FetchQueueWorker` sets it. */
  maxParallelRequests?: number;
}

export interface GrafanaBackendSrv {
  /** `instanceSettings.url` for this data source. */
  base: string;
  fetch: (options: BackendSrvRequest) => Observable<FetchResponse<unknown>>;
  /** Every request that reached RustyDB, as `METHOD path`. */
  requests: string[];
  /** Requests whose subscriber left before the answer's headers arrived (fromFetch aborted them). */
  aborted: number;
  queue: FetchQueue;
}

/** A Grafana (frontend and data-source proxy) in front of an in-memory RustyDB. */
export function grafanaBackendSrv(options: GrafanaOptions): GrafanaBackendSrv {
  const queue = new FetchQueue(options.maxParallelRequests ?? 5);
  const proxyTimeoutMs = options.proxyTimeoutMs ?? 30_000;
  const srv: GrafanaBackendSrv = {
    base: proxyBase(options),
    requests: [],
    aborted: 0,
    queue,
    fetch: (config) =>
      new Observable<FetchResponse<unknown>>((subscriber) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        let answered = false;
        const leave = queue.enter(() => {
          const method = config.method ?? 'GET';
          const routed = routeRequest(options, method, config.url);
          let outcome: UpstreamAnswer;
          if (routed) {
            srv.requests.push(`${method} ${routed.path}`);
            outcome = options.upstream(routed);
          } else {
            outcome = { fault: 'unreachable' };
          }
          const delayMs = 'fault' in outcome && outcome.fault === 'timeout' ? proxyTimeoutMs : (outcome.delayMs ?? 0);
          timer = setTimeout(() => {
            answered = true;
            let response: FetchResponse<unknown>;
            try {
              response = deliver(config, throughDataProxy(outcome));
            } catch (err) {
              subscriber.error(err);
              return;
            }
            subscriber.next(response);
            subscriber.complete();
          }, delayMs);
        });
        return () => {
          if (timer !== undefined && !answered) {
            clearTimeout(timer);
            srv.aborted++;
          }
          leave();
        };
      }),
  };
  return srv;
}

/** A JSON answer as RustyDB (axum) sends it. */
export const jsonAnswer = (body: unknown, status = 200): UpstreamAnswer => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
