import { EventSource, QueryType } from './types';

/** A sub-view of a query type: what the editor offers and the one-line hint of what comes back. */
interface ViewInfo {
  value: string;
  label: string;
  hint: string;
}

export interface QueryTypeInfo {
  value: QueryType;
  label: string;
  /** One line: what the query returns. Used by the query editor and the query-types variable. */
  hint: string;
  /** The first is the default. */
  views?: ViewInfo[];
  /** Which id list the type filters or fans out by, if any. */
  ids?: 'poolIds' | 'nodeIds' | 'replicaIds';
  /** Severity or level filter. */
  levels?: boolean;
}

const view = (value: string, label: string, hint: string): ViewInfo => ({ value, label, hint });

export const QUERY_TYPES: QueryTypeInfo[] = [
  {
    value: QueryType.Health,
    label: 'Health',
    hint: 'Server health: status, version and uptime, each health check, or the probes.',
    views: [
      view('status', 'Status', 'One row: status, healthy (1/0), version, uptime (/admin/health).'),
      view('checks', 'Checks', 'One row per health check: status, message, last check (/admin/health).'),
      view('probes', 'Probes', 'Components and the liveness, readiness and startup probes (/health/full).'),
    ],
  },
  {
    value: QueryType.Performance,
    label: 'Performance',
    hint: 'CPU, memory, cache hit ratio, transactions/s, locks and deadlocks now (/stats/performance).',
  },
  {
    value: QueryType.RequestMetrics,
    label: 'Request metrics',
    hint: 'HTTP request counters, average response time, CPU and memory with their units (/metrics).',
  },
  {
    value: QueryType.Pools,
    label: 'Pools',
    hint: 'One row per connection pool with its limits and timeouts (/pools).',
  },
  {
    value: QueryType.PoolStats,
    label: 'Pool stats',
    hint: 'One series per pool: active, idle, waiting, utilisation (/pools/{id}/stats); no pool ids means all pools.',
    ids: 'poolIds',
  },
  {
    value: QueryType.Sessions,
    label: 'Sessions and connections',
    hint: 'Session counts, or the sessions or connections one row each.',
    views: [
      view('summary', 'Counts', 'Active, idle, total and peak sessions (/stats/sessions).'),
      view('sessions', 'Sessions', 'One row per session (/sessions).'),
      view('connections', 'Connections', 'One row per pooled connection (/connections).'),
    ],
  },
  {
    value: QueryType.Queries,
    label: 'Queries',
    hint: 'Query statistics, slow, top, running or profiled queries, or active-session history.',
    views: [
      view('summary', 'Statistics', 'Total queries, queries/s and average time (/stats/queries).'),
      view('slow', 'Slow queries', 'Slow queries inside the time range (/stats/queries).'),
      view('top', 'Top queries', 'Most frequent query patterns (/stats/queries).'),
      view('active', 'Running queries', 'Queries running now with their progress (/query/active).'),
      view('profiles', 'Profiles', 'Per-query execution profiles (/profiling/queries).'),
      view('history', 'Session history', 'Active-session history samples in the time range (/monitoring/ash).'),
    ],
  },
  {
    value: QueryType.Transactions,
    label: 'Transactions and locks',
    hint: 'Active transactions, locks, lock waiters or deadlocks.',
    views: [
      view('active', 'Active transactions', 'One row per open transaction (/transactions/active).'),
      view('lockSummary', 'Lock counts', 'Total, granted and waiting locks now (/transactions/locks).'),
      view('locks', 'Locks', 'One row per lock (/transactions/locks).'),
      view(
        'waiters',
        'Lock waiters',
        'Who waits for whom, with potential deadlock cycles (/transactions/locks/waiters).'
      ),
      view('deadlocks', 'Deadlocks', 'Deadlocks detected inside the time range (/transactions/deadlocks).'),
    ],
  },
  {
    value: QueryType.WalMvcc,
    label: 'WAL and MVCC',
    hint: 'Write-ahead log status, segments and replay; MVCC versions and snapshots.',
    views: [
      view('wal', 'WAL status', 'LSNs, WAL size, write and sync rates, last checkpoint (/transactions/wal/status).'),
      view('segments', 'WAL segments', 'One row per WAL segment (/transactions/wal/segments).'),
      view('replay', 'WAL replay', 'Replay position and lag (/transactions/wal/replay-status).'),
      view('mvcc', 'MVCC status', 'Row versions, live and dead tuples, vacuum (/transactions/mvcc/status).'),
      view('snapshots', 'MVCC snapshots', 'One row per snapshot (/transactions/mvcc/snapshots).'),
    ],
  },
  {
    value: QueryType.BufferMemory,
    label: 'Buffer pool and memory',
    hint: 'Buffer pool pages, hit ratio and eviction; memory use and pressure.',
    views: [
      view('buffer', 'Buffer pool', 'Pages (used, free, dirty), hit ratio, evictions, I/O (/buffer/stats).'),
      view('hitRatio', 'Hit ratio', 'Hit and miss ratios with their counts (/buffer-pool/hit-ratio).'),
      view('eviction', 'Eviction', 'Eviction policy and its statistics (/buffer/eviction/stats).'),
      view('memory', 'Memory', 'Memory used and available, utilisation, pressure level (/memory/status).'),
      view('pressure', 'Memory pressure', 'Pressure level, thresholds and actions (/memory/pressure).'),
    ],
  },
  {
    value: QueryType.Replication,
    label: 'Replication',
    hint: 'Replication lag per replica, the replicas, or the replication summary.',
    ids: 'replicaIds',
    views: [
      view('lag', 'Lag', 'One series per replica: lag (s and bytes), state (/replication/lag).'),
      view('replicas', 'Replicas', 'One row per replica with address, sync state and lag (/replication/status).'),
      view('summary', 'Summary', 'Mode, primary, max lag, replica counts (/replication/status).'),
      view(
        'cluster',
        'Cluster replicas',
        'One series per follower node of the cluster registry (/cluster/replication).'
      ),
    ],
  },
  {
    value: QueryType.Cluster,
    label: 'Cluster',
    hint: 'Cluster nodes, topology, per-node load, or the RAC cluster state.',
    ids: 'nodeIds',
    views: [
      view('nodes', 'Nodes', 'One row per node: role, status, version, uptime (/cluster/nodes).'),
      view('topology', 'Topology', 'Cluster id, leader, node count and quorum (/cluster/topology).'),
      view('topologyNodes', 'Topology nodes', 'The nodes of the topology, one row each (/cluster/topology).'),
      view('status', 'Node load', 'One series per node: CPU, memory, disk, queries/s (/clustering/status).'),
      view('rac', 'RAC state', 'RAC cluster state, quorum and node counts (/rac/cluster/status).'),
    ],
  },
  {
    value: QueryType.Security,
    label: 'Security',
    hint: 'Threat counters and history, insider-threat settings, audit statistics and logs.',
    views: [
      view('threats', 'Threats', 'Critical and high threats, blocked queries, attempts (/security/threats).'),
      view('history', 'Threat history', 'Threat assessments inside the time range (/security/threats/history).'),
      view('insider', 'Insider-threat settings', 'Thresholds and enabled protections (/security/insider-threats).'),
      view('auditStats', 'Audit statistics', 'Audit records, failed writes, tamper alerts (/security/audit/stats).'),
      view(
        'auditLogs',
        'Audit logs',
        'Audit entries inside the time range as log lines, filtered by user, session, object, action, result or signal (/security/audit/logs).'
      ),
      view(
        'failedLogins',
        'Audit signals',
        'Failed logins (and per minute), permission violations and administrative actions over the span the entries cover (/security/audit/logs).'
      ),
      view(
        'failedLoginsByClient',
        'Failed logins by client',
        'The 10 client addresses with the most failed logins in the time range (/security/audit/logs).'
      ),
    ],
  },
  {
    value: QueryType.Alerts,
    label: 'Alerts',
    hint: "RustyDB's own alerts, one row each, or the active count (/alerts).",
    levels: true,
    views: [
      view('list', 'Alerts', 'One row per alert (/alerts).'),
      view('count', 'Active count', 'The number of active alerts (/alerts).'),
    ],
  },
  {
    value: QueryType.Incidents,
    label: 'Incidents',
    hint: 'One row per diagnostic incident (/diagnostics/incidents).',
    levels: true,
  },
  {
    value: QueryType.Logs,
    label: 'Logs',
    hint: 'Server log lines inside the time range, for Explore and the Logs panel (/logs).',
    levels: true,
    views: [
      view('list', 'Log lines', 'Log lines with level and labels, for Explore and the Logs panel (/logs).'),
      view('volume', 'Volume by level', 'Lines per level per 5 minutes or more: errors over time (/logs).'),
    ],
  },
  {
    value: QueryType.ServerInfo,
    label: 'Server info',
    hint: 'Version, uptime, build, features and host of the server (/server/info).',
  },
  {
    value: QueryType.Events,
    label: 'Events (annotations)',
    hint: 'Alerts, incidents, threats or deadlocks in the time range as time/title/text/tags, for annotations.',
  },
  { value: QueryType.Raw, label: 'Raw GET', hint: 'Any other GET path below /api/v1/, flattened into a table.' },
];

export const EVENT_SOURCE_OPTIONS: Array<{ value: EventSource; label: string }> = [
  { value: 'alerts', label: 'Alerts' },
  { value: 'incidents', label: 'Incidents' },
  { value: 'threatHistory', label: 'Threat history' },
  { value: 'deadlocks', label: 'Deadlocks' },
];

export function queryTypeInfo(type: string | undefined): QueryTypeInfo | undefined {
  return QUERY_TYPES.find((info) => info.value === type);
}
