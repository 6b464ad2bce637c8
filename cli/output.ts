import { CheckResult } from './checks/result';
import { EXIT_CODE, perfData } from './nagios';

/** The three output formats: a Nagios line with performance data, JSON, and the guide's CSV line(s). */

export const FORMATS = ['text', 'json', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface Report extends CheckResult {
  check: string;
  url: string;
  checkedAt: Date;
}

export interface Printed {
  stdout: string;
  stderr: string;
}

/** `2026-01-31 14:05:00` in local time, as the guide's `date '+%Y-%m-%d %H:%M:%S'`. */
export function csvTimestamp(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

const csvField = (v: string | number) =>
  typeof v === 'string' && /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : String(v);

export function nagiosLine(r: Report): string {
  // An ignored measure keeps its value for graphs, without levels that no longer apply.
  const perf = r.measurements.map((m) => perfData(m.ignored ? { ...m, threshold: undefined } : m)).join(' ');
  const text = [r.summary, ...(r.notes ?? [])].filter(Boolean).join('; ');
  // `|` separates performance data, so it cannot appear in the summary.
  return `RUSTYDB ${r.check.toUpperCase()} ${r.status} - ${text.replace(/\|/g, '/')}${perf ? ` | ${perf}` : ''}`;
}

export function print(r: Report, format: Format): Printed {
  switch (format) {
    case 'text':
      return { stdout: `${nagiosLine(r)}\n`, stderr: '' };
    case 'json': {
      const measurements = r.measurements.map(({ label, name, value, level, threshold, ignored }) => ({
        label,
        name,
        value,
        ...(threshold
          ? {
              level,
              warning: threshold.warning ?? null,
              critical: threshold.critical ?? null,
              direction: threshold.direction,
            }
          : {}),
        ...(ignored ? { ignored } : {}),
      }));
      const doc = {
        check: r.check,
        status: r.status,
        exitCode: EXIT_CODE[r.status],
        summary: r.summary,
        notes: r.notes ?? [],
        url: r.url,
        checkedAt: r.checkedAt.toISOString(),
        measurements,
      };
      return { stdout: `${JSON.stringify(doc, null, 2)}\n`, stderr: '' };
    }
    case 'csv': {
      // A failed check writes no CSV line (a log appended to by cron stays well-formed) and says why on stderr.
      const lines = r.csv.map((row) => [csvTimestamp(r.checkedAt), ...row].map(csvField).join(','));
      return { stdout: lines.map((l) => `${l}\n`).join(''), stderr: lines.length > 0 ? '' : `${nagiosLine(r)}\n` };
    }
  }
}
