import type { Sample } from './extract';
import type { LevelResult } from './levels';
import type { Pool } from './pools';

const NUMBERS = [
  'active',
  'idle',
  'total',
  'waiting',
  'max',
  'acquired',
  'created',
  'destroyed',
  'utilisation',
  'headroom',
  'inUse',
] as const;

const sameLevel = (a: LevelResult | null, b: LevelResult | null) =>
  a === b || (a !== null && b !== null && a.level === b.level && a.color === b.color);

/** Trends are compared by length and their first and last samples: a refresh moves the window or appends to it. */
const sameTrend = (a: Sample[], b: Sample[]) =>
  a === b ||
  (a.length === b.length &&
    (a.length === 0 ||
      (a[0].time === b[0].time &&
        a[a.length - 1].time === b[b.length - 1].time &&
        a[a.length - 1].value === b[b.length - 1].value)));

/**
 * Whether two builds of a pool show the same: same identity, values, levels, churn and trends, and a link from the
 * same row. A refresh rebuilds every pool; entries whose pool reads the same are not drawn again.
 */
export function sameReading(a: Pool, b: Pool): boolean {
  return (
    a === b ||
    (a.key === b.key &&
      NUMBERS.every((name) => a[name] === b[name]) &&
      a.level === b.level &&
      a.inUseLevel === b.inUseLevel &&
      sameLevel(a.utilisationLevel, b.utilisationLevel) &&
      sameLevel(a.waitingLevel, b.waitingLevel) &&
      a.churn.createdPerAcquired === b.churn.createdPerAcquired &&
      a.churn.createdPerMinute === b.churn.createdPerMinute &&
      a.churn.destroyedPerMinute === b.churn.destroyedPerMinute &&
      sameTrend(a.trend.utilisation, b.trend.utilisation) &&
      sameTrend(a.trend.waiting, b.trend.waiting) &&
      a.link?.rowIndex === b.link?.rowIndex &&
      a.link?.field.name === b.link?.field.name)
  );
}
