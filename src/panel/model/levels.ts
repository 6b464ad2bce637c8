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

/**
 * The level of a value against field-config thresholds.
 *
 * A value exactly at a step has NOT crossed it: the guide says "above 80 %", RustyDB's alert rules use `>`, and
 * `levelOf` in src/rustydb/thresholds.ts agrees. (Stock Grafana panels colour a value from the step it reaches, so a
 * stat panel shows exactly 80 % in the warning colour; this panel calls it ok.)
 *
 * Levels follow the step's position: the base step is ok, the highest step is critical, any step between is warning.
 * In percentage mode, the value is placed within `range` first.
 */
export function levelFromThresholds(
  value: number,
  config: ThresholdsConfig,
  range: { min: number; max: number }
): LevelResult {
  const steps = [...config.steps].sort((a, b) => stepValue(a) - stepValue(b));
  if (steps.length === 0) {
    return { level: 'ok', color: 'text' };
  }
  const span = range.max - range.min;
  const compared =
    config.mode === ThresholdsMode.Percentage ? (span > 0 ? ((value - range.min) / span) * 100 : 0) : value;
  let index = 0;
  for (let i = 1; i < steps.length; i++) {
    if (compared > stepValue(steps[i])) {
      index = i;
    }
  }
  const level: Level = index === 0 ? 'ok' : index === steps.length - 1 ? 'critical' : 'warning';
  return { level, color: steps[index].color };
}
