/**
 * Calibration of the documented server: healthy, as the shipped alert rules and SLOs judge it, except during its
 * scheduled episodes, which happen a few times a week and each cross the level of the alert that should catch them.
 * Pure: the model runs forward minute by minute over a seeded week (after three days that fill the SLO's long
 * windows), and every value is computed the way the rules compute it (`ruleView.ts`).
 */
import { alertRules, loadRuleFiles, recordingRules } from '../../monitoring/ruleModel';
import { levelOf, THRESHOLDS, ThresholdKey } from '../../src/rustydb/thresholds';
import { POOLS, REPLICAS } from '../model/catalogue';
import { alertsOf } from '../model/conditions';
import { EpisodeFamily, poolStream, replicaStream } from '../model/episodes';
import {
  episodesOf,
  forMinutes,
  increase,
  inEpisode,
  Interval,
  latencyErrorRatio,
  latencySlos,
  longestRun,
  MINUTE,
  SIGNALS,
  simulate,
  Timeline,
} from './ruleView';

/** Monday 2026-01-05 00:00 UTC. */
const WEEK_START = Date.UTC(2026, 0, 5) / 1000;
const WEEK_MINUTES = 7 * 24 * 60;
/** 1: `npm run simulator` and docker-compose; 7: the contract and datasource tests. */
const SEEDS = [1, 7];
/** An episode explains a level crossed up to the longest window the rules look back over (5 minutes), and a minute. */
const LOOK_BACK_MIN = 6;
const SLOS = latencySlos();
/** The freshness SLO's bound: a replica at most this many seconds behind (rules/rustydb-slo.yml). */
const FRESHNESS_BOUND_SEC = Number(
  /> bool (\d+)/.exec(
    recordingRules(loadRuleFiles()).find((r) => r.record === 'job:rustydb_replication_lag_over_10s:bool')!.expr
  )![1]
);
const REPLICA_DOWN_FOR_MIN = Number(
  /^(\d+)m$/.exec(alertRules(loadRuleFiles()).find((r) => r.alert === 'RustyDBReplicaDown')!.for!)![1]
);

const signal = (key: ThresholdKey) => SIGNALS.find((s) => s.key === key)!;
const crosses = (key: ThresholdKey, value: number) => levelOf(THRESHOLDS[key], value) !== 'ok';
const at = (tl: Timeline, i: number) => new Date(tl.minutes[i].tSec * 1000).toISOString();

/** Whether an episode of this kind (its stream: one pool, one replica) shows at minute i as its alert would see it. */
const SHOWS: Record<EpisodeFamily, (tl: Timeline, i: number, stream: string) => boolean> = {
  pool: (tl, i, stream) => {
    const n = POOLS.findIndex((p) => poolStream(p.config.pool_id) === stream);
    return crosses('poolUtilisation', signal('poolUtilisation').values(tl, i)[n]);
  },
  replica: (tl, i, stream) => {
    const n = REPLICAS.findIndex((r) => replicaStream(r.replicaId) === stream);
    const replica = tl.minutes[i].gauges.replicas[n];
    return !replica.up || crosses('replicationLagSeconds', replica.lagSeconds);
  },
  logins: (tl, i) => crosses('failedLoginsPerMinute', signal('failedLoginsPerMinute').values(tl, i)[0]),
  deadlocks: (tl, i) => crosses('deadlocks', signal('deadlocks').values(tl, i)[0]),
};

const FAMILIES = Object.keys(SHOWS) as EpisodeFamily[];

it('evaluates every threshold of thresholds.ts', () => {
  expect(SIGNALS.map((s) => s.key).sort()).toEqual(Object.keys(THRESHOLDS).sort());
  // The Lightning guide's two latency objectives, each with the four burn-rate pairs.
  expect(SLOS.map((s) => [s.slo, s.objective, s.boundSec, s.burns.length])).toEqual([
    ['rustydb-latency', 0.95, 0.1, 4],
    ['rustydb-latency-1s', 0.99, 1, 4],
  ]);
});

