/**
 * Fault injection through `setFaults` and the control endpoint: transport faults (latency, status, broken bodies,
 * dropped connections) scoped by path, and value faults that show in REST and the exposition alike.
 */
import { PROMETHEUS_PATH } from '../../src/rustydb/api/endpoints';
import type { HealthResponse, PerformanceDataResponse, PoolStatsResponse } from '../../src/rustydb/api/types';
import type { Faults, RunningSimulator } from '../types';
import { AFTERNOON_MS, closeAll, FIXTURE_MS, get, getJson, sampleValue, scrape, start } from './harness';

afterAll(closeAll);

const HEALTH = '/api/v1/admin/health';

async function postFaults(sim: RunningSimulator, body: string, method = 'POST') {
  return get(sim.url, '/__sim/faults', { method, body, headers: { 'content-type': 'application/json' } });
}

describe('control endpoint', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await start({ now: () => AFTERNOON_MS });
  });

  afterEach(() => sim.clearFaults());

  it('sets, shows and clears faults', async () => {
    const set = await postFaults(sim, JSON.stringify({ cpuPercent: 95, pathPattern: '^/api/v1/stats' }));
    expect(set.status).toBe(200);
    expect(await getJson(sim.url, '/__sim/faults')).toEqual({ cpuPercent: 95, pathPattern: '^/api/v1/stats' });
    expect((await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance')).cpu_usage_percent).toBe(95);
    expect((await get(sim.url, '/__sim/faults', { method: 'DELETE' })).status).toBe(200);
    expect(await getJson(sim.url, '/__sim/faults')).toEqual({});
    expect((await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance')).cpu_usage_percent).not.toBe(
      95
    );
  });

  it.each([
    ['{not json', 'body is not valid JSON'],
    ['[]', 'faults must be a JSON object'],
    ['{"cpu": 95}', 'unknown fault field(s): cpu'],
    ['{"status": 99}', 'status must be a number from 200 to 599'],
    ['{"body": "garbage"}', 'body must be one of malformed, truncated, html, empty, text'],
    ['{"pathPattern": "("}', 'pathPattern is not a valid regular expression'],
    ['{"pool": {"active": 3}}', 'pool must be an object with a string id'],
    ['{"pool": {"id": "default", "active": 1.5}}', 'pool.active must be an integer'],
    ['{"health": "sick"}', 'health must be one of healthy, degraded, unhealthy'],
  ])('rejects %s with a clear 400', async (body, message) => {
    const r = await postFaults(sim, body);
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text)).toMatchObject({ code: 'INVALID_INPUT', message: expect.stringContaining(message) });
    expect(await getJson(sim.url, '/__sim/faults')).toEqual({});
  });

  it('rejects invalid faults from code too', () => {
    expect(() => sim.setFaults({ latencyMs: -1 })).toThrow('latencyMs must be a number');
  });

  it('is neither rate limited nor counted', async () => {
    const v065 = await start({ profile: 'v0.6.5', now: () => FIXTURE_MS, rateLimitPerSecond: 2 });
    for (let i = 0; i < 5; i++) {
      expect((await get(v065.url, '/__sim/faults')).status).toBe(200);
    }
    const metrics = await getJson<{ metrics: Record<string, { value: number }> }>(v065.url, '/api/v1/metrics');
    expect(metrics.metrics.total_requests.value).toBe(0);
  });
});

describe('transport faults', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await start({ now: () => AFTERNOON_MS });
  });

  afterEach(() => sim.clearFaults());

  it('adds latency', async () => {
    sim.setFaults({ latencyMs: 300 });
    const t0 = performance.now();
    expect((await get(sim.url, HEALTH)).status).toBe(200);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(290);
  });

  it('answers a chosen status with the body RustyDB would send', async () => {
    sim.setFaults({ status: 503 });
    const r = await get(sim.url, HEALTH);
    expect(r.status).toBe(503);
    expect(JSON.parse(r.text)).toEqual({
      code: 'SERVICE_UNAVAILABLE',
      message: 'Injected fault: HTTP 503',
      details: null,
      timestamp: AFTERNOON_MS / 1000,
      request_id: null,
    });
    const network = await get(sim.url, '/api/v1/network/stats');
    expect(network.status).toBe(503);
    expect(JSON.parse(network.text)).toEqual({ error: 'Injected fault: HTTP 503' });
  });

  it('breaks bodies', async () => {
    const healthy = (await get(sim.url, HEALTH)).text;
    const broken = async (body: Faults['body']) => {
      sim.setFaults({ body });
      return get(sim.url, HEALTH);
    };
    const malformed = (await broken('malformed')).text;
    expect(() => JSON.parse(malformed)).toThrow(SyntaxError);
    const truncated = (await broken('truncated')).text;
    expect(healthy.startsWith(truncated) && truncated.length < healthy.length).toBe(true);
    expect(() => JSON.parse(truncated)).toThrow(SyntaxError);
    const html = await broken('html');
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect((await broken('empty')).text).toBe('');
    const text = await broken('text');
    expect(text.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(text.text).toBe('Internal Server Error');
  });

  it('scopes transport faults with pathPattern, the exporter included', async () => {
    sim.setFaults({ status: 500, pathPattern: '^/api/v1/pools' });
    expect((await get(sim.url, '/api/v1/pools')).status).toBe(500);
    expect((await get(sim.url, HEALTH)).status).toBe(200);
    sim.setFaults({ status: 500, pathPattern: '^/metrics$' });
    expect((await get(sim.metricsUrl!)).status).toBe(500);
    expect((await get(sim.url, PROMETHEUS_PATH)).status).toBe(200);
  });

  it('goes down and comes back, while the control endpoint stays reachable', async () => {
    await postFaults(sim, JSON.stringify({ down: true }));
    await expect(fetch(sim.url + HEALTH)).rejects.toThrow();
    await expect(fetch(sim.metricsUrl!)).rejects.toThrow();
    expect((await postFaults(sim, '', 'DELETE')).status).toBe(200);
    expect((await get(sim.url, HEALTH)).status).toBe(200);
  });
});

