import { NEVER } from 'rxjs';
import { grafanaBackendSrv, jsonAnswer, UpstreamAnswer } from '../../../tests/grafana/backendSrv';
import { fakeFetch, PROXY } from '../testing/fakes';
import { fixture } from '../testing/fixtures';
import { RustyDBError } from './errors';
import { proxyGet } from './http';

const PATH = '/api/v1/stats/performance';
const SERVER = 'http://rustydb:8080';

/** One GET through a model of Grafana (frontend and data-source proxy) in front of a RustyDB that answers `answer`. */
function viaGrafana(answer: UpstreamAnswer, path = PATH, timeoutMs = 5000) {
  const grafana = grafanaBackendSrv({ jsonData: { serverUrl: SERVER }, upstream: () => answer, proxyTimeoutMs: 10 });
  const result = proxyGet(
    { routeBase: `${grafana.base}/anon`, serverUrl: SERVER, timeoutMs, fetch: grafana.fetch },
    path
  );
  return { result, grafana };
}

async function failure(answer: UpstreamAnswer, path = PATH): Promise<RustyDBError> {
  const err = await viaGrafana(answer, path).result.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RustyDBError);
  return err as RustyDBError;
}

const text = (body: string, status: number, type = 'text/plain; charset=utf-8'): UpstreamAnswer => ({
  status,
  headers: { 'content-type': type },
  body,
});
const bare = (status: number): UpstreamAnswer => ({ status, body: '' });
const apiError = (status: number, code: string, message: string) =>
  jsonAnswer({ code, message, details: null, timestamp: 1, request_id: null }, status);

describe('proxyGet', () => {
  it('GETs the path through the proxy route and returns the JSON body', async () => {
    const { fetch, calls } = fakeFetch(() => ({ data: { cpu_usage_percent: 7.3 } }));
    const result = proxyGet({ routeBase: `${PROXY}/anon`, serverUrl: SERVER, timeoutMs: 5000, fetch }, PATH);
    await expect(result).resolves.toEqual({ cpu_usage_percent: 7.3 });
    expect(calls).toEqual([`${PROXY}/anon${PATH}`]);
    expect(fetch.mock.calls[0][0]).toMatchObject({ method: 'GET', showErrorAlert: false });
    // Credentials are added by Grafana's proxy route, never by the browser.
    expect(fetch.mock.calls[0][0].headers).toBeUndefined();
  });

  it('keeps a JSON null body for the parser to judge', async () => {
    await expect(viaGrafana(jsonAnswer(null)).result).resolves.toBeNull();
  });

  it('unsubscribes from Grafana (which aborts the request) when its signal aborts', async () => {
    const grafana = grafanaBackendSrv({
      jsonData: { serverUrl: SERVER },
      upstream: () => ({ ...jsonAnswer({}), delayMs: 60_000 }),
    });
    const controller = new AbortController();
    const result = proxyGet(
      { routeBase: `${grafana.base}/anon`, serverUrl: SERVER, timeoutMs: 5000, fetch: grafana.fetch },
      PATH,
      controller.signal
    ).catch((e: unknown) => e);
    controller.abort(new RustyDBError('cancelled', 'gone'));
    expect(await result).toMatchObject({ kind: 'cancelled' });
    expect(grafana.aborted).toBe(1);
    expect(grafana.queue.inFlight).toBe(0);
  });
});

