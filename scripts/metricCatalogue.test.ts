import path from 'path';
import { recordedNames } from '../monitoring/ruleModel';
import { findMentions, Mention, projectFiles, readText, unknownMentions } from './metricCatalogue';

const ROOT = path.resolve(__dirname, '..');
// Built at run time so this file itself holds no uncatalogued name for the scan below to find.
const FAKE = ['rustydb', 'made_up_metric'].join('_');
const NO_PREFIX = ['rustydb', 'nothing_'].join('_');
const CPU_BUCKET = ['rustydb', 'cpu_usage_percent_bucket'].join('_');
const RECORDED = new Set(['instance:rustydb_requests:rate5m']);

describe('findMentions', () => {
  it.each<[string, Array<Pick<Mention, 'name' | 'kind'>>]>([
    ['rate(rustydb_transactions_total[5m])', [{ name: 'rustydb_transactions_total', kind: 'series' }]],
    ['record: instance:rustydb_requests:rate5m', [{ name: 'instance:rustydb_requests:rate5m', kind: 'recorded' }]],
    [
      '`rustydb_connection_pool_*` and {__name__=~"rustydb_.+"}',
      [
        { name: 'rustydb_connection_pool_', kind: 'prefix' },
        { name: 'rustydb_', kind: 'prefix' },
      ],
    ],
    ['{"rustydb_cpu_usage_percent":1}', [{ name: 'rustydb_cpu_usage_percent', kind: 'series' }]],
    [
      'RUSTYDB_TOKEN, rustydb-check, myrustydb_x, x:rustydb_failed_requests',
      [{ name: 'rustydb_failed_requests', kind: 'series' }],
    ],
  ])('finds the names in %s', (text, expected) => {
    expect(findMentions(text).map(({ name, kind }) => ({ name, kind }))).toEqual(expected);
  });

  it('reports the line of each mention', () => {
    expect(findMentions(`a\nb ${FAKE}\n`)).toEqual([{ name: FAKE, kind: 'series', line: 2 }]);
  });
});

describe('unknownMentions', () => {
  it('accepts catalogued series, histogram series, recorded names and prefixes of catalogued names', () => {
    const text = [
      'rustydb_query_duration_seconds_bucket rustydb_query_duration_seconds_count rustydb_total_requests',
      'instance:rustydb_requests:rate5m rustydb_connection_pool_* rustydb_disk_io_',
    ].join('\n');
    expect(unknownMentions(text, RECORDED)).toEqual([]);
  });

  it('rejects a name outside the catalogue, an unrecorded rule name and a prefix of nothing', () => {
    const text = `${FAKE} instance:${FAKE}:rate5m ${NO_PREFIX}*`;
    expect(unknownMentions(text, RECORDED).map((m) => m.name)).toEqual([FAKE, `instance:${FAKE}:rate5m`, NO_PREFIX]);
  });

  it('accepts a histogram by its family name but rejects a histogram suffix on a gauge', () => {
    expect(unknownMentions(`rustydb_query_duration_seconds ${CPU_BUCKET}`, RECORDED).map((m) => m.name)).toEqual([
      CPU_BUCKET,
    ]);
  });
});

describe('the project', () => {
  it('uses only catalogued rustydb_* metrics and recording rules that monitoring/rules defines', () => {
    const recorded = recordedNames();
    const files = projectFiles(ROOT);
    expect(files.length).toBeGreaterThan(50);
    const problems = files.flatMap((file) => {
      const text = readText(ROOT, file);
      return text === undefined
        ? []
        : unknownMentions(text, recorded).map((m) => `${file}:${m.line}: ${m.name} (${m.kind})`);
    });
    expect(problems).toEqual([]);
  });

  it('scans the rule files, the dashboards and the docs, but not the fixtures or the catalogue', () => {
    const files = projectFiles(ROOT);
    expect(files).toEqual(expect.arrayContaining(['monitoring/rules/rustydb-alerts.yml', 'README.md']));
    expect(files.filter((f) => f.startsWith('fixtures/') || f === 'src/rustydb/metrics.ts')).toEqual([]);
  });
});
