import { ENDPOINTS } from '../../rustydb/api/endpoints';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { RustyDBError } from '../transport/errors';
import type { AuditFilter } from '../types';
import { AreaContext, AreaRunner, ParseContext, viewRunner } from './area';
import { snapshotFrame, tableFrame } from './parse/frames';
import { emptyNotices, listParser, listRows, snapshotParser } from './parse/parsers';
import { f, Issues, Row } from './parse/read';

const AUDIT_LOGS = ENDPOINTS.auditLogs.path;

const parseThreats = snapshotParser(
  'securityThreats',
  [
    f.bool('enabled', 'Enabled'),
    f.num('critical_threats', 'Critical threats', 'short', { threshold: THRESHOLDS.threatsDetected }),
    f.num('high_threats', 'High threats'),
    f.num('blocked_queries', 'Blocked queries'),
    f.num('exfiltration_attempts', 'Exfiltration attempts'),
    f.num('escalation_attempts', 'Escalation attempts'),
    f.num('total_assessments', 'Assessments'),
    f.num('baselines_established', 'Baselines'),
  ],
  { name: 'threats' }
);

const THREAT_HISTORY_FIELDS = [
  f.time('timestamp', 'Time'),
  f.str('assessment_id', 'Assessment'),
  f.str('user_id', 'User'),
  f.str('threat_level', 'Level'),
  f.num('total_score', 'Score', 'none'),
  f.list('risk_factors', 'Risk factors'),
  f.str('action', 'Action'),
  f.str('query_text', 'Query'),
  f.str('client_ip', 'Client', { nullable: true }),
  f.str('location', 'Location', { nullable: true }),
];

const parseThreatHistory = listParser('securityThreatHistory', THREAT_HISTORY_FIELDS, {
  name: 'threat history',
  timeKey: 'timestamp',
});

const parseInsiderThreats = snapshotParser(
  'securityInsiderThreats',
  [
    f.bool('enabled', 'Enabled'),
    f.num('alert_threshold', 'Alert threshold', 'none'),
    f.num('block_threshold', 'Block threshold', 'none'),
    f.bool('auto_block_critical', 'Auto-block critical'),
    f.bool('require_mfa_high_risk', 'MFA for high risk'),
    f.bool('behavioral_analytics_enabled', 'Behavioural analytics'),
    f.bool('anomaly_detection_enabled', 'Anomaly detection'),
    f.bool('exfiltration_prevention_enabled', 'Exfiltration prevention'),
    f.bool('escalation_detection_enabled', 'Escalation detection'),
  ],
  { name: 'insider threat settings' }
);

const parseAuditStats = snapshotParser(
  'auditStats',
  [
    f.num('total_records', 'Audit records'),
    f.num('failed_writes', 'Failed writes'),
    f.num('tamper_alerts', 'Tamper alerts'),
    f.json('records_by_policy', 'Records by policy'),
  ],
  { name: 'audit stats' }
);

const AUDIT_FIELDS = [
  f.time('timestamp', 'Time'),
  f.num('id', 'Record', 'none'),
  f.str('user_id', 'User'),
  f.str('session_id', 'Session'),
  f.str('client_ip', 'Client'),
  f.str('action', 'Action'),
  f.str('object_name', 'Object', { nullable: true }),
  f.str('statement', 'Statement', { nullable: true }),
  f.bool('success', 'Succeeded'),
  f.str('error_message', 'Error', { nullable: true }),
  f.num('execution_time_ms', 'Execution time', 'ms', { nullable: true }),
];

/** RustyDB's own bounds for `limit` (default 100). */
const AUDIT_LIMIT = { min: 1, max: 1000, default: 100 };
/** Multi-value filters fan out; beyond this many combinations the query is probably a mistake. */
const MAX_AUDIT_REQUESTS = 20;

/**
 * The audit-log paths for a filter: RustyDB filters by one user, session and object per request, so multi-value
 * variables give one request per combination. The time range always applies.
 */
function auditPaths(filter: AuditFilter | undefined, ctx: Pick<AreaContext, 'expand' | 'range'>): string[] {
  const limit = Math.min(AUDIT_LIMIT.max, Math.max(AUDIT_LIMIT.min, Math.round(filter?.limit ?? AUDIT_LIMIT.default)));
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

/** The audit entries of several answers, each record once, newest first. */
function mergeAuditRows(bodies: unknown[], issues: Issues): Row[] {
  const byId = new Map<unknown, Row>();
  for (const body of bodies) {
    for (const row of listRows(body, AUDIT_LOGS, undefined, issues)) {
      byId.set(row.id ?? byId.size, row);
    }
  }
  return [...byId.values()].sort((a, b) => Number(b.timestamp) - Number(a.timestamp));
}

function parseAuditLogs(bodies: unknown[], ctx: ParseContext) {
  const issues = new Issues(AUDIT_LOGS);
  const rows = mergeAuditRows(bodies, issues);
  return [
    tableFrame(ctx, rows, AUDIT_FIELDS, issues, {
      name: 'audit logs',
      path: AUDIT_LOGS,
      notices: emptyNotices(AUDIT_LOGS, rows.length, rows.length),
    }),
  ];
}

/** Failed logins (RustyDB has no counter: `AuthFailure` audit entries) per minute over the dashboard's range. */
function parseFailedLogins(bodies: unknown[], ctx: ParseContext) {
  const issues = new Issues(AUDIT_LOGS);
  const failures = mergeAuditRows(bodies, issues).filter((row) => row.action === 'AuthFailure').length;
  const minutes = Math.max(1, (ctx.range.to - ctx.range.from) / 60_000);
  return [
    snapshotFrame(
      ctx,
      { failed_logins: failures, failed_logins_per_minute: failures / minutes },
      [
        f.num('failed_logins', 'Failed logins'),
        f.num('failed_logins_per_minute', 'Failed logins per minute', 'short', {
          threshold: THRESHOLDS.failedLoginsPerMinute,
        }),
      ],
      issues,
      { name: 'failed logins', path: AUDIT_LOGS }
    ),
  ];
}

const simpleViews = viewRunner({
  threats: { endpoint: 'securityThreats', parse: parseThreats },
  history: { endpoint: 'securityThreatHistory', parse: parseThreatHistory },
  insider: { endpoint: 'securityInsiderThreats', parse: parseInsiderThreats },
  auditStats: { endpoint: 'auditStats', parse: parseAuditStats },
});

const AUDIT_VIEWS = { auditLogs: parseAuditLogs, failedLogins: parseFailedLogins };

export const runSecurity: AreaRunner = async (query, ctx) => {
  const audit = AUDIT_VIEWS[query.view as keyof typeof AUDIT_VIEWS];
  if (!audit) {
    return simpleViews(query, ctx);
  }
  const bodies = await Promise.all(auditPaths(query.audit, ctx).map((path) => ctx.get(path)));
  return { frames: audit(bodies, ctx) };
};
