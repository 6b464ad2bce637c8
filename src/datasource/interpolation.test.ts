import { expandList, expandTemplate, interpolateQuery, noTemplates } from './interpolation';
import { fakeReplace } from './testing/fakes';

const replace = fakeReplace({
  pool: ['default', 'readonly'],
  one: 'default',
  env: ['a', 'b'],
  odd: ['a,b', 'x/../y', "it's", '<script>', '東京', '{x,y}'],
  custom: '*',
});

describe('expandTemplate', () => {
  it('gives one value per selected value of a multi-value or All variable', () => {
    expect(expandTemplate('$pool', replace)).toEqual(['default', 'readonly']);
    expect(expandTemplate('${pool}', replace)).toEqual(['default', 'readonly']);
    expect(expandTemplate('[[pool]]', replace)).toEqual(['default', 'readonly']);
  });

  it('keeps the text around a variable on every value, and combines several variables', () => {
    expect(expandTemplate('pool-$pool', replace)).toEqual(['pool-default', 'pool-readonly']);
    expect(expandTemplate('$env-$pool', replace)).toEqual(['a-default', 'a-readonly', 'b-default', 'b-readonly']);
  });

  it('never splits a value on separators or special characters', () => {
    expect(expandTemplate('$odd', replace)).toEqual(['a,b', 'x/../y', "it's", '<script>', '東京', '{x,y}']);
  });

  it('leaves plain text and unknown variables as written, and deduplicates', () => {
    expect(expandTemplate('default', replace)).toEqual(['default']);
    expect(expandTemplate('$nope', replace)).toEqual(['$nope']);
    expect(expandTemplate('$one$one', replace)).toEqual(['defaultdefault']);
    expect(expandTemplate('$pool', noTemplates)).toEqual(['$pool']);
  });

  it('refuses an explosion of combinations', () => {
    const many = fakeReplace({
      a: Array.from({ length: 20 }, (_, i) => `a${i}`),
      b: Array.from({ length: 20 }, (_, i) => `b${i}`),
    });
    expect(() => expandTemplate('$a$b', many)).toThrow(/expands to more than 100 values/);
  });
});

describe('expandList', () => {
  it('expands and flattens every entry, dropping blanks and duplicates', () => {
    expect(expandList(['$pool', 'default', ' ', ''], replace)).toEqual(['default', 'readonly']);
    expect(expandList(undefined, replace)).toEqual([]);
  });

  it('reads a custom All value (*, .*, $__all) as "all": no filter', () => {
    expect(expandList(['$custom'], replace)).toEqual([]);
    expect(expandList(['.*'], replace)).toEqual([]);
  });
});

describe('interpolateQuery', () => {
  const vars = fakeReplace({
    type: 'transactions',
    view: 'waiters',
    types: ['health', 'alerts'],
    pool: ['default', 'readonly'],
    all: '*',
    user: 'alice',
    level: ['error', 'warn'],
    a: Array.from({ length: 20 }, (_, i) => `a${i}`),
    b: Array.from({ length: 20 }, (_, i) => `b${i}`),
  });

  it('resolves text parameters that stand for one value, and every list entry', () => {
    expect(
      interpolateQuery(
        {
          refId: 'A',
          queryType: '$type',
          view: '${view}',
          poolIds: ['$pool', 'extra'],
          levels: ['$level'],
          audit: { userId: '$user', limit: 10 },
          live: true,
        },
        vars
      )
    ).toEqual({
      refId: 'A',
      queryType: 'transactions',
      view: 'waiters',
      poolIds: ['default', 'readonly', 'extra'],
      levels: ['error', 'warn'],
      audit: { userId: 'alice', limit: 10 },
      live: true,
    });
  });

  it("resolves a raw path and the dashboard's scoped variables", () => {
    const query = { refId: 'A', queryType: 'raw', path: '/api/v1/pools/$p/stats' };
    const scoped = { p: { text: 'default', value: 'default' } };
    expect(interpolateQuery(query, vars, scoped).path).toBe('/api/v1/pools/default/stats');
  });

  it('turns an All value into the empty list, which means all', () => {
    expect(interpolateQuery({ refId: 'A', nodeIds: ['$all'] }, vars).nodeIds).toEqual([]);
  });

  it('keeps text that stands for several values, or cannot expand, as written', () => {
    const query = { refId: 'A', queryType: '$types', poolIds: ['$a$b'], audit: { objectName: '$a$b' } };
    expect(interpolateQuery(query, vars)).toEqual(query);
  });

  it('leaves the query it was given alone, and adds no parameters', () => {
    const query = { refId: 'A', queryType: '$type' };
    expect(interpolateQuery(query, vars)).toEqual({ refId: 'A', queryType: 'transactions' });
    expect(query.queryType).toBe('$type');
  });
});
