import { createDataFrame, DataFrame, DataFrameType, FieldType, StreamingDataFrame } from '@grafana/data';
import { SeriesBuffers } from './buffers';

/** A one-row time series per poll, as the parsers write it for live mode. */
function snapshot(time: number, value: number, notice?: string): DataFrame {
  return createDataFrame({
    name: 'pool default',
    refId: 'A',
    meta: {
      type: DataFrameType.TimeSeriesWide,
      ...(notice ? { notices: [{ severity: 'warning', text: notice }] } : {}),
    },
    fields: [
      { name: 'time', type: FieldType.time, values: [time] },
      {
        name: 'active',
        type: FieldType.number,
        values: [value],
        config: { unit: 'short' },
        labels: { pool: 'default' },
      },
    ],
  });
}

const table = createDataFrame({ name: 'pools', fields: [{ name: 'pool_id', type: FieldType.string, values: ['a'] }] });

describe('SeriesBuffers', () => {
  it("grows each series in Grafana's StreamingDataFrame, keeping name, refId, field config and labels", () => {
    const buffers = new SeriesBuffers(10);
    buffers.update([snapshot(1000, 1)]);
    const [frame] = buffers.update([snapshot(2000, 2)]);
    expect(frame).toBeInstanceOf(StreamingDataFrame);
    expect(frame).toMatchObject({ name: 'pool default', refId: 'A', length: 2 });
    expect(frame.fields.map((f) => [f.name, f.type, Array.from(f.values)])).toEqual([
      ['time', FieldType.time, [1000, 2000]],
      ['active', FieldType.number, [1, 2]],
    ]);
    expect(frame.fields[1]).toMatchObject({ config: { unit: 'short' }, labels: { pool: 'default' } });
  });

  it('keeps the newest rows up to its capacity', () => {
    const buffers = new SeriesBuffers(2);
    [1, 2, 3, 4].forEach((n) => buffers.update([snapshot(n * 1000, n)]));
    expect(Array.from(buffers.current()[0].fields[1].values)).toEqual([3, 4]);
  });

  it("shows the latest answer's notices only", () => {
    const buffers = new SeriesBuffers(10);
    buffers.update([snapshot(1000, 1, 'hard-coded by v0.6.5')]);
    const [frame] = buffers.update([snapshot(2000, 2)]);
    expect(frame.meta?.notices).toBeUndefined();
    expect(frame.meta?.type).toBe(DataFrameType.TimeSeriesWide);
  });

  it('replaces tables and still shows a series the latest poll missed', () => {
    const buffers = new SeriesBuffers(10);
    buffers.update([snapshot(1000, 1), table]);
    const shown = buffers.update([table]);
    expect(shown[0]).toBe(table);
    expect(shown[1]).toBeInstanceOf(StreamingDataFrame);
    expect(shown[1].length).toBe(1);
  });
});
