import {
  FLEET_QUERIES,
  FleetAnswers,
  FleetQuery,
  figuresByIdentity,
  identityKey,
  samplesOf,
  TREND,
} from './fleetPromQL';
import { METRIC_NAMES } from '../../rustydb/metrics';
import { answerFleetQuery, FakeScrape } from '../testing/fakePrometheus';

const SCRAPES: FakeScrape[] = [
  {
    job: 'rustydb',
    instance: 'a:8080',
    cpu: 12,
    memory: 40,
    tps: 250,
    pools: [
      { pool: 'default', active: 30, idle: 10, waiting: 3 },
      { pool: 'readonly', active: 0, idle: 0, waiting: 0 },
    ],
  },
  { job: 'rustydb', instance: 'b:8080', cpu: 95, memory: 50 },
];

function answers(scrapes: FakeScrape[]): FleetAnswers {
  const names = Object.keys(FLEET_QUERIES) as FleetQuery[];
  const trend = answerFleetQuery(scrapes, TREND.query, 1000, { start: 1000 - TREND.seconds, end: 1000, step: 60 });
  return {
    ...(Object.fromEntries(
      names.map((n) => [n, samplesOf(answerFleetQuery(scrapes, FLEET_QUERIES[n], 1000))])
    ) as Record<FleetQuery, ReturnType<typeof samplesOf>>),
    trend: samplesOf(trend),
  };
}

describe('the fleet PromQL', () => {
  it('queries only catalogued metrics, each for every instance at once', () => {
    for (const query of Object.values(FLEET_QUERIES)) {
      const names = query.match(/rustydb_[a-z_]+/g) ?? [];
      expect(names.length).toBeGreaterThan(0);
      names.forEach((name) => expect(METRIC_NAMES.has(name)).toBe(true));
      expect(query).toMatch(/ by \(job, instance(, pool)?\) /);
    }
  });

  it("reads each instance's figures, pools (utilisation = active / (active + idle)) and trend", () => {
    const figures = figuresByIdentity(answers(SCRAPES));
    const a = figures.get(identityKey({ job: 'rustydb', instance: 'a:8080' }))!;
    expect(a.performance).toEqual({
      cpuPercent: 12,
      memoryPercent: 40,
      transactionsPerSecond: 250,
      tpsIsPlaceholder: false,
    });
    expect(a.pools).toEqual([
      { id: 'default', utilisation: 0.75, waiting: 3, placeholder: false },
      { id: 'readonly', utilisation: null, waiting: 0, placeholder: false },
    ]);
    expect(a.trend).toHaveLength(31);
    const b = figures.get(identityKey({ job: 'rustydb', instance: 'b:8080' }))!;
    expect(b.performance.transactionsPerSecond).toBeNull();
    expect(b.pools).toEqual([]);
    expect(figures.has(identityKey({ job: 'rustydb', instance: 'c:8080' }))).toBe(false);
  });

  it('keeps only finite values and skips series that are not objects', () => {
    const body = {
      status: 'success',
      data: {
        resultType: 'vector',
        result: [
          { metric: { job: 'j', instance: 'i' }, value: [1, 'NaN'] },
          { metric: { job: 'j', instance: 'k' }, value: [1, '+Inf'] },
          { metric: { job: 'j', instance: 'l' }, value: [1, '7'] },
          'junk',
        ],
      },
    };
    expect(samplesOf(body)).toEqual([
      { labels: { job: 'j', instance: 'i' }, values: [] },
      { labels: { job: 'j', instance: 'k' }, values: [] },
      { labels: { job: 'j', instance: 'l' }, values: [7] },
    ]);
  });

  it.each([
    [
      'an error answer',
      { status: 'error', error: 'parse error at char 3' },
      'Prometheus did not answer the query: parse error at char 3.',
    ],
    ['HTML', '<html>', 'Prometheus did not answer the query.'],
    ['no result list', { status: 'success', data: {} }, 'Prometheus did not answer the query.'],
  ])('says so for %s', (_, body, message) => {
    expect(() => samplesOf(body)).toThrow(message);
  });
});
