/**
 * Threat detection and the audit trail of the documented server: threats are the increments of
 * `rustydb_threats_detected_total`, `AuthFailure` entries those of `rustydb_failed_logins_total`, and successful
 * `Login` entries the sessions opened in the window.
 */
import type { AuditEntry, AuditStatsResponse, ThreatStatusResponse } from '../../../src/rustydb/api/types';
import type { Context } from '../../bodies';
import { POOLS } from '../../model/catalogue';
import { authFailuresOf, threatScore } from '../../model/history';
import { pick, pickInt } from '../../model/prng';
import type { View } from './view';

const AUDIT_WINDOW_SEC = 600;
const AUDIT_DEFAULT_LIMIT = 100;
const AUDIT_MAX_LIMIT = 1000;

export function threatStatus(v: View): ThreatStatusResponse {
  const detected = v.snap.totals.threats;
  const scores = Array.from({ length: detected }, (_, i) => threatScore(v.seed, i + 1));
  const critical = scores.filter((s) => s >= 80).length;
  return {
    enabled: true,
    total_assessments: Math.floor(v.snap.totals.queries / 100),
    critical_threats: critical,
    high_threats: scores.filter((s) => s >= 60 && s < 80).length,
    blocked_queries: critical,
    exfiltration_attempts: Math.floor(detected * 0.3),
    escalation_attempts: Math.floor(detected * 0.2),
    baselines_established: POOLS.length + 2,
  };
}

function logins(v: View): AuditEntry[] {
  return v.sessions
    .filter((s) => s.info.created_at > v.snap.nowSec - AUDIT_WINDOW_SEC)
    .map((s) => ({
      id: s.info.created_at * 10000 + s.info.session_id,
      timestamp: s.info.created_at,
      user_id: s.info.username,
      session_id: `sess-${s.info.session_id}`,
      client_ip: s.info.client_address?.split(':')[0] ?? '127.0.0.1',
      action: 'Login',
      object_name: null,
      statement: null,
      success: true,
      error_message: null,
      execution_time_ms: null,
    }));
}

/** Administrative statements a DBA runs now and then (the guide's CREATE USER, DROP USER, GRANT, REVOKE). */
const ADMIN_STATEMENTS = [
  { action: 'Create', object: 'report_ro2', statement: "CREATE USER report_ro2 WITH PASSWORD 'Winter2026!'" },
  { action: 'Grant', object: 'orders', statement: 'GRANT SELECT ON orders TO report_ro2' },
  { action: 'Revoke', object: 'orders', statement: 'REVOKE INSERT ON orders FROM analyst' },
  { action: 'Drop', object: 'temp_etl', statement: 'DROP USER temp_etl' },
] as const;
const ADMIN_EVERY_SEC = 1800;
/** Refused statements: now and then a user reaches past its grants; during a login burst the intruder probes. */
const DENIED_EVERY_SEC = 900;
const PROBED_TABLES = ['salaries', 'payments', 'users'] as const;

function slots(v: View, every: number, stream: string): number[] {
  const out: number[] = [];
  for (let k = Math.floor((v.snap.nowSec - AUDIT_WINDOW_SEC) / every); k <= Math.floor(v.snap.nowSec / every); k++) {
    const at = k * every + pickInt(v.seed, stream, k, 0, every - 1);
    if (at > v.snap.nowSec - AUDIT_WINDOW_SEC && at <= v.snap.nowSec) {
      out.push(at);
    }
  }
  return out;
}

function adminActions(v: View): AuditEntry[] {
  return slots(v, ADMIN_EVERY_SEC, 'admin-at').map((at) => {
    const s = pick(v.seed, 'admin-statement', at, ADMIN_STATEMENTS);
    return {
      id: 2_000_000 + at,
      timestamp: at,
      user_id: 'dba',
      session_id: `sess-dba-${Math.floor(at / 3600)}`,
      client_ip: '10.0.1.5',
      action: s.action,
      object_name: s.object,
      statement: s.statement,
      success: true,
      error_message: null,
      execution_time_ms: null,
    };
  });
}

function permissionViolations(v: View, failures: AuditEntry[]): AuditEntry[] {
  const occasional = slots(v, DENIED_EVERY_SEC, 'denied-at').map((at) => ({ at, user: 'report_ro', ip: '10.0.4.40' }));
  // One probe per ten failed logins of a burst, from the attacker's address.
  const probes = failures
    .filter((f) => f.client_ip === '203.0.113.9' && f.id % 10 === 0)
    .map((f) => ({ at: f.timestamp + 1, user: 'admin', ip: f.client_ip }));
  return [...occasional, ...probes].map(({ at, user, ip }) => {
    const table = pick(v.seed, 'denied-table', at, PROBED_TABLES);
    return {
      id: 3_000_000 + at,
      timestamp: at,
      user_id: user,
      session_id: `sess-${user}-${at}`,
      client_ip: ip,
      action: 'Select',
      object_name: table,
      statement: `SELECT * FROM ${table}`,
      success: false,
      error_message: `permission denied for table ${table}`,
      execution_time_ms: null,
    };
  });
}

/** The last ten minutes, newest first, filtered like `query_audit_logs` (which ignores `action`). */
export function auditLogs(v: View, ctx: Context): AuditEntry[] {
  const q = ctx.query;
  const failures = authFailuresOf(v.world, v.seed, v.snap, AUDIT_WINDOW_SEC);
  const entries = [...failures, ...logins(v), ...adminActions(v), ...permissionViolations(v, failures)]
    .filter(
      (e) =>
        (q.user_id === undefined || e.user_id === q.user_id) &&
        (q.session_id === undefined || e.session_id === q.session_id) &&
        (q.object_name === undefined || e.object_name === q.object_name) &&
        (q.start_time === undefined || e.timestamp >= Number(q.start_time)) &&
        (q.end_time === undefined || e.timestamp <= Number(q.end_time))
    )
    .sort((a, b) => b.timestamp - a.timestamp || b.id - a.id);
  const offset = Number(q.offset ?? 0);
  const limit = Math.min(AUDIT_MAX_LIMIT, Number(q.limit ?? AUDIT_DEFAULT_LIMIT));
  return entries.slice(offset, offset + limit);
}

export function auditStats(v: View): AuditStatsResponse {
  const failures = v.snap.totals.failedLogins;
  const sessionsOpened = v.snap.totals.poolChurn.reduce((a, b) => a + b, 0);
  return {
    failed_writes: 0,
    records_by_policy: { authentication: failures + sessionsOpened, sensitive_reads: v.snap.totals.threats },
    tamper_alerts: 0,
    total_records: failures + sessionsOpened + v.snap.totals.threats,
  };
}
