import { dateTime, DataQueryRequest, ScopedVars } from '@grafana/data';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { Observable, of, throwError } from 'rxjs';
import { ClientDeps, RustyDBClient } from '../client';
import type { Replace } from '../interpolation';
import type { RustyDBQuery } from '../types';

/** What a fake server answers: a body with a status (2xx resolves, others throw a FetchError), or a network failure. */
export type FakeAnswer = { status?: number; data: unknown; statusText?: string } | { networkError: string };

export const PROXY = '/api/datasources/proxy/uid/ds-uid';

/** The time the fake clients and requests take as now. */
export const NOW = 1767002400_000;

/** A `getBackendSrv().fetch` double: answers by path (the part after the proxy route) and records every URL. */
export function fakeFetch(answer: (path: string) => FakeAnswer | Observable<FetchResponse<unknown>>) {
  const calls: string[] = [];
  const fetch = jest.fn((options: BackendSrvRequest): Observable<FetchResponse<unknown>> => {
    calls.push(options.url);
    const path = options.url.replace(/^\/api\/datasources\/proxy\/uid\/[^/]+\/[a-z]+/, '');
    const result = answer(path);
    if (result instanceof Observable) {
      return result;
    }
    if ('networkError' in result) {
      return throwError(() => new TypeError(result.networkError));
    }
    const status = result.status ?? 200;
    const response = {
      data: result.data,
      status,
      statusText: result.statusText ?? '',
      ok: status < 300,
      config: options,
    } as unknown as FetchResponse<unknown>;
    return status < 300
      ? of(response)
      : throwError(() => ({ status, statusText: result.statusText ?? '', data: result.data, config: options }));
  });
  return { fetch, calls };
}

/** A client of the RustyDB at http://rustydb:8080 over `fakeFetch`, whose clock stands at NOW. */
export function fakeClient(answer: (path: string) => FakeAnswer, deps: Partial<ClientDeps> = {}) {
  const { fetch, calls } = fakeFetch(answer);
  const client = new RustyDBClient(
    { url: PROXY, jsonData: { serverUrl: 'http://rustydb:8080' } },
    { fetch, now: () => NOW, ...deps }
  );
  return { client, calls };
}

/**
 * A `getTemplateSrv().replace` double with Grafana's semantics for what we use: `$name`, `${name}` and `[[name]]`;
 * a function format receives the value (a list for multi-value and All); otherwise lists join with commas.
 */
export function fakeReplace(variables: Record<string, string | string[]>): Replace {
  return (target: string, scopedVars?: ScopedVars, format?: string | Function) =>
    target.replace(/\$(\w+)|\$\{(\w+)\}|\[\[(\w+)\]\]/g, (match, a, b, c) => {
      const name = a ?? b ?? c;
      const value = scopedVars?.[name]?.value ?? variables[name];
      if (value === undefined) {
        return match;
      }
      return typeof format === 'function' ? format(value) : Array.isArray(value) ? value.join(',') : String(value);
    });
}

export function request(
  targets: RustyDBQuery[],
  extra: Partial<DataQueryRequest<RustyDBQuery>> = {}
): DataQueryRequest<RustyDBQuery> {
  const to = dateTime(NOW);
  const from = dateTime(NOW - 3600_000);
  return {
    requestId: 'test',
    interval: '1m',
    intervalMs: 60_000,
    range: { from, to, raw: { from: 'now-1h', to: 'now' } },
    scopedVars: {},
    targets,
    timezone: 'utc',
    app: 'dashboard',
    startTime: 0,
    ...extra,
  };
}
