import { formatLevel, grafanaSteps, levelOf, Threshold, THRESHOLDS } from './thresholds';

describe('levelOf', () => {
  it.each([
    [THRESHOLDS.cpuPercent, 75, 'ok'],
    [THRESHOLDS.cpuPercent, 75.01, 'warning'],
    [THRESHOLDS.cpuPercent, 90, 'warning'],
    [THRESHOLDS.cpuPercent, 90.5, 'critical'],
    [THRESHOLDS.cacheHitRatio, 0.9, 'ok'],
    [THRESHOLDS.cacheHitRatio, 0.85, 'warning'],
    [THRESHOLDS.cacheHitRatio, 0.79, 'critical'],
    [THRESHOLDS.poolWaiting, 5, 'ok'],
    [THRESHOLDS.poolWaiting, 6, 'warning'],
    [THRESHOLDS.poolWaiting, 21, 'critical'],
    [THRESHOLDS.threatsDetected, 0, 'ok'],
    [THRESHOLDS.threatsDetected, 1, 'critical'],
    [THRESHOLDS.connectionsInUse, 0.99, 'warning'],
    // The guide's rule and script: one deadlock warns (`> 0`), more than five are critical.
    [THRESHOLDS.deadlocks, 0, 'ok'],
    [THRESHOLDS.deadlocks, 1, 'warning'],
    [THRESHOLDS.deadlocks, 5, 'warning'],
    [THRESHOLDS.deadlocks, 6, 'critical'],
    [THRESHOLDS.replicationLagSeconds, 61, 'critical'],
    [THRESHOLDS.diskUsagePercent, 90.5, 'critical'],
  ] as Array<[Threshold, number, string]>)(
    '%o at %d is %s (a limit itself is not crossed)',
    (threshold, value, level) => {
      expect(levelOf(threshold, value)).toBe(level);
    }
  );
});

describe('grafanaSteps', () => {
  it('starts green and steps up at the limits when higher is worse', () => {
    expect(grafanaSteps(THRESHOLDS.cpuPercent)).toEqual([
      { value: null, color: 'green' },
      { value: 75, color: 'orange' },
      { value: 90, color: 'red' },
    ]);
  });

  it('starts red and turns green at the warning limit when lower is worse', () => {
    expect(grafanaSteps(THRESHOLDS.transactionsPerSecond)).toEqual([
      { value: null, color: 'red' },
      { value: 10, color: 'orange' },
      { value: 50, color: 'green' },
    ]);
  });

  it("colours green only beyond the guide's baseline: the cache panel's red < 90 %, yellow 90-95 %, green > 95 %", () => {
    expect(grafanaSteps(THRESHOLDS.cacheHitRatio)).toEqual([
      { value: null, color: 'red' },
      { value: 0.9, color: 'yellow' },
      { value: 0.95, color: 'green' },
    ]);
  });

  it('puts countable levels at the first count above the limit, so zero threats stay green', () => {
    expect(grafanaSteps(THRESHOLDS.threatsDetected)).toEqual([
      { value: null, color: 'green' },
      { value: 1, color: 'red' },
    ]);
    expect(grafanaSteps(THRESHOLDS.deadlocks).map((s) => s.value)).toEqual([null, 1, 6]);
  });

  it('omits a level the guide does not name', () => {
    expect(grafanaSteps(THRESHOLDS.connectionsInUse)).toEqual([
      { value: null, color: 'green' },
      { value: 0.9, color: 'orange' },
    ]);
  });
});

describe('formatLevel', () => {
  it.each([
    [75, 'percent', '75%'],
    [0.95, 'percentunit', '95%'],
    [300, 's', '300s'],
    [50, 'ops', '50'],
  ])('%d in %s reads %s', (value, unit, text) => {
    expect(formatLevel(value, unit)).toBe(text);
  });
});
