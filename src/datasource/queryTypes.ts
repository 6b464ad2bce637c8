import { EventSource, QueryType } from './types';

/** What the editor shows of a query type or view: its name and the one-line hint of what comes back. */
interface Described {
  label: string;
  /** One line: what the query returns. Used by the query editor and the query-types variable. */
  hint: string;
}

interface TypeSpec extends Described {
  /** The views by name (the strings saved in `query.view`); the first is the default. */
  views?: Record<string, Described>;
  /** Which id list the type filters or fans out by, if any. */
  ids?: 'poolIds' | 'nodeIds' | 'replicaIds';
  /** Severity or level filter. */
  levels?: boolean;
}

/**
 * The query-type catalogue: every type and view the data source runs. The runner tables in `endpoints/` are typed
 * against it (`ViewName`), so a view cannot be offered here and missing there, or run there and unknown here.
 */
export const CATALOGUE = {
  [QueryType.Health]: {
    label: 'Health',
    hint: 'Server health: status, version and uptime, each health check, or the probes.',
    views: {
      status: { label: 'Status', hint: 'One row: status, healthy (1/0), version, uptime (/admin/health).' },
      checks: { label: 'Checks', hint: 'One row per health check: status, message, last check (/admin/health).' },
      probes: { label: 'Probes', hint: 'Components and the liveness, readiness and startup probes (/health/full).' },
    },
  },
  [QueryType.Performance]: {
    label: 'Performance',
    hint: 'CPU, memory, cache hit ratio, transactions/s, locks and deadlocks now (/stats/performance).',
  },
  [QueryType.RequestMetrics]: {
    label: 'Request metrics',
    hint: 'HTTP request counters, average response time, CPU and memory with their units (/metrics).',
  },
  [QueryType.Pools]: {
    label: 'Pools',
    hint: 'One row per connection pool with its limits and timeouts (/pools).',
  },
  [QueryType.PoolStats]: {
    label: 'Pool stats',
    hint: 'One series per pool: active, idle, waiting, utilisation (/pools/{id}/stats); no pool ids means all pools.',
    ids: 'poolIds',
  },
  [QueryType.Sessions]: {
    label: 'Sessions and connections',
    hint: 'Session counts, or the sessions or connections one row each.',
    views: {
      summary: { label: 'Counts', hint: 'Active, idle, total and peak sessions (/stats/sessions).' },
      sessions: { label: 'Sessions', hint: 'One row per session (/sessions).' },
      connections: { label: 'Connections', hint: 'One row per pooled connection (/connections).' },
    },
  },
  [QueryType.Queries]: {
    label: 'Queries',
    hint: 'Query statistics, slow, top, running or profiled queries, or active-session history.',
    views: {
      summary: { label: 'Statistics', hint: 'Total queries, queries/s and average time (/stats/queries).' },
      slow: { label: 'Slow queries', hint: 'Slow queries inside the time range (/stats/queries).' },
      top: { label: 'Top queries', hint: 'Most frequent query patterns (/stats/queries).' },
      active: { label: 'Running queries', hint: 'Queries running now with their progress (/query/active).' },
      profiles: { label: 'Profiles', hint: 'Per-query execution profiles (/profiling/queries).' },
      history: {
        label: 'Session history',
        hint: 'Active-session history samples in the time range (/monitoring/ash).',
      },
    },
  },
  [QueryType.Transactions]: {
    label: 'Transactions and locks',
    hint: 'Active transactions, locks, lock waiters or deadlocks.',
    views: {
      active: { label: 'Active transactions', hint: 'One row per open transaction (/transactions/active).' },
      lockSummary: { label: 'Lock counts', hint: 'Total, granted and waiting locks now (/transactions/locks).' },
      locks: { label: 'Locks', hint: 'One row per lock (/transactions/locks).' },
      waiters: {
        label: 'Lock waiters',
        hint: 'Who waits for whom, with potential deadlock cycles (/transactions/locks/waiters).',
      },
      deadlocks: { label: 'Deadlocks', hint: 'Deadlocks detected inside the time range (/transactions/deadlocks).' },
    },
  },
  [QueryType.WalMvcc]: {
    label: 'WAL and MVCC',
    hint: 'Write-ahead log status, segments and replay; MVCC versions and snapshots.',
    views: {
      wal: {
        label: 'WAL status',
        hint: 'LSNs, WAL size, write and sync rates, last checkpoint (/transactions/wal/status).',
      },
      segments: { label: 'WAL segments', hint: 'One row per WAL segment (/transactions/wal/segments).' },
      replay: { label: 'WAL replay', hint: 'Replay position and lag (/transactions/wal/replay-status).' },
      mvcc: { label: 'MVCC status', hint: 'Row versions, live and dead tuples, vacuum (/transactions/mvcc/status).' },
      snapshots: { label: 'MVCC snapshots', hint: 'One row per snapshot (/transactions/mvcc/snapshots).' },
    },
  },
  [QueryType.BufferMemory]: {
    label: 'Buffer pool and memory',
    hint: 'Buffer pool pages, hit ratio and eviction; memory use and pressure.',
    views: {
      buffer: { label: 'Buffer pool', hint: 'Pages (used, free, dirty), hit ratio, evictions, I/O (/buffer/stats).' },
      hitRatio: { label: 'Hit ratio', hint: 'Hit and miss ratios with their counts (/buffer-pool/hit-ratio).' },
      eviction: { label: 'Eviction', hint: 'Eviction policy and its statistics (/buffer/eviction/stats).' },
      memory: { label: 'Memory', hint: 'Memory used and available, utilisation, pressure level (/memory/status).' },
      pressure: { label: 'Memory pressure', hint: 'Pressure level, thresholds and actions (/memory/pressure).' },
    },
  },
  [QueryType.Replication]: {
    label: 'Replication',
    hint: 'Replication lag per replica, the replicas, or the replication summary.',
    ids: 'replicaIds',
    views: {
      lag: { label: 'Lag', hint: 'One series per replica: lag (s and bytes), state (/replication/lag).' },
      replicas: {
        label: 'Replicas',
        hint: 'One row per replica with address, sync state and lag (/replication/status).',
      },
      summary: { label: 'Summary', hint: 'Mode, primary, max lag, replica counts (/replication/status).' },
      cluster: {
        label: 'Cluster replicas',
        hint: 'One series per follower node of the cluster registry (/cluster/replication).',
      },
    },
  },
  [QueryType.Cluster]: {
    label: 'Cluster',
    hint: 'Cluster nodes, topology, per-node load, or the RAC cluster state.',
    ids: 'nodeIds',
    views: {
      nodes: { label: 'Nodes', hint: 'One row per node: role, status, version, uptime (/cluster/nodes).' },
      topology: { label: 'Topology', hint: 'Cluster id, leader, node count and quorum (/cluster/topology).' },
      topologyNodes: { label: 'Topology nodes', hint: 'The nodes of the topology, one row each (/cluster/topology).' },
      status: { label: 'Node load', hint: 'One series per node: CPU, memory, disk, queries/s (/clustering/status).' },
      rac: { label: 'RAC state', hint: 'RAC cluster state, quorum and node counts (/rac/cluster/status).' },
    },
  },
  [QueryType.Security]: {
    label: 'Security',
    hint: 'Threat counters and history, insider-threat settings, audit statistics and logs.',
    views: {
      threats: { label: 'Threats', hint: 'Critical and high threats, blocked queries, attempts (/security/threats).' },
      history: {
        label: 'Threat history',
        hint: 'Threat assessments inside the time range (/security/threats/history).',
      },
      insider: {
        label: 'Insider-threat settings',
        hint: 'Thresholds and enabled protections (/security/insider-threats).',
      },
      auditStats: {
        label: 'Audit statistics',
        hint: 'Audit records, failed writes, tamper alerts (/security/audit/stats).',
      },
      auditLogs: {
        label: 'Audit logs',
        hint: 'Audit entries inside the time range as log lines, filtered by user, session, object, action, result or signal (/security/audit/logs).',
      },
      failedLogins: {
        label: 'Audit signals',
        hint: 'Failed logins (and per minute), permission violations and administrative actions over the span the entries cover (/security/audit/logs).',
      },
      failedLoginsByClient: {
        label: 'Failed logins by client',
        hint: 'The 10 client addresses with the most failed logins in the time range (/security/audit/logs).',
      },
    },
  },
  [QueryType.Alerts]: {
    label: 'Alerts',
    hint: "RustyDB's own alerts, one row each, or the active count (/alerts).",
    levels: true,
    views: {
      list: { label: 'Alerts', hint: 'One row per alert (/alerts).' },
      count: { label: 'Active count', hint: 'The number of active alerts (/alerts).' },
    },
  },
  [QueryType.Incidents]: {
    label: 'Incidents',
    hint: 'One row per diagnostic incident (/diagnostics/incidents).',
    levels: true,
  },
  [QueryType.Logs]: {
    label: 'Logs',
    hint: 'Server log lines inside the time range, for Explore and the Logs panel (/logs).',
    levels: true,
    views: {
      list: { label: 'Log lines', hint: 'Log lines with level and labels, for Explore and the Logs panel (/logs).' },
      volume: { label: 'Volume by level', hint: 'Lines per level per 5 minutes or more: errors over time (/logs).' },
    },
  },
  [QueryType.ServerInfo]: {
    label: 'Server info',
    hint: 'Version, uptime, build, features and host of the server (/server/info).',
  },
  [QueryType.Events]: {
    label: 'Events (annotations)',
    hint: 'Alerts, incidents, threats or deadlocks in the time range as time/title/text/tags, for annotations.',
  },
  [QueryType.Raw]: {
    label: 'Raw GET',
    hint: 'Any other GET path below /api/v1/, flattened into a table.',
  },
} as const satisfies Record<QueryType, TypeSpec>;