describe.each(SEEDS)('seed %i, a week minute by minute', (seed) => {
  let tl: Timeline;
  let episodes: Interval[];
  let baseline: number[];

  /** The minutes an episode can show in: while it lasts, and as long as the rules' windows remember it. */
  const minutesOf = (e: Interval) => {
    const first = Math.max(0, Math.ceil((e.start - tl.minutes[0].tSec) / MINUTE));
    const last = Math.min(tl.minutes.length - 1, Math.floor((e.end - tl.minutes[0].tSec) / MINUTE) + LOOK_BACK_MIN);
    return Array.from({ length: last - first + 1 }, (_, k) => first + k);
  };

  beforeAll(() => {
    tl = simulate(seed, WEEK_START, 3, 7);
    episodes = episodesOf(tl);
    baseline = [];
    for (let i = tl.from; i < tl.minutes.length; i++) {
      if (!inEpisode(episodes, tl, i, LOOK_BACK_MIN)) {
        baseline.push(i);
      }
    }
  });

  it('is outside episodes most of the time', () => {
    expect(tl.minutes.length - tl.from).toBe(WEEK_MINUTES);
    expect(baseline.length).toBeGreaterThan(0.9 * WEEK_MINUTES);
  });

  it('crosses no alert level outside episodes: every threshold, replicas up, health healthy', () => {
    const breaches = baseline.flatMap((i) => [
      ...SIGNALS.flatMap((s) =>
        s.values(tl, i).flatMap((v, n) => (crosses(s.key, v) ? [`${s.key}[${n}] = ${v} at ${at(tl, i)}`] : []))
      ),
      ...tl.minutes[i].gauges.replicas.filter((r) => !r.up).map((r) => `${r.spec.replicaId} down at ${at(tl, i)}`),
      ...(tl.minutes[i].gauges.health === 'healthy' ? [] : [`health ${tl.minutes[i].gauges.health} at ${at(tl, i)}`]),
    ]);
    expect(breaches).toEqual([]);
  });

  it('lists no alert of its own (/api/v1/alerts) outside episodes', () => {
    const listed = baseline.flatMap((i) => alertsOf(tl.world, tl.minutes[i]).map((a) => `${a.title} at ${at(tl, i)}`));
    expect(listed).toEqual([]);
  });

  it('commits at its quietest at least twice the TPS warning level, even during episodes', () => {
    const tps = signal('transactionsPerSecond');
    const lowest = Math.min(...tl.minutes.slice(tl.from).map((_, k) => tps.values(tl, tl.from + k)[0]));
    expect(lowest).toBeGreaterThan(2 * THRESHOLDS.transactionsPerSecond.warning);
  });

  it.each(SLOS.map((s) => [s.slo, s]))(
    'keeps the queries slower than the %s bound within its budget outside episodes',
    (_, slo) => {
      const budget = 1 - slo.objective;
      const worst = Math.max(...baseline.map((i) => latencyErrorRatio(tl, i, '5m', slo.boundSec)));
      expect(worst).toBeLessThan(budget);
      // With room to spare: a busy afternoon is not one slow report away from a breach.
      expect(worst).toBeLessThan(0.75 * budget);
    }
  );

  it.each(SLOS.map((s) => [s.slo, s]))(
    'never burns the %s error budget fast enough to alert, episodes included',
    (_, slo) => {
      const limit = (factor: number) => factor * (1 - slo.objective);
      const firing: string[] = [];
      for (let i = tl.from; i < tl.minutes.length; i++) {
        for (const { long, short, factor } of slo.burns) {
          const ratios = [long, short].map((w) => latencyErrorRatio(tl, i, w, slo.boundSec));
          if (ratios.every((r) => r > limit(factor))) {
            firing.push(`${long}/${short} ${ratios.join('/')} at ${at(tl, i)}`);
          }
        }
      }
      expect(firing).toEqual([]);
    }
  );

  it('keeps every replica within the freshness SLO bound outside episodes', () => {
    const stale = baseline.flatMap((i) =>
      tl.minutes[i].gauges.replicas
        .filter((r) => r.lagSeconds > FRESHNESS_BOUND_SEC)
        .map((r) => `${r.spec.replicaId} ${r.lagSeconds}s at ${at(tl, i)}`)
    );
    expect(stale).toEqual([]);
  });

  it('spends under 5 % of the week past any alert level', () => {
    const past = tl.minutes
      .slice(tl.from)
      .filter((_, k) => SIGNALS.some((s) => s.values(tl, tl.from + k).some((v) => crosses(s.key, v))));
    expect(past.length).toBeLessThan(0.05 * WEEK_MINUTES);
  });

  describe.each(FAMILIES)('%s episodes', (family) => {
    const ofFamily = () => episodes.filter((e) => e.family === family && e.start >= WEEK_START);

    it('happen a few times a week, never more than four a day on average', () => {
      expect(ofFamily().length).toBeGreaterThanOrEqual(2);
      expect(ofFamily().length).toBeLessThanOrEqual(28);
    });

    it('each cross the level of the alert that catches them', () => {
      const unseen = ofFamily().filter((e) => !minutesOf(e).some((i) => SHOWS[family](tl, i, e.stream)));
      expect(unseen).toEqual([]);
    });
  });

  it('hold pool, replica and login levels long enough to fire their alerts (for:) at least once', () => {
    const held = (family: EpisodeFamily) =>
      longestRun(tl, (i) => episodes.some((e) => e.family === family && SHOWS[family](tl, i, e.stream)));
    const replicaDown = longestRun(tl, (i) => tl.minutes[i].gauges.replicas.some((r) => !r.up));
    expect({
      pool: held('pool') >= forMinutes('poolUtilisation'),
      replica: held('replica') >= forMinutes('replicationLagSeconds'),
      replicaDown: replicaDown >= REPLICA_DOWN_FOR_MIN,
      logins: held('logins') >= forMinutes('failedLoginsPerMinute'),
    }).toEqual({ pool: true, replica: true, replicaDown: true, logins: true });
  });

  it('raise a threat in every burst of failed logins, and none otherwise', () => {
    const bursts = episodes.filter((e) => e.family === 'logins');
    const threatsIn = (e: Interval) => {
      const span = minutesOf(e);
      return increase(tl, span[span.length - 1], span.length, (f) => f.threats);
    };
    expect(bursts.filter((e) => e.start >= WEEK_START).map(threatsIn)).not.toContain(0);
    const outside = tl.minutes
      .map((_, i) => i)
      .filter((i) => i > 0 && !inEpisode(bursts, tl, i, 1) && increase(tl, i, 1, (f) => f.threats) > 0);
    expect(outside.map((i) => at(tl, i))).toEqual([]);
  });
});
