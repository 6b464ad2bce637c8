import { Status } from './nagios';

/** GET of RustyDB REST paths as JSON, with the failures a check reports: unreachable, timeout, HTTP error, bad JSON. */

export class CheckFailure extends Error {
  constructor(
    readonly status: Status,
    message: string
  ) {
    super(message);
  }
}

export interface Client {
  get(path: string): Promise<unknown>;
}

export interface ClientOptions {
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`; never part of any message. */
  token?: string;
  /** Aborts every request of the check (the check's deadline). */
  signal: AbortSignal;
  timeoutSeconds: number;
}

function errorDetail(body: string): string {
  try {
    const parsed = JSON.parse(body) as { code?: unknown; message?: unknown };
    if (typeof parsed.code === 'string' && typeof parsed.message === 'string') {
      return ` ${parsed.code}: ${parsed.message}`;
    }
  } catch {
    // Not RustyDB's ApiError (axum's plain-text errors, a proxy's HTML page): the status says enough.
  }
  return '';
}

function networkReason(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message;
}

export function createClient({ baseUrl, token, signal, timeoutSeconds }: ClientOptions): Client {
  const root = baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token) {
    headers.authorization = `Bearer ${token}`;
  }
  const timedOut = (url: string) => new CheckFailure('CRITICAL', `no answer from ${url} within ${timeoutSeconds}s`);

  return {
    async get(path) {
      const url = root + path;
      let body: string;
      let status: number;
      try {
        const response = await fetch(url, { headers, signal });
        status = response.status;
        body = await response.text();
      } catch (error) {
        if (signal.aborted) {
          throw timedOut(url);
        }
        throw new CheckFailure('CRITICAL', `cannot reach ${url}: ${networkReason(error)}`);
      }
      if (status < 200 || status > 299) {
        throw new CheckFailure('CRITICAL', `${url} answered HTTP ${status}${errorDetail(body)}`);
      }
      try {
        return JSON.parse(body);
      } catch {
        throw new CheckFailure('UNKNOWN', `${url} answered HTTP ${status} with a body that is not JSON`);
      }
    },
  };
}
