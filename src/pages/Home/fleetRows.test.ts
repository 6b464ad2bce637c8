import { compareValues, filterRows, fleetRows } from './fleetRows';
import type { InstanceLevel, InstanceReport } from './instanceReport';

const report = (
  name: string,
  level: InstanceLevel,
  problems: string[] = [],
  cpu: number | null = 10
): InstanceReport => ({
  uid: name,
  name,
  level,
  checks: [],
  figures: [{ label: 'CPU', unit: 'percent', value: cpu, level: 'ok' }],
  problems,
});

const ROWS = fleetRows(
  [
    report('down', 'unreachable', ['Unreachable: Bad Gateway'], null),
    report('hot', 'critical', ['CPU 95% is above the critical level of 90%'], 95),
    report('fine', 'ok'),
  ],
  [{ uid: 'slow', name: 'slow' }]
);

describe('fleet rows', () => {
  it('keep the reports in the order given (worst first), with those still being checked last', () => {
    expect(ROWS.map((r) => [r.name, r.status, r.problem, r.cpu])).toEqual([
      ['down', 3, 'Unreachable: Bad Gateway', null],
      ['hot', 2, 'CPU 95% is above the critical level of 90%', 95],
      ['fine', 0, '', 10],
      ['slow', -1, '', null],
    ]);
  });

  it('filter by level, by "problems" and by text in the name or worst problem', () => {
    const names = (rows: typeof ROWS) => rows.map((r) => r.name);
    expect(names(filterRows(ROWS, '', 'all'))).toEqual(['down', 'hot', 'fine', 'slow']);
    expect(names(filterRows(ROWS, '', 'problems'))).toEqual(['down', 'hot']);
    expect(names(filterRows(ROWS, '', 'ok'))).toEqual(['fine']);
    expect(names(filterRows(ROWS, ' CPU ', 'all'))).toEqual(['hot']);
    expect(names(filterRows(ROWS, 'FIN', 'all'))).toEqual(['fine']);
    expect(names(filterRows(ROWS, 'cpu', 'ok'))).toEqual([]);
  });

  it('sort numbers by value and text by name order, a missing value lowest', () => {
    const values = [3, null, 10, 1];
    expect([...values].sort(compareValues)).toEqual([null, 1, 3, 10]);
    expect(['b', 'A', 'c'].sort(compareValues)).toEqual(['A', 'b', 'c']);
  });
});
