/**
 * The documented model as the shipped Prometheus rules see it, minute by minute, without servers: gauges as scraped,
 * counters turned into the rules' windows (`rate(...[5m])`, `increase(...[5m])`), the latency SLI from the
 * query-duration histogram, and the scheduled episodes that explain any level crossed. Used by the calibration test.
 */
import { loadRuleFiles, recordingRules, alertRules } from '../../monitoring/ruleModel';
import { THRESHOLDS, ThresholdKey } from '../../src/rustydb/thresholds';
import { DURATION_BUCKETS } from '../model/catalogue';
import { EpisodeFamily, episodesOverlapping } from '../model/episodes';
import { Flows, Gauges, Snapshot, World } from '../model/world';

export const MINUTE = 60;
const DAY = 86400;

export interface Timeline {
  world: World;
  seed: number;
  /** One snapshot per minute, from the first whole minute the server was up. */
  minutes: Snapshot[];
  /** Index of the first minute evaluated (earlier minutes only fill the long windows). */
  from: number;
}

/** Runs the model forward minute by minute (counters are integrated once, in order) over warm-up plus `days`. */
export function simulate(seed: number, startSec: number, warmUpDays: number, days: number): Timeline {
  const world = new World(seed, (startSec - warmUpDays * DAY) * 1000);
  const first = Math.ceil(world.serverStartSec / MINUTE) * MINUTE;
  const minutes: Snapshot[] = [];
  for (let t = first; t < startSec + days * DAY; t += MINUTE) {
    minutes.push(world.snapshot(t * 1000));
  }
  return { world, seed, minutes, from: (startSec - first) / MINUTE };
}

/** `increase(counter[w])` at minute i, with the window cut at the server's start as Prometheus would. */
export function increase(tl: Timeline, i: number, windowMin: number, read: (f: Flows) => number): number {
  return read(tl.minutes[i].totals) - read(tl.minutes[Math.max(0, i - windowMin)].totals);
}

