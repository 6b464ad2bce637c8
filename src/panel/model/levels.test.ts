import { ThresholdsMode } from '@grafana/data';
import { levelOf, THRESHOLDS } from '../../rustydb/thresholds';
import { thresholdsConfig } from '../../rustydb/fieldThresholds';
import { levelFromThresholds, levelScale } from './levels';

const utilisation = thresholdsConfig(THRESHOLDS.poolUtilisation);
const waiting = thresholdsConfig(THRESHOLDS.poolWaiting);
const ratio = { min: 0, max: 1 };

describe('levelFromThresholds with the guide defaults', () => {
  it.each([
    [0, 'ok', 'green'],
    [0.79, 'ok', 'green'],
    [0.8, 'ok', 'green'], // exactly 80 % has not crossed "above 80 %"
    [0.8000001, 'warning', 'orange'],
    [0.95, 'warning', 'orange'], // exactly 95 %
    [0.9500001, 'critical', 'red'],
    [1, 'critical', 'red'],
  ])('utilisation %p is %s (%s)', (value, level, color) => {
    expect(levelFromThresholds(value, utilisation, ratio)).toEqual({ level, color });
  });

  it.each([
    [0, 'ok'],
    [5, 'ok'], // exactly 5 waiting
    [6, 'warning'],
    [20, 'warning'], // exactly 20 waiting
    [21, 'critical'],
  ])('%p waiting requests are %s', (value, level) => {
    expect(levelFromThresholds(value, waiting, { min: 0, max: 100 }).level).toBe(level);
  });

  it('agrees with levelOf from src/rustydb/thresholds.ts on both signals', () => {
    for (let v = 0; v <= 1.0001; v += 0.0025) {
      expect(levelFromThresholds(v, utilisation, ratio).level).toBe(levelOf(THRESHOLDS.poolUtilisation, v));
    }
    for (let v = 0; v <= 40; v++) {
      expect(levelFromThresholds(v, waiting, ratio).level).toBe(levelOf(THRESHOLDS.poolWaiting, v));
    }
  });
});

describe('levelFromThresholds with thresholds the user edited', () => {
  it('sorts steps and reads a null base step as -Infinity (as stored in dashboard JSON)', () => {
    const config = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: 0.5, color: 'red' },
        { value: null as unknown as number, color: 'blue' },
      ],
    };
    expect(levelFromThresholds(0.4, config, ratio)).toEqual({ level: 'ok', color: 'blue' });
    // With one threshold above the base, that threshold is the critical one.
    expect(levelFromThresholds(0.6, config, ratio)).toEqual({ level: 'critical', color: 'red' });
  });

  it('names every step between the base and the highest step warning', () => {
    const config = {
      mode: ThresholdsMode.Absolute,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 10, color: 'yellow' },
        { value: 20, color: 'orange' },
        { value: 30, color: 'red' },
      ],
    };
    expect([5, 15, 25, 35].map((v) => levelFromThresholds(v, config, ratio).level)).toEqual([
      'ok',
      'warning',
      'warning',
      'critical',
    ]);
  });

  it('places the value within the range first in percentage mode', () => {
    const config = {
      mode: ThresholdsMode.Percentage,
      steps: [
        { value: -Infinity, color: 'green' },
        { value: 50, color: 'red' },
      ],
    };
    expect(levelFromThresholds(10, config, { min: 0, max: 20 }).level).toBe('ok'); // 50 %, not above
    expect(levelFromThresholds(11, config, { min: 0, max: 20 }).level).toBe('critical');
    expect(levelFromThresholds(11, config, { min: 0, max: 0 }).level).toBe('ok'); // empty range: no division by zero
  });

  it('treats no steps as ok', () => {
    expect(levelFromThresholds(99, { mode: ThresholdsMode.Absolute, steps: [] }, ratio).level).toBe('ok');
  });
});

describe('levelScale', () => {
  it('agrees with levelFromThresholds and gives each step one shared result', () => {
    const scale = levelScale(utilisation);
    for (const value of [0, 0.5, 0.8, 0.81, 0.95, 0.96, 1]) {
      expect(scale(value, 0, 1)).toEqual(levelFromThresholds(value, utilisation, ratio));
    }
    expect(scale(0.1, 0, 1)).toBe(scale(0.2, 0, 1));
  });

  it('places the value between min and max in percentage mode', () => {
    const scale = levelScale({ mode: ThresholdsMode.Percentage, steps: waiting.steps });
    expect(scale(10, 0, 100).level).toBe('warning');
    expect(scale(10, 0, 40).level).toBe('critical');
    expect(scale(10, 0, 0).level).toBe('ok');
  });
});
