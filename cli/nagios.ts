import { Level, Threshold } from '../src/rustydb/thresholds';

/** Nagios plugin conventions: the four states, their exit codes, and performance data. */

export type Status = 'OK' | 'WARNING' | 'CRITICAL' | 'UNKNOWN';

export const EXIT_CODE: Record<Status, number> = { OK: 0, WARNING: 1, CRITICAL: 2, UNKNOWN: 3 };

/** Worst first when combining: CRITICAL, WARNING, UNKNOWN, OK (the monitoring-plugins' max_state_alt). */
const RANK: Record<Status, number> = { OK: 0, UNKNOWN: 1, WARNING: 2, CRITICAL: 3 };

export function worst(statuses: Status[]): Status {
  return statuses.reduce<Status>((a, b) => (RANK[b] > RANK[a] ? b : a), 'OK');
}

export const STATUS_OF_LEVEL: Record<Level, Status> = { ok: 'OK', warning: 'WARNING', critical: 'CRITICAL' };

/** A threshold level as a Nagios range: `90` alerts above 90, `10:` alerts below 10. */
export function nagiosRange(threshold: Threshold | undefined, level: 'warning' | 'critical'): string {
  const limit = threshold?.[level];
  if (limit === undefined) {
    return '';
  }
  return threshold!.direction === 'above' ? String(limit) : `${limit}:`;
}

export interface PerfDatum {
  label: string;
  value: number;
  uom: string;
  threshold?: Threshold;
  min?: number;
  max?: number;
}

/** `'label'=value[uom];warn;crit;min;max`, with empty trailing fields dropped. */
export function perfData(d: PerfDatum): string {
  const label = /^[A-Za-z0-9_.-]+$/.test(d.label) ? d.label : `'${d.label.replace(/'/g, "''")}'`;
  const fields = [
    `${label}=${Number(d.value.toPrecision(12))}${d.uom}`,
    nagiosRange(d.threshold, 'warning'),
    nagiosRange(d.threshold, 'critical'),
    d.min === undefined ? '' : String(d.min),
    d.max === undefined ? '' : String(d.max),
  ];
  return fields.join(';').replace(/;+$/, '');
}
