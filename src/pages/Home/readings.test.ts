import adminHealth from '../../../fixtures/admin-health.json';
import serverInfo from '../../../fixtures/server-info.json';
import statsPerformance from '../../../fixtures/stats-performance.json';
import pools from '../../../fixtures/pools.json';
import poolDefaultStats from '../../../fixtures/pool-default-stats.json';
import { healthOf, performanceOf, poolIdsOf, poolOf, serverOf } from './readings';

describe('readers of the contract fixtures', () => {
  it('read health with every check', () => {
    expect(healthOf(adminHealth)).toEqual({
      status: 'healthy',
      checks: [
        { name: 'database', status: 'healthy', message: 'Database is operational' },
        { name: 'storage', status: 'healthy', message: null },
      ],
    });
  });

  it('read version and uptime from server info', () => {
    expect(serverOf(serverInfo)).toEqual({ version: '0.6.0', uptimeSeconds: 5400 });
  });

  it("read CPU, memory and TPS through the datasource's performance parser, and recognise v0.6.5's placeholders", () => {
    expect(performanceOf(statsPerformance)).toEqual({
      cpuPercent: 7.3,
      memoryPercent: statsPerformance.memory_usage_percent,
      transactionsPerSecond: 20.85,
      tpsIsPlaceholder: true,
    });
    expect(performanceOf({ ...statsPerformance, locks_held: 4 }).tpsIsPlaceholder).toBe(false);
  });

  it("read pool ids and a pool's utilisation (active / (active + idle)) and waiting requests", () => {
    expect(poolIdsOf(pools)).toEqual(['readonly', 'default']);
    expect(poolOf('default', poolDefaultStats)).toEqual({
      id: 'default',
      utilisation: 25 / 40,
      waiting: 2,
      placeholder: true,
    });
    expect(poolOf('default', { ...poolDefaultStats, active_connections: 30 })).toMatchObject({
      utilisation: 30 / 45,
      placeholder: false,
    });
  });
});

describe('readers of bodies they cannot use', () => {
  it.each([
    ['health that is HTML', () => healthOf('<html>'), '/api/v1/admin/health did not return a JSON object.'],
    ['health without a status', () => healthOf({ checks: {} }), '/api/v1/admin/health answered without a status.'],
    [
      'server info without a version',
      () => serverOf({ uptime_seconds: 1 }),
      '/api/v1/server/info answered without a version or uptime.',
    ],
    ['performance as a list', () => performanceOf([]), /did not return a JSON object|JSON object/],
    ['pools that are not a list', () => poolIdsOf({}), '/api/v1/pools did not return a list of pools.'],
    [
      'pool stats without counts',
      () => poolOf('p', { active_connections: '3' }),
      "Pool p's stats have no active and idle connection counts.",
    ],
  ])('explain %s', (_, read, message) => {
    expect(read).toThrow(message);
  });

  it('keep what they can of odd but usable bodies', () => {
    expect(healthOf({ status: 'degraded', checks: { wal: null, disk: { status: 3 } } })).toEqual({
      status: 'degraded',
      checks: [
        { name: 'wal', status: 'unknown', message: null },
        { name: 'disk', status: 'unknown', message: null },
      ],
    });
    // Ids as the pool variable and the pool stats query read them (src/rustydb/pools.ts): a number is an id, "" is none.
    expect(poolIdsOf([{ pool_id: 'a' }, null, { pool_id: 7 }, { pool_id: '' }, 'b'])).toEqual(['a', '7']);
    expect(poolOf('empty', { active_connections: 0, idle_connections: 0 })).toEqual({
      id: 'empty',
      utilisation: null,
      waiting: 0,
      placeholder: false,
    });
    expect(performanceOf({ cpu_usage_percent: null })).toEqual({
      cpuPercent: null,
      memoryPercent: null,
      transactionsPerSecond: null,
      tpsIsPlaceholder: false,
    });
  });
});
