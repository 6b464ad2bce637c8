import { Threshold as Step, ThresholdsConfig, ThresholdsMode } from '@grafana/data';
import { Level } from '../../rustydb/thresholds';

export interface LevelResult {
  level: Level;
  /** The colour name of the step the value is in (a Grafana colour name or CSS colour, resolved by the theme). */
  color: string;
}

function stepValue(step: Step): number {
  return step.value === null || step.value === undefined ? -Infinity : step.value;
}

/** `min` and `max` place the value in percentage mode (taken apart so that no range object is made per pool). */
export type LevelScale = (value: number, min: number, max: number) => LevelResult;

/**
 * The level of a value against field-config thresholds, as a function made once per thresholds config: the steps are
 * sorted once and each step's result is one shared object, since a panel places every pool on the same scale.
 *
 * A value exactly at a step has NOT crossed it: the guide says "above 80 %", RustyDB's alert rules use `>`, and
 * `levelOf` in src/rustydb/thresholds.ts agrees. (Stock Grafana panels colour a value from the step it reaches, so a
 * stat panel shows exactly 80 % in the warning colour; this panel calls it ok.)
 *
 * Levels follow the step's position: the base step is ok, the highest step is critical, any step between is warning.
 * In percentage mode, the value is placed within `range` first.
 */
export function levelScale(config: ThresholdsConfig): LevelScale {
  const steps = [...config.steps].sort((a, b) => stepValue(a) - stepValue(b));
  if (steps.length === 0) {
    const none: LevelResult = { level: 'ok', color: 'text' };
    return () => none;
  }
  const bounds = steps.map(stepValue);
  const results = steps.map((step, index): LevelResult => ({
    level: index === 0 ? 'ok' : index === steps.length - 1 ? 'critical' : 'warning',
    color: step.color,
  }));
  const percentage = config.mode === ThresholdsMode.Percentage;
  return (value, min, max) => {
    const span = max - min;
    const compared = percentage ? (span > 0 ? ((value - min) / span) * 100 : 0) : value;
    let index = 0;
    for (let i = 1; i < bounds.length; i++) {
      if (compared > bounds[i]) {
        index = i;
      }
    }
    return results[index];
  };
}

/** One value's level (see levelScale); a panel with many pools makes the scale once instead. */
export function levelFromThresholds(
  value: number,
  config: ThresholdsConfig,
  range: { min: number; max: number }
): LevelResult {
  return levelScale(config)(value, range.min, range.max);
}
