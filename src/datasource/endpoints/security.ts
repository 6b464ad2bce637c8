import type {
  AuditStatsResponse,
  InsiderThreatStatusResponse,
  ThreatHistoryItem,
  ThreatStatusResponse,
} from '../../rustydb/api/types';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { QueryType } from '../types';
import { viewRunner } from './area';
import { AUDIT_VIEWS } from './audit';
import { listParser, snapshotParser } from './parse/parsers';
import { fieldTable } from './parse/read';

const parseThreats = snapshotParser(
  'securityThreats',
  fieldTable<ThreatStatusResponse>((f) => [
    f.bool('enabled', 'Enabled'),
    f.num('critical_threats', 'Critical threats', 'short', { threshold: THRESHOLDS.threatsDetected }),
    f.num('high_threats', 'High threats'),
    f.num('blocked_queries', 'Blocked queries'),
    f.num('exfiltration_attempts', 'Exfiltration attempts'),
    f.num('escalation_attempts', 'Escalation attempts'),
    f.num('total_assessments', 'Assessments'),
    f.num('baselines_established', 'Baselines'),
  ]),
  { name: 'threats' }
);

const THREAT_HISTORY_FIELDS = fieldTable<ThreatHistoryItem>((f) => [
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
]);

const parseThreatHistory = listParser('securityThreatHistory', THREAT_HISTORY_FIELDS, {
  name: 'threat history',
  timeKey: 'timestamp',
});

const parseInsiderThreats = snapshotParser(
  'securityInsiderThreats',
  fieldTable<InsiderThreatStatusResponse>((f) => [
    f.bool('enabled', 'Enabled'),
    f.num('alert_threshold', 'Alert threshold', 'none'),
    f.num('block_threshold', 'Block threshold', 'none'),
    f.bool('auto_block_critical', 'Auto-block critical'),
    f.bool('require_mfa_high_risk', 'MFA for high risk'),
    f.bool('behavioral_analytics_enabled', 'Behavioural analytics'),
    f.bool('anomaly_detection_enabled', 'Anomaly detection'),
    f.bool('exfiltration_prevention_enabled', 'Exfiltration prevention'),
    f.bool('escalation_detection_enabled', 'Escalation detection'),
  ]),
  { name: 'insider threat settings' }
);

const parseAuditStats = snapshotParser(
  'auditStats',
  fieldTable<AuditStatsResponse>((f) => [
    f.num('total_records', 'Audit records'),
    f.num('failed_writes', 'Failed writes'),
    f.num('tamper_alerts', 'Tamper alerts'),
    f.json('records_by_policy', 'Records by policy'),
  ]),
  { name: 'audit stats' }
);

export const runSecurity = viewRunner(QueryType.Security, {
  threats: { endpoint: 'securityThreats', parse: parseThreats },
  history: { endpoint: 'securityThreatHistory', parse: parseThreatHistory },
  insider: { endpoint: 'securityInsiderThreats', parse: parseInsiderThreats },
  auditStats: { endpoint: 'auditStats', parse: parseAuditStats },
  ...AUDIT_VIEWS,
});
