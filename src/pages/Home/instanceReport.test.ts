import {
  compareReports,
  formatUptime,
  healthLevel,
  InstanceReading,
  InstanceReport,
  reportInstance,
} from './instanceReport';

const ok = <T>(value: T) => ({ ok: true as const, value });
const failed = (error: string) => ({ ok: false as const, error });

function reading(overrides: Partial<InstanceReading> = {}): InstanceReading {
  return {
    health: ok({
      status: 'healthy',
      checks: [{ name: 'database', status: 'healthy', message: 'Database is operational' }],
    }),
    server: ok({ version: '0.6.0', uptimeSeconds: 5400 }),
    performance: ok({ cpuPercent: 20, memoryPercent: 40, transactionsPerSecond: 200, tpsIsPlaceholder: false }),
    pools: ok([{ id: 'default', utilisation: 0.5, waiting: 0, placeholder: false }]),
    ...overrides,
  };
}

const report = (overrides: Partial<InstanceReading> = {}, name = 'db') =>
  reportInstance({ uid: name, name }, reading(overrides));

describe('reportInstance', () => {
  it('reports a healthy instance with its version, uptime and four figures', () => {
    const r = report();
    expect(r).toMatchObject({ level: 'ok', status: 'healthy', version: '0.6.0', uptimeSeconds: 5400, problems: [] });
    expect(r.figures.map((f) => [f.label, f.value, f.level])).toEqual([
      ['CPU', 20, 'ok'],
      ['Memory', 40, 'ok'],
      ['TPS', 200, 'ok'],
      ['Pool pressure', 0.5, 'ok'],
    ]);
    expect(r.checks).toEqual([
      { name: 'database', status: 'healthy', message: 'Database is operational', level: 'ok' },
    ]);
  });

  it.each([
    [
      'CPU above critical',
      { performance: ok({ cpuPercent: 95, memoryPercent: 40, transactionsPerSecond: 200, tpsIsPlaceholder: false }) },
      'critical',
      'CPU 95% is above the critical level of 90%',
    ],
    [
      'CPU exactly at warning is fine',
      { performance: ok({ cpuPercent: 75, memoryPercent: 40, transactionsPerSecond: 200, tpsIsPlaceholder: false }) },
      'ok',
      undefined,
    ],
    [
      'memory above warning',
      { performance: ok({ cpuPercent: 10, memoryPercent: 85, transactionsPerSecond: 200, tpsIsPlaceholder: false }) },
      'warning',
      'Memory 85% is above the warning level of 80%',
    ],
    [
      'TPS below warning',
      { performance: ok({ cpuPercent: 10, memoryPercent: 40, transactionsPerSecond: 20.85, tpsIsPlaceholder: false }) },
      'warning',
      'TPS 20.9 ops/s is below the warning level of 50 ops/s',
    ],
    [
      'pool utilisation above critical',
      { pools: ok([{ id: 'default', utilisation: 0.97, waiting: 0, placeholder: false }]) },
      'critical',
      'Pool default utilisation 97% is above the critical level of 95%',
    ],
    [
      'pool waiting above warning',
      { pools: ok([{ id: 'readonly', utilisation: 0.1, waiting: 6, placeholder: false }]) },
      'warning',
      'Pool readonly waiting requests 6 is above the warning level of 5',
    ],
    [
      'degraded status',
      { health: ok({ status: 'degraded', checks: [] }) },
      'warning',
      'RustyDB reports status "degraded"',
    ],
    [
      'unhealthy check',
      { health: ok({ status: 'healthy', checks: [{ name: 'storage', status: 'unhealthy', message: 'disk full' }] }) },
      'critical',
      'Check storage is unhealthy: disk full',
    ],
    [
      'unknown status',
      { health: ok({ status: 'starting', checks: [] }) },
      'warning',
      'RustyDB reports status "starting"',
    ],
    [
      'performance endpoint failing',
      { performance: failed('RustyDB is rate limiting requests') },
      'warning',
      'CPU, memory and TPS unavailable: RustyDB is rate limiting requests',
    ],
    ['server info failing', { server: failed('timeout') }, 'warning', 'Version and uptime unavailable: timeout'],
  ] as Array<[string, Partial<InstanceReading>, string, string | undefined]>)('%s', (_, overrides, level, problem) => {
    const r = report(overrides);
    expect(r.level).toBe(level);
    expect(r.problems[0]).toBe(problem);
  });

  it('reports an instance whose health cannot be read as unreachable, with the reason, and nothing else', () => {
    const r = report({ health: failed('Grafana could not reach RustyDB (502).') });
    expect(r).toEqual({
      uid: 'db',
      name: 'db',
      level: 'unreachable',
      unreachableReason: 'Grafana could not reach RustyDB (502).',
      checks: [],
      figures: [],
      problems: ['Unreachable: Grafana could not reach RustyDB (502).'],
    });
  });

  it('shows the most pressed pool, and a missing figure with its reason', () => {
    const r = report({
      performance: ok({ cpuPercent: null, memoryPercent: 30, transactionsPerSecond: 100, tpsIsPlaceholder: false }),
      pools: ok([
        { id: 'quiet', utilisation: 0.9, waiting: 0, placeholder: false },
        { id: 'empty', utilisation: null, waiting: 0, placeholder: false },
        { id: 'queued', utilisation: 0.4, waiting: 25, placeholder: false },
      ]),
    });
    expect(r.figures[0]).toMatchObject({ label: 'CPU', value: null, error: 'not reported' });
    expect(r.figures[3]).toMatchObject({ value: 0.4, level: 'critical', detail: 'pool queued, 25 waiting' });
    expect(r.problems).toEqual([
      'Pool queued waiting requests 25 is above the critical level of 20',
      'Pool quiet utilisation 90% is above the warning level of 80%',
    ]);
  });

  it("shows RustyDB v0.6.5's placeholder TPS and pool constants without judging them", () => {
    const r = report({
      performance: ok({ cpuPercent: 10, memoryPercent: 30, transactionsPerSecond: 0.2, tpsIsPlaceholder: true }),
      pools: ok([{ id: 'default', utilisation: 0.99, waiting: 30, placeholder: true }]),
    });
    expect(r.level).toBe('ok');
    expect(r.problems).toEqual([]);
    expect(r.figures[2]).toMatchObject({
      label: 'TPS',
      value: 0.2,
      level: 'ok',
      detail: 'v0.6.5 placeholder: requests since start ÷ 60',
    });
    expect(r.figures[3]).toMatchObject({
      level: 'ok',
      detail: 'pool default, 30 waiting (v0.6.5 constants, not measurements)',
    });
  });

  it('says so when an instance has no pools', () => {
    expect(report({ pools: ok([]) }).figures[3]).toMatchObject({
      value: null,
      error: 'no pools configured',
      level: 'ok',
    });
  });
});

