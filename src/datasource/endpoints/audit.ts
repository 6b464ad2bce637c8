/**
 * RustyDB's audit log (`/api/v1/security/audit/logs`): the entries as log lines, and the security signals the guide
 * greps it for (failed logins, permission violations, administrative actions) counted over the time the entries
 * really cover. RustyDB answers at most `limit` entries, newest first; when it does, older entries of the range are
 * missing, so counts and rates cover only the newest entries' span and the frame says so.
 */
import { LogLevel, QueryResultMetaNotice } from '@grafana/data';
import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { AUDIT_LIMIT, AUDIT_SIGNALS, auditSignal, AuditSignal, DENIED } from '../../rustydb/audit';
import { maskSecrets } from '../../rustydb/masking';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { RustyDBError } from '../transport/errors';
import type { AuditEntry } from '../../rustydb/api/types';
import type { ViewName } from '../queryTypes';
import { AuditFilter, QueryType, RustyDBQuery } from '../types';
import { AreaContext, AreaResult, AreaRunner, ParseContext } from './area';
import { contentIds, logFrame, LogLine } from './logFrame';
import { snapshotFrame, tableFrame } from './parse/frames';
import { emptyNotices, listRows } from './parse/parsers';
import { Row } from '../../rustydb/json';
import { fieldsOf, fieldTable, Issues, readValue } from './parse/read';

const AUDIT_LOGS = ENDPOINTS.auditLogs.path;

/** Multi-value filters fan out; beyond this many combinations the query is probably a mistake. */
const MAX_AUDIT_REQUESTS = 20;

const entry = fieldsOf<AuditEntry>();

const FIELDS = {
  time: entry.time('timestamp', 'Time'),
  user: entry.str('user_id', 'User'),
  session: entry.str('session_id', 'Session'),
  client: entry.str('client_ip', 'Client'),
  action: entry.str('action', 'Action'),
  object: entry.str('object_name', 'Object', { nullable: true }),
  statement: entry.str('statement', 'Statement', { nullable: true }),
  success: entry.bool('success', 'Succeeded'),
  error: entry.str('error_message', 'Error', { nullable: true }),
};

/** The audit signals row, counted here from the entries. */
type AuditSignalCounts = {
  failed_logins: number;
  failed_logins_per_minute: number;
  permission_violations: number;
  admin_actions: number;
  minutes_covered: number;
};

/** One request's answer: its entries and whether RustyDB stopped at the limit. */
interface AuditAnswer {
  rows: Row[];
  capped: boolean;
}

/** The entries of every request, each once, and the span they cover for sure. */
interface AuditEntries {
  rows: Row[];
  limit: number;
  /** Epoch ms from which the entries are complete: the range's start, or later when an answer was capped. */
  coveredFrom: number;
  capped: boolean;
  path: string;
}

function limitOf(filter: AuditFilter | undefined, fallback: number): number {
  return Math.min(AUDIT_LIMIT.max, Math.max(AUDIT_LIMIT.min, Math.round(filter?.limit ?? fallback)));
}

/**
 * The audit-log paths for a filter: RustyDB filters by one user, session and object per request, so multi-value
 * variables give one request per combination. The time range always applies.
 */
function auditPaths(filter: AuditFilter | undefined, limit: number, ctx: AreaContext): string[] {
  const values = (text?: string) => (text ? ctx.expand(text) : ['']);
  const combos: Array<[string, string, string]> = [];
  for (const user of values(filter?.userId)) {
    for (const session of values(filter?.sessionId)) {
      for (const object of values(filter?.objectName)) {
        combos.push([user, session, object]);
      }
    }
  }
  if (combos.length > MAX_AUDIT_REQUESTS) {
    throw new RustyDBError(
      'invalidQuery',
      `The audit filters expand to ${combos.length} combinations of user, session and object (at most ${MAX_AUDIT_REQUESTS}). Select fewer variable values.`
    );
  }
  return combos.map(([user, session, object]) => {
    const params = new URLSearchParams({
      start_time: String(Math.floor(ctx.range.from / 1000)),
      end_time: String(Math.ceil(ctx.range.to / 1000)),
      limit: String(limit),
    });
    const add = (key: string, value: string) => value && params.set(key, value);
    add('user_id', user);
    add('session_id', session);
    add('object_name', object);
    return `${AUDIT_LOGS}?${params.toString()}`;
  });
}

const secondsOf = (row: Row) => (typeof row.timestamp === 'number' ? row.timestamp : NaN);

