/**
 * HTTP behaviour outside the handlers: axum's plain-text and empty rejections, the `page_size=0` panic, and the
 * rate limiter (v0.6.5: 100 requests per second and key, answered 500 RATE_LIMIT_EXCEEDED).
 */
import type { RunningSimulator } from '../types';
import { closeAll, fixture, FIXTURE_MS, get, getJson, start } from './harness';

afterAll(closeAll);

describe.each(['documented', 'v0.6.5'] as const)('axum rejections (%s)', (profile) => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await start({ profile, now: () => FIXTURE_MS, rateLimitPerSecond: 10_000 });
  });

  it.each([
    '/',
    '/metrics',
    '/api/v1/health',
    '/api/v1/monitoring/metrics',
    '/api/v1/pools/',
    '/api/v1/pools/default/stats/x',
  ])('unknown path %s is 404 with an empty body', async (path) => {
    const r = await get(sim.url, path);
    expect([r.status, r.text, r.headers.get('content-type')]).toEqual([404, '', null]);
  });

  it('a known path with another method is 405', async () => {
    const r = await get(sim.url, '/api/v1/pools', { method: 'POST' });
    expect([r.status, r.text, r.headers.get('allow')]).toEqual([405, '', 'GET,HEAD']);
  });

  it('HEAD is answered like GET, without a body', async () => {
    const r = await get(sim.url, '/api/v1/admin/health', { method: 'HEAD' });
    expect([r.status, r.text, r.headers.get('content-type')]).toEqual([200, '', 'application/json']);
  });

  it.each([
    ['/api/v1/sessions/abc', 'Invalid URL: Cannot parse `abc` to a `u64`'],
    ['/api/v1/transactions/-1', 'Invalid URL: Cannot parse `-1` to a `u64`'],
    ['/api/v1/connections/18446744073709551616', 'Invalid URL: Cannot parse `18446744073709551616` to a `u64`'],
    ['/api/v1/connections?page=abc', 'Failed to deserialize query string: page: invalid digit found in string'],
    [
      '/api/v1/security/audit/logs?limit=-5',
      'Failed to deserialize query string: limit: invalid digit found in string',
    ],
  ])('%s is 400 plain text', async (path, message) => {
    const r = await get(sim.url, path);
    expect([r.status, r.text, r.headers.get('content-type')]).toEqual([400, message, 'text/plain; charset=utf-8']);
  });

  it('ignores query strings on handlers without a Query extractor', async () => {
    expect((await get(sim.url, '/api/v1/stats/performance?timeRange=garbage')).status).toBe(200);
  });

  it('decodes path ids', async () => {
    const r = await get(sim.url, '/api/v1/pools/no%20such');
    expect(JSON.parse(r.text).message).toBe("Pool 'no such' not found");
  });
});

describe('v0.6.5 quirks', () => {
  it('drops the connection on /sessions?page_size=0 (division by zero, no CatchPanicLayer)', async () => {
    const sim = await start({ profile: 'v0.6.5', now: () => FIXTURE_MS });
    await expect(fetch(`${sim.url}/api/v1/sessions?page_size=0`)).rejects.toThrow();
    expect((await get(sim.url, '/api/v1/sessions?page_size=1')).status).toBe(200);
  });
});

describe('rate limit', () => {
  /** Fires `n` requests at once; the tests hold the rate limit's clock, so they fall in one window on any machine. */
  async function burst(sim: RunningSimulator, n: number, headers: Record<string, string> = {}) {
    return Promise.all(Array.from({ length: n }, () => get(sim.url, '/api/v1/admin/health', { headers })));
  }

  it('v0.6.5: the 101st request within a second gets 500 RATE_LIMIT_EXCEEDED, without headers', async () => {
    const sim = await start({ profile: 'v0.6.5', now: () => FIXTURE_MS, rateLimitClock: () => 0 });
    const answers = await burst(sim, 100);
    expect(answers.every((a) => a.status === 200)).toBe(true);
    const limited = await get(sim.url, '/api/v1/admin/health');
    expect(limited.status).toBe(500);
    expect(JSON.parse(limited.text)).toEqual(fixture('error-rate-limit-exceeded.json'));
    expect(limited.headers.get('retry-after')).toBeNull();
    // A client with its own X-Forwarded-For has its own bucket.
    expect((await get(sim.url, '/api/v1/admin/health', { headers: { 'x-forwarded-for': '10.9.9.9' } })).status).toBe(
      200
    );
  });

  it('v0.6.5: does not count rejected requests, and lets traffic through again after the window', async () => {
    let windowMs = 0;
    const sim = await start({
      profile: 'v0.6.5',
      now: () => FIXTURE_MS,
      rateLimitPerSecond: 5,
      rateLimitClock: () => windowMs,
    });
    const statuses = (await burst(sim, 8, { 'x-forwarded-for': 'grafana' })).map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(statuses.filter((s) => s === 500)).toHaveLength(3);
    windowMs = 1100;
    const metrics = await getJson<{ metrics: Record<string, { value: number }> }>(sim.url, '/api/v1/metrics');
    expect(metrics.metrics.total_requests.value).toBe(5);
  });

  it('documented: unlimited by default', async () => {
    const sim = await start({ profile: 'documented', now: () => FIXTURE_MS });
    expect((await burst(sim, 150)).every((a) => a.status === 200)).toBe(true);
  });

  it('documented with a limit: 429 RATE_LIMITED with Retry-After, as the guide describes', async () => {
    const sim = await start({
      profile: 'documented',
      now: () => FIXTURE_MS,
      rateLimitPerSecond: 3,
      rateLimitClock: () => 0,
    });
    const answers = await burst(sim, 4);
    const limited = answers.find((a) => a.status !== 200)!;
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect(JSON.parse(limited.text)).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
