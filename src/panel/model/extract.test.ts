import { createDataFrame, FieldType } from '@grafana/data';
import { extractPools } from './extract';
import { liveFrame, stats, statsTable } from '../testing/frames';

describe('extractPools: current values and series', () => {
  it('keeps a reading without a time as the current value, with no series', () => {
    const [pool] = extractPools([statsTable([stats('default', 25, 15, 2)])], {}).pools;
    expect(pool.latest).toMatchObject({ active: 25, idle: 15, waiting: 2 });
    expect(pool.series).toBeUndefined();
  });

  it('takes the latest sample in time as current, whatever the row order', () => {
    const frame = createDataFrame({
      fields: [
        { name: 'time', type: FieldType.time, values: [3_000, 1_000, 2_000] },
        { name: 'pool_id', type: FieldType.string, values: ['p', 'p', 'p'] },
        { name: 'active_connections', type: FieldType.number, values: [7, 1, 4] },
        { name: 'idle_connections', type: FieldType.number, values: [3, 9, 6] },
      ],
    });
    const [pool] = extractPools([frame], {}).pools;
    expect(pool.latest).toMatchObject({ active: 7, idle: 3 });
    expect(pool.series?.active?.map((s) => s.time)).toEqual([1_000, 2_000, 3_000]);
  });

  it('lets a series win over a reading without a time for the same pool', () => {
    const live = liveFrame('default', [
      { time: 1_000, active: 1, idle: 9, waiting: 0 },
      { time: 2_000, active: 2, idle: 8, waiting: 0 },
    ]);
    const table = statsTable([stats('default', 25, 15, 2)]);
    for (const frames of [
      [live, table],
      [table, live],
    ]) {
      expect(extractPools(frames, {}).pools[0].latest).toMatchObject({ active: 2, idle: 8 });
    }
  });

  it('reads a table row by row: 10,000 pools, one entry each, linked to their row', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => stats(`pool-${i}`, i % 50, 50 - (i % 50)));
    const { pools } = extractPools([statsTable(rows)], {});
    expect(pools).toHaveLength(10_000);
    expect(pools[9_999]).toMatchObject({ id: 'pool-9999', latest: { active: 49, idle: 1 } });
    expect(pools[9_999].link?.rowIndex).toBe(9_999);
  });
});
