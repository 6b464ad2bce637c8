export type RustyDBErrorKind =
  | 'unreachable'
  | 'timeout'
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'methodNotAllowed'
  | 'tooLarge'
  | 'rateLimited'
  | 'server'
  | 'wrongService'
  | 'badResponse'
  | 'invalidQuery';

/**
 * An error the operator can act on: what went wrong and what to do about it. Messages name the path and the server
 * URL (plain settings), never request headers: the credentials live on Grafana's server and never reach this code.
 */
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

/** What a failure is about, for the messages. */
export interface FailureContext {
  path: string;
  /** `jsonData.serverUrl`; not a secret. */
  serverUrl?: string;
}

/** The `FetchError` shape `getBackendSrv().fetch` throws (checked structurally so this module needs no runtime). */
interface FetchErrorLike {
  status: number;
  statusText?: string;
  data?: unknown;
  cancelled?: boolean;
}

function isFetchErrorLike(err: unknown): err is FetchErrorLike {
  return typeof err === 'object' && err !== null && typeof (err as FetchErrorLike).status === 'number';
}

const QUOTE_LIMIT = 160;

/** A short, single-line excerpt of a response body for a message. */
export function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > QUOTE_LIMIT ? `${line.slice(0, QUOTE_LIMIT)}…` : line;
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(text);
}

/** The fields RustyDB's error bodies carry: `ApiError {code, message}` or the networking router's `{error}`. */
function apiErrorOf(data: unknown): { code?: string; message?: string } {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return {};
  }
  const body = data as Record<string, unknown>;
  const code = typeof body.code === 'string' ? body.code : undefined;
  const message =
    typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
  return { code, message };
}

const where = ({ serverUrl }: FailureContext) => (serverUrl ? ` at ${serverUrl}` : '');

/** v0.6.5 throttles with HTTP 500 `RATE_LIMIT_EXCEEDED`; the documented API (and proxies) with 429. */
function isRateLimit(status: number, data: unknown): boolean {
  return status === 429 || (status === 500 && apiErrorOf(data).code === 'RATE_LIMIT_EXCEEDED');
}

function rateLimited(status: number): RustyDBError {
  return new RustyDBError(
    'rateLimited',
    `RustyDB is throttling requests (HTTP ${status}${status === 500 ? ' RATE_LIMIT_EXCEEDED' : ''}: v0.6.5 allows 100 ` +
      'requests per second for all clients together), and retrying did not help. Refresh dashboards less often, use ' +
      'fewer panels, or poll live queries more slowly.',
    status
  );
}

/** What the body of an error response says, as a sentence ending. */
function bodyDetail(data: unknown): string {
  const { code, message } = apiErrorOf(data);
  if (message) {
    return code ? `: ${code}: ${message}` : `: ${message}`;
  }
  if (typeof data === 'string' && data.trim() !== '' && !looksLikeHtml(data)) {
    return `: "${excerpt(data)}"`;
  }
  return '';
}

/** Turns what `getBackendSrv().fetch` threw into a RustyDBError with advice. */
export function classifyFailure(err: unknown, ctx: FailureContext): RustyDBError {
  if (err instanceof RustyDBError) {
    return err;
  }
  if (!isFetchErrorLike(err)) {
    const reason = err instanceof Error ? err.message : String(err);
    return new RustyDBError(
      'unreachable',
      `The request for ${ctx.path} did not reach Grafana's server (${excerpt(reason)}). Check your network connection to Grafana.`
    );
  }
  return classifyStatus(err.status, err.data, ctx, err.statusText);
}

