/**
 * RustyDB / Logs and audit: the guide's log queries (Log Monitoring, Security Monitoring) as panels, twice — once on
 * RustyDB's REST API through the RustyDB datasource (every installation has it), once on Loki for sites that ship
 * the log files with Grafana Alloy. Both rows honour the instance selection: the REST panels read the server
 * `$rustydb` points at, the Loki panels filter their streams by `$job` and `$instance`.
 */
import { QueryType } from '../../../src/datasource/types';
import { AUDIT_LIMIT } from '../../../src/rustydb/audit';
import type { DashboardSpec } from '../lib/dashboard';
import { LOKI_TYPE, LOKI_VARIABLE } from '../lib/datasources';
import { level } from '../lib/levels';
import type { PanelSpec } from '../lib/panels';
import { loki, rustydb } from '../lib/targets';
import { datasourceVariable } from '../lib/variables';
import { slowQueries as slowQueriesLive } from './live';
import * as logql from './logql';

export const LOGS_DASHBOARD_UID = 'rustydb-logs';

const BARS = { drawStyle: 'bars', fillOpacity: 80, stacking: { mode: 'normal', group: 'A' } };
const LOG_ROW = { width: 12, height: 10 };

const auditSignals: PanelSpec = {
  type: 'stat',
  title: 'Audit signals',
  description: `From the audit log (\`/api/v1/security/audit/logs\`; v0.6.5 has no counters for these): failed logins per minute against the alert level of ${level('failedLoginsPerMinute', 'warning')}, permission violations (refused statements, the guide's \`DENIED\`) and administrative actions (CREATE USER, DROP USER, GRANT, REVOKE). Counted over the span the entries cover: when RustyDB stops at its limit of ${AUDIT_LIMIT.max} entries the panel says so.`,
  unit: 'short',
  width: 24,
  options: {
    reduceOptions: {
      values: false,
      calcs: ['lastNotNull'],
      fields: '/^(?:Failed logins per minute|Permission violations|Administrative actions)$/',
    },
  },
  targets: [rustydb({ queryType: QueryType.Security, view: 'failedLogins' })],
};

/** One panel on each source: the same question, the same title, the datasource in the row title. */
function bothSources(rest: PanelSpec, lokiPanel: Omit<PanelSpec, 'title' | 'description'>) {
  return {
    rest,
    loki: {
      ...lokiPanel,
      title: rest.title,
      description: `${rest.description} Here from the shipped log files (Loki).`,
    },
  };
}

const errorsOverTime = bothSources(
  {
    type: 'timeseries',
    title: 'Log lines by level',
    description:
      "The guide's error-rate histogram: application log lines per level per interval (at least 5 minutes). A bar of errors is the moment to open the log stream below; deadlocks and failed checks write errors.",
    unit: 'short',
    min: 0,
    custom: BARS,
    targets: [rustydb({ queryType: QueryType.Logs, view: 'volume' })],
  },
  { type: 'timeseries', unit: 'short', min: 0, custom: BARS, targets: [loki(logql.linesByLevel, '{{level}}')] }
);

const failedLoginsByClient = bothSources(
  {
    type: 'table',
    title: 'Failed logins by client address (24 h, top 10)',
    description:
      "The guide's Kibana query: the ten addresses with the most failed logins over the last 24 hours. One address far ahead of the rest is password guessing: block it at the firewall and check the account it tried.",
    unit: 'short',
    timeFrom: '24h',
    ...LOG_ROW,
    targets: [rustydb({ queryType: QueryType.Security, view: 'failedLoginsByClient' })],
  },
  {
    type: 'table',
    unit: 'short',
    timeFrom: '24h',
    ...LOG_ROW,
    targets: [loki(logql.failedLoginsByClient, '{{client_ip}}', { instant: true })],
    transformations: [{ id: 'reduce', options: { reducers: ['lastNotNull'] } }],
  }
);

const permissionViolations = bothSources(
  {
    type: 'logs',
    title: 'Permission violations',
    description:
      "Statements RustyDB refused for lack of privilege (the guide's `grep DENIED audit.log`). A user probing tables outside its grants, or an application deployed without its grants.",
    unit: 'short',
    ...LOG_ROW,
    targets: [rustydb({ queryType: QueryType.Security, view: 'auditLogs', audit: { signal: 'permissionViolation' } })],
  },
  { type: 'logs', unit: 'short', ...LOG_ROW, targets: [loki(logql.permissionViolations)] }
);

const adminActions = bothSources(
  {
    type: 'logs',
    title: 'Administrative actions',
    description:
      "CREATE USER, DROP USER, GRANT and REVOKE (the guide's `grep -E` on audit.log): every change to who may do what. Each should match a change request; passwords in statements are masked.",
    unit: 'short',
    ...LOG_ROW,
    targets: [rustydb({ queryType: QueryType.Security, view: 'auditLogs', audit: { signal: 'adminAction' } })],
  },
  { type: 'logs', unit: 'short', ...LOG_ROW, targets: [loki(logql.adminActions)] }
);

const slowQueries = bothSources(
  { ...slowQueriesLive, ...LOG_ROW },
  { type: 'logs', unit: 'short', ...LOG_ROW, targets: [loki(logql.slowQueries)] }
);

const logStream = bothSources(
  {
    type: 'logs',
    title: 'Application log',
    description:
      "RustyDB's application log (`/api/v1/logs`; rustydb.log), newest first. Filter by level in the panel; open a line for its context.",
    unit: 'short',
    ...LOG_ROW,
    targets: [rustydb({ queryType: QueryType.Logs })],
  },
  { type: 'logs', unit: 'short', ...LOG_ROW, targets: [loki(logql.allLines)] }
);

const auditTrail: PanelSpec = {
  type: 'logs',
  title: 'Audit trail',
  description:
    'Every audit entry in the time range: who did what from where and how it ended. Open a line for user, action, result and client address.',
  unit: 'short',
  ...LOG_ROW,
  targets: [rustydb({ queryType: QueryType.Security, view: 'auditLogs' })],
};

const REST = 'REST API';
const LOKI_ROW = 'Loki (shipped files)';

export const logsDashboard: DashboardSpec = {
  uid: LOGS_DASHBOARD_UID,
  title: 'RustyDB / Logs and audit',
  description:
    "RustyDB's application, audit and slow-query logs: the guide's log queries, from the REST API and from Loki.",
  tag: 'logs',
  refresh: '1m',
  time: { from: 'now-1h', to: 'now' },
  variables: [
    datasourceVariable(
      LOKI_VARIABLE,
      'Loki',
      LOKI_TYPE,
      'The Loki that Grafana Alloy ships the log files to: the Loki rows.'
    ),
  ],
  rows: [
    { section: 'Health', panels: [auditSignals] },
    {
      section: 'Problems',
      topic: REST,
      panels: [errorsOverTime.rest, failedLoginsByClient.rest, permissionViolations.rest, adminActions.rest],
    },
    {
      section: 'Problems',
      topic: LOKI_ROW,
      panels: [errorsOverTime.loki, failedLoginsByClient.loki, permissionViolations.loki, adminActions.loki],
    },
    { section: 'Details', topic: REST, panels: [logStream.rest, auditTrail, slowQueries.rest] },
    { section: 'Details', topic: LOKI_ROW, panels: [logStream.loki, slowQueries.loki] },
  ],
};
