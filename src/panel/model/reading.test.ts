import { DataFrame, ThresholdsMode } from '@grafana/data';
import { extractPools } from './extract';
import { buildPools, Pool } from './pools';
import { sameReading } from './reading';
import { levelSettings } from './settings';
import { liveFrame, stats, statsTable } from '../testing/frames';

const build = (frames: DataFrame[]): Pool[] =>
  buildPools(extractPools(frames, {}).pools, levelSettings(undefined)).pools;

const points = (last: number) => [
  { time: 1_000, active: 5, idle: 5, waiting: 0 },
  { time: 2_000, active: last, idle: 10 - last, waiting: 1 },
];

describe('sameReading', () => {
  it('holds for two builds of the same data (a refresh with nothing new)', () => {
    const rows = [stats('default', 25, 15, 2), stats('orders', 40, 10, 24)];
    const [before, after] = [build([statsTable(rows)]), build([statsTable(rows)])];
    expect(before[0]).not.toBe(after[0]);
    expect(before.every((pool, i) => sameReading(pool, after[i]))).toBe(true);
  });

  it.each([
    ['a count', [stats('default', 26, 15, 2)]],
    ['waiting requests', [stats('default', 25, 15, 3)]],
    ['the pool', [stats('other', 25, 15, 2)]],
  ])('fails when %s changed', (_, rows) => {
    const [before] = build([statsTable([stats('default', 25, 15, 2)])]);
    expect(sameReading(before, build([statsTable(rows)])[0])).toBe(false);
  });

  it('fails when the level changed with the thresholds, the values being the same', () => {
    const sources = () => extractPools([statsTable([stats('default', 85, 15, 0)])], {}).pools;
    const defaults = levelSettings(undefined);
    const [before] = buildPools(sources(), defaults).pools;
    const oneStep = { mode: ThresholdsMode.Absolute, steps: [{ value: -Infinity, color: 'green' }] };
    const [after] = buildPools(sources(), { ...defaults, utilisation: oneStep }).pools;
    expect([before.level, after.level]).toEqual(['warning', 'ok']);
    expect(sameReading(before, after)).toBe(false);
  });

  it('compares trends: the same series is the same, a new last point is not', () => {
    const [before] = build([liveFrame('live', points(6))]);
    expect(sameReading(before, build([liveFrame('live', points(6))])[0])).toBe(true);
    expect(sameReading(before, build([liveFrame('live', points(7))])[0])).toBe(false);
  });
});
