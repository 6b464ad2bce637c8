import { poolIdOf, poolUtilisation } from './pools';

describe('poolUtilisation', () => {
  it('is active ÷ (active + idle)', () => {
    expect(poolUtilisation(30, 10)).toBe(0.75);
    expect(poolUtilisation(0, 5)).toBe(0);
  });

  it('is null when the pool holds no connections or a count is no number', () => {
    expect(poolUtilisation(0, 0)).toBeNull();
    expect(poolUtilisation(null, 3)).toBeNull();
    expect(poolUtilisation('3', 1)).toBeNull();
    expect(poolUtilisation(1, Number.NaN)).toBeNull();
  });
});

describe('poolIdOf', () => {
  it.each([
    [{ pool_id: 'default' }, 'default'],
    [{ pool_id: 7 }, '7'],
    [{ pool_id: '' }, null],
    [{ pool_id: null }, null],
    [{}, null],
    [null, null],
    ['default', null],
    [[{ pool_id: 'a' }], null],
  ])('reads %j as %j', (entry, id) => {
    expect(poolIdOf(entry)).toBe(id);
  });
});
