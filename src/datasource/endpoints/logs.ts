import { QueryResultMetaNotice } from '@grafana/data';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { maskSecrets } from '../../rustydb/masking';
import { Parser, viewRunner } from './area';
import { contentIds, logFrame, severityOf } from './logFrame';
import { emptyNotices, keptRows, listRows } from './parse/parsers';
import { asObject, f, Issues, readValue, Row } from './parse/read';

const LOGS = ENDPOINTS.logs.path;

const TIME = f.time('timestamp', 'Time');
const LEVEL = f.str('level', 'Level');
const MESSAGE = f.str('message', 'Message');

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

export const runLogs = viewRunner({ list: { endpoint: 'logs', parse: parseLogs } });
