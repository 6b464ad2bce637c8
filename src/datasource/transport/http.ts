import { Observable, Subscription } from 'rxjs';
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

/** The last response of a fetch observable; unsubscribes (aborting the request) on timeout or when `signal` aborts. */
function fetchOnce(settings: ProxySettings, path: string, signal?: AbortSignal): Promise<FetchResponse<unknown>> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let subscription: Subscription | undefined;
    let response: FetchResponse<unknown> | undefined;
    const end = (settle: () => void) => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      subscription?.unsubscribe();
      settle();
    };
    const onAbort = () => end(() => reject(signal?.reason));
    const timer = setTimeout(
      () =>
        end(() =>
          reject(
            new RustyDBError(
              'timeout',
              `RustyDB did not answer ${path} within ${settings.timeoutMs / 1000} s. Check the server load, or raise ` +
                'the timeout in the data source settings.'
            )
          )
        ),
      settings.timeoutMs
    );
    signal?.addEventListener('abort', onAbort, { once: true });
    subscription = settings
      .fetch({
        url: `${settings.routeBase}${path}`,
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
        hideFromInspector: false,
      })
      .subscribe({
        next: (value) => (response = value),
        error: (err: unknown) => end(() => reject(err)),
        complete: () => end(() => (response ? resolve(response) : reject(new TypeError('no response')))),
      });
  });
}

/**
 * One GET of a RustyDB path through Grafana's data-source proxy: the JSON body, or a classified RustyDBError. A signal
 * that aborts unsubscribes from Grafana's fetch, which aborts the HTTP request (or drops it from Grafana's queue).
 */
export async function proxyGet(settings: ProxySettings, path: string, signal?: AbortSignal): Promise<unknown> {
  const ctx = { path, serverUrl: settings.serverUrl };
  try {
    const response = await fetchOnce(settings, path, signal);
    return checkBody(response.data, response.status, ctx);
  } catch (err) {
    throw classifyFailure(err, ctx);
  }
}
