import { Labels, ThresholdsConfig } from '@grafana/data';
import { poolUtilisation } from '../../rustydb/pools';
import { worst } from '../../rustydb/severity';
import { Level, levelOf, THRESHOLDS } from '../../rustydb/thresholds';
import { NumericRole } from '../types';
import { LinkSource, PoolSource, Sample } from './extract';
import { LevelResult, LevelScale, levelScale } from './levels';

export interface LevelSettings {
  utilisation: ThresholdsConfig;
  waiting: ThresholdsConfig;
}

interface Churn {
  /** created / acquired over the pool's lifetime: the share of acquisitions that had to open a connection. */
  createdPerAcquired: number | null;
  /** Connections opened and closed per minute over the data's time range (time series only). */
  createdPerMinute: number | null;
  destroyedPerMinute: number | null;
}

export interface Pool {
  key: string;
  id: string;
  labels: Labels;
  active: number;
  idle: number;
  total: number;
  /** null: the data has no waiting requests for this pool. */
  waiting: number | null;
  max: number | null;
  acquired: number | null;
  created: number | null;
  destroyed: number | null;
  /** active / (active + idle); null when the pool holds no connections. */
  utilisation: number | null;
  utilisationLevel: LevelResult | null;
  waitingLevel: LevelResult | null;
  /** The worse of the utilisation and waiting levels. */
  level: Level;
  /** Connections that can still be opened (max − total). */
  headroom: number | null;
  /** active / max, with the guide's "connections in use" level. */
  inUse: number | null;
  inUseLevel: Level | null;
  churn: Churn;
  /** Empty unless the data is a time series with at least two points. */
  trend: { utilisation: Sample[]; waiting: Sample[] };
  link?: LinkSource;
}

interface IncompletePool {
  id: string;
  missing: NumericRole[];
}

export interface PoolModel {
  pools: Pool[];
  /** Entries that could not be shown: fewer than two of active, idle and total. */
  incomplete: IncompletePool[];
  /** Pools shown without waiting requests. */
  withoutWaiting: number;
}

/** Shared by every pool without a trend; never changed. */
const NO_SAMPLES: Sample[] = [];

/** Of active, idle and total, any two give the third. */
function connections(a: number | null, i: number | null, t: number | null) {
  if (a !== null && i !== null) {
    return { active: a, idle: i, total: t ?? a + i };
  }
  if (a !== null && t !== null) {
    return { active: a, idle: Math.max(0, t - a), total: t };
  }
  if (i !== null && t !== null) {
    return { active: Math.max(0, t - i), idle: i, total: t };
  }
  return null;
}

function byTime(samples: Sample[] | undefined): Map<number, number> {
  return new Map((samples ?? []).map((s) => [s.time, s.value]));
}

function isSeries(samples: Sample[] | undefined): samples is Sample[] {
  return samples !== undefined && samples.length > 1;
}

function utilisationTrend(series: NonNullable<PoolSource['series']>): Sample[] {
  // Most data is one current reading per pool: no series, so no trend, and no maps to build for it.
  if (!series.active && !series.idle) {
    return NO_SAMPLES;
  }
  const active = byTime(series.active);
  const idle = byTime(series.idle);
  const total = byTime(series.total);
  const times = [...new Set([...active.keys(), ...idle.keys()])].sort((a, b) => a - b);
  const trend = times.flatMap((time) => {
    const c = connections(active.get(time) ?? null, idle.get(time) ?? null, total.get(time) ?? null);
    const value = c ? poolUtilisation(c.active, c.idle) : null;
    return value === null ? [] : [{ time, value }];
  });
  return trend.length > 1 ? trend : NO_SAMPLES;
}

/** The increase of a lifetime counter per minute; a drop is a restart, after which the counter counts from zero. */
function perMinute(samples: Sample[] | undefined): number | null {
  if (!isSeries(samples)) {
    return null;
  }
  const minutes = (samples[samples.length - 1].time - samples[0].time) / 60_000;
  if (minutes <= 0) {
    return null;
  }
  let increase = 0;
  for (let i = 1; i < samples.length; i++) {
    const delta = samples[i].value - samples[i - 1].value;
    increase += delta >= 0 ? delta : samples[i].value;
  }
  return increase / minutes;
}

interface Scales {
  utilisation: LevelScale;
  waiting: LevelScale;
}

const NO_TREND: Pool['trend'] = { utilisation: NO_SAMPLES, waiting: NO_SAMPLES };
const NO_SERIES: NonNullable<PoolSource['series']> = {};

// Called for every pool of every refresh, so it allocates only the pool and its churn (10,000 pools are common).
function buildPool(source: PoolSource, scales: Scales): Pool | IncompletePool {
  const s = source.series ?? NO_SERIES;
  const v = source.latest;
  const c = connections(v.active ?? null, v.idle ?? null, v.total ?? null);
  if (!c) {
    const missing = (['active', 'idle', 'total'] as const).filter((role) => v[role] === undefined);
    return { id: source.id, missing };
  }
  const { active, idle, total } = c;
  const utilisation = poolUtilisation(active, idle);
  const utilisationLevel = utilisation === null ? null : scales.utilisation(utilisation, 0, 1);
  const waiting = v.waiting ?? null;
  const waitingLevel = waiting === null ? null : scales.waiting(waiting, 0, Math.max(total, 1));
  const max = v.max ?? null;
  const inUse = max !== null && max > 0 ? active / max : null;
  const acquired = v.acquired ?? null;
  const created = v.created ?? null;
  const utilisationSeries = utilisationTrend(s);
  const waitingSeries = isSeries(s.waiting) ? s.waiting : NO_SAMPLES;
  return {
    key: source.key,
    id: source.id,
    labels: source.labels,
    active,
    idle,
    total,
    waiting,
    max,
    acquired,
    created,
    destroyed: v.destroyed ?? null,
    utilisation,
    utilisationLevel,
    waitingLevel,
    level: worst(utilisationLevel?.level, waitingLevel?.level),
    headroom: max === null ? null : max - total,
    inUse,
    inUseLevel: inUse === null ? null : levelOf(THRESHOLDS.connectionsInUse, inUse),
    churn: {
      createdPerAcquired: acquired !== null && created !== null && acquired > 0 ? created / acquired : null,
      createdPerMinute: perMinute(s.created),
      destroyedPerMinute: perMinute(s.destroyed),
    },
    trend:
      utilisationSeries === NO_SAMPLES && waitingSeries === NO_SAMPLES
        ? NO_TREND
        : { utilisation: utilisationSeries, waiting: waitingSeries },
    link: source.link,
  };
}

/** Pools from what the frames said: current values from the latest sample, levels from the thresholds. */
export function buildPools(sources: PoolSource[], settings: LevelSettings): PoolModel {
  const pools: Pool[] = [];
  const incomplete: IncompletePool[] = [];
  const scales = { utilisation: levelScale(settings.utilisation), waiting: levelScale(settings.waiting) };
  for (const source of sources) {
    const built = buildPool(source, scales);
    if ('key' in built) {
      pools.push(built);
    } else {
      incomplete.push(built);
    }
  }
  return { pools, incomplete, withoutWaiting: pools.filter((p) => p.waiting === null).length };
}
