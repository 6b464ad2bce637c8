import { QUERY_TYPES } from '../queryTypes';
import { QueryType, RustyDBQuery } from '../types';
import { AreaRunner, singleView, TableRunner, viewRunner } from './area';
import { RUNNERS } from './index';

const parse = () => [];

describe('the runner tables and the query-type catalogue', () => {
  it.each(Object.values(QueryType))('%s runs exactly the views the catalogue lists', (type) => {
    const listed = QUERY_TYPES.find((info) => info.value === type)?.views?.map((view) => view.value) ?? [];
    const runner: AreaRunner & Partial<TableRunner> = RUNNERS[type];
    // Pool stats, events and raw have their own runners and no views.
    expect([...(runner.views ?? [])].sort()).toEqual([...listed].sort());
  });

  it('lists every query type once, in the order the editor offers them', () => {
    expect(QUERY_TYPES.map((info) => info.value)).toEqual(Object.values(QueryType));
  });

  it('runs the catalogue’s first view when the query names none, and names the views when it names another', async () => {
    const asked: string[] = [];
    const runner = viewRunner(QueryType.Alerts, {
      count: { endpoint: 'alerts', parse },
      list: (query: RustyDBQuery) => {
        asked.push(query.view ?? 'default');
        return Promise.resolve({ frames: [] });
      },
    });
    const ctx = { get: () => Promise.resolve({}) } as never;
    await runner({ refId: 'A' }, ctx);
    expect(asked).toEqual(['default']);
    await expect(runner({ refId: 'A', view: 'bogus' }, ctx)).rejects.toThrow(
      'There is no view "bogus" for this query type; choose one of: list, count.'
    );
    await expect(singleView({ endpoint: 'pools', parse })({ refId: 'A', view: 'list' }, ctx)).rejects.toThrow(
      'There is no view "list" for this query type; it has none.'
    );
  });

  it('is enforced by the compiler', () => {
    // `npx tsc --noEmit` fails when either line below compiles, i.e. when a table could drift from the catalogue.
    const view = { endpoint: 'alerts', parse } as const;
    // @ts-expect-error: a view the catalogue does not list cannot be in a runner table
    viewRunner(QueryType.Alerts, { list: view, count: view, bogus: view });
    // @ts-expect-error: a view the catalogue lists cannot be missing from it
    viewRunner(QueryType.Alerts, { list: view });
  });
});
