import { createDataFrame, FieldType } from '@grafana/data';
import { levelSettings } from './settings';
import { panelModel, PanelModel } from './panelModel';
import { Pool } from './pools';
import {
  configTable,
  FIXTURE_STATS,
  liveFrame,
  promInstant,
  promSeries,
  stats,
  statsFrames,
  statsTable,
} from '../testing/frames';

const settings = levelSettings(undefined);

function pools(model: PanelModel): Pool[] {
  if (model.kind !== 'pools') {
    throw new Error(`expected pools, got ${JSON.stringify(model)}`);
  }
  return model.pools;
}

const summary = (p: Pool) => ({ id: p.id, active: p.active, idle: p.idle, total: p.total, waiting: p.waiting });

describe('panelModel reads every supported data shape', () => {
  const rows = [stats('default', 25, 15, 2), stats('readonly', 48, 2, 21)];
  const expected = [
    { id: 'default', active: 25, idle: 15, total: 40, waiting: 2 },
    { id: 'readonly', active: 48, idle: 2, total: 50, waiting: 21 },
  ];

  it.each([
    ['RustyDB stats, one table with a row per pool', [statsTable(rows)]],
    ['RustyDB stats, one frame per pool', statsFrames(rows)],
    ['Prometheus instant, a frame per series, field named Value', promInstant(rows)],
    ['Prometheus instant, value field named after the metric', promInstant(rows, 1, { naming: 'metric' })],
  ])('%s', (_, frames) => {
    expect(pools(panelModel(frames, {}, settings)).map(summary)).toEqual(expected);
  });

  it('reads the RustyDB fixture body with its lifetime counters and churn', () => {
    const [pool] = pools(panelModel([statsTable([FIXTURE_STATS])], {}, settings));
    expect(pool).toMatchObject({
      id: 'default',
      utilisation: 25 / 40,
      acquired: 5000,
      created: 50,
      destroyed: 10,
      churn: { createdPerAcquired: 0.01, createdPerMinute: null, destroyedPerMinute: null },
    });
  });

  it('joins the /api/v1/pools config by pool id for max and headroom', () => {
    const result = pools(
      panelModel([statsTable([stats('default', 25, 15), stats('other', 1, 1)]), configTable()], {}, settings)
    );
    expect(result.find((p) => p.id === 'default')).toMatchObject({
      max: 100,
      headroom: 60,
      inUse: 0.25,
      inUseLevel: 'ok',
    });
    expect(result.find((p) => p.id === 'other')).toMatchObject({ max: null, headroom: null, inUse: null });
  });

  it('flags low headroom with the guide\'s "connections in use" level', () => {
    const [pool] = pools(panelModel([statsTable([stats('readonly', 46, 2)]), configTable()], {}, settings));
    expect(pool).toMatchObject({ max: 50, headroom: 2, inUseLevel: 'warning' });
  });

  it('keeps pools with the same id from different Prometheus instances apart, labels shown', () => {
    const frames = [
      ...promInstant([stats('default', 1, 1)], 1, { extraLabels: { instance: 'a:8080' } }),
      ...promInstant([stats('default', 2, 0)], 1, { extraLabels: { instance: 'b:8080' } }),
    ];
    const result = pools(panelModel(frames, {}, settings));
    expect(result.map((p) => [p.id, p.labels, p.utilisation])).toEqual([
      ['default', { instance: 'a:8080' }, 0.5],
      ['default', { instance: 'b:8080' }, 1],
    ]);
  });

  it('derives the missing one of active, idle and total (Prometheus active + size)', () => {
    const frames = [promSeries('active', 'p', [[1, 30]]), promSeries('total', 'p', [[1, 40]])];
    expect(pools(panelModel(frames, {}, settings)).map(summary)).toEqual([
      { id: 'p', active: 30, idle: 10, total: 40, waiting: null },
    ]);
  });
});

describe('time series', () => {
  const minute = 60_000;
  const points = [0, 1, 2, 3].map((i) => ({
    time: i * minute,
    active: 10 + i * 10,
    idle: 40 - i * 10,
    waiting: i * 3,
    created: 100 + i * 5,
  }));

  it('uses the latest point for current values and builds utilisation and waiting trends (live mode)', () => {
    const [pool] = pools(panelModel([liveFrame('default', [...points].reverse())], {}, settings));
    expect(summary(pool)).toEqual({ id: 'default', active: 40, idle: 10, total: 50, waiting: 9 });
    expect(pool.trend.utilisation.map((s) => s.value)).toEqual([0.2, 0.4, 0.6, 0.8]);
    expect(pool.trend.waiting.map((s) => s.value)).toEqual([0, 3, 6, 9]);
    expect(pool.churn.createdPerMinute).toBe(5);
  });

  it('counts a counter reset as a restart, not as negative churn', () => {
    const restarted = points.map((p, i) => ({ ...p, created: [100, 110, 4, 10][i] }));
    const [pool] = pools(panelModel([liveFrame('default', restarted)], {}, settings));
    expect(pool.churn.createdPerMinute).toBeCloseTo((10 + 4 + 6) / 3);
  });

  it('builds trends from Prometheus range queries', () => {
    const range = (values: number[]) => values.map((v, i): [number, number] => [i * minute, v]);
    const frames = [
      promSeries('active', 'p', range([1, 2, 3])),
      promSeries('idle', 'p', range([3, 2, 1])),
      promSeries('waiting', 'p', range([0, 7, 1])),
    ];
    const [pool] = pools(panelModel(frames, {}, settings));
    expect(pool.trend.utilisation.map((s) => s.value)).toEqual([0.25, 0.5, 0.75]);
    expect(pool.trend.waiting.map((s) => s.value)).toEqual([0, 7, 1]);
  });

  it('has no trend for a single point', () => {
    const [pool] = pools(panelModel([liveFrame('default', points.slice(0, 1))], {}, settings));
    expect(pool.trend).toEqual({ utilisation: [], waiting: [] });
  });
});

