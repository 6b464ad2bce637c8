/**
 * The documented model: deterministic for a seed and a clock, moving with the clock (the daily curve; episodes and
 * the healthy baseline are in calibration.test.ts), counters that never go back, and REST and exposition telling the
 * same story at the same instant.
 */
import { ENDPOINTS, endpointPath, EndpointKey, PROMETHEUS_PATH } from '../../src/rustydb/api/endpoints';
import type { PoolStatsResponse, PerformanceDataResponse, ReplicationLagResponse } from '../../src/rustydb/api/types';
import { METRICS } from '../../src/rustydb/metrics';
import { World } from '../model/world';
import type { RunningSimulator } from '../types';
import { AFTERNOON_MS, Clock, closeAll, get, getJson, parseExposition, sampleValue, scrape, start } from './harness';

afterAll(closeAll);

const KEYS = Object.keys(ENDPOINTS) as EndpointKey[];
const PATHS = [...KEYS.map((k) => endpointPath(k, k === 'clusterNode' ? 'node-2' : 'default')), PROMETHEUS_PATH];

async function allBodies(sim: RunningSimulator): Promise<string[]> {
  const bodies: string[] = [];
  for (const p of PATHS) {
    bodies.push((await get(sim.url, p)).text);
  }
  return bodies;
}

describe('determinism', () => {
  it('gives byte-identical bodies for the same seed and clock', async () => {
    const [a, b] = await Promise.all([
      start({ seed: 11, now: () => AFTERNOON_MS }),
      start({ seed: 11, now: () => AFTERNOON_MS }),
    ]);
    expect(await allBodies(a)).toEqual(await allBodies(b));
  });

  it('gives different values for another seed', async () => {
    const [a, b] = await Promise.all([
      start({ seed: 11, now: () => AFTERNOON_MS }),
      start({ seed: 12, now: () => AFTERNOON_MS }),
    ]);
    const perf = async (s: RunningSimulator) => (await get(s.url, '/api/v1/stats/performance')).text;
    expect(await perf(a)).not.toEqual(await perf(b));
  });

  it('is deterministic in v0.6.5 too', async () => {
    const [a, b] = await Promise.all([
      start({ profile: 'v0.6.5', now: () => AFTERNOON_MS, rateLimitPerSecond: 10_000 }),
      start({ profile: 'v0.6.5', now: () => AFTERNOON_MS, rateLimitPerSecond: 10_000 }),
    ]);
    expect(await allBodies(a)).toEqual(await allBodies(b));
  });
});

describe('time', () => {
  it('follows a daily load curve: quiet at night, busy in the afternoon', async () => {
    const clock = new Clock(Date.UTC(2025, 11, 29, 3, 0, 0));
    const sim = await start({ seed: 5, now: clock.now });
    const night = await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance');
    clock.ms = AFTERNOON_MS;
    const day = await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance');
    expect(day.cpu_usage_percent).toBeGreaterThan(night.cpu_usage_percent + 20);
    expect(day.transactions_per_second).toBeGreaterThan(2 * night.transactions_per_second);
  });

  it('moves gauges and counters as the clock advances', async () => {
    const clock = new Clock(AFTERNOON_MS);
    const sim = await start({ seed: 5, now: clock.now });
    const before = await scrape(sim.metricsUrl!);
    clock.advance(60);
    const after = await scrape(sim.metricsUrl!);
    expect(sampleValue(after, 'rustydb_transactions_total')).toBeGreaterThan(
      sampleValue(before, 'rustydb_transactions_total')
    );
    expect(sampleValue(after, 'rustydb_cpu_usage_percent')).not.toBe(sampleValue(before, 'rustydb_cpu_usage_percent'));
  });
});

describe('counters', () => {
  const counters = METRICS.filter((m) => m.type !== 'gauge' && m.source !== 'v0.6.5');

  it('never decrease, whatever the reading pattern, across faults', async () => {
    const clock = new Clock(AFTERNOON_MS);
    const sim = await start({ seed: 9, now: clock.now });
    const series = (families: ReturnType<typeof parseExposition>): Array<[string, number]> =>
      counters.flatMap((m): Array<[string, number]> => {
        const f = families.get(m.name)!;
        if (m.type === 'histogram') {
          const h = f.metrics[0];
          return [
            ...Object.entries(h.buckets!).map(([le, v]): [string, number] => [`${m.name}{le=${le}}`, Number(v)]),
            [m.name, Number(h.count)],
          ];
        }
        return f.metrics.map((s): [string, number] => [`${m.name}${JSON.stringify(s.labels ?? {})}`, Number(s.value)]);
      });
    let previous = new Map(series(await scrape(sim.metricsUrl!)));
    // Irregular steps (sub-grid and multi-hour), with faults switching on and off in between.
    const steps = [1, 3, 7, 0.5, 600, 13, 3600, 2, 9000, 45];
    for (const [i, step] of steps.entries()) {
      clock.advance(step);
      if (i === 3) {
        sim.setFaults({ failedLoginsPerMinute: 120, pool: { id: 'default', active: 100, idle: 0, waiting: 30 } });
      }
      if (i === 6) {
        sim.clearFaults();
      }
      const current = new Map(series(await scrape(sim.metricsUrl!)));
      for (const [name, value] of current) {
        expect({ name, step, decreased: value < previous.get(name)! }).toEqual({ name, step, decreased: false });
      }
      previous = current;
    }
  });

  it('integrate forced rates: 120 failed logins a minute for five minutes add about 600', async () => {
    const clock = new Clock(AFTERNOON_MS);
    const sim = await start({ seed: 9, now: clock.now });
    const before = sampleValue(await scrape(sim.metricsUrl!), 'rustydb_failed_logins_total');
    sim.setFaults({ failedLoginsPerMinute: 120 });
    clock.advance(300);
    const after = sampleValue(await scrape(sim.metricsUrl!), 'rustydb_failed_logins_total');
    // Within one 10 s integration step of exact: the step the fault began in averages the old and new rates.
    expect(after - before).toBeGreaterThanOrEqual(600 - 20);
    expect(after - before).toBeLessThanOrEqual(600 + 20);
  });

  it('do not depend on how often they are read', () => {
    const t0 = AFTERNOON_MS;
    const often = new World(4, t0);
    const once = new World(4, t0);
    for (let s = 1; s <= 600; s += 7) {
      often.snapshot(t0 + s * 1000);
    }
    expect(often.snapshot(t0 + 600_000).totals).toEqual(once.snapshot(t0 + 600_000).totals);
  });
});

