import { ENDPOINTS } from '../../rustydb/api/endpoints';

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
  | 'badRequest'
  | 'cancelled'
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

/** What Grafana's data-source proxy answers in place of an upstream 401 (pkg/api/pluginproxy/ds_proxy.go). */
const GRAFANA_AUTH_FAILED = 'Authentication to data source failed';
/** What Grafana's processRequestError puts in `data.message` when the answer had no body to say anything. */
const GRAFANA_NO_MESSAGE = 'Unexpected error';

/** Paths of the endpoints that take an id: a 404 there means the id, elsewhere the URL or the RustyDB version. */
const ID_PATHS = Object.values(ENDPOINTS)
  .map((e) => e.path)
  .filter((path) => path.includes('{id}'))
  .map((path) => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace('{id}', '[^/]+')}$`));

const takesId = (path: string) => ID_PATHS.some((re) => re.test(path.split('?')[0]));

/**
 * What the body of an error answer says, as Grafana hands it over: RustyDB's `ApiError {code, message}`, the
 * networking router's `{error}`, or text. Grafana's `processRequestError` wraps a text body as
 * `{message: body, error: statusText, response: body}` and fills a missing message from the status text or with
 * "Unexpected error"; those fillers say nothing about RustyDB and are dropped.
 */
interface ErrorBody {
  code?: string;
  text?: string;
  html: boolean;
}

function errorBodyOf(data: unknown, statusText?: string): ErrorBody {
  if (typeof data === 'string') {
    return { text: data.trim() || undefined, html: looksLikeHtml(data) };
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    return { html: false };
  }
  const body = data as Record<string, unknown>;
  if (typeof body.response === 'string') {
    return errorBodyOf(body.response);
  }
  const code = typeof body.code === 'string' ? body.code : undefined;
  const message =
    typeof body.message === 'string' ? body.message : typeof body.error === 'string' ? body.error : undefined;
  const filler = !code && (message === GRAFANA_NO_MESSAGE || (message !== undefined && message === statusText));
  if (!message || filler) {
    return { code, html: false };
  }
  return { code, text: message, html: looksLikeHtml(message) };
}

const where = ({ serverUrl }: FailureContext) => (serverUrl ? ` at ${serverUrl}` : '');

/** v0.6.5 throttles with HTTP 500 `RATE_LIMIT_EXCEEDED`; the documented API (and proxies) with 429. */
function isRateLimit(status: number, body: ErrorBody): boolean {
  return status === 429 || (status === 500 && body.code === 'RATE_LIMIT_EXCEEDED');
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

/** The body's words as the end of a "(HTTP 500…)" parenthesis: code and message, or a quoted excerpt of text. */
function bodyDetail({ code, text }: ErrorBody): string {
  if (!text) {
    return code ? `: ${code}` : '';
  }
  return code ? `: ${code}: ${excerpt(text)}` : `: "${excerpt(text)}"`;
}

/** Turns what `getBackendSrv().fetch` threw into a RustyDBError with advice. */
export function classifyFailure(err: unknown, ctx: FailureContext): RustyDBError {
  if (err instanceof RustyDBError) {
    return err;
  }
  if (isFetchErrorLike(err) && (err.cancelled || err.status === -1)) {
    return new RustyDBError(
      'cancelled',
      `Grafana cancelled the request for ${ctx.path} before it was answered (a newer refresh replaced it). Refresh the ` +
        'panel if it stays empty.'
    );
  }
  if (!isFetchErrorLike(err)) {
    const name = err instanceof Error ? err.name : '';
    const reason = err instanceof Error ? err.message : typeof err === 'string' ? err : 'no details';
    if (name === 'SyntaxError') {
      // backendSrv's parseResponseBody: `response.json()` fails on a JSON content type whose body does not parse.
      return new RustyDBError(
        'badResponse',
        `RustyDB's answer for ${ctx.path} is not valid JSON although it says it is (the browser reports: ` +
          `${excerpt(reason)}): it was cut off on the way or RustyDB sent a broken body. Retry; if it persists, check ` +
          "RustyDB's logs and any proxy between Grafana and RustyDB."
      );
    }
    return new RustyDBError(
      'unreachable',
      `The answer for ${ctx.path} did not reach the browser (${excerpt(reason)}): Grafana's server could not be ` +
        'reached, or the connection broke while the answer was on its way. Check your network connection to Grafana ' +
        'and retry.'
    );
  }
  return classifyStatus(err.status, errorBodyOf(err.data, err.statusText), ctx);
}

function classifyStatus(status: number, body: ErrorBody, ctx: FailureContext): RustyDBError {
  const { path } = ctx;
  const detail = bodyDetail(body);
  if (isRateLimit(status, body)) {
    return rateLimited(status);
  }
  if (body.html && status !== 502 && status !== 504) {
    return wrongService(status, ctx);
  }
  switch (status) {
    case 400:
      return body.text === GRAFANA_AUTH_FAILED
        ? new RustyDBError(
            'unauthorized',
            `RustyDB refused the credentials for ${path}: it answered 401, which Grafana's data-source proxy reports ` +
              `as HTTP 400 "${GRAFANA_AUTH_FAILED}". ${CREDENTIALS_REMEDY}`,
            status
          )
        : new RustyDBError(
            'badRequest',
            `RustyDB rejected the request for ${path} as invalid (HTTP 400${detail}). Check the query's ids, filters ` +
              'and variable values.',
            status
          );
    case 401:
      return new RustyDBError(
        'unauthorized',
        `RustyDB refused the credentials for ${path} (HTTP 401${detail}). ${CREDENTIALS_REMEDY}`,
        status
      );
    case 403:
      return new RustyDBError(
        'forbidden',
        `RustyDB denied access to ${path} (HTTP 403${detail}). Use credentials allowed to read this endpoint.`,
        status
      );
    case 404:
      return takesId(path)
        ? new RustyDBError(
            'notFound',
            `RustyDB found nothing at ${path} (HTTP 404${detail}). Check the id, or the variable that sets it.`,
            status
          )
        : new RustyDBError(
            'notFound',
            `${path} does not exist on the server${where(ctx)} (HTTP 404${detail}). Check that the server URL is ` +
              "RustyDB's REST root (e.g. http://host:8080, without /api/v1) and that this RustyDB version has the endpoint.",
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
  return status >= 500
    ? new RustyDBError(
        'server',
        `RustyDB failed on ${path} (HTTP ${status}${detail}). Check RustyDB's logs; the panel asks again at its next refresh.`,
        status
      )
    : new RustyDBError(
        'server',
        `RustyDB answered ${path} with HTTP ${status}${detail}, which this data source does not expect. Check that the ` +
          "server URL points at RustyDB's REST API and look at RustyDB's logs.",
        status
      );
}

const CREDENTIALS_REMEDY =
  'Set a valid bearer token or API key under Authentication in the data source settings (RustyDB v0.6.5 only ' +
  'checks them on /admin and /cluster routes, and only with auth enabled).';

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
    // backendSrv's parseResponseBody turns an empty body with a JSON content type into {}; RustyDB never answers {}.
    if (data === undefined || (isPlainObject(data) && Object.keys(data).length === 0)) {
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

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

function emptyBody(status: number, ctx: FailureContext): never {
  throw new RustyDBError(
    'badResponse',
    `RustyDB sent an empty response for ${ctx.path} (HTTP ${status}; Grafana shows an empty JSON answer as {}) where ` +
      'data was expected. Check that the server URL points at RustyDB and that nothing between Grafana and RustyDB ' +
      'strips response bodies.',
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
