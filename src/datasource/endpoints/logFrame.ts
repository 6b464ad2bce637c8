/**
 * Log lines as Grafana's data-plane logs frame (`DataFrameType.LogLines`): fields `timestamp` (time), `body`
 * (string), `severity` (string), `id` (string) and `labels` (other: one object per line). This is what Grafana's
 * Explore logs view and Logs panel read (`parseDataplaneLogsFrame` in grafana/grafana
 * public/app/features/logs/logsFrame.ts): severity gives the level colours, the level filter and log volume; labels
 * show in each line's details; ids keep lines apart (and let live mode append only new ones).
 */
import { createDataFrame, DataFrame, DataFrameType, FieldType, LogLevel, QueryResultMetaNotice } from '@grafana/data';
import type { FrameContext } from './parse/frames';

export interface LogLine {
  /** Epoch milliseconds. */
  time: number;
  body: string;
  severity: LogLevel;
  /** Unique within the frame and stable between answers, so a line polled twice is recognised. */
  id: string;
  labels: Record<string, string>;
}

export interface LogFrameOptions {
  name: string;
  /** The request(s) made, shown in the query inspector. */
  path: string;
  notices: QueryResultMetaNotice[];
  /** Set when the server capped the answer at this many lines (Grafana shows it as the line limit). */
  limit?: number;
}

/** RustyDB's level names (`WARN`, `ERROR`, ...) as Grafana's; unknown names stay visible as `unknown`. */
export function severityOf(level: unknown): LogLevel {
  const key = typeof level === 'string' ? level.trim().toLowerCase() : '';
  return (LogLevel as Record<string, LogLevel>)[key] ?? LogLevel.unknown;
}

/** FNV-1a: a short, stable fingerprint of a line for its id. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  }
  return (hash >>> 0).toString(36);
}

/** Ids for lines that carry none: time and content, with a counter for identical lines in the same second. */
export function contentIds(lines: Array<Omit<LogLine, 'id'>>): LogLine[] {
  const seen = new Map<string, number>();
  return lines.map((line) => {
    const base = `${line.time}-${fingerprint(`${line.severity}\n${line.body}\n${JSON.stringify(line.labels)}`)}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    return { ...line, id: n === 0 ? base : `${base}-${n}` };
  });
}

/** Newest first, as Loki answers; ties keep a stable order by id. */
const newestFirst = (a: LogLine, b: LogLine) => b.time - a.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function logFrame(ctx: FrameContext, lines: LogLine[], opts: LogFrameOptions): DataFrame {
  const sorted = [...lines].sort(newestFirst);
  return createDataFrame({
    refId: ctx.refId,
    name: opts.name,
    meta: {
      type: DataFrameType.LogLines,
      typeVersion: [0, 0],
      preferredVisualisationType: 'logs',
      executedQueryString: `GET ${opts.path}`,
      ...(opts.limit !== undefined ? { limit: opts.limit } : {}),
      ...(opts.notices.length ? { notices: opts.notices } : {}),
    },
    fields: [
      { name: 'timestamp', type: FieldType.time, values: sorted.map((l) => l.time), config: {} },
      { name: 'body', type: FieldType.string, values: sorted.map((l) => l.body), config: {} },
      { name: 'severity', type: FieldType.string, values: sorted.map((l) => l.severity), config: {} },
      { name: 'id', type: FieldType.string, values: sorted.map((l) => l.id), config: {} },
      { name: 'labels', type: FieldType.other, values: sorted.map((l) => l.labels), config: {} },
    ],
  });
}

export function isLogFrame(frame: DataFrame): boolean {
  return frame.meta?.type === DataFrameType.LogLines;
}