describe('REST and exposition agree at the same instant', () => {
  let sim: RunningSimulator;
  let families: ReturnType<typeof parseExposition>;

  beforeAll(async () => {
    sim = await start({ seed: 21, now: () => AFTERNOON_MS });
    families = await scrape(sim.metricsUrl!);
  });

  it.each(['default', 'readonly', 'analytics', 'batch'])('pool %s', async (pool) => {
    const stats = await getJson<PoolStatsResponse>(sim.url, `/api/v1/pools/${pool}/stats`);
    expect({
      active: sampleValue(families, 'rustydb_connection_pool_active', { pool }),
      idle: sampleValue(families, 'rustydb_connection_pool_idle', { pool }),
      waiting: sampleValue(families, 'rustydb_connection_pool_waiting', { pool }),
      size: sampleValue(families, 'rustydb_connection_pool_size', { pool }),
    }).toEqual({
      active: stats.active_connections,
      idle: stats.idle_connections,
      waiting: stats.waiting_requests,
      size: stats.total_connections,
    });
  });

  it('performance', async () => {
    const perf = await getJson<PerformanceDataResponse>(sim.url, '/api/v1/stats/performance');
    expect({
      cpu: sampleValue(families, 'rustydb_cpu_usage_percent'),
      memoryBytes: sampleValue(families, 'rustydb_memory_usage_bytes'),
      memoryPercent: sampleValue(families, 'rustydb_memory_usage_percent'),
      tps: sampleValue(families, 'rustydb_transactions_per_second'),
      cache: sampleValue(families, 'rustydb_cache_hit_ratio'),
      locks: sampleValue(families, 'rustydb_locks_held'),
      deadlocks: sampleValue(families, 'rustydb_deadlocks_total'),
      read: sampleValue(families, 'rustydb_disk_io_read_bytes_total'),
    }).toEqual({
      cpu: perf.cpu_usage_percent,
      memoryBytes: perf.memory_usage_bytes,
      memoryPercent: perf.memory_usage_percent,
      tps: perf.transactions_per_second,
      cache: perf.cache_hit_ratio,
      locks: perf.locks_held,
      deadlocks: perf.deadlocks,
      read: perf.disk_io_read_bytes,
    });
  });

  it('lists and their counters', async () => {
    const locks = await getJson<{ total_locks: number }>(sim.url, '/api/v1/transactions/locks');
    expect(locks.total_locks).toBe(sampleValue(families, 'rustydb_locks_held'));
    const hit = await getJson<{ total_hits: number; total_misses: number }>(sim.url, '/api/v1/buffer-pool/hit-ratio');
    expect(hit.total_hits).toBe(sampleValue(families, 'rustydb_cache_hits_total'));
    expect(hit.total_misses).toBe(sampleValue(families, 'rustydb_cache_misses_total'));
    const buffer = await getJson<{ total_pages: number; dirty_pages: number; hit_ratio: number }>(
      sim.url,
      '/api/v1/buffer/stats'
    );
    expect(buffer.total_pages).toBe(sampleValue(families, 'rustydb_buffer_pool_pages_total'));
    expect(buffer.dirty_pages).toBe(sampleValue(families, 'rustydb_buffer_pool_pages_dirty'));
    expect(buffer.hit_ratio).toBe(sampleValue(families, 'rustydb_buffer_pool_hit_ratio'));
    const queries = await getJson<{ total_queries: number }>(sim.url, '/api/v1/stats/queries');
    expect(queries.total_queries).toBe(sampleValue(families, 'rustydb_queries_total'));
  });

  it('replicas', async () => {
    const lag = await getJson<ReplicationLagResponse>(sim.url, '/api/v1/replication/lag');
    for (const r of lag.replicas) {
      expect(
        Math.round(sampleValue(families, 'rustydb_replication_lag_seconds', { replica: r.replica_id }) * 1000)
      ).toBe(r.lag_ms);
      expect(sampleValue(families, 'rustydb_replication_lag_bytes', { replica: r.replica_id })).toBe(r.lag_bytes);
      expect(sampleValue(families, 'rustydb_replica_up', { replica: r.replica_id })).toBe(
        r.state === 'disconnected' ? 0 : 1
      );
    }
  });
});
