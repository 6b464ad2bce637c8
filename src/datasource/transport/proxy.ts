import { lastValueFrom, timeout } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { classifyFetchError, RustyDBError } from './errors';

/** GETs a RustyDB path through Grafana's data-source proxy and returns the JSON body. */
export async function proxyGetJson(proxyBase: string, path: string, timeoutMs: number): Promise<unknown> {
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({
        url: `${proxyBase}${path}`,
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
      }).pipe(
        timeout({
          first: timeoutMs,
          with: () => {
            throw new RustyDBError('timeout', `RustyDB did not answer ${path} within ${timeoutMs / 1000} s. Raise the timeout or check the server load.`);
          },
        })
      )
    );
    if (typeof response.data === 'string') {
      throw new RustyDBError(
        'badResponse',
        `${path} answered with text, not JSON. The server URL probably points at something other than RustyDB.`
      );
    }
    return response.data;
  } catch (err) {
    throw classifyFetchError(err, path);
  }
}
