import { DataQueryRequest, dateTime, ScopedVars } from '@grafana/data';
import type { RustyDBQuery } from './types';

export interface RunOptions {
  /** Epoch milliseconds; the last hour by default. */
  range?: { from: number; to: number };
  scopedVars?: ScopedVars;
}

/**
 * The request Grafana would make for these targets, for running them outside Grafana's UI (tests, the app's pages,
 * scripts): the time range given (the last hour by default), the variables given, no panel and no dashboard.
 */
export function headlessRequest(
  targets: RustyDBQuery[],
  { range, scopedVars = {} }: RunOptions,
  now: number
): DataQueryRequest<RustyDBQuery> {
  const to = range?.to ?? now;
  const fromMs = range?.from ?? to - 3600_000;
  const timeRange = { from: dateTime(fromMs), to: dateTime(to), raw: { from: dateTime(fromMs), to: dateTime(to) } };
  return {
    requestId: 'rustydb-run',
    interval: '1m',
    intervalMs: 60_000,
    range: timeRange,
    scopedVars,
    targets,
    timezone: 'utc',
    app: 'rustydb',
    startTime: now,
  };
}
