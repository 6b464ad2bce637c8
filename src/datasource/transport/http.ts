import { lastValueFrom, Observable, timeout } from 'rxjs';
import type { BackendSrvRequest, FetchResponse } from '@grafana/runtime';
import { checkBody, classifyFailure, RustyDBError } from './errors';

/** `getBackendSrv().fetch`, or anything with its contract (tests, the integration adapter, headless callers). */
export type FetchFn = (options: BackendSrvRequest) => Observable<FetchResponse<unknown>>;

export interface ProxySettings {
  /** `${instanceSettings.url}/${route}`: the data-source proxy route that adds the credentials. */
  routeBase: string;
  /** RustyDB's address as configured, only for messages. */
  serverUrl?: string;
  timeoutMs: number;
  fetch: FetchFn;
}

/** One GET of a RustyDB path through Grafana's data-source proxy: the JSON body, or a classified RustyDBError. */
export async function proxyGet(settings: ProxySettings, path: string): Promise<unknown> {
  const ctx = { path, serverUrl: settings.serverUrl };
  try {
    const response = await lastValueFrom(
      settings
        .fetch({
          url: `${settings.routeBase}${path}`,
          method: 'GET',
          showErrorAlert: false,
          showSuccessAlert: false,
          hideFromInspector: false,
        })
        .pipe(
          timeout({
            first: settings.timeoutMs,
            with: () => {
              throw new RustyDBError(
                'timeout',
                `RustyDB did not answer ${path} within ${settings.timeoutMs / 1000} s. Check the server load, or raise ` +
                  'the timeout in the data source settings.'
              );
            },
          })
        )
    );
    return checkBody(response.data, response.status, ctx);
  } catch (err) {
    throw classifyFailure(err, ctx);
  }
}
