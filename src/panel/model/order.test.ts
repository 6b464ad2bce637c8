import { levelSettings } from './settings';
import { buildPools, Pool } from './pools';
import { extractPools } from './extract';
import { filterPools, sortPools } from './order';
import { promInstant, stats, statsTable } from '../testing/frames';

function poolsOf(rows: Array<ReturnType<typeof stats>>, frames = [statsTable(rows)]): Pool[] {
  return buildPools(extractPools(frames, {}).pools, levelSettings(undefined)).pools;
}

const rows = [
  stats('b-warning', 90, 10, 0),
  stats('a-ok', 10, 90, 3),
  stats('c-critical-waiting', 10, 90, 25),
  stats('d-critical-util', 99, 1, 0),
  stats('e-empty', 0, 0, 0),
];
const ids = (pools: Pool[]) => pools.map((p) => p.id);

describe('sortPools', () => {
  it.each([
    ['worst', ['c-critical-waiting', 'd-critical-util', 'b-warning', 'a-ok', 'e-empty']],
    ['name', ['a-ok', 'b-warning', 'c-critical-waiting', 'd-critical-util', 'e-empty']],
    ['utilisation', ['d-critical-util', 'b-warning', 'a-ok', 'c-critical-waiting', 'e-empty']],
    ['waiting', ['c-critical-waiting', 'a-ok', 'd-critical-util', 'b-warning', 'e-empty']],
  ] as const)('%s', (order, expected) => {
    expect(ids(sortPools(poolsOf(rows), order))).toEqual(expected);
  });

  it('falls back to worst first for an unknown order from old dashboard JSON', () => {
    expect(ids(sortPools(poolsOf(rows), 'bogus' as 'name'))[0]).toBe('c-critical-waiting');
  });

  it('does not change its input', () => {
    const pools = poolsOf(rows);
    sortPools(pools, 'name');
    expect(ids(pools)).toEqual(rows.map((r) => r.pool_id));
  });
});

describe('filterPools', () => {
  const pools = poolsOf(rows);
  it.each([
    ['', 5],
    ['CRIT', 2],
    ['critical util', 1],
    ['  ', 5],
    ['nothing-like-this', 0],
  ])('%p keeps %p pools', (filter, count) => {
    expect(filterPools(pools, filter)).toHaveLength(count);
  });

  it('matches label values, so an instance can be picked out', () => {
    const labelled = poolsOf([], promInstant([stats('default', 1, 1)], 1, { extraLabels: { instance: 'db-7:8080' } }));
    expect(ids(filterPools(labelled, 'db-7'))).toEqual(['default']);
  });
});

describe('sortPools with many equal keys', () => {
  it('settles equal keys by name, as a comparison by name alone would', () => {
    const same = ['pool-b', 'Pool-a', 'pool-a', 'pool-10', 'pool-9'].map((id) => stats(id, 5, 5, 0));
    const pools = poolsOf(same);
    const byName = [...pools].sort((a, b) => a.id.localeCompare(b.id)).map((p) => p.id);
    expect(ids(sortPools(pools, 'worst'))).toEqual(byName);
    expect(ids(sortPools(pools, 'utilisation'))).toEqual(byName);
  });
});
