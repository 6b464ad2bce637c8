/**
 * The shapes the simulated load is made of: a daily curve with seeded wobble, and episodes (a pool under pressure,
 * a lagging replica, a burst of failed logins) that start at seeded moments. Each is a pure function of seed and
 * time, so any instant can be evaluated on its own.
 */
import { smoothNoise, unitNoise } from './prng';

const DAY_SEC = 86400;

/** Load in [0.02, 1]: quiet at 03:00 UTC, busiest at 15:00 UTC, with slow and fast seeded wobble. */
export function loadAt(seed: number, tSec: number): number {
  const hour = (((tSec % DAY_SEC) + DAY_SEC) % DAY_SEC) / 3600;
  const daily = 0.5 - 0.5 * Math.cos((2 * Math.PI * (hour - 3)) / 24);
  const wobble = 0.08 * smoothNoise(seed, 'load', tSec, 300) + 0.04 * smoothNoise(seed, 'load-fast', tSec, 45);
  return Math.min(1, Math.max(0.02, 0.12 + 0.72 * daily + wobble));
}

export interface EpisodeSpec {
  /** Episodes never cross a slot boundary, so finding the one at an instant looks at one slot only. */
  slotSec: number;
  probability: number;
  minSec: number;
  maxSec: number;
}

export interface Episode {
  start: number;
  end: number;
  /** Severity in [0.5, 1). */
  intensity: number;
}

function episodeInSlot(seed: number, kind: string, slot: number, spec: EpisodeSpec): Episode | null {
  // Four draws per slot from the kind's stream: whether, how long, where in the slot, how severe.
  const draw = (n: number) => unitNoise(seed, kind, slot * 4 + n);
  if (draw(0) >= spec.probability) {
    return null;
  }
  const duration = spec.minSec + draw(1) * (spec.maxSec - spec.minSec);
  const start = slot * spec.slotSec + draw(2) * (spec.slotSec - duration);
  return { start, end: start + duration, intensity: 0.5 + 0.5 * draw(3) };
}

export function episodeAt(seed: number, kind: string, tSec: number, spec: EpisodeSpec): Episode | null {
  const e = episodeInSlot(seed, kind, Math.floor(tSec / spec.slotSec), spec);
  return e && tSec >= e.start && tSec < e.end ? e : null;
}

/** Episodes that started in [fromSec, toSec], oldest first. */
export function episodesBetween(
  seed: number,
  kind: string,
  fromSec: number,
  toSec: number,
  spec: EpisodeSpec
): Episode[] {
  const episodes: Episode[] = [];
  for (let slot = Math.floor(fromSec / spec.slotSec); slot <= Math.floor(toSec / spec.slotSec); slot++) {
    const e = episodeInSlot(seed, kind, slot, spec);
    if (e && e.start >= fromSec && e.start <= toSec) {
      episodes.push(e);
    }
  }
  return episodes;
}

/** 0 outside the episode, rising to its intensity over the first fifth and falling over the last fifth. */
export function episodeLevel(e: Episode | null, tSec: number): number {
  if (!e) {
    return 0;
  }
  const ramp = (e.end - e.start) / 5;
  return e.intensity * Math.min(1, (tSec - e.start) / ramp, (e.end - tSec) / ramp);
}

// Aliased for speed under Jest's vm context (see prng.ts): histogram fractions are computed millions of times.
const { abs, exp, log, sign } = Math;

/** Abramowitz–Stegun 7.1.26, |error| < 1.5e-7: enough for histogram fractions. */
function erf(x: number): number {
  const a = abs(x);
  const t = 1 / (1 + 0.3275911 * a);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  return sign(x) * (1 - poly * exp(-a * a));
}

/** P(X ≤ x) for a log-normal duration with the given median and shape. */
export function logNormalCdf(x: number, median: number, sigma: number): number {
  return 0.5 * (1 + erf(log(x / median) / (sigma * Math.SQRT2)));
}

export function logNormalMean(median: number, sigma: number): number {
  return median * Math.exp((sigma * sigma) / 2);
}