/** Merges the answers: each record once, newest first, and the span they cover completely. */
export function auditEntries(answers: AuditAnswer[], range: ParseContext['range'], limit: number): AuditEntries {
  const byId = new Map<unknown, Row>();
  let coveredFrom = range.from;
  for (const { rows, capped } of answers) {
    for (const row of rows) {
      byId.set(row.id ?? `row-${byId.size}`, row);
    }
    const oldest = Math.min(...rows.map(secondsOf).filter(Number.isFinite)) * 1000;
    if (capped && Number.isFinite(oldest)) {
      coveredFrom = Math.max(coveredFrom, oldest);
    }
  }
  const rows = [...byId.values()].sort((a, b) => secondsOf(b) - secondsOf(a));
  return { rows, limit, coveredFrom, capped: answers.some((a) => a.capped), path: AUDIT_LOGS };
}

async function fetchAudit(query: RustyDBQuery, ctx: AreaContext, defaultLimit: number, issues: Issues) {
  const limit = limitOf(query.audit, defaultLimit);
  const bodies = await Promise.all(auditPaths(query.audit, limit, ctx).map((path) => ctx.get(path)));
  const answers = bodies.map((body) => {
    const rows = listRows(body, AUDIT_LOGS, undefined, issues);
    return { rows, capped: rows.length >= limit };
  });
  return auditEntries(answers, ctx.range, limit);
}

const clock = (ms: number) => new Date(ms).toISOString().slice(0, 16).replace('T', ' ');

/** Says that RustyDB stopped at its limit, and what the answer then covers. */
export function cappedNotice(entries: AuditEntries, what: string): QueryResultMetaNotice[] {
  if (!entries.capped) {
    return [];
  }
  return [
    {
      severity: 'warning',
      text:
        `${AUDIT_LOGS} answered its limit of ${entries.limit} entries (newest first), so ${what} cover only ` +
        `${clock(entries.coveredFrom)}–now (UTC), not the whole time range. Narrow the range or raise the limit ` +
        `(at most ${AUDIT_LIMIT.max}).`,
    },
  ];
}

interface Entry {
  time: number | null;
  user: string;
  session: string;
  client: string;
  action: string;
  object: string | null;
  statement: string | null;
  success: boolean | null;
  error: string | null;
  signal?: AuditSignal;
}

function readEntry(row: Row, issues: Issues): Entry {
  const read = <K extends keyof typeof FIELDS>(key: K) => readValue(row, FIELDS[key], issues);
  const entry = {
    time: read('time') as number | null,
    user: (read('user') as string | null) ?? '',
    session: (read('session') as string | null) ?? '',
    client: (read('client') as string | null) ?? '',
    action: (read('action') as string | null) ?? '',
    object: read('object') as string | null,
    statement: read('statement') as string | null,
    success: read('success') as boolean | null,
    error: read('error') as string | null,
  };
  return {
    ...entry,
    signal: auditSignal({ action: entry.action, success: entry.success ?? true, statement: entry.statement }),
  };
}

const SEVERITY: Record<AuditSignal, LogLevel> = {
  failedLogin: LogLevel.warning,
  permissionViolation: LogLevel.error,
  adminAction: LogLevel.info,
};

/**
 * The line an operator reads: who did what from where, and how it ended (the guide's `DENIED` when refused); secrets
 * in statements are masked as Alloy masks them on the way to Loki.
 */
function bodyOf(e: Entry): string {
  const on = e.object ? ` on ${e.object}` : '';
  const statement = e.statement ? `: ${e.statement}` : '';
  const outcome =
    e.success === false
      ? ` — ${e.signal === 'permissionViolation' ? DENIED : 'FAILED'}${e.error ? ` (${e.error})` : ''}`
      : '';
  return maskSecrets(`${e.action} by ${e.user} from ${e.client}${on}${statement}${outcome}`);
}

function labelsOf(e: Entry): Record<string, string> {
  return {
    log: 'audit',
    user: e.user,
    action: e.action,
    result: e.success === false ? 'failure' : 'success',
    client_ip: e.client,
    session: e.session,
    ...(e.object ? { object: e.object } : {}),
    ...(e.signal ? { signal: e.signal } : {}),
  };
}

/** The filters RustyDB does not apply (action, result, signal), as one predicate; empty filters keep everything. */
function localFilter(filter: AuditFilter | undefined, ctx: AreaContext): (e: Entry) => boolean {
  const set = (text?: string) => new Set(ctx.expandAll(text ? [text] : []).map((v) => v.toLowerCase()));
  const actions = set(filter?.action);
  const results = set(filter?.result);
  const signals = set(filter?.signal);
  for (const s of signals) {
    if (!AUDIT_SIGNALS.some((known) => known.toLowerCase() === s)) {
      throw new RustyDBError('invalidQuery', `Unknown audit signal "${s}"; use one of ${AUDIT_SIGNALS.join(', ')}.`);
    }
  }
  return (e) =>
    (actions.size === 0 || actions.has(e.action.toLowerCase())) &&
    (results.size === 0 || results.has(e.success === false ? 'failure' : 'success')) &&
    (signals.size === 0 || (e.signal !== undefined && signals.has(e.signal.toLowerCase())));
}

