import { modifyQuery, queryHasFilter, toggleQueryFilter } from './filters';
import type { RustyDBQuery } from '../types';

const AUDIT: RustyDBQuery = { refId: 'A', queryType: 'security', view: 'auditLogs' };
const user = (value: string) => ({ key: 'user', value });

describe("Explore's label filter buttons", () => {
  it('adds a filter for a value, shows it as active, and removes it on a second click', () => {
    const filtered = toggleQueryFilter(AUDIT, { type: 'FILTER_FOR', options: user('mallory') });
    expect(filtered.labelFilters).toEqual([{ key: 'user', value: 'mallory', op: '=' }]);
    expect(queryHasFilter(filtered, user('mallory'))).toBe(true);
    expect(queryHasFilter(filtered, user('app_user'))).toBe(false);
    const off = toggleQueryFilter(filtered, { type: 'FILTER_FOR', options: user('mallory') });
    expect(off).toEqual(AUDIT);
    expect(queryHasFilter(off, user('mallory'))).toBe(false);
  });

  it('filters a value out, replacing a filter for the same value; filtering for it again turns it back', () => {
    const kept = toggleQueryFilter(AUDIT, { type: 'FILTER_FOR', options: user('mallory') });
    const out = toggleQueryFilter(kept, { type: 'FILTER_OUT', options: user('mallory') });
    expect(out.labelFilters).toEqual([{ key: 'user', value: 'mallory', op: '!=' }]);
    expect(queryHasFilter(out, user('mallory'))).toBe(false);
    expect(toggleQueryFilter(out, { type: 'FILTER_OUT', options: user('mallory') })).toEqual(out);
    const back = toggleQueryFilter(out, { type: 'FILTER_FOR', options: user('mallory') });
    expect(back.labelFilters).toEqual([{ key: 'user', value: 'mallory', op: '=' }]);
  });

  it('keeps filters on other labels and values, in the order they were added', () => {
    const q = [
      { type: 'FILTER_FOR' as const, options: { key: 'log', value: 'audit' } },
      { type: 'FILTER_OUT' as const, options: { key: 'client_ip', value: '10.0.4.17' } },
      { type: 'FILTER_FOR' as const, options: user('mallory') },
    ].reduce(toggleQueryFilter, AUDIT);
    expect(q.labelFilters?.map((f) => `${f.key}${f.op}${f.value}`)).toEqual([
      'log=audit',
      'client_ip!=10.0.4.17',
      'user=mallory',
    ]);
    expect(toggleQueryFilter(q, { type: 'FILTER_FOR', options: { key: 'log', value: 'audit' } }).labelFilters).toEqual(
      q.labelFilters?.slice(1)
    );
  });

  it('keeps hostile label values as the exact text, never as a pattern or a variable', () => {
    const hostile = '<script>alert(1)</script> $__all ${jndi:x} .* "quoted" \\ \u0000';
    const q = toggleQueryFilter(AUDIT, { type: 'FILTER_FOR', options: { key: 'object', value: hostile } });
    expect(q.labelFilters).toEqual([{ key: 'object', value: hostile, op: '=' }]);
    expect(queryHasFilter(q, { key: 'object', value: hostile })).toBe(true);
    expect(queryHasFilter(q, { key: 'object', value: '.*' })).toBe(false);
  });

  it('leaves the query as it is without a label, or for an action it does not know', () => {
    expect(toggleQueryFilter(AUDIT, { type: 'FILTER_FOR', options: { key: '', value: 'x' } })).toBe(AUDIT);
    expect(toggleQueryFilter(AUDIT, { type: 'FILTER_FOR', options: {} as never })).toBe(AUDIT);
    expect(toggleQueryFilter(AUDIT, { type: 'SOMETHING' as never, options: user('x') })).toBe(AUDIT);
    expect(modifyQuery(AUDIT, { type: 'ADD_STRING_FILTER', options: { value: 'x' } })).toBe(AUDIT);
    expect(queryHasFilter(AUDIT, {} as never)).toBe(false);
  });
});

describe('modifyQuery (ADD_FILTER, ADD_FILTER_OUT)', () => {
  it('adds and never toggles off, and the opposite filter is replaced', () => {
    const added = modifyQuery(AUDIT, { type: 'ADD_FILTER', options: user('mallory') });
    expect(modifyQuery(added, { type: 'ADD_FILTER', options: user('mallory') })).toEqual(added);
    const out = modifyQuery(added, { type: 'ADD_FILTER_OUT', options: user('mallory') });
    expect(out.labelFilters).toEqual([{ key: 'user', value: 'mallory', op: '!=' }]);
  });
});