const minutesOf = (duration: string) => {
  const m = /^(\d+)([smhd])$/.exec(duration);
  if (!m) {
    throw new Error(`not a duration: ${duration}`);
  }
  return (Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd']) / MINUTE;
};

/** The window of every `:rate5m` recording rule the alerts read. */
const RATE_WINDOW_MIN = 5;

export interface Signal {
  key: ThresholdKey;
  /** One value per series (per pool, per replica, or one). */
  values(tl: Timeline, i: number): number[];
  /** How far back the value looks, minutes: an episode that recent still explains it. */
  windowMin: number;
}

const gauge = (key: ThresholdKey, read: (g: Gauges) => number[]): Signal => ({
  key,
  values: (tl, i) => read(tl.minutes[i].gauges),
  windowMin: 0,
});

const counted = (key: ThresholdKey, windowMin: number, perMinute: boolean, read: (f: Flows) => number): Signal => ({
  key,
  values: (tl, i) => [increase(tl, i, windowMin, read) / (perMinute ? windowMin : 1)],
  windowMin,
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/**
 * `histogram_quantile(q, rate(..._bucket[w]))` as Prometheus computes it: linear within the bucket the rank falls in,
 * the highest finite bound when it falls in +Inf. None (an empty list) without queries in the window.
 */
export function durationQuantile(tl: Timeline, i: number, windowMin: number, q: number): number[] {
  const total = increase(tl, i, windowMin, (f) => f.queries);
  if (total === 0) {
    return [];
  }
  const rank = q * total;
  let below = 0;
  for (let b = 0; b < DURATION_BUCKETS.length; b++) {
    const count = increase(tl, i, windowMin, (f) => f.buckets[b]);
    if (count >= rank) {
      const lower = b === 0 ? 0 : DURATION_BUCKETS[b - 1];
      return [lower + ((DURATION_BUCKETS[b] - lower) * (rank - below)) / (count - below)];
    }
    below = count;
  }
  return [DURATION_BUCKETS[DURATION_BUCKETS.length - 1]];
}

/** Every threshold of `thresholds.ts` as the alert rule computes it. */
export const SIGNALS: readonly Signal[] = [
  gauge('cpuPercent', (g) => [g.cpuPercent]),
  gauge('memoryPercent', (g) => [g.memoryPercent]),
  gauge('cacheHitRatio', (g) => [g.cacheHitRatio]),
  {
    key: 'transactionsPerSecond',
    values: (tl, i) => [increase(tl, i, RATE_WINDOW_MIN, (f) => f.transactions) / (RATE_WINDOW_MIN * MINUTE)],
    windowMin: RATE_WINDOW_MIN,
  },
  gauge('locksHeld', (g) => [g.locksHeld]),
  counted('deadlocks', minutesOf(THRESHOLDS.deadlocks.for), false, (f) => f.deadlocks),
  gauge('poolUtilisation', (g) => g.pools.map((p) => (p.total === 0 ? 0 : p.active / (p.active + p.idle)))),
  gauge('poolWaiting', (g) => g.pools.map((p) => p.waiting)),
  gauge('connectionsInUse', (g) => [
    sum(g.pools.map((p) => p.active)) / sum(g.pools.map((p) => p.spec.config.max_connections)),
  ]),
  counted('failedLoginsPerMinute', RATE_WINDOW_MIN, true, (f) => f.failedLogins),
  counted('threatsDetected', minutesOf(THRESHOLDS.threatsDetected.for), false, (f) => f.threats),
  gauge('replicationLagSeconds', (g) => g.replicas.map((r) => r.lagSeconds)),
  // The model keeps no disk usage and no failed HTTP requests (the simulator counts real requests, outside the model):
  // these alerts have no series to see in a simulated week.
  { key: 'diskUsagePercent', values: () => [], windowMin: 0 },
  { key: 'errorRatio', values: () => [], windowMin: RATE_WINDOW_MIN },
  {
    key: 'queryLatencyP95Seconds',
    values: (tl, i) => durationQuantile(tl, i, RATE_WINDOW_MIN, 0.95),
    windowMin: RATE_WINDOW_MIN,
  },
];

export const forMinutes = (key: ThresholdKey) => minutesOf(THRESHOLDS[key].for);

/** A latency SLO as `rules/rustydb-slo.yml` writes it: objective, "good" bound, and the burn-rate window pairs. */
export interface LatencySlo {
  slo: string;
  objective: number;
  boundSec: number;
  /** Each alert condition: both windows' error ratios above `factor × (1 − objective)`. */
  burns: Array<{ long: string; short: string; factor: number }>;
}

/** Every latency SLO (`slo` label `rustydb-latency…`), with the burn pairs of `RustyDBLatencyBudgetBurn`. */
export function latencySlos(): LatencySlo[] {
  const files = loadRuleFiles();
  const recorded = (record: string, slo: string) =>
    recordingRules(files).find((r) => r.record === record && r.labels?.slo === slo)!;
  const burns = alertRules(files)
    .filter((r) => r.alert === 'RustyDBLatencyBudgetBurn')
    .flatMap((r) => {
      const terms = [
        ...r.expr.matchAll(/ratio_rate(\w+)\{slo=~?"[^"]+"\} > on \(slo\) group_left \(\) \(([\d.]+) \*/g),
      ];
      return terms.flatMap((t, k) =>
        k % 2 === 0 ? [{ long: t[1], short: terms[k + 1][1], factor: Number(t[2]) }] : []
      );
    });
  const slos = [
    ...new Set(
      recordingRules(files)
        .map((r) => r.labels?.slo)
        .filter((slo): slo is string => slo?.startsWith('rustydb-latency') ?? false)
    ),
  ];
  return slos.map((slo) => ({
    slo,
    objective: Number(/vector\(([\d.]+)\)/.exec(recorded('slo:objective:ratio', slo).expr)![1]),
    boundSec: Number(/le=~?"([\d.]+)/.exec(recorded('slo:sli_error:ratio_rate5m', slo).expr)![1]),
    burns,
  }));
}

/** Share of the window's queries slower than `boundSec` (`slo:sli_error:ratio_rate<window>`). */
export function latencyErrorRatio(tl: Timeline, i: number, window: string, boundSec: number): number {
  const bucket = DURATION_BUCKETS.indexOf(boundSec);
  const windowMin = minutesOf(window);
  const total = increase(tl, i, windowMin, (f) => f.queries);
  return total === 0 ? 0 : (total - increase(tl, i, windowMin, (f) => f.buckets[bucket])) / total;
}

export interface Interval {
  family: EpisodeFamily;
  stream: string;
  start: number;
  end: number;
}

/** Every scheduled episode that overlaps the timeline. */
export function episodesOf(tl: Timeline): Interval[] {
  return episodesOverlapping(tl.seed, tl.minutes[0].tSec, tl.minutes[tl.minutes.length - 1].tSec).map((e) => ({
    family: e.kind.family,
    stream: e.kind.stream,
    start: e.start,
    end: e.end,
  }));
}

/** Whether any episode overlaps the `lookBackMin` minutes up to minute i. */
export function inEpisode(episodes: Interval[], tl: Timeline, i: number, lookBackMin: number): boolean {
  const t = tl.minutes[i].tSec;
  return episodes.some((e) => e.start <= t && e.end > t - lookBackMin * MINUTE);
}

/** The longest run of consecutive minutes (from `tl.from`) for which `holds` is true. */
export function longestRun(tl: Timeline, holds: (i: number) => boolean): number {
  let best = 0;
  let run = 0;
  for (let i = tl.from; i < tl.minutes.length; i++) {
    run = holds(i) ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return best;
}
