import type { PoolConfig } from '../../../rustydb/api/types';
import { bodyKeyFields as f, fieldTable, Issues, MAX_ROWS, objectRows, readValue } from './read';

describe('readValue', () => {
  const read = (value: unknown, spec = f.num('n', 'N')) => {
    const issues = new Issues('/x');
    return { value: readValue({ n: value }, spec, issues), notices: issues.notices().map((n) => n.text) };
  };

  it.each([
    [7, 7, []],
    ['7.5', 7.5, ['/x: "n" came as text where RustyDB sends a number (1 row); read as a number.']],
    ['1e3', 1000, ['/x: "n" came as text where RustyDB sends a number (1 row); read as a number.']],
    ['abc', null, ['/x: "n" has the wrong type (string "abc") in 1 row; shown empty.']],
    [NaN, null, ['/x: "n" has the wrong type (a number that is not finite) in 1 row; shown empty.']],
    [[1], null, ['/x: "n" has the wrong type (a list) in 1 row; shown empty.']],
    [null, null, ['/x: "n" is null where RustyDB always sends a value (1 row); shown empty.']],
  ])('number %p → %p', (input, expected, notices) => {
    expect(read(input)).toEqual({ value: expected, notices });
  });

  it('accepts null silently where the API has an Option', () => {
    expect(read(null, f.num('n', 'N', 'short', { nullable: true }))).toEqual({ value: null, notices: [] });
  });

  it('turns epoch seconds into milliseconds', () => {
    expect(read(1767002400, f.time('n', 'T')).value).toBe(1767002400_000);
  });

  it('reads strings, booleans, lists and JSON', () => {
    expect(read(42, f.str('n', 'S')).value).toBe('42');
    expect(read('true', f.bool('n', 'B'))).toEqual({
      value: true,
      notices: ['/x: "n" came as text where RustyDB sends true or false (1 row); read as a boolean.'],
    });
    expect(read(['a', 'b'], f.list('n', 'L')).value).toBe('a, b');
    expect(read({ a: 1 }, f.json('n', 'J')).value).toBe('{"a":1}');
  });

  it('notes a missing key once, counting the rows', () => {
    const issues = new Issues('/x');
    readValue({}, f.num('n', 'N'), issues);
    readValue({}, f.num('n', 'N'), issues);
    expect(issues.notices()).toEqual([
      {
        severity: 'warning',
        text: '/x: "n" is missing (2 rows); shown empty. The RustyDB version may differ from v0.6.5.',
      },
    ]);
  });

  it('caps the number of notices', () => {
    const issues = new Issues('/x');
    for (let i = 0; i < 20; i++) {
      readValue({}, f.num(`k${i}`, 'K'), issues);
    }
    const notices = issues.notices();
    expect(notices).toHaveLength(9);
    expect(notices[8].text).toBe('/x: 12 more problems with the response (see Query inspector).');
  });
});

describe('objectRows', () => {
  it(`keeps at most ${MAX_ROWS} objects and says how many there were`, () => {
    const issues = new Issues('/x');
    const rows = objectRows(
      Array.from({ length: MAX_ROWS + 5 }, () => ({})),
      'list',
      issues
    );
    expect(rows).toHaveLength(MAX_ROWS);
    expect(issues.notices()[0].text).toBe(`/x: "list" holds ${MAX_ROWS + 5} entries; showing the first ${MAX_ROWS}.`);
  });
});

describe('fieldTable', () => {
  it('reads the keys of an API type, and `npx tsc --noEmit` fails on a key the type does not have', () => {
    const specs = fieldTable<PoolConfig>((fields) => [
      fields.str('pool_id', 'Pool'),
      // @ts-expect-error: "pool" is no field of PoolConfig (src/rustydb/api/types.ts)
      fields.num('pool', 'Pool'),
    ]);
    expect(specs.map((spec) => spec.key)).toEqual(['pool_id', 'pool']);
  });
});