type Catalogue = typeof CATALOGUE;

/** The query types that have views. */
export type ViewedType = { [T in QueryType]: Catalogue[T] extends { views: object } ? T : never }[QueryType];

/** The names of a query type's views, as saved in `query.view`. */
export type ViewName<T extends ViewedType> = Catalogue[T] extends { views: infer V } ? keyof V & string : never;

interface ViewInfo extends Described {
  value: string;
}

export interface QueryTypeInfo extends Described {
  value: QueryType;
  /** The first is the default. */
  views?: ViewInfo[];
  ids?: TypeSpec['ids'];
  levels?: boolean;
}

/** The catalogue as the lists the editor, the query-types variable and query history read. */
export const QUERY_TYPES: QueryTypeInfo[] = (Object.keys(CATALOGUE) as QueryType[]).map((value) => {
  const { views, ...spec }: TypeSpec = CATALOGUE[value];
  return {
    value,
    ...spec,
    ...(views ? { views: Object.entries(views).map(([name, view]) => ({ value: name, ...view })) } : {}),
  };
});

/** The view a query runs when it names none. */
export function defaultView(type: ViewedType): string {
  return Object.keys(CATALOGUE[type].views)[0];
}

export const EVENT_SOURCE_OPTIONS: Array<{ value: EventSource; label: string }> = [
  { value: 'alerts', label: 'Alerts' },
  { value: 'incidents', label: 'Incidents' },
  { value: 'threatHistory', label: 'Threat history' },
  { value: 'deadlocks', label: 'Deadlocks' },
];

export function queryTypeInfo(type: string | undefined): QueryTypeInfo | undefined {
  return QUERY_TYPES.find((info) => info.value === type);
}
