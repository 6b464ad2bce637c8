/**
 * The guide's log queries in LogQL, over the streams Grafana Alloy ships (`monitoring/alloy/config.alloy`): every
 * stream carries Prometheus' `job` and `instance`, and `log` names the file (`rustydb`, `audit`, `slow_query`);
 * the application log's `level` is a label too. Everything else (user, client address, statement) stays in the
 * JSON line and is read with `| json` at query time, so it never becomes a label.
 */
import { ADMIN_STATEMENT_PATTERN, AUDIT_FILE_EVENT, DENIED } from '../../../src/rustydb/audit';

/** The `log` label of each file's stream (`monitoring/alloy/config.alloy` sets it). */
export const LOG_STREAMS = { app: 'rustydb', audit: 'audit', slow: 'slow_query' } as const;
export type LogStream = (typeof LOG_STREAMS)[keyof typeof LOG_STREAMS];

/** The selected instances' streams, of one file or of all. */
export function streams(log?: LogStream): string {
  return `{job=~"$job", instance=~"$instance"${log ? `, log="${log}"` : ''}}`;
}

/** Kibana's error-rate histogram: lines per level per interval, errors first. */
export const linesByLevel = `sum by (level) (count_over_time(${streams('rustydb')} [$__auto]))`;

/** Kibana's "failed logins by client IP" (terms, size 10) over the panel's 24 h. */
export const failedLoginsByClient = `topk(10, sum by (client_ip) (count_over_time(${streams('audit')} | json | event="${AUDIT_FILE_EVENT.failedLogin}" [$__range])))`;

/** `grep "DENIED" audit.log`. */
export const permissionViolations = `${streams('audit')} |= "${DENIED}"`;

/** `grep -E "CREATE USER|DROP USER|GRANT|REVOKE" audit.log`. */
export const adminActions = `${streams('audit')} |~ "${ADMIN_STATEMENT_PATTERN}"`;

export const slowQueries = `${streams('slow_query')} | json`;

export const allLines = streams();
