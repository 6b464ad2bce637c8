/**
 * Panels on the RustyDB datasource: what the server says now through its REST API. They work on every RustyDB,
 * including v0.6.5, whose Prometheus endpoint lacks most of what these show. Field names are the display names the
 * datasource gives its fields; the integration run checks that each panel finds the fields it names.
 */
import { QueryType } from '../../../src/datasource/types';
import { PanelSpec, stateMappings } from '../lib/panels';
import { rustydb } from '../lib/targets';
import { poolStatsDisplay } from './poolPanels';
import { level } from '../lib/levels';

const escape = (name: string) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `reduceOptions.fields` for a stat: the fields with exactly these display names. */
function showFields(...names: string[]): Record<string, unknown> {
  return { reduceOptions: { values: false, calcs: ['lastNotNull'], fields: `/^(?:${names.map(escape).join('|')})$/` } };
}

/** Same, for series whose display names carry the series after the name: `Lag (replica-1)`. */
function showFieldsStartingWith(name: string): Record<string, unknown> {
  return { reduceOptions: { values: false, calcs: ['lastNotNull'], fields: `/^${escape(name)}\\b/` } };
}

export const serverStatus: PanelSpec = {
  type: 'stat',
  title: 'Server status',
  description:
    "RustyDB's own health verdict (`/api/v1/admin/health`): healthy, degraded (a non-critical check failed) or unhealthy. v0.6.5 always answers healthy while it answers at all, so read it with Scrape target up.",
  unit: 'none',
  mappings: stateMappings({
    healthy: { text: 'Healthy', color: 'green' },
    degraded: { text: 'Degraded', color: 'orange' },
    unhealthy: { text: 'Unhealthy', color: 'red' },
  }),
  options: showFields('Status'),
  targets: [rustydb({ queryType: QueryType.Health, view: 'status' })],
};

export const uptime: PanelSpec = {
  type: 'stat',
  title: 'Uptime',
  description:
    'How long the server has been running. A small value you did not expect means it restarted: look for a crash or an OOM kill. (v0.6.5 always reports 1 hour.)',
  unit: 's',
  options: showFields('Uptime'),
  targets: [rustydb({ queryType: QueryType.Health, view: 'status' })],
};

export const rustydbAlerts: PanelSpec = {
  type: 'stat',
  title: 'RustyDB alerts',
  description:
    "Alerts RustyDB itself raised and has not cleared (`/api/v1/alerts`), independent of Prometheus. Zero is good; otherwise list them in Explore with the RustyDB datasource's Alerts query.",
  unit: 'short',
  options: showFields('Active alerts'),
  targets: [rustydb({ queryType: QueryType.Alerts, view: 'count' })],
};

export const livePerformance: PanelSpec = {
  type: 'stat',
  title: 'Live performance',
  description:
    "What `/api/v1/stats/performance` reports now, coloured by the guide's levels. On v0.6.5 only CPU and memory are measured there: transactions per second is HTTP requests since start ÷ 60, and cache, locks and deadlocks are constants (the panel's notice says so).",
  unit: 'short',
  width: 12,
  options: showFields('Transactions per second', 'Cache hit ratio', 'Locks held', 'Deadlocks'),
  targets: [rustydb({ queryType: QueryType.Performance })],
};

export const queryStats: PanelSpec = {
  type: 'stat',
  title: 'Query statistics',
  description:
    "RustyDB's own query counters (`/api/v1/stats/queries`). On v0.6.5 they count HTTP requests, not SQL statements.",
  unit: 'short',
  width: 12,
  options: showFields('Queries (HTTP requests)', 'Queries per second', 'Average execution time'),
  targets: [rustydb({ queryType: QueryType.Queries, view: 'summary' })],
};

export const slowQueries: PanelSpec = {
  type: 'table',
  title: 'Slow queries',
  description:
    'Queries RustyDB logged as slow in the time range, slowest first is not guaranteed: sort by Execution time. Look for missing indexes or large scans.',
  unit: 'short',
  width: 12,
  targets: [rustydb({ queryType: QueryType.Queries, view: 'slow' })],
};

export const runningQueries: PanelSpec = {
  type: 'table',
  title: 'Running queries',
  description:
    'Queries executing now with their progress. A query running far longer than usual holds locks and connections: consider cancelling it.',
  unit: 'short',
  width: 12,
  targets: [rustydb({ queryType: QueryType.Queries, view: 'active' })],
};