describe('zero connections and levels', () => {
  it('shows a pool without connections without dividing by zero', () => {
    const [pool] = pools(panelModel([statsTable([stats('empty', 0, 0)])], {}, settings));
    expect(pool).toMatchObject({ utilisation: null, utilisationLevel: null, level: 'ok' });
  });

  it('still rates waiting requests of a pool without connections', () => {
    const [pool] = pools(panelModel([statsTable([stats('starved', 0, 0, 30)])], {}, settings));
    expect(pool).toMatchObject({ utilisation: null, waitingLevel: { level: 'critical' }, level: 'critical' });
  });

  it.each([
    // active, idle, waiting → utilisation level, waiting level, pool level
    [80, 20, 5, 'ok', 'ok', 'ok'],
    [81, 19, 5, 'warning', 'ok', 'warning'],
    [95, 5, 20, 'warning', 'warning', 'warning'],
    [96, 4, 0, 'critical', 'ok', 'critical'],
    [10, 90, 21, 'ok', 'critical', 'critical'],
  ])('active %p idle %p waiting %p → %s / %s / %s', (active, idle, waiting, u, w, overall) => {
    const [pool] = pools(panelModel([statsTable([stats('p', active, idle, waiting)])], {}, settings));
    expect([pool.utilisationLevel?.level, pool.waitingLevel?.level, pool.level]).toEqual([u, w, overall]);
  });
});

describe('any table, with field mapping', () => {
  const table = createDataFrame({
    fields: [
      { name: 'Pool name', type: FieldType.string, values: ['a', 'b'] },
      { name: 'busy', type: FieldType.number, values: [9, 1] },
      { name: 'free', type: FieldType.number, values: [1, 1] },
      { name: 'queue', type: FieldType.number, values: [0, 7] },
    ],
  });

  it('matches names automatically where it can and says what is missing otherwise', () => {
    expect(panelModel([table], {}, settings)).toEqual({
      kind: 'missingFields',
      missing: ['idle'],
      found: ['free', 'queue'],
    });
  });

  it('uses the roles chosen in the options', () => {
    const model = panelModel([table], { idle: 'free', waiting: 'queue' }, settings);
    expect(pools(model).map(summary)).toEqual([
      { id: 'a', active: 9, idle: 1, total: 10, waiting: 0 },
      { id: 'b', active: 1, idle: 1, total: 2, waiting: 7 },
    ]);
  });

  it('lets a chosen field override an automatic match', () => {
    const model = panelModel([table], { active: 'queue', idle: 'free' }, settings);
    expect(pools(model).map((p) => p.active)).toEqual([0, 7]);
  });

  it('names both counts when neither is there', () => {
    const model = panelModel(
      [createDataFrame({ fields: [{ name: 'x', type: FieldType.number, values: [1] }] })],
      {},
      settings
    );
    expect(model).toEqual({ kind: 'missingFields', missing: ['active', 'idle'], found: ['x'] });
  });

  it('lists entries whose counts never meet in one pool (no shared pool id)', () => {
    const frames = [
      createDataFrame({ name: 'one', fields: [{ name: 'active', type: FieldType.number, values: [1] }] }),
      createDataFrame({ name: 'two', fields: [{ name: 'idle', type: FieldType.number, values: [1] }] }),
    ];
    expect(panelModel(frames, {}, settings)).toMatchObject({
      kind: 'pools',
      pools: [],
      incomplete: [
        { id: 'one', missing: ['idle', 'total'] },
        { id: 'two', missing: ['active', 'total'] },
      ],
    });
  });
});

describe('no data and partial data', () => {
  it.each([
    ['no frames', []],
    ['empty frames', [statsTable([]), createDataFrame({ fields: [] })]],
  ])('%s is no data', (_, frames) => {
    expect(panelModel(frames, {}, settings)).toEqual({ kind: 'noData' });
  });

  it('reports pools that lack counts and pools without waiting data', () => {
    const frames = [
      promSeries('active', 'complete', [[1, 1]]),
      promSeries('idle', 'complete', [[1, 1]]),
      promSeries('active', 'half', [[1, 1]]),
    ];
    const model = panelModel(frames, {}, settings);
    expect(model).toMatchObject({
      kind: 'pools',
      incomplete: [{ id: 'half', missing: ['idle', 'total'] }],
      withoutWaiting: 1,
    });
  });

  it('skips null and non-finite values', () => {
    const frame = statsTable([stats('a', 1, 1)]);
    frame.fields[1].values = [null];
    frame.fields[3].values = [NaN];
    expect(panelModel([frame], {}, settings)).toMatchObject({ kind: 'pools', pools: [], incomplete: [{ id: 'a' }] });
  });
});
