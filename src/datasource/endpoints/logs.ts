import { QueryType } from '../types';
import { createDataFrame, DataFrameType, FieldType, LogLevel, QueryResultMetaNotice } from '@grafana/data';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { maskSecrets } from '../../rustydb/masking';
import { Parser, viewRunner } from './area';
import { contentIds, logFrame, severityOf } from './logFrame';
import { emptyNotices, keptRows, listRows } from './parse/parsers';
import { Row } from '../../rustydb/json';
import type { LogEntry } from '../../rustydb/api/types';
import { asObject, fieldsOf, Issues, readValue } from './parse/read';

const LOGS = ENDPOINTS.logs.path;

const log = fieldsOf<LogEntry>();
const TIME = log.time('timestamp', 'Time');
const LEVEL = log.str('level', 'Level');
const MESSAGE = log.str('message', 'Message');

/** `context` values as label text: strings as they are, anything else as JSON (never as markup). */
function contextLabels(context: unknown): Record<string, string> {
  if (typeof context !== 'object' || context === null || Array.isArray(context)) {
    return {};
  }
  return Object.fromEntries(
    Object.entries(context).map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)])
  );
}

/** The server paginates (`total_count`, `has_more`): say so when the lines shown are not all it holds. */
function cappedNotice(body: Row, shown: number): { notice?: QueryResultMetaNotice; limit?: number } {
  const total = typeof body.total_count === 'number' ? body.total_count : shown;
  if (body.has_more !== true && total <= shown) {
    return {};
  }
  return {
    notice: {
      severity: 'warning',
      text: `${LOGS} holds ${total} entries and answered ${shown}: older lines in the time range are not shown.`,
    },
    limit: shown,
  };
}

/** RustyDB's application log (`/api/v1/logs`) as log lines, labelled with their `context`; levels filter. */
const parseLogs: Parser = (body, ctx) => {
  const issues = new Issues(LOGS);
  const record = asObject(body, LOGS);
  const all = listRows(body, LOGS, 'entries', issues);
  const inRange = keptRows(all, ctx, { timeKey: 'timestamp' });
  const rows = inRange.filter((row) => ctx.keep(row.level) || ctx.keep(severityOf(row.level)));
  const lines = contentIds(
    rows.map((row) => ({
      time: (readValue(row, TIME, issues) as number | null) ?? ctx.now,
      body: maskSecrets((readValue(row, MESSAGE, issues) as string | null) ?? ''),
      severity: severityOf(readValue(row, LEVEL, issues)),
      labels: { log: 'rustydb', ...contextLabels(row.context) },
    }))
  );
  const capped = cappedNotice(record, all.length);
  const notices = [
    ...issues.notices(),
    ...emptyNotices(LOGS, all.length, lines.length),
    ...(capped.notice ? [capped.notice] : []),
  ];
  return [logFrame(ctx, lines, { name: 'logs', path: LOGS, notices, limit: capped.limit })];
};

/** The guide's Kibana histogram uses 5-minute buckets; long ranges get wider ones, so a graph keeps ~100 bars. */
const MIN_BUCKET_MS = 5 * 60_000;
const MAX_BUCKETS = 100;
const VOLUME_LEVELS = [LogLevel.critical, LogLevel.error, LogLevel.warning, LogLevel.info, LogLevel.debug];
/** Grafana's colours for log levels, so the graph matches the logs view. */
const LEVEL_COLOR: Partial<Record<LogLevel, string>> = {
  [LogLevel.critical]: 'purple',
  [LogLevel.error]: 'red',
  [LogLevel.warning]: 'yellow',
  [LogLevel.info]: 'green',
  [LogLevel.debug]: 'blue',
};

/** Lines per level and time bucket (the guide's "errors over time"), as a wide time series that a graph draws. */
const parseVolume: Parser = (body, ctx) => {
  const [lines] = parseLogs(body, ctx);
  const span = ctx.range.to - ctx.range.from;
  const bucket = Math.max(MIN_BUCKET_MS, Math.ceil(span / MAX_BUCKETS / 60_000) * 60_000);
  const first = Math.floor(ctx.range.from / bucket) * bucket;
  const buckets = Math.max(1, Math.ceil((ctx.range.to - first) / bucket));
  const counts = new Map(VOLUME_LEVELS.map((level) => [level, new Array<number>(buckets).fill(0)]));
  const times = lines.fields[0].values as number[];
  const levels = lines.fields[2].values as LogLevel[];
  times.forEach((time, i) => {
    const slot = Math.min(buckets - 1, Math.floor((time - first) / bucket));
    const row = counts.get(levels[i]);
    if (row && slot >= 0) {
      row[slot]++;
    }
  });
  return [
    createDataFrame({
      refId: ctx.refId,
      name: 'log volume',
      meta: { ...lines.meta, type: DataFrameType.TimeSeriesWide, preferredVisualisationType: 'graph' },
      fields: [
        {
          name: 'time',
          type: FieldType.time,
          values: Array.from({ length: buckets }, (_, i) => first + i * bucket),
          config: { interval: bucket },
        },
        ...VOLUME_LEVELS.map((level) => ({
          name: level,
          type: FieldType.number,
          values: counts.get(level)!,
          config: { displayNameFromDS: level, unit: 'short', color: { mode: 'fixed', fixedColor: LEVEL_COLOR[level] } },
        })),
      ],
    }),
  ];
};

export const runLogs = viewRunner(QueryType.Logs, {
  list: { endpoint: 'logs', parse: parseLogs },
  volume: { endpoint: 'logs', parse: parseVolume },
});