export const activeTransactions: PanelSpec = {
  type: 'table',
  title: 'Open transactions',
  description:
    'Transactions open now, with the locks they hold. An old transaction holding many locks blocks others and delays cleanup.',
  unit: 'short',
  width: 12,
  targets: [rustydb({ queryType: QueryType.Transactions, view: 'active' })],
};

export const lockCounts: PanelSpec = {
  type: 'stat',
  title: 'Locks now',
  description: `Locks held and waiting now (\`/api/v1/transactions/locks\`), against the guide's levels for locks held (${level('locksHeld', 'warning')} / ${level('locksHeld', 'critical')}). Waiting locks above zero for long mean contention.`,
  unit: 'short',
  width: 4,
  options: showFields('Locks', 'Waiting locks'),
  targets: [rustydb({ queryType: QueryType.Transactions, view: 'lockSummary' })],
};

export const memoryLive: PanelSpec = {
  type: 'stat',
  title: 'Memory now',
  description: `The server's memory manager now (\`/api/v1/memory/status\`): utilisation against the memory levels (${level('memoryPercent', 'warning')} / ${level('memoryPercent', 'critical')}) and its pressure level.`,
  unit: 'percent',
  width: 8,
  options: showFields('Utilisation', 'Pressure'),
  targets: [rustydb({ queryType: QueryType.BufferMemory, view: 'memory' })],
};

export const bufferPoolLive: PanelSpec = {
  type: 'stat',
  title: 'Buffer pool now',
  description: `The buffer pool now (\`/api/v1/buffer/stats\`): hit ratio against the cache levels (${level('cacheHitRatio', 'warning')} / ${level('cacheHitRatio', 'critical')}) and the share of dirty pages waiting to be written.`,
  unit: 'percentunit',
  width: 8,
  options: showFields('Hit ratio', 'Dirty page ratio'),
  targets: [rustydb({ queryType: QueryType.BufferMemory, view: 'buffer' })],
};

export const sessionsLive: PanelSpec = {
  type: 'stat',
  title: 'Sessions now',
  description:
    'Active and idle sessions and the peak connection count (`/api/v1/stats/sessions`). Idle sessions hold connections other clients may need.',
  unit: 'short',
  width: 8,
  options: showFields('Active sessions', 'Idle sessions', 'Peak connections'),
  targets: [rustydb({ queryType: QueryType.Sessions, view: 'summary' })],
};

export const poolStatsLive: PanelSpec = {
  type: 'rustydb-poolstats-panel',
  title: 'Connection pools now',
  description:
    "Every pool RustyDB lists, from its pool stats (`/api/v1/pools/{id}/stats`): utilisation = active / (active + idle) against 80 % / 95 %, and waiting requests against 5 / 20. v0.6.5 answers every pool's stats with the default pool's numbers.",
  unit: 'percentunit',
  ...poolStatsDisplay(),
  targets: [rustydb({ queryType: QueryType.PoolStats })],
};

export const poolConfig: PanelSpec = {
  type: 'table',
  title: 'Pool settings',
  description:
    'Each pool’s limits and timeouts (`/api/v1/pools`). Utilisation near 100 % with max connections already high points at slow work, not a small pool.',
  unit: 'short',
  targets: [rustydb({ queryType: QueryType.Pools })],
};

export const threatsLive: PanelSpec = {
  type: 'stat',
  title: 'Threat detection now',
  description:
    "The threat detector's counters (`/api/v1/security/threats`). Any critical threat is critical (the guide alerts on any increase); blocked queries show what it stopped.",
  unit: 'short',
  width: 12,
  options: showFields(
    'Critical threats',
    'High threats',
    'Blocked queries',
    'Exfiltration attempts',
    'Escalation attempts'
  ),
  targets: [rustydb({ queryType: QueryType.Security, view: 'threats' })],
};

export const auditStats: PanelSpec = {
  type: 'stat',
  title: 'Audit trail',
  description:
    'Audit records written, writes that failed and tamper alerts (`/api/v1/security/audit/stats`). Failed writes or tamper alerts mean the audit trail cannot be trusted: investigate first.',
  unit: 'short',
  width: 6,
  options: showFields('Audit records', 'Failed writes', 'Tamper alerts'),
  targets: [rustydb({ queryType: QueryType.Security, view: 'auditStats' })],
};

