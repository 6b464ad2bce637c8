/**
 * `getBackendSrv().fetch` over real HTTP, playing Grafana's data-source proxy and frontend for the RustyDB datasource,
 * so the datasource's own query code can run against the simulator (or a real RustyDB) outside Grafana:
 *
 * ```ts
 * const proxy = backendSrvOverHttp({ jsonData: { serverUrl: sim.url } });
 * const client = new RustyDBClient({ url: proxy.base, jsonData: { serverUrl: sim.url } }, { fetch: proxy.fetch });
 * // or, with Grafana's runtime loaded (jsdom): setBackendSrv(proxy as unknown as BackendSrv)
 * ```
 *
 * The Grafana parts are the models in `tests/grafana/`, each citing the Grafana file it follows: the route matching
 * and header rendering (`dataProxyRoutes.ts`, `dataProxy.ts`: a request no route takes reaches no server, 502), the
 * proxy's rewriting of answers (401 → 400 "Authentication to data source failed", unreachable → 502, timeout → 504,
 * both with an empty body, a body cut mid-way → a network error), and the frontend's (`backendSrv.ts`: the body parsed
 * by content type, `FetchError`s processed by `processRequestError`, at most 5 data requests in flight).
 */
import http from 'http';
import { Observable } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { deliver, FetchQueue } from '../grafana/backendSrv';
import { proxyBase, ProxySettings, routeRequest, throughDataProxy, Upstream } from '../grafana/dataProxy';

export interface ProxyOptions extends ProxySettings {
  /** Grafana's `[dataproxy] timeout` (30 s by default). */
  timeoutMs?: number;
}

export interface HttpBackendSrv {
  /** `instanceSettings.url` for this data source. */
  base: string;
  fetch: (options: BackendSrvRequest) => Observable<FetchResponse<unknown>>;
  /** Every upstream request made, as `METHOD path`: for counting what a refresh costs. */
  requests: string[];
  queue: FetchQueue;
}

export function backendSrvOverHttp(options: ProxyOptions): HttpBackendSrv {
  const requests: string[] = [];
  const queue = new FetchQueue();

  const fetch = (config: BackendSrvRequest) =>
    new Observable<FetchResponse<unknown>>((subscriber) => {
      let req: http.ClientRequest | undefined;
      let done = false;
      const settle = (outcome: Upstream) => {
        if (done) {
          return;
        }
        done = true;
        try {
          const response = deliver(config, throughDataProxy(outcome));
          subscriber.next(response);
          subscriber.complete();
        } catch (err) {
          subscriber.error(err);
        }
      };
      const leave = queue.enter(() => {
        const method = config.method ?? 'GET';
        const routed = routeRequest(options, method, config.url);
        if (!routed) {
          settle({ fault: 'unreachable' });
          return;
        }
        requests.push(`${method} ${routed.path}`);
        const headers = { accept: 'application/json, text/plain, */*', ...routed.headers };
        req = http.request(
          { host: routed.url.hostname, port: routed.url.port, method, path: routed.path, headers },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('error', () => settle({ fault: 'cut' }));
            res.on('aborted', () => settle({ fault: 'cut' }));
            res.on('end', () => {
              const answerHeaders: Record<string, string> = {};
              for (const [key, value] of Object.entries(res.headers)) {
                if (value !== undefined) {
                  answerHeaders[key] = String(value);
                }
              }
              settle({
                status: res.statusCode ?? 502,
                headers: answerHeaders,
                body: Buffer.concat(chunks).toString('utf8'),
              });
            });
          }
        );
        req.setTimeout(options.timeoutMs ?? 30_000, () => {
          req?.destroy();
          settle({ fault: 'timeout' });
        });
        req.on('error', () => settle({ fault: 'unreachable' }));
        req.end();
      });
      return () => {
        done = true;
        req?.destroy();
        leave();
      };
    });

  return { base: proxyBase(options), fetch, requests, queue };
}
