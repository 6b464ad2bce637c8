import { holdFor, level } from './levels';

describe('threshold levels in panel descriptions', () => {
  it.each([
    ['cpuPercent', 'warning', '75 %'],
    ['cacheHitRatio', 'critical', '80 %'],
    ['poolUtilisation', 'critical', '95 %'],
    ['locksHeld', 'critical', '1000'],
    ['replicationLagSeconds', 'warning', '30 s'],
    ['replicationLagSeconds', 'critical', '1 minute'],
  ] as const)('%s %s reads %s', (key, severity, text) => {
    expect(level(key, severity)).toBe(text);
  });

  it('reads the for: window as words', () => {
    expect(holdFor('cpuPercent')).toBe('5 minutes');
    expect(holdFor('failedLoginsPerMinute')).toBe('1 minute');
  });

  it('refuses a level the guide does not name', () => {
    expect(() => level('connectionsInUse', 'critical')).toThrow(/no critical level/);
  });
});
