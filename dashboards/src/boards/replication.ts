import type { DashboardSpec } from '../lib/dashboard';
import { PanelSpec, stateMappings } from '../lib/panels';
import { overInterval, sel, sumBy } from '../lib/promql';
import { prom } from '../lib/targets';
import { labelVariable } from '../lib/variables';
import { replicaLagLive, replicas, replicationSummary } from './live';
import { level } from '../lib/levels';

const BY_REPLICA = 'job, instance, replica';
/** The Prometheus panels follow `$replica`; the live panels always show every replica the server lists. */
const REPLICA_MATCH = 'replica=~"$replica"';

const replicaSeries = (
  metric: 'rustydb_replication_lag_seconds' | 'rustydb_replication_lag_bytes' | 'rustydb_replica_up'
) => sumBy(BY_REPLICA, overInterval('max', sel(metric, REPLICA_MATCH)));

const REPLICA_STATES = stateMappings({
  '0': { text: 'Down', color: 'red' },
  '1': { text: 'Streaming', color: 'green' },
});

const replicasUp: PanelSpec = {
  type: 'stat',
  title: 'Replicas streaming',
  description:
    'Replicas connected and streaming, per primary (from `rustydb_replica_up`). Fewer than you run means a replica is down or disconnected: failover capacity is reduced.',
  unit: 'short',
  targets: [prom(sumBy('job, instance', sel('rustydb_replica_up')), '{{instance}}', { instant: true })],
};

const lagSeconds: PanelSpec = {
  type: 'timeseries',
  title: 'Replication lag',
  description: `How far each replica is behind the primary, in seconds (peak per interval). Above ${level('replicationLagSeconds', 'warning')} is a warning and above ${level('replicationLagSeconds', 'critical')} critical: reads from it are stale and a failover would lose that much.`,
  unit: 's',
  levels: 'replicationLagSeconds',
  min: 0,
  targets: [prom(replicaSeries('rustydb_replication_lag_seconds'), '{{replica}}')],
};

const lagBytes: PanelSpec = {
  type: 'timeseries',
  title: 'Replication lag (bytes)',
  description:
    'WAL bytes each replica still has to replay. Growing bytes with steady seconds means the write load outpaces the replica.',
  unit: 'bytes',
  min: 0,
  targets: [prom(replicaSeries('rustydb_replication_lag_bytes'), '{{replica}}')],
};

const replicaStateHistory: PanelSpec = {
  type: 'status-history',
  title: 'Replica state history',
  description: 'Each replica streaming (green) or down (red) over time: when it dropped out and whether it came back.',
  unit: 'none',
  mappings: REPLICA_STATES,
  targets: [prom(sumBy(BY_REPLICA, overInterval('min', sel('rustydb_replica_up', REPLICA_MATCH))), '{{replica}}')],
};

export const replication: DashboardSpec = {
  uid: 'rustydb-replication',
  title: 'RustyDB / Replication',
  description: 'Replica state and lag: live from the REST API, history from Prometheus where the server exports it.',
  tag: 'replication',
  refresh: '30s',
  variables: [
    labelVariable(
      'replica',
      'Replica',
      'label_values(rustydb_replication_lag_seconds{job=~"$job", instance=~"$instance"}, replica)',
      'Replica(s) to show in the Prometheus panels.'
    ),
  ],
  rows: [
    { section: 'Health', panels: [replicationSummary, { ...replicasUp, width: 12 }] },
    { section: 'Problems', panels: [replicaLagLive, lagSeconds, replicaStateHistory, lagBytes] },
    { section: 'Details', topic: 'replicas', panels: [replicas] },
  ],
};
