import { createDataFrame, DataFrame, FieldType, LogLevel } from '@grafana/data';
import { logFrame, LogLine } from '../endpoints/logFrame';
import type { LabelFilter } from '../types';
import { filterLogFrame, filterLogFrames } from './filterFrames';

const HOSTILE = '<img src=x onerror=alert(1)> ${jndi:x} .*';
const line = (id: string, labels: Record<string, string>): LogLine => ({
  time: 1767002400_000 - Number(id) * 1000,
  body: `line ${id}`,
  severity: LogLevel.info,
  id,
  labels,
});
const LINES = [
  line('1', { log: 'audit', user: 'mallory', client_ip: '203.0.113.9' }),
  line('2', { log: 'audit', user: 'app_user', client_ip: '10.0.4.17' }),
  line('3', { log: 'audit', user: 'mallory', client_ip: '10.0.4.17', object: HOSTILE }),
  line('4', { log: 'rustydb' }),
];
const frame = (refId = 'A') =>
  logFrame({ refId, now: 0 }, LINES, {
    name: 'audit logs',
    path: '/api/v1/security/audit/logs',
    notices: [],
    limit: 4,
  });
const ids = (f: DataFrame) => f.fields.find((x) => x.name === 'id')!.values;
const run = (filters: LabelFilter[]) => filterLogFrame(frame(), filters);

describe('label filters on log lines', () => {
  it('keeps the lines with the label value, every field in step', () => {
    const out = run([{ key: 'user', value: 'mallory', op: '=' }]);
    expect(ids(out)).toEqual(['1', '3']);
    expect(out.length).toBe(2);
    expect(out.fields.map((f) => f.values.length)).toEqual([2, 2, 2, 2, 2]);
    expect(out.fields.find((f) => f.name === 'body')!.values).toEqual(['line 1', 'line 3']);
  });

  it('filters a value out; lines without the label stay, as in LogQL', () => {
    expect(ids(run([{ key: 'client_ip', value: '10.0.4.17', op: '!=' }]))).toEqual(['1', '4']);
    expect(ids(run([{ key: 'object', value: 'orders', op: '!=' }]))).toEqual(['1', '2', '3', '4']);
  });

  it('needs every filter to hold', () => {
    const both: LabelFilter[] = [
      { key: 'user', value: 'mallory', op: '=' },
      { key: 'client_ip', value: '203.0.113.9', op: '!=' },
    ];
    expect(ids(run(both))).toEqual(['3']);
  });

  it('matches hostile values as exact text, not as a pattern', () => {
    expect(ids(run([{ key: 'object', value: HOSTILE, op: '=' }]))).toEqual(['3']);
    expect(ids(run([{ key: 'object', value: '.*', op: '=' }]))).toEqual([]);
  });

  it('says what the filters kept, keeping the frame type, its limit and earlier notices', () => {
    const out = run([{ key: 'user', value: 'nobody', op: '=' }]);
    expect(out.length).toBe(0);
    expect(out.meta).toMatchObject({ type: frame().meta?.type, limit: 4 });
    expect(out.meta?.notices).toEqual([
      { severity: 'info', text: 'Label filters (user = "nobody") kept 0 of 4 lines.' },
    ]);
  });

  it('filters each frame by the filters of its own query, and leaves other frames alone', () => {
    const table = createDataFrame({ refId: 'A', fields: [{ name: 'labels', type: FieldType.other, values: [{}] }] });
    const response = {
      data: [frame('A'), frame('B'), table],
    };
    const out = filterLogFrames(response, [
      { refId: 'A', labelFilters: [{ key: 'log', value: 'rustydb', op: '=' }] },
      { refId: 'B' },
    ]);
    expect(ids(out.data[0])).toEqual(['4']);
    expect(ids(out.data[1])).toEqual(['1', '2', '3', '4']);
    expect(out.data[2]).toBe(table);
    const none = { data: [frame('A')] };
    expect(filterLogFrames(none, [{ refId: 'A' }])).toBe(none);
  });
});
