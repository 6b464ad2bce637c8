import { DAYS_UNTIL_LIMIT_LEVELS } from '../../src/rustydb/capacity';
import { colour, formatSummary, slackMessage } from './format';
import type { DailySummary } from './summary';

const base: DailySummary = {
  scope: { job: 'rustydb', instance: '.+' },
  from: new Date('2026-03-01T06:00:00Z'),
  to: new Date('2026-03-02T06:00:00Z'),
  availability: 0.99987,
  errorRate: 0.0012,
  p95LatencySeconds: 0.0421,
  queriesPerSecond: 1234.4,
  errorBudgetRemaining: 0.875,
  worstResource: { resource: 'disk', instance: 'db-1:9100', daysUntilLimit: 412.7 },
};

describe('the summary formats', () => {
  it('prints text, one aligned line per figure', () => {
    expect(formatSummary(base, 'text')).toBe(
      [
        'RustyDB daily summary: job rustydb, 2026-03-01 06:00Z to 2026-03-02 06:00Z',
        'Availability       99.99%',
        'Error rate         0.12%',
        'P95 latency        42 ms',
        'Queries/sec        1234',
        'Error budget left  87.5%',
        'Capacity           disk on db-1:9100 reaches its limit in 412 days',
        '',
      ].join('\n')
    );
  });

  it('says "no data" for a figure Prometheus has not, and names a pool', () => {
    const text = formatSummary(
      {
        ...base,
        p95LatencySeconds: null,
        worstResource: { resource: 'pool', pool: 'batch', instance: 'db-2:8080', daysUntilLimit: 12 },
      },
      'text'
    );
    expect(text).toContain('P95 latency        no data');
    expect(text).toContain('pool batch on db-2:8080 reaches its limit in 12 days');
    expect(formatSummary({ ...base, worstResource: null }, 'text')).toContain(
      'Capacity           no resource is growing'
    );
  });

  it('writes JSON with ISO times and nulls', () => {
    const doc = JSON.parse(formatSummary({ ...base, queriesPerSecond: null }, 'json'));
    expect(doc).toMatchObject({ from: '2026-03-01T06:00:00.000Z', queriesPerSecond: null, availability: 0.99987 });
  });

  it.each<[string, Partial<DailySummary>, string]>([
    ['healthy and far from every limit', {}, 'good'],
    [
      'a limit within the forecast horizon',
      { worstResource: { ...base.worstResource!, daysUntilLimit: 60 } },
      'warning',
    ],
    [
      'a limit within a month',
      { worstResource: { ...base.worstResource!, daysUntilLimit: DAYS_UNTIL_LIMIT_LEVELS.critical } },
      'danger',
    ],
    ['1 % of requests failing (the guide)', { errorRate: 0.01 }, 'danger'],
    ['no growing resource', { worstResource: null }, 'good'],
  ])('colours the Slack message when %s', (_, change, expected) => {
    expect(colour({ ...base, ...change })).toBe(expected);
    expect(slackMessage({ ...base, ...change })).toMatchObject({ attachments: [{ color: expected }] });
  });

  it('builds the Slack message of the Lightning guide: a title and short fields', () => {
    expect(slackMessage(base)).toEqual({
      text: 'RustyDB daily summary: job rustydb, 2026-03-01 06:00Z to 2026-03-02 06:00Z',
      attachments: [
        {
          color: 'good',
          fields: [
            { title: 'Availability', value: '99.99%', short: true },
            { title: 'Error rate', value: '0.12%', short: true },
            { title: 'P95 latency', value: '42 ms', short: true },
            { title: 'Queries/sec', value: '1234', short: true },
            { title: 'Error budget left', value: '87.5%', short: true },
            { title: 'Capacity', value: 'disk on db-1:9100 reaches its limit in 412 days', short: false },
          ],
        },
      ],
    });
  });
});
