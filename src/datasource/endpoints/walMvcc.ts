import type { MvccStatus, SnapshotInfo, WalReplayStatus, WalSegmentInfo, WalStatus } from '../../rustydb/api/types';
import { QueryType } from '../types';
import { viewRunner } from './area';
import { listParser, snapshotParser } from './parse/parsers';
import { ratio, Row } from '../../rustydb/json';
import { fieldTable } from './parse/read';

const parseWalStatus = snapshotParser(
  'walStatus',
  fieldTable<WalStatus>((f) => [
    f.str('current_lsn', 'Current LSN'),
    f.str('checkpoint_lsn', 'Checkpoint LSN'),
    f.num('wal_files', 'WAL files'),
    f.num('wal_size_bytes', 'WAL size', 'bytes'),
    f.num('write_rate_mbps', 'Write rate', 'MBs'),
    f.num('sync_rate_mbps', 'Sync rate', 'MBs'),
    f.time('last_checkpoint', 'Last checkpoint'),
    f.bool('checkpoint_in_progress', 'Checkpoint running'),
  ]),
  { name: 'wal' }
);

const parseWalSegments = listParser(
  'walSegments',
  fieldTable<WalSegmentInfo>((f) => [
    f.str('segment_name', 'Segment'),
    f.num('segment_number', 'Number', 'none'),
    f.str('start_lsn', 'Start LSN'),
    f.str('end_lsn', 'End LSN'),
    f.num('size_bytes', 'Size', 'bytes'),
    f.time('created_at', 'Created'),
    f.bool('archived', 'Archived'),
  ]),
  { name: 'wal segments' }
);

const parseWalReplay = snapshotParser(
  'walReplayStatus',
  fieldTable<WalReplayStatus>((f) => [
    f.bool('replaying', 'Replaying'),
    f.str('current_lsn', 'Current LSN'),
    f.str('target_lsn', 'Target LSN', { nullable: true }),
    f.num('replay_lag_bytes', 'Replay lag', 'bytes'),
    f.num('replay_lag_seconds', 'Replay lag (time)', 's'),
    f.time('last_replay_timestamp', 'Last replay'),
    f.num('segments_replayed', 'Segments replayed'),
  ]),
  { name: 'wal replay' }
);

const parseMvccStatus = snapshotParser(
  'mvccStatus',
  fieldTable<MvccStatus & { dead_tuple_ratio: number | null }>((f) => [
    f.num('total_versions', 'Row versions'),
    f.num('live_tuples', 'Live tuples'),
    f.num('dead_tuples', 'Dead tuples'),
    f.num('dead_tuple_ratio', 'Dead tuple ratio', 'percentunit', { nullable: true }),
    f.num('oldest_active_transaction', 'Oldest active transaction', 'none', { nullable: true }),
    f.num('oldest_snapshot', 'Oldest snapshot', 'none', { nullable: true }),
    f.bool('vacuum_running', 'Vacuum running'),
    f.time('last_vacuum', 'Last vacuum', { nullable: true }),
  ]),
  {
    name: 'mvcc',
    derive: (record: Row) => ({
      dead_tuple_ratio: ratio(record.dead_tuples, Number(record.dead_tuples) + Number(record.live_tuples)),
    }),
  }
);

const parseMvccSnapshots = listParser(
  'mvccSnapshots',
  fieldTable<SnapshotInfo>((f) => [
    f.num('snapshot_id', 'Snapshot', 'none'),
    f.time('created_at', 'Created'),
    f.str('isolation_level', 'Isolation'),
    f.list('active_transactions', 'Active transactions'),
    f.num('oldest_transaction', 'Oldest transaction', 'none', { nullable: true }),
  ]),
  { name: 'mvcc snapshots' }
);

export const runWalMvcc = viewRunner(QueryType.WalMvcc, {
  wal: { endpoint: 'walStatus', parse: parseWalStatus },
  segments: { endpoint: 'walSegments', parse: parseWalSegments },
  replay: { endpoint: 'walReplayStatus', parse: parseWalReplay },
  mvcc: { endpoint: 'mvccStatus', parse: parseMvccStatus },
  snapshots: { endpoint: 'mvccSnapshots', parse: parseMvccSnapshots },
});
