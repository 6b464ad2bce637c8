import type {
  ReplicaInfo,
  ReplicaLagInfo,
  ReplicaStatus,
  ReplicationStatusInfoResponse,
} from '../../rustydb/api/types';
import { QueryType } from '../types';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { viewRunner } from './area';
import { listParser, seriesParser, snapshotParser } from './parse/parsers';
import { numberOf, Row } from '../../rustydb/json';
import { fieldTable } from './parse/read';

/** The guide's lag levels are in seconds; RustyDB reports milliseconds. */
const lagSeconds = (record: Row) => {
  const ms = numberOf(record.lag_ms);
  return { lag_seconds: ms === null ? null : ms / 1000 };
};

const [LAG_SECONDS] = fieldTable<ReturnType<typeof lagSeconds>>((f) => [
  f.num('lag_seconds', 'Lag', 's', { nullable: true, threshold: THRESHOLDS.replicationLagSeconds }),
]);

const parseReplicationLag = seriesParser(
  'replicationLag',
  fieldTable<ReplicaLagInfo>((f) => [
    f.str('node_id', 'Node'),
    f.str('state', 'State'),
    LAG_SECONDS,
    f.num('lag_bytes', 'Lag (bytes)', 'bytes'),
    f.time('last_sync', 'Last sync'),
  ]),
  { name: 'replica', listKey: 'replicas', idKey: 'replica_id', label: 'replica', derive: lagSeconds }
);

const parseReplicas = listParser(
  'replicationStatus',
  fieldTable<ReplicaInfo>((f) => [
    f.str('replica_id', 'Replica'),
    f.str('node_id', 'Node'),
    f.str('address', 'Address'),
    f.str('state', 'State'),
    f.str('sync_state', 'Sync'),
    LAG_SECONDS,
    f.num('lag_bytes', 'Lag (bytes)', 'bytes'),
    f.time('last_sync', 'Last sync'),
    f.str('wal_position', 'WAL position'),
    f.num('priority', 'Priority', 'none'),
  ]),
  { name: 'replicas', listKey: 'replicas', filterKey: 'replica_id', derive: lagSeconds }
);

const parseReplicationSummary = snapshotParser(
  'replicationStatus',
  fieldTable<ReplicationStatusInfoResponse & { max_lag_seconds: number | null }>((f) => [
    f.bool('enabled', 'Enabled'),
    f.str('primary_node', 'Primary'),
    f.str('replication_mode', 'Mode'),
    f.num('max_lag_seconds', 'Max lag', 's', { nullable: true, threshold: THRESHOLDS.replicationLagSeconds }),
    f.num('sync_replicas_count', 'Synchronous replicas'),
    f.num('async_replicas_count', 'Asynchronous replicas'),
    f.bool('all_synced', 'All synced'),
    f.bool('wal_archiving_enabled', 'WAL archiving'),
    f.num('slots_active', 'Active slots'),
    f.str('current_wal_lsn', 'Current WAL LSN'),
  ]),
  {
    name: 'replication',
    derive: (record) => ({ max_lag_seconds: lagSeconds({ lag_ms: record.max_replication_lag_ms }).lag_seconds }),
  }
);

const parseClusterReplication = seriesParser(
  'clusterReplication',
  fieldTable<ReplicaStatus>((f) => [
    f.str('state', 'State'),
    LAG_SECONDS,
    f.num('lag_bytes', 'Lag (bytes)', 'bytes'),
    f.time('last_sync', 'Last sync'),
  ]),
  { name: 'replica', listKey: 'replicas', idKey: 'node_id', label: 'replica', derive: lagSeconds }
);

export const runReplication = viewRunner(QueryType.Replication, {
  lag: { endpoint: 'replicationLag', parse: parseReplicationLag },
  replicas: { endpoint: 'replicationStatus', parse: parseReplicas },
  summary: { endpoint: 'replicationStatus', parse: parseReplicationSummary },
  cluster: { endpoint: 'clusterReplication', parse: parseClusterReplication },
});