function classifyStatus(status: number, data: unknown, ctx: FailureContext, statusText?: string): RustyDBError {
  const { path } = ctx;
  const detail = bodyDetail(data);
  if (isRateLimit(status, data)) {
    return rateLimited(status);
  }
  if (typeof data === 'string' && looksLikeHtml(data) && status !== 502 && status !== 504) {
    return wrongService(status, ctx);
  }
  switch (status) {
    case 401:
      return new RustyDBError(
        'unauthorized',
        `RustyDB refused the credentials for ${path} (HTTP 401${detail}). Set a valid bearer token or API key under ` +
          'Authentication in the data source settings (RustyDB v0.6.5 only checks them on /admin and /cluster routes, and only with auth enabled).',
        status
      );
    case 403:
      return new RustyDBError(
        'forbidden',
        `RustyDB denied access to ${path} (HTTP 403${detail}). Use credentials allowed to read this endpoint.`,
        status
      );
    case 404:
      return detail
        ? new RustyDBError(
            'notFound',
            `RustyDB found nothing at ${path} (HTTP 404${detail}). Check the id or variable value.`,
            status
          )
        : new RustyDBError(
            'notFound',
            `${path} does not exist on the server${where(ctx)} (HTTP 404). Check that the server URL is RustyDB's REST ` +
              'root (e.g. http://host:8080, without /api/v1) and that this RustyDB version has the endpoint.',
            status
          );
    case 405:
      return new RustyDBError(
        'methodNotAllowed',
        `RustyDB does not answer GET on ${path} (HTTP 405): it is not a read endpoint. Pick a GET path from the API.`,
        status
      );
    case 408:
      return new RustyDBError(
        'timeout',
        `RustyDB gave up on ${path} after its own 30 s limit (HTTP 408). The server is overloaded; retry later or check its load.`,
        status
      );
    case 413:
      return new RustyDBError(
        'tooLarge',
        `RustyDB rejected the request for ${path} as too large (HTTP 413). Shorten the path or its query string.`,
        status
      );
    case 502:
    case 503:
      return new RustyDBError(
        'unreachable',
        `Grafana could not reach RustyDB${where(ctx)} (HTTP ${status} from Grafana's data-source proxy). Check that ` +
          'RustyDB is running and that the server URL (host and port, 8080 by default) is reachable from the Grafana server.',
        status
      );
    case 504:
      return new RustyDBError(
        'timeout',
        `RustyDB${where(ctx)} did not answer ${path} before Grafana's data-source proxy timed out (HTTP 504). ` +
          'Check the server load and the network between Grafana and RustyDB.',
        status
      );
  }
  const text = detail || (statusText ? `: ${statusText}` : '');
  return new RustyDBError('server', `RustyDB failed on ${path} (HTTP ${status}${text}).`, status);
}

function wrongService(status: number, ctx: FailureContext): RustyDBError {
  return new RustyDBError(
    'wrongService',
    `The server${where(ctx)} answered ${ctx.path} with an HTML page (HTTP ${status}), not RustyDB's JSON: the server URL ` +
      "points at a web UI or another service. Set it to RustyDB's REST root, e.g. http://rustydb-host:8080.",
    status
  );
}

/**
 * Checks a successful (2xx) body. Grafana's backendSrv hands over the raw text whenever the body is not JSON, so
 * strings here are HTML pages, plain text, empty bodies or JSON cut off in transit.
 */
export function checkBody(data: unknown, status: number, ctx: FailureContext): unknown {
  if (typeof data !== 'string') {
    if (data === undefined) {
      return emptyBody(status, ctx);
    }
    return data;
  }
  if (data.trim() === '') {
    return emptyBody(status, ctx);
  }
  if (looksLikeHtml(data)) {
    throw wrongService(status, ctx);
  }
  if (/^\s*[[{]/.test(data)) {
    throw new RustyDBError(
      'badResponse',
      `RustyDB's answer for ${ctx.path} is not valid JSON: it stops or breaks after ${data.length} characters, so the ` +
        'response was probably cut off on the way. Retry, and check proxies between Grafana and RustyDB if it persists.',
      status
    );
  }
  throw new RustyDBError(
    'badResponse',
    `${ctx.path} answered with text, not JSON ("${excerpt(data)}"). Check that the server URL points at RustyDB's REST API.`,
    status
  );
}

function emptyBody(status: number, ctx: FailureContext): never {
  throw new RustyDBError(
    'badResponse',
    `RustyDB sent an empty response for ${ctx.path} (HTTP ${status}) where JSON was expected. Check that the server URL ` +
      'points at RustyDB and that nothing between Grafana and RustyDB strips response bodies.',
    status
  );
}

/** The message of anything thrown, for a panel error. */
export function messageOf(err: unknown): string {
  if (err instanceof Error) {
    return err.message;
  }
  return String(err);
}