describe('value faults, documented profile', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await start({ seed: 4, now: () => AFTERNOON_MS });
  });

  afterEach(() => sim.clearFaults());

  it('forces CPU and memory in REST and metrics, and raises the alert', async () => {
    sim.setFaults({ cpuPercent: 95, memoryPercent: 85 });
    const perf = await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance');
    expect([perf.cpu_usage_percent, perf.memory_usage_percent]).toEqual([95, 85]);
    const families = await scrape(sim.metricsUrl!);
    expect(sampleValue(families, 'rustydb_cpu_usage_percent')).toBe(95);
    expect(sampleValue(families, 'rustydb_memory_usage_percent')).toBe(85);
    const alerts = await getJson<{ alerts: Array<{ severity: string; title: string }> }>(sim.url, '/api/v1/alerts');
    expect(alerts.alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ severity: 'critical', title: 'High CPU usage' }),
        expect.objectContaining({ severity: 'warning', title: 'High memory usage' }),
      ])
    );
  });

  it('forces one pool under pressure, everywhere', async () => {
    sim.setFaults({ pool: { id: 'readonly', active: 50, idle: 0, waiting: 30 } });
    const stats = await getJson<PoolStatsResponse>(sim.url, '/api/v1/pools/readonly/stats');
    expect(stats).toMatchObject({
      active_connections: 50,
      idle_connections: 0,
      total_connections: 50,
      waiting_requests: 30,
    });
    const families = await scrape(sim.metricsUrl!);
    expect(sampleValue(families, 'rustydb_connection_pool_waiting', { pool: 'readonly' })).toBe(30);
    expect(sampleValue(families, 'rustydb_connection_pool_active', { pool: 'readonly' })).toBe(50);
    const other = await getJson<PoolStatsResponse>(sim.url, '/api/v1/pools/default/stats');
    expect(other.waiting_requests).not.toBe(30);
    const sessions = await getJson<{ sessions: Array<{ username: string; state: string }> }>(
      sim.url,
      '/api/v1/stats/sessions'
    );
    expect(sessions.sessions.filter((s) => s.username === 'report_ro' && s.state === 'active')).toHaveLength(50);
  });

  it('lags replicas in REST and metrics', async () => {
    sim.setFaults({ replicaLagSeconds: 42 });
    const lag = await getJson<{ max_lag_ms: number; replicas: Array<{ state: string }> }>(
      sim.url,
      '/api/v1/replication/lag'
    );
    expect(lag.max_lag_ms).toBe(42000);
    expect(lag.replicas.every((x) => x.state === 'catchup')).toBe(true);
    expect(
      sampleValue(await scrape(sim.metricsUrl!), 'rustydb_replication_lag_seconds', { replica: 'replica-1' })
    ).toBe(42);
  });

  it('reports a forced health, with 503 from the probes when unhealthy', async () => {
    sim.setFaults({ health: 'unhealthy' });
    expect((await getJson<HealthResponse>(sim.url, HEALTH)).status).toBe('unhealthy');
    expect((await get(sim.url, '/api/v1/health/readiness')).status).toBe(503);
    sim.setFaults({ health: 'degraded' });
    expect((await get(sim.url, '/api/v1/health/readiness')).status).toBe(200);
  });

  it('shows forced failed logins as the current rate', async () => {
    sim.setFaults({ failedLoginsPerMinute: 40 });
    const alerts = await getJson<{ alerts: Array<{ title: string; description: string }> }>(sim.url, '/api/v1/alerts');
    expect(alerts.alerts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ title: 'Failed login attempts', description: '40 failed logins per minute > 10' }),
      ])
    );
  });
});

describe('value faults, v0.6.5 profile', () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await start({ profile: 'v0.6.5', now: () => FIXTURE_MS });
  });

  afterEach(() => sim.clearFaults());

  it('forces CPU in REST and in the ten families', async () => {
    sim.setFaults({ cpuPercent: 95 });
    expect((await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance')).cpu_usage_percent).toBe(95);
    expect(sampleValue(await scrape(sim.url + PROMETHEUS_PATH), 'rustydb_cpu_usage_percent')).toBe(95);
  });

  it('forces the only pool v0.6.5 reports, whatever id is asked for', async () => {
    sim.setFaults({ pool: { id: 'default', waiting: 30 } });
    expect((await getJson<PoolStatsResponse>(sim.url, '/api/v1/pools/readonly/stats')).waiting_requests).toBe(30);
    sim.setFaults({ pool: { id: 'readonly', waiting: 30 } });
    expect((await getJson<PoolStatsResponse>(sim.url, '/api/v1/pools/readonly/stats')).waiting_requests).toBe(2);
  });

  it('reports a forced health status', async () => {
    sim.setFaults({ health: 'degraded' });
    expect((await getJson<HealthResponse>(sim.url, HEALTH)).status).toBe('degraded');
  });
});
