/**
 * What an audit entry means for security monitoring: the guide's Security Monitoring section greps RustyDB's audit
 * log for failed logins, permission violations (`DENIED`) and administrative actions (`CREATE USER`, `DROP USER`,
 * `GRANT`, `REVOKE`). RustyDB v0.6.5 exports no counter for any of them, so the datasource, the simulator's audit
 * file and the LogQL of the dashboards and Loki rules all classify entries with these rules.
 */
import type { AuditEntry } from './api/types';

/** RustyDB's bounds for the audit log's `limit` (default 100; `query_audit_logs`, contract §3.46). */
export const AUDIT_LIMIT = { min: 1, max: 1000, default: 100 };

export type AuditSignal = 'failedLogin' | 'permissionViolation' | 'adminAction';

export const AUDIT_SIGNALS: readonly AuditSignal[] = ['failedLogin', 'permissionViolation', 'adminAction'];

/** The guide's words for each signal, as operators read them. */
export const AUDIT_SIGNAL_LABEL: Record<AuditSignal, string> = {
  failedLogin: 'Failed login',
  permissionViolation: 'Permission violation',
  adminAction: 'Administrative action',
};

/** The `event` an audit.log line carries for each signal (the guide greps `failed_login`; Kibana matches `event`). */
export const AUDIT_FILE_EVENT: Record<AuditSignal, string> = {
  failedLogin: 'failed_login',
  permissionViolation: 'permission_denied',
  adminAction: 'admin_action',
};

/** The `result` an audit.log line carries when a statement was refused: what the guide's `grep "DENIED"` finds. */
export const DENIED = 'DENIED';

/** The statements the guide counts as administrative, as a regular expression (also valid RE2, for LogQL). */
export const ADMIN_STATEMENT_PATTERN = 'CREATE USER|DROP USER|GRANT|REVOKE';
const ADMIN_STATEMENT = new RegExp(`\\b(?:${ADMIN_STATEMENT_PATTERN})\\b`, 'i');

/** RustyDB's `AuditAction` names that are administrative whatever the statement says. */
const ADMIN_ACTIONS = new Set(['Grant', 'Revoke', 'SecurityChange']);
const LOGIN_ACTIONS = new Set(['Login', 'AuthFailure']);

type Classified = Pick<AuditEntry, 'action' | 'success' | 'statement'>;

/** The signal an audit entry is, if any. A refused statement that is not a login is a permission violation. */
export function auditSignal(entry: Classified): AuditSignal | undefined {
  if (entry.action === 'AuthFailure' || (entry.action === 'Login' && entry.success === false)) {
    return 'failedLogin';
  }
  if (entry.success === false && !LOGIN_ACTIONS.has(entry.action)) {
    return 'permissionViolation';
  }
  if (ADMIN_ACTIONS.has(entry.action) || (entry.statement && ADMIN_STATEMENT.test(entry.statement))) {
    return 'adminAction';
  }
  return undefined;
}
