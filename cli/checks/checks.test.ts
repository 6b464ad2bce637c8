import fs from 'fs';
import path from 'path';
import { THRESHOLDS } from '../../src/rustydb/thresholds';
import { CheckFailure } from '../client';
import { judgeHealth } from './health';
import { judgePerformance } from './performance';
import { judgePools } from './pools';

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures', name), 'utf8'));
const HEALTH = fixture('admin-health.json');
const PERF = { ...fixture('stats-performance.json'), transactions_per_second: 150 };
const POOL = fixture('pool-default-stats.json');

/** The status and message a judge fails with. */
function failure(fn: () => unknown): [string, string] {
  try {
    fn();
  } catch (e) {
    if (e instanceof CheckFailure) {
      return [e.status, e.message];
    }
    throw e;
  }
  throw new Error('no failure');
}

describe('judgeHealth', () => {
  it.each([
    ['healthy', 'OK'],
    ['degraded', 'WARNING'],
    ['unhealthy', 'CRITICAL'],
    ['starting', 'UNKNOWN'],
  ])('maps status %s to %s', (status, expected) => {
    expect(judgeHealth({ ...HEALTH, status }).status).toBe(expected);
  });

  it('summarises version, uptime and every check that is not healthy', () => {
    const body = {
      ...HEALTH,
      status: 'degraded',
      checks: { ...HEALTH.checks, storage: { status: 'degraded', message: 'disk slow', last_check: 1 } },
    };
    expect(judgeHealth(body)).toEqual({
      status: 'WARNING',
      summary: 'degraded, version 1.0.0, up 1h 0m; storage degraded: disk slow',
      measurements: [{ name: 'uptime', measure: 'uptime', label: 'uptime', value: 3600, uom: 's', min: 0 }],
      csv: [['degraded', '1.0.0', 3600]],
    });
  });

  it('is UNKNOWN for a body without a status', () => {
    expect(failure(() => judgeHealth({ version: '1' }))).toEqual([
      'UNKNOWN',
      'unexpected response from /api/v1/admin/health: status is not a string',
    ]);
  });
});

describe('judgePerformance', () => {
  it('is OK with every value inside the guide thresholds, and lists them', () => {
    const result = judgePerformance(PERF);
    expect(result.status).toBe('OK');
    expect(result.summary).toBe(
      'CPU 7.3%, memory 35.3%, cache hit ratio 95.0%, TPS 150.0/s, locks held 0, deadlocks 0'
    );
    expect(result.csv).toEqual([[7.3, 35.314812284024136, 0.95, 150, 0, 0]]);
  });

  it.each([
    [{ cpu_usage_percent: THRESHOLDS.cpuPercent.warning + 1 }, 'WARNING', 'CPU 76.0% (warning above 75%)'],
    [{ cpu_usage_percent: 95 }, 'CRITICAL', 'CPU 95.0% (critical above 90%)'],
    [{ memory_usage_percent: 85 }, 'WARNING', 'memory 85.0% (warning above 80%)'],
    [{ cache_hit_ratio: 0.75 }, 'CRITICAL', 'cache hit ratio 75.0% (critical below 80%)'],
    [{ transactions_per_second: 30 }, 'WARNING', 'TPS 30.0/s (warning below 50)'],
    [{ locks_held: 1001 }, 'CRITICAL', 'locks held 1001 (critical above 1000)'],
    // The guide's script: `DEADLOCKS > 0` is a WARNING, so a single deadlock warns.
    [{ deadlocks: 1 }, 'WARNING', 'deadlocks 1 (warning above 0)'],
    [
      { cpu_usage_percent: 80, deadlocks: 6 },
      'CRITICAL',
      'deadlocks 6 (critical above 5), CPU 80.0% (warning above 75%)',
    ],
  ])('judges %j as %s', (change, status, summary) => {
    expect(judgePerformance({ ...PERF, ...change })).toMatchObject({ status, summary });
  });

  it('leaves a value exactly at a level alone (the guide says "above")', () => {
    expect(judgePerformance({ ...PERF, cpu_usage_percent: 75 }).status).toBe('OK');
  });

  it('is UNKNOWN when a field is missing or not a number', () => {
    expect(failure(() => judgePerformance({ ...PERF, locks_held: 'many' }))[0]).toBe('UNKNOWN');
    expect(failure(() => judgePerformance([PERF]))).toEqual([
      'UNKNOWN',
      'unexpected response from /api/v1/stats/performance: not a JSON object',
    ]);
  });
});

