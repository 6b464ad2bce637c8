import type { DashboardSpec } from '../lib/dashboard';
import type { PanelSpec } from '../lib/panels';
import { BY_INSTANCE, increase, instanceRate, sel, sumBy } from '../lib/promql';
import { prom } from '../lib/targets';
import { requestRate } from './common';
import { auditLog, auditStats, failedLoginsFromAudit, threatHistory, threatsLive } from './live';
import { level } from '../lib/levels';
import { AUDIT_FILTER_VARIABLES } from './auditVariables';
import { withLogsLink } from './logLinks';

const failedLoginsPerMinute = `${instanceRate('rustydb_failed_logins_total')} * 60`;

const failedLoginsNow: PanelSpec = {
  type: 'stat',
  title: 'Failed logins per minute',
  description:
    'Failed login attempts per minute now. Above 10 per minute (for 1 minute) alerts: likely password guessing. Find the source addresses in the audit log.',
  unit: 'short',
  levels: 'failedLoginsPerMinute',
  targets: [prom(failedLoginsPerMinute, '{{instance}}', { instant: true })],
};

const failedLogins: PanelSpec = {
  type: 'timeseries',
  title: 'Failed logins per minute',
  key: 'prometheus/failed-logins-per-minute-over-time',
  description: `Failed login attempts per minute with the alert level (${level('failedLoginsPerMinute', 'warning')} per minute) drawn in. Bursts are brute-force attempts; a steady trickle is usually a misconfigured client.`,
  unit: 'short',
  levels: 'failedLoginsPerMinute',
  min: 0,
  targets: [prom(failedLoginsPerMinute, '{{instance}}')],
};

const threats: PanelSpec = {
  type: 'timeseries',
  title: 'Threats detected',
  key: 'prometheus/threats-detected-over-time',
  description:
    "Threats RustyDB's threat detection raised per interval. Any threat alerts immediately (critical): review the security audit log and the threat details.",
  unit: 'short',
  min: 0,
  targets: [prom(sumBy(BY_INSTANCE, increase(sel('rustydb_threats_detected_total'))), '{{instance}}')],
};

const permissionViolations: PanelSpec = {
  type: 'stat',
  title: 'Permission violations',
  description:
    'Statements refused for lack of privilege in the selected time range. A sudden rise means a client or user is probing beyond its grants.',
  unit: 'short',
  targets: [
    prom(sumBy(BY_INSTANCE, increase(sel('rustydb_permission_violations_total'), '$__range')), '{{instance}}', {
      instant: true,
    }),
  ],
};

const threatsInRange: PanelSpec = {
  type: 'stat',
  title: 'Threats detected',
  description: 'Threats detected in the selected time range. The guide expects none; any is critical.',
  unit: 'short',
  levels: 'threatsDetected',
  targets: [
    prom(sumBy(BY_INSTANCE, increase(sel('rustydb_threats_detected_total'), '$__range')), '{{instance}}', {
      instant: true,
    }),
  ],
};

export const security: DashboardSpec = {
  uid: 'rustydb-security',
  title: 'RustyDB / Security',
  description: 'Failed logins, threats, permission violations and the audit trail.',
  tag: 'security',
  refresh: '1m',
  variables: AUDIT_FILTER_VARIABLES,
  rows: [
    {
      section: 'Health',
      panels: [
        threatsLive,
        auditStats,
        failedLoginsFromAudit,
        ...[failedLoginsNow, threatsInRange, permissionViolations].map((p) => ({ ...p, width: 8 })),
      ].map(withLogsLink),
    },
    {
      section: 'Problems',
      panels: [
        failedLogins,
        threats,
        { ...requestRate, title: 'REST requests per second (failed = refused or erroneous)', width: 24 },
      ].map(withLogsLink),
    },
    { section: 'Details', topic: 'audit', panels: [auditLog, threatHistory].map(withLogsLink) },
  ],
};