export const failedLoginsFromAudit: PanelSpec = {
  type: 'stat',
  // Keeps the id of the panel it grew from, "Failed logins per minute (audit log)".
  key: 'rustydb/failed-logins-audit-log',
  title: 'Audit log signals',
  description: `Counted from RustyDB's audit log (v0.6.5 has no counters for them): failed logins per minute against the alert level of ${level('failedLoginsPerMinute', 'warning')}, permission violations (refused statements, the guide's DENIED) and administrative actions (CREATE USER, DROP USER, GRANT, REVOKE). The rate is over the time the entries really cover: when RustyDB stops at its entry limit the span is shorter than the range, and the panel says so.`,
  unit: 'short',
  width: 6,
  options: showFields('Failed logins per minute', 'Permission violations', 'Administrative actions'),
  targets: [rustydb({ queryType: QueryType.Security, view: 'failedLogins' })],
};

/** The audit log's line fields as table columns: its labels become columns, the log plumbing is hidden. */
const AUDIT_COLUMNS = [
  { id: 'extractFields', options: { source: 'labels', format: 'auto', replace: false, keepTime: false } },
  {
    id: 'organize',
    options: {
      excludeByName: { id: true, labels: true, log: true, session: true },
      renameByName: {
        timestamp: 'Time',
        body: 'Entry',
        severity: 'Level',
        user: 'User',
        action: 'Action',
        result: 'Result',
        client_ip: 'Client',
        object: 'Object',
        signal: 'Signal',
      },
    },
  },
];

export const auditLog: PanelSpec = {
  type: 'table',
  title: 'Recent audit events',
  description:
    'Audit entries in the time range, newest first: who did what from where, and how it ended. Filter with the User, Action and Result variables above (RustyDB filters by user; action and result are filtered after it answers) or with the column filters. When RustyDB stops at its entry limit the panel says so: narrow the range.',
  unit: 'short',
  height: 10,
  custom: { filterable: true },
  transformations: AUDIT_COLUMNS,
  targets: [
    rustydb({
      queryType: QueryType.Security,
      view: 'auditLogs',
      audit: { userId: '$audit_user', action: '$audit_action', result: '$audit_result' },
    }),
  ],
};

export const threatHistory: PanelSpec = {
  type: 'table',
  title: 'Threat assessments',
  description: 'Threat assessments in the time range with their score, risk factors and the action taken.',
  unit: 'short',
  targets: [rustydb({ queryType: QueryType.Security, view: 'history' })],
};

export const replicationSummary: PanelSpec = {
  type: 'stat',
  title: 'Replication now',
  description:
    'Replication mode, the largest replica lag (against 30 s / 5 min) and how many replicas are synchronous and asynchronous (`/api/v1/replication/status`).',
  unit: 's',
  width: 12,
  options: showFields('Mode', 'Max lag', 'Synchronous replicas', 'Asynchronous replicas'),
  targets: [rustydb({ queryType: QueryType.Replication, view: 'summary' })],
};

export const replicaLagLive: PanelSpec = {
  type: 'bargauge',
  title: 'Lag per replica now',
  description:
    'How far each replica is behind now (`/api/v1/replication/lag`), against 30 s (warning) and 5 minutes (critical). Works on v0.6.5, whose Prometheus endpoint has no replication metric.',
  unit: 's',
  levels: 'replicationLagSeconds',
  width: 12,
  options: showFieldsStartingWith('Lag'),
  targets: [rustydb({ queryType: QueryType.Replication, view: 'lag' })],
};

export const replicas: PanelSpec = {
  type: 'table',
  title: 'Replicas',
  description:
    'Each replica with its state, sync mode, lag and WAL position. A state other than streaming, or a WAL position that stops moving, needs attention.',
  unit: 'short',
  targets: [rustydb({ queryType: QueryType.Replication, view: 'replicas' })],
};

export const requestMetricsLive: PanelSpec = {
  type: 'stat',
  title: 'Request counters now',
  description:
    "RustyDB's REST request counters since start and its mean response time (`/api/v1/metrics`): the raw material of the availability SLO.",
  unit: 'short',
  width: 12,
  options: showFields('Total requests', 'Failed requests', 'Avg response time'),
  targets: [rustydb({ queryType: QueryType.RequestMetrics })],
};