describe('bad input as Grafana delivers it: each failure names the cause and a remedy', () => {
  const cases: Array<[string, UpstreamAnswer, string, RegExp, string?]> = [
    [
      'connection refused (the proxy answers 502 with an empty body)',
      { fault: 'unreachable' },
      'unreachable',
      /Grafana could not reach RustyDB at http:\/\/rustydb:8080 \(HTTP 502.*Check that RustyDB is running/,
    ],
    [
      'RustyDB too slow for the proxy (504, empty body)',
      { fault: 'timeout' },
      'timeout',
      /did not answer .* before Grafana's data-source proxy timed out \(HTTP 504\)/,
    ],
    [
      'connection cut mid-body (a network error in the browser)',
      { fault: 'cut' },
      'unreachable',
      /did not reach the browser \(network error\).*connection broke.*Check your network connection/,
    ],
    [
      '401 ApiError: Grafana turns it into 400 "Authentication to data source failed"',
      jsonAnswer(fixture('error-unauthorized.json'), 401),
      'unauthorized',
      /refused the credentials .*answered 401, which Grafana's data-source proxy reports as HTTP 400 "Authentication to data source failed"\. Set a valid bearer token or API key/,
    ],
    [
      '400 ApiError',
      apiError(400, 'INVALID_INPUT', 'limit must be at most 1000'),
      'badRequest',
      /rejected the request for .* as invalid \(HTTP 400: INVALID_INPUT: limit must be at most 1000\)\. Check the query's ids/,
    ],
    [
      '403',
      apiError(403, 'FORBIDDEN', 'Insufficient role'),
      'forbidden',
      /denied access to \/api\/v1\/stats\/performance \(HTTP 403: FORBIDDEN: Insufficient role\)\. Use credentials/,
    ],
    [
      '404 ApiError on a path with an id',
      jsonAnswer(fixture('error-pool-not-found.json'), 404),
      'notFound',
      /found nothing .*HTTP 404: NOT_FOUND: Pool 'analytics' not found\)\. Check the id/,
      '/api/v1/pools/analytics/stats',
    ],
    [
      '404 with no body on a path without an id: the URL, not an id',
      bare(404),
      'notFound',
      /^\/api\/v1\/stats\/performance does not exist on the server at http:\/\/rustydb:8080 \(HTTP 404\)\. Check that the server URL is RustyDB's REST root/,
    ],
    [
      '404 {error} body on a networking path with an id',
      jsonAnswer(fixture('error-network-node-not-found.json'), 404),
      'notFound',
      /HTTP 404: "Node node-7 not found"\)\. Check the id/,
      '/api/v1/cluster/nodes/node-7',
    ],
    ['405', bare(405), 'methodNotAllowed', /does not answer GET on \/api\/v1\/stats\/performance \(HTTP 405\)/],
    ['408', bare(408), 'timeout', /gave up on .* after its own 30 s limit \(HTTP 408\)/],
    ['413', text('length limit exceeded', 413), 'tooLarge', /rejected the request .* as too large \(HTTP 413\)/],
    [
      '500 ApiError',
      apiError(500, 'DATABASE_ERROR', 'disk full'),
      'server',
      /RustyDB failed on \/api\/v1\/stats\/performance \(HTTP 500: DATABASE_ERROR: disk full\)\. Check RustyDB's logs/,
    ],
    [
      '500 plain text (Grafana wraps it as {message, error, response})',
      text('thread panicked at src/api/rest/types.rs:876', 500),
      'server',
      /HTTP 500: "thread panicked at src\/api\/rest\/types.rs:876"\)\. Check RustyDB's logs/,
    ],
    ['500 with no body', bare(500), 'server', /RustyDB failed on \S+ \(HTTP 500\)\. Check RustyDB's logs/],
    [
      '500 rate limited (after retries)',
      jsonAnswer(fixture('error-rate-limit-exceeded.json'), 500),
      'rateLimited',
      /throttling requests \(HTTP 500 RATE_LIMIT_EXCEEDED.*100 requests per second/,
    ],
    [
      '429 (documented API, proxies)',
      apiError(429, 'RATE_LIMITED', 'Too many requests'),
      'rateLimited',
      /throttling requests \(HTTP 429: v0\.6\.5 allows/,
    ],
    [
      'an unexpected status',
      bare(418),
      'server',
      /answered \/api\/v1\/stats\/performance with HTTP 418, which this data source does not expect\. Check that the server URL/,
    ],
    [
      'HTML page (200)',
      text('<!DOCTYPE html><html><head><title>Grafana</title></head></html>', 200, 'text/html; charset=utf-8'),
      'wrongService',
      /answered \/api\/v1\/stats\/performance with an HTML page \(HTTP 200\).*Set it to RustyDB's REST root/,
    ],
    [
      'HTML error page (404 from a web server, arriving as data.message)',
      text('<html><body>Not Found</body></html>', 404, 'text/html'),
      'wrongService',
      /with an HTML page \(HTTP 404\)/,
    ],
    [
      'empty body with a JSON content type (Grafana gives {})',
      { status: 200, headers: { 'content-type': 'application/json' }, body: '' },
      'badResponse',
      /empty response for \/api\/v1\/stats\/performance \(HTTP 200; Grafana shows an empty JSON answer as \{\}\)/,
    ],
    ['empty body, no content type', bare(200), 'badResponse', /empty response for \/api\/v1\/stats\/performance/],
    [
      'truncated JSON with a JSON content type (a SyntaxError with no status)',
      { status: 200, headers: { 'content-type': 'application/json' }, body: '{"cpu_usage_percent": 7.3, "memory_us' },
      'badResponse',
      /answer for \/api\/v1\/stats\/performance is not valid JSON although it says it is .*cut off on the way/,
    ],
    [
      'truncated JSON with a charset (not parsed as JSON by Grafana: text)',
      text('{"cpu_usage_percent": 7.3, "memory_us', 200, 'application/json; charset=utf-8'),
      'badResponse',
      /not valid JSON: it stops or breaks after 37 characters.*cut off/,
    ],
    ['plain text (200)', text('OK', 200), 'badResponse', /answered with text, not JSON \("OK"\)/],
  ];

  // A rest parameter keeps Jest from taking a fifth parameter for `done` on the rows without a path.
  it.each(cases)('%s', async (...row) => {
    const [, answer, kind, message, path] = row;
    const err = await failure(answer, path);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
    expect(err.message).not.toMatch(/undefined|\[object Object\]|null/);
  });

  it('times out a request that never answers, with advice', async () => {
    jest.useFakeTimers();
    try {
      const { fetch } = fakeFetch(() => NEVER);
      const result = proxyGet({ routeBase: `${PROXY}/anon`, serverUrl: SERVER, timeoutMs: 2000, fetch }, PATH);
      const settled = result.catch((e: unknown) => e);
      await jest.advanceTimersByTimeAsync(2000);
      const err = (await settled) as RustyDBError;
      expect(err.kind).toBe('timeout');
      expect(err.message).toMatch(/did not answer \/api\/v1\/stats\/performance within 2 s.*raise the timeout/);
    } finally {
      jest.useRealTimers();
    }
  });

  it('quotes at most a short excerpt of a long error body', async () => {
    const long = await failure(text('x'.repeat(5000), 500));
    expect(long.message.length).toBeLessThan(400);
    const html = await failure(text(`<html><body>${'<p>x</p>'.repeat(20_000)}</body></html>`, 500, 'text/html'));
    expect(html.kind).toBe('wrongService');
    expect(html.message.length).toBeLessThan(400);
    const apiLong = await failure(apiError(500, 'INTERNAL_ERROR', 'y'.repeat(100_000)));
    expect(apiLong.message.length).toBeLessThan(500);
  });
});
