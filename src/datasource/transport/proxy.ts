import { getBackendSrv } from '@grafana/runtime';
import { proxyGet } from './http';
import { retryRateLimited } from './retry';

/**
 * One JSON GET through Grafana's data-source proxy with the datasource's error messages and rate-limit retry, for
 * code outside the datasource (the app's pages). `routeBase` is `${instanceSettings.url}/${PROXY_ROUTE[authType]}`.
 */
export function proxyGetJson(routeBase: string, path: string, timeoutMs: number): Promise<unknown> {
  return retryRateLimited(() =>
    proxyGet({ routeBase, timeoutMs, fetch: (options) => getBackendSrv().fetch(options) }, path)
  );
}