describe('formatUptime', () => {
  it.each([
    [0, '0 seconds'],
    [13, '13 seconds'],
    [5400, '1 hour, 30 minutes'],
    [3 * 86400 + 5 * 3600 + 61, '3 days, 5 hours'],
  ])('%d s → %s', (seconds, text) => expect(formatUptime(seconds)).toBe(text));
});

describe('healthLevel', () => {
  it.each([
    ['healthy', 'ok'],
    ['Healthy', 'ok'],
    ['degraded', 'warning'],
    ['unhealthy', 'critical'],
    ['initializing', 'warning'],
  ])('%s → %s', (status, level) => expect(healthLevel(status)).toBe(level));
});

describe('compareReports', () => {
  it('puts unreachable first, then critical, warning and healthy, more problems first, then by name', () => {
    const reports: InstanceReport[] = [
      report({}, 'b-healthy'),
      report({}, 'A-healthy'),
      report({ health: ok({ status: 'degraded', checks: [] }) }, 'warn-one'),
      report({ health: ok({ status: 'degraded', checks: [] }), server: failed('x') }, 'warn-two'),
      report({ health: failed('down') }, 'z-down'),
      report(
        { performance: ok({ cpuPercent: 99, memoryPercent: 10, transactionsPerSecond: 100, tpsIsPlaceholder: false }) },
        'hot'
      ),
    ];
    expect([...reports].sort(compareReports).map((r) => r.name)).toEqual([
      'z-down',
      'hot',
      'warn-two',
      'warn-one',
      'A-healthy',
      'b-healthy',
    ]);
  });
});
