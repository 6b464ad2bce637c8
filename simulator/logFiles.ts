/**
 * The three log files RustyDB writes under `/var/lib/rustydb/instances/<name>/logs/` (the guide's Log Monitoring):
 * `rustydb.log` (application), `audit.log` (security audit) and `slow-query.log`, one JSON object a line. Lines are
 * taken from the same model answers the REST API gives (`/logs`, `/security/audit/logs`, `/stats/queries`), so a
 * failed-login burst writes audit failures with the attacker's address and a deadlock episode writes errors, and
 * Loki (through Alloy) sees what the RustyDB datasource sees. Each tick appends the entries newer than the last one
 * written.
 */
import fs from 'fs';
import path from 'path';
import type { AuditEntry, LogEntry, SlowQueryInfo } from '../src/rustydb/api/types';
import { auditSignal, AUDIT_FILE_EVENT, DENIED } from '../src/rustydb/audit';
import type { Answer, Context, ContextBase, Handlers } from './bodies';
import { Reply } from './http/reply';

export const LOG_FILES = { app: 'rustydb.log', audit: 'audit.log', slow: 'slow-query.log' } as const;

const iso = (sec: number) => new Date(sec * 1000).toISOString();

export function appLine(e: LogEntry): Record<string, unknown> {
  return { timestamp: iso(e.timestamp), level: e.level, message: e.message, context: e.context };
}

/** The guide greps `failed_login` and `DENIED` and reads `.timestamp`, `.username`, `.client_ip`. */
export function auditLine(e: AuditEntry): Record<string, unknown> {
  const signal = auditSignal(e);
  const event = signal ? AUDIT_FILE_EVENT[signal] : e.action === 'Login' ? 'login' : 'statement';
  return {
    timestamp: iso(e.timestamp),
    level: e.success ? 'INFO' : 'WARN',
    event,
    username: e.user_id,
    client_ip: e.client_ip,
    session_id: e.session_id,
    action: e.action,
    object: e.object_name,
    statement: e.statement,
    result: e.success ? 'OK' : signal === 'permissionViolation' ? DENIED : 'FAILED',
    error: e.error_message,
    audit_id: e.id,
  };
}

export function slowLine(q: SlowQueryInfo): Record<string, unknown> {
  return {
    timestamp: iso(q.timestamp),
    level: 'WARN',
    duration_ms: q.execution_time_ms,
    user: q.user,
    query: q.query,
  };
}

export interface LogFilesOptions {
  dir: string;
  handlers: Handlers;
  context: (nowMs: number) => ContextBase;
}

const body = <B>(answer: Answer<B>): B | undefined => (answer instanceof Reply ? undefined : answer);

/** Appends what happened since the previous call (at most the ten minutes the model's lists hold). */
export class LogFiles {
  private lastSec: number | undefined;

  constructor(private readonly o: LogFilesOptions) {
    fs.mkdirSync(o.dir, { recursive: true });
  }

  write(nowMs: number): void {
    const nowSec = Math.floor(nowMs / 1000);
    const since = this.lastSec ?? nowSec - 60;
    const ctx = (query: Record<string, number | string>): Context => ({ ...this.o.context(nowMs), id: '', query });
    const fresh = (t: number) => t > since && t <= nowSec;
    const app = body(this.o.handlers.logs(ctx({ page_size: 10_000 })))?.entries ?? [];
    const audit = body(this.o.handlers.auditLogs(ctx({ start_time: since + 1, end_time: nowSec, limit: 1000 }))) ?? [];
    const slow = body(this.o.handlers.statsQueries(ctx({})))?.slow_queries ?? [];
    this.append(LOG_FILES.app, app.filter((e) => fresh(e.timestamp)).map(appLine));
    this.append(LOG_FILES.audit, audit.filter((e) => fresh(e.timestamp)).map(auditLine));
    this.append(LOG_FILES.slow, slow.filter((q) => fresh(q.timestamp)).map(slowLine));
    this.lastSec = nowSec;
  }

  private append(file: string, lines: Array<Record<string, unknown>>): void {
    const sorted = [...lines].sort((a, b) => String(a.timestamp).localeCompare(String(b.timestamp)));
    fs.appendFileSync(path.join(this.o.dir, file), sorted.map((l) => `${JSON.stringify(l)}\n`).join(''));
  }
}
