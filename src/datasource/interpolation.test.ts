import { expandList, expandTemplate, noTemplates } from './interpolation';
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
