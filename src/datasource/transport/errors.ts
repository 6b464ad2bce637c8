import { isFetchError } from '@grafana/runtime';

export type RustyDBErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rateLimited'
  | 'server'
  | 'badResponse';

/** An error the user can act on: what went wrong and what to do about it. */
export class RustyDBError extends Error {
  constructor(
    readonly kind: RustyDBErrorKind,
    message: string,
    readonly status?: number
  ) {
    super(message);
    this.name = 'RustyDBError';
  }
}

function apiErrorOf(data: unknown): { code?: string; message?: string } {
  if (data && typeof data === 'object') {
    const body = data as Record<string, unknown>;
    const code = typeof body.code === 'string' ? body.code : undefined;
    const message =
      typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
    return { code, message };
  }
  return {};
}

/** Turns whatever `getBackendSrv().fetch` threw into a RustyDBError with advice. */
export function classifyFetchError(err: unknown, path: string): RustyDBError {
  if (err instanceof RustyDBError) {
    return err;
  }
  if (!isFetchError(err)) {
    return new RustyDBError('unreachable', `Request to ${path} failed: ${String(err)}`);
  }
  const { status } = err;
  const { code, message } = apiErrorOf(err.data);
  const detail = message ? `: ${message}` : '';
  if (status === 500 && code === 'RATE_LIMIT_EXCEEDED') {
    return new RustyDBError(
      'rateLimited',
      'RustyDB is rate limiting requests (100 per second for all clients together). Lower the dashboard refresh rate or the number of panels.',
      status
    );
  }
  switch (status) {
    case 401:
      return new RustyDBError('unauthorized', `RustyDB refused the credentials (401)${detail}. Check the token in the data source settings.`, status);
    case 403:
      return new RustyDBError('forbidden', `RustyDB denied access (403)${detail}. The token lacks the permission for ${path}.`, status);
    case 404:
      return new RustyDBError('notFound', `${path} was not found (404)${detail}. Check the server URL and the RustyDB version.`, status);
    case 408:
    case 504:
      return new RustyDBError('timeout', `RustyDB did not answer ${path} in time (${status}). Raise the timeout or check the server load.`, status);
    case 502:
    case 503:
      return new RustyDBError('unreachable', `Grafana could not reach RustyDB (${status}). Check the server URL and that RustyDB is running.`, status);
  }
  return new RustyDBError('server', `RustyDB answered ${status} for ${path}${detail || (err.statusText ? `: ${err.statusText}` : '')}.`, status);
}
