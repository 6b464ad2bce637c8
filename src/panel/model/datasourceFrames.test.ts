/**
 * The panel reads what the RustyDB datasource really produces: its pool-stats parser on the API fixtures, and its
 * live-mode buffers growing those frames into time series.
 */
import { parsePoolStats, poolConfigs } from '../../datasource/endpoints/pools';
import { SeriesBuffers } from '../../datasource/live/buffers';
import { FIXTURE_CONFIGS, FIXTURE_STATS } from '../testing/frames';
import { panelModel } from './panelModel';
import { levelSettings } from './settings';

const NOW = 1_767_002_400_000;
const context = (now: number) => ({ refId: 'A', now, range: { from: now - 1, to: now }, keep: () => true });
const { configs } = poolConfigs(FIXTURE_CONFIGS);
const frameFor = (id: string, body: object, now = NOW) => parsePoolStats(body, context(now), id, configs.get(id));

it("shows each pool of the datasource's pool-stats query with max and headroom from /api/v1/pools", () => {
  const model = panelModel(
    [frameFor('default', FIXTURE_STATS), frameFor('readonly', FIXTURE_STATS)],
    {},
    levelSettings(undefined)
  );
  expect(model.kind === 'pools' && model.pools.map((p) => [p.id, p.utilisation, p.waiting, p.max, p.headroom])).toEqual(
    [
      ['default', 0.625, 2, 100, 60],
      ['readonly', 0.625, 2, 50, 10],
    ]
  );
});

it("draws trends from the datasource's live mode, which grows each pool frame poll by poll", () => {
  const buffers = new SeriesBuffers(100);
  let frames = buffers.update([]);
  [10, 20, 30].forEach((active, i) => {
    const body = { ...FIXTURE_STATS, active_connections: active, idle_connections: 40 - active, waiting_requests: i };
    frames = buffers.update([frameFor('default', body, NOW + i * 5000)]);
  });
  const model = panelModel(frames, {}, levelSettings(undefined));
  expect(model.kind).toBe('pools');
  const [pool] = model.kind === 'pools' ? model.pools : [];
  expect(pool.trend.utilisation.map((s) => s.value)).toEqual([0.25, 0.5, 0.75]);
  expect(pool.trend.waiting.map((s) => s.value)).toEqual([0, 1, 2]);
  expect(pool.active).toBe(30);
});