describe('judgePools', () => {
  const pool = (id: string, active: number, idle: number, waiting: number) =>
    [
      id,
      {
        ...POOL,
        pool_id: id,
        active_connections: active,
        idle_connections: idle,
        total_connections: active + idle,
        waiting_requests: waiting,
      },
    ] as [string, unknown];

  it('is OK for quiet pools and reports utilisation as active / (active + idle)', () => {
    const result = judgePools([pool('default', 25, 15, 2), pool('readonly', 0, 0, 0)], false);
    expect(result.status).toBe('OK');
    expect(result.summary).toBe(
      'default utilisation 62.5%, default waiting 2; readonly utilisation 0.0%, readonly waiting 0'
    );
    expect(result.csv).toEqual([
      ['default', 25, 15, 40, 2, 0.625],
      ['readonly', 0, 0, 0, 0, 0],
    ]);
  });

  it('names only the pools in trouble, worst level first', () => {
    const result = judgePools([pool('default', 40, 0, 30), pool('readonly', 17, 3, 6), pool('batch', 1, 9, 0)], false);
    expect(result.status).toBe('CRITICAL');
    expect(result.summary).toBe(
      'default waiting 30 (critical above 20), default utilisation 100.0% (critical above 95%); readonly utilisation 85.0% (warning above 80%), readonly waiting 6 (warning above 5)'
    );
  });

  describe("a pool the server answers with another pool's figures (RustyDB v0.6.5)", () => {
    const [, defaultBody] = pool('default', 1, 9, 0);
    const stats: Array<[string, unknown]> = [
      pool('default', 1, 9, 0),
      ['readonly', defaultBody],
      ['batch', defaultBody],
    ];
    const note =
      "not reported by the server: readonly (answered with pool default's figures), batch (answered with pool default's figures); RustyDB v0.6.5 ignores the pool id in /pools/{id}/stats";

    it('is named and left out when the server listed it: the status is that of the pools it reports', () => {
      const result = judgePools(stats, false);
      expect(result).toMatchObject({
        status: 'OK',
        summary: 'default utilisation 10.0%, default waiting 0',
        notes: [note],
      });
      // No figures are filed under a pool they do not belong to.
      expect(result.csv.map((line) => line[0])).toEqual(['default']);
      expect(result.measurements.map((m) => m.label)).toEqual([
        'default_utilisation',
        'default_waiting',
        'default_active',
        'default_idle',
      ]);
    });

    it('still lets the reported pools set the status', () => {
      const result = judgePools([pool('default', 40, 0, 30), ['readonly', defaultBody]], false);
      expect(result.status).toBe('CRITICAL');
    });

    it('is UNKNOWN when it was asked for with --pool', () => {
      const result = judgePools(stats, true);
      expect(result).toMatchObject({ status: 'UNKNOWN', summary: '', notes: [note] });
    });

    it('is UNKNOWN when no pool is reported at all', () => {
      expect(judgePools([['readonly', defaultBody]], false).status).toBe('UNKNOWN');
    });
  });

  it('judges no level of an ignored measure, in every pool', () => {
    const result = judgePools([pool('default', 40, 0, 30), pool('readonly', 17, 3, 6)], false, new Set(['waiting']));
    expect(result.status).toBe('CRITICAL');
    expect(result.summary).toBe(
      'default utilisation 100.0% (critical above 95%); readonly utilisation 85.0% (warning above 80%); ignored: default waiting 30, readonly waiting 6'
    );
    expect(result.measurements.filter((m) => m.ignored).map((m) => m.label)).toEqual([
      'default_waiting',
      'readonly_waiting',
    ]);
  });
});

describe('ignored measures', () => {
  it('are reported with their values but never change the status', () => {
    const result = judgePerformance({ ...PERF, transactions_per_second: 0.2, locks_held: 1001 }, new Set(['tps']));
    expect(result.status).toBe('CRITICAL');
    expect(result.summary).toBe('locks held 1001 (critical above 1000); ignored: TPS 0.2/s');
    expect(judgePerformance({ ...PERF, transactions_per_second: 0.2 }, new Set(['tps']))).toMatchObject({
      status: 'OK',
      summary: 'CPU 7.3%, memory 35.3%, cache hit ratio 95.0%, locks held 0, deadlocks 0; ignored: TPS 0.2/s',
    });
  });

  it('are OK when everything is ignored', () => {
    const all = new Set(['cpu', 'memory', 'cache_hit_ratio', 'tps', 'locks', 'deadlocks']);
    expect(judgePerformance({ ...PERF, cpu_usage_percent: 99 }, all).status).toBe('OK');
  });
});
