import { NEVER } from 'rxjs';
import { fakeFetch, FakeAnswer, PROXY } from '../testing/fakes';
import { fixture } from '../testing/fixtures';
import { RustyDBError } from './errors';
import { proxyGet } from './http';

const PATH = '/api/v1/stats/performance';

function get(answer: FakeAnswer | typeof NEVER, timeoutMs = 5000) {
  const { fetch, calls } = fakeFetch(() => answer);
  const result = proxyGet({ routeBase: `${PROXY}/anon`, serverUrl: 'http://rustydb:8080', timeoutMs, fetch }, PATH);
  return { result, calls, fetch };
}

async function failure(answer: FakeAnswer): Promise<RustyDBError> {
  const err = await get(answer).result.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(RustyDBError);
  return err as RustyDBError;
}

describe('proxyGet', () => {
  it('GETs the path through the proxy route and returns the JSON body', async () => {
    const { result, calls, fetch } = get({ data: { cpu_usage_percent: 7.3 } });
    await expect(result).resolves.toEqual({ cpu_usage_percent: 7.3 });
    expect(calls).toEqual([`${PROXY}/anon${PATH}`]);
    expect(fetch.mock.calls[0][0]).toMatchObject({ method: 'GET', showErrorAlert: false });
    // Credentials are added by Grafana's proxy route, never by the browser.
    expect(fetch.mock.calls[0][0].headers).toBeUndefined();
  });

  it('keeps a JSON null body for the parser to judge', async () => {
    await expect(get({ data: null }).result).resolves.toBeNull();
  });
});

describe('bad input: transport failures each get a clear message', () => {
  const cases: Array<[string, FakeAnswer, string, RegExp]> = [
    [
      'connection refused (Grafana proxy 502)',
      { status: 502, statusText: 'Bad Gateway', data: '' },
      'unreachable',
      /Grafana could not reach RustyDB at http:\/\/rustydb:8080 \(HTTP 502.*Check that RustyDB is running/,
    ],
    [
      'proxy timeout (504)',
      { status: 504, statusText: 'Gateway Timeout', data: '' },
      'timeout',
      /did not answer .* before Grafana's data-source proxy timed out \(HTTP 504\)/,
    ],
    [
      'browser cannot reach Grafana',
      { networkError: 'Failed to fetch' },
      'unreachable',
      /did not reach Grafana's server \(Failed to fetch\)/,
    ],
    [
      '401 ApiError',
      { status: 401, data: fixture('error-unauthorized.json') },
      'unauthorized',
      /refused the credentials .*HTTP 401: UNAUTHORIZED: Authentication required.*Set a valid bearer token or API key/,
    ],
    [
      '403',
      {
        status: 403,
        data: { code: 'FORBIDDEN', message: 'Insufficient role', details: null, timestamp: 1, request_id: null },
      },
      'forbidden',
      /denied access to \/api\/v1\/stats\/performance \(HTTP 403: FORBIDDEN: Insufficient role\)/,
    ],
    [
      '404 ApiError',
      { status: 404, data: fixture('error-pool-not-found.json') },
      'notFound',
      /found nothing .*HTTP 404: NOT_FOUND: Pool 'analytics' not found\)\. Check the id/,
    ],
    [
      '404 with no body (unknown route)',
      { status: 404, data: '' },
      'notFound',
      /does not exist on the server at http:\/\/rustydb:8080 \(HTTP 404\)\. Check that the server URL is RustyDB's REST root/,
    ],
    [
      '404 {error} body',
      { status: 404, data: fixture('error-network-node-not-found.json') },
      'notFound',
      /HTTP 404: Node node-7 not found/,
    ],
    [
      '405',
      { status: 405, data: '' },
      'methodNotAllowed',
      /does not answer GET on \/api\/v1\/stats\/performance \(HTTP 405\)/,
    ],
    ['408', { status: 408, data: '' }, 'timeout', /gave up on .* after its own 30 s limit \(HTTP 408\)/],
    [
      '413',
      { status: 413, data: 'length limit exceeded' },
      'tooLarge',
      /rejected the request .* as too large \(HTTP 413\)/,
    ],
    [
      '500 ApiError',
      {
        status: 500,
        data: { code: 'DATABASE_ERROR', message: 'disk full', details: null, timestamp: 1, request_id: null },
      },
      'server',
      /RustyDB failed on \/api\/v1\/stats\/performance \(HTTP 500: DATABASE_ERROR: disk full\)/,
    ],
    [
      '500 plain text',
      { status: 500, data: 'thread panicked at src/api/rest/types.rs:876' },
      'server',
      /HTTP 500: "thread panicked at src\/api\/rest\/types.rs:876"/,
    ],
    [
      '500 rate limited (after retries)',
      { status: 500, data: fixture('error-rate-limit-exceeded.json') },
      'rateLimited',
      /throttling requests \(HTTP 500 RATE_LIMIT_EXCEEDED.*100 requests per second/,
    ],
    [
      '429 (documented API, proxies)',
      {
        status: 429,
        data: { code: 'RATE_LIMITED', message: 'Too many requests', details: null, timestamp: 1, request_id: null },
      },
      'rateLimited',
      /throttling requests \(HTTP 429: v0\.6\.5 allows/,
    ],
    [
      'HTML page (200)',
      { data: '<!DOCTYPE html><html><head><title>Grafana</title></head></html>' },
      'wrongService',
      /answered \/api\/v1\/stats\/performance with an HTML page \(HTTP 200\).*Set it to RustyDB's REST root/,
    ],
    [
      'HTML page (404 from a web server)',
      { status: 404, data: '<html><body>Not Found</body></html>' },
      'wrongService',
      /with an HTML page \(HTTP 404\)/,
    ],
    ['empty body (200)', { data: '' }, 'badResponse', /empty response for \/api\/v1\/stats\/performance \(HTTP 200\)/],
    [
      'truncated JSON',
      { data: '{"cpu_usage_percent": 7.3, "memory_us' },
      'badResponse',
      /not valid JSON: it stops or breaks after 37 characters.*cut off/,
    ],
    ['malformed JSON', { data: '{cpu_usage_percent: 7.3}' }, 'badResponse', /not valid JSON/],
    ['plain text (200)', { data: 'OK' }, 'badResponse', /answered with text, not JSON \("OK"\)/],
  ];

  it.each(cases)('%s', async (_name, answer, kind, message) => {
    const err = await failure(answer);
    expect(err.kind).toBe(kind);
    expect(err.message).toMatch(message);
  });

  it('times out a request that never answers, with advice', async () => {
    jest.useFakeTimers();
    try {
      const { result } = get(NEVER, 2000);
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
    const err = await failure({ status: 500, data: 'x'.repeat(5000) });
    expect(err.message.length).toBeLessThan(400);
  });
});