async function auditLogs(query: RustyDBQuery, ctx: AreaContext): Promise<AreaResult> {
  const issues = new Issues(AUDIT_LOGS);
  const entries = await fetchAudit(query, ctx, AUDIT_LIMIT.default, issues);
  const keep = localFilter(query.audit, ctx);
  const shown = entries.rows.map((row) => [row, readEntry(row, issues)] as const).filter(([, e]) => keep(e));
  const lines: LogLine[] = contentIds(
    shown.map(([, e]) => ({
      time: e.time ?? ctx.now,
      body: bodyOf(e),
      severity: e.signal ? SEVERITY[e.signal] : LogLevel.info,
      labels: labelsOf(e),
    }))
  ).map((line, i) => (shown[i][0].id === undefined ? line : { ...line, id: `audit-${String(shown[i][0].id)}` }));
  const notices = [
    ...issues.notices(),
    ...emptyNotices(AUDIT_LOGS, entries.rows.length, lines.length),
    ...cappedNotice(entries, 'these entries'),
  ];
  return {
    frames: [
      logFrame(ctx, lines, {
        name: 'audit logs',
        path: AUDIT_LOGS,
        notices,
        limit: entries.capped ? entries.limit : undefined,
      }),
    ],
  };
}

/**
 * The guide's audit-log signals: failed logins (RustyDB has no counter: `AuthFailure` entries), also per minute
 * against the alert level, permission violations and administrative actions, counted over the span the entries
 * cover. Without a limit it asks for RustyDB's maximum, to cover as much of the range as it will give.
 */
async function auditSignals(query: RustyDBQuery, ctx: AreaContext): Promise<AreaResult> {
  const issues = new Issues(AUDIT_LOGS);
  const entries = await fetchAudit(query, ctx, AUDIT_LIMIT.max, issues);
  const counts: Record<AuditSignal, number> = { failedLogin: 0, permissionViolation: 0, adminAction: 0 };
  for (const row of entries.rows) {
    const signal = readEntry(row, issues).signal;
    if (signal) {
      counts[signal]++;
    }
  }
  const minutes = Math.max(1, (ctx.range.to - entries.coveredFrom) / 60_000);
  const signals: AuditSignalCounts = {
    failed_logins: counts.failedLogin,
    failed_logins_per_minute: counts.failedLogin / minutes,
    permission_violations: counts.permissionViolation,
    admin_actions: counts.adminAction,
    minutes_covered: minutes,
  };
  const frame = snapshotFrame(
    ctx,
    signals,
    fieldTable<AuditSignalCounts>((f) => [
      f.num('failed_logins', 'Failed logins'),
      f.num('failed_logins_per_minute', 'Failed logins per minute', 'short', {
        threshold: THRESHOLDS.failedLoginsPerMinute,
      }),
      f.num('permission_violations', 'Permission violations'),
      f.num('admin_actions', 'Administrative actions'),
      f.num('minutes_covered', 'Minutes covered', 'm'),
    ]),
    issues,
    { name: 'audit signals', path: AUDIT_LOGS, notices: cappedNotice(entries, 'the counts and the rate') }
  );
  return { frames: [frame] };
}

const TOP_CLIENTS = 10;

/** The guide's Kibana "failed logins by client IP" (terms, size 10): the addresses with the most failures. */
async function failedLoginsByClient(query: RustyDBQuery, ctx: AreaContext): Promise<AreaResult> {
  const issues = new Issues(AUDIT_LOGS);
  const entries = await fetchAudit(query, ctx, AUDIT_LIMIT.max, issues);
  const byClient = new Map<string, number>();
  for (const row of entries.rows) {
    const e = readEntry(row, issues);
    if (e.signal === 'failedLogin') {
      byClient.set(e.client, (byClient.get(e.client) ?? 0) + 1);
    }
  }
  const top = [...byClient.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP_CLIENTS)
    .map(([client_ip, failed_logins]) => ({ client_ip, failed_logins }));
  const notices = [
    ...emptyNotices(AUDIT_LOGS, entries.rows.length, top.length),
    ...cappedNotice(entries, 'these counts'),
  ];
  const frame = tableFrame(
    ctx,
    top,
    fieldTable<Pick<AuditSignalCounts, 'failed_logins'> & Pick<AuditEntry, 'client_ip'>>((f) => [
      f.str('client_ip', 'Client'),
      f.num('failed_logins', 'Failed logins'),
    ]),
    issues,
    {
      name: 'failed logins by client',
      path: AUDIT_LOGS,
      notices,
    }
  );
  return { frames: [frame] };
}

/** The Security views that read the audit log. */
export const AUDIT_VIEWS: Pick<
  Record<ViewName<QueryType.Security>, AreaRunner>,
  'auditLogs' | 'failedLogins' | 'failedLoginsByClient'
> = {
  auditLogs,
  failedLogins: auditSignals,
  failedLoginsByClient,
};
