import { Threshold, THRESHOLDS, ThresholdKey } from '../../../src/rustydb/thresholds';

/**
 * Threshold levels as panel descriptions write them ("75 %", "500", "30 s", "5 minutes"), read from the one source
 * of truth so that a changed level cannot leave a description behind.
 */
export function level(key: ThresholdKey, severity: 'warning' | 'critical'): string {
  const threshold: Threshold = THRESHOLDS[key];
  const value = threshold[severity];
  if (value === undefined) {
    throw new Error(`${key} has no ${severity} level`);
  }
  switch (threshold.unit) {
    case 'percent':
      return `${value} %`;
    case 'percentunit':
      return `${Math.round(value * 10000) / 100} %`;
    case 's':
      return duration(value);
    default:
      return String(value);
  }
}

/** The guide's healthy baseline of a threshold that has one, as a description writes it ("95 %"). */
export function baseline(key: ThresholdKey): string {
  const value: number | undefined = (THRESHOLDS[key] as Threshold).baseline;
  if (value === undefined) {
    throw new Error(`${key} has no baseline`);
  }
  return THRESHOLDS[key].unit === 'percentunit' ? `${Math.round(value * 10000) / 100} %` : String(value);
}

/** How long a threshold's condition must hold, e.g. "5 minutes". */
export function holdFor(key: ThresholdKey): string {
  const window = THRESHOLDS[key].for;
  const match = window?.match(/^(\d+)m$/);
  if (!match) {
    throw new Error(`${key} has no whole-minute for: (${String(window)})`);
  }
  return duration(Number(match[1]) * 60);
}

function duration(seconds: number): string {
  if (seconds < 60 || seconds % 60 !== 0) {
    return `${seconds} s`;
  }
  const minutes = seconds / 60;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
