import { formatLevel, Level, levelOf } from '../../src/rustydb/thresholds';
import { CheckFailure } from '../client';
import { PerfDatum, Status, STATUS_OF_LEVEL, worst } from '../nagios';

/** What every check returns, and the pieces the checks share: reading response fields and judging values. */

export interface Measurement extends PerfDatum {
  /** How the summary names it: "CPU", "pool default waiting". */
  name: string;
  /** What `--ignore` names: `tps`; `waiting` for the waiting requests of every pool. */
  measure: string;
  /** Unset when no threshold applies. */
  level?: Level;
  /** Named by `--ignore`: reported, but judged by no level. */
  ignored?: boolean;
}

export interface CheckResult {
  status: Status;
  summary: string;
  measurements: Measurement[];
  /** The CSV line(s), without the leading timestamp. */
  csv: Array<Array<string | number>>;
  /** What the operator should know about the answer beyond its figures (pools the server could not report). */
  notes?: string[];
}

/** The measures an operator may tell a check to ignore (`--ignore`), for example TPS on RustyDB v0.6.5. */
export type Ignored = ReadonlySet<string>;

export type Json = Record<string, unknown>;

export function asObject(body: unknown, source: string): Json {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new CheckFailure('UNKNOWN', `unexpected response from ${source}: not a JSON object`);
  }
  return body as Json;
}

export function field<T extends 'number' | 'string'>(
  obj: Json,
  key: string,
  type: T,
  source: string
): T extends 'number' ? number : string {
  const value = obj[key];
  if (typeof value !== type || (type === 'number' && !Number.isFinite(value))) {
    throw new CheckFailure('UNKNOWN', `unexpected response from ${source}: ${key} is not a ${type}`);
  }
  return value as T extends 'number' ? number : string;
}

/** A measured value as the summary prints it (levels use formatLevel, values are rounded). */
export function formatValue(value: number, unit: string): string {
  switch (unit) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'percentunit':
      return `${(value * 100).toFixed(1)}%`;
    case 'ops':
      return `${value.toFixed(1)}/s`;
    default:
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
  }
}

export function measure(m: Omit<Measurement, 'level'>): Measurement {
  return m.threshold ? { ...m, level: levelOf(m.threshold, m.value) } : m;
}

function describe(m: Measurement): string {
  const t = m.threshold!;
  const level = m.level as 'warning' | 'critical';
  return `${m.name} ${formatValue(m.value, t.unit)} (${level} ${t.direction} ${formatLevel(t[level]!, t.unit)})`;
}

const valueOf = (m: Measurement) => `${m.name} ${formatValue(m.value, m.threshold!.unit)}`;

/** Status and summary from the judged measurements: the problems worst first, or every value when all are fine. */
export function judge(
  measurements: Measurement[],
  ignored: Ignored
): Pick<CheckResult, 'status' | 'summary' | 'measurements'> {
  const marked = measurements.map((m) => (m.threshold && ignored.has(m.measure) ? { ...m, ignored: true } : m));
  const judged = marked.filter((m) => m.level !== undefined && !m.ignored);
  const status = worst(judged.map((m) => STATUS_OF_LEVEL[m.level!]));
  const problems = judged
    .filter((m) => m.level !== 'ok')
    .sort((a, b) => (a.level === 'critical' ? -1 : b.level === 'critical' ? 1 : 0));
  const shown = problems.length > 0 ? problems.map(describe) : judged.map(valueOf);
  return { status, summary: shown.join(', '), measurements: marked };
}

/** The summary's parts, then the ignored measurements with their values: `…; ignored: TPS 0.2/s`. */
export function withIgnored(parts: string[], measurements: Measurement[]): string {
  const skipped = measurements.filter((m) => m.ignored).map(valueOf);
  return [...parts, ...(skipped.length > 0 ? [`ignored: ${skipped.join(', ')}`] : [])].filter(Boolean).join('; ');
}
