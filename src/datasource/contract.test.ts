import { DataFrame, FieldType } from '@grafana/data';
import { QUERY_TYPES } from './queryTypes';
import { fakeClient, NOW } from './testing/fakes';
import { fixtureFor, Variant } from './testing/fixtures';
import { EventSource, QueryType, RustyDBQuery } from './types';

/**
 * Contract tests: every query type and every view, run through the client against the RustyDB fixtures (as v0.6.5
 * answers, and the `.populated` variants that show the element shapes of lists v0.6.5 leaves empty).
 */

const RANGE = { from: NOW - 3600_000, to: NOW };

const client = (variant: Variant) => fakeClient((path) => ({ data: fixtureFor(path, variant) }));

const firstRow = (frame: DataFrame) => Object.fromEntries(frame.fields.map((f) => [f.name, f.values[0]]));
const field = (frame: DataFrame, name: string) => frame.fields.find((f) => f.name === name)!;

interface Case {
  query: Partial<RustyDBQuery>;
  /** Frames per variant. */
  frames: Record<Variant, number>;
  /** Rows of the first frame per variant. */
  rows?: Record<Variant, number>;
  /** Values of the first row of the first frame (in the populated variant). */
  values?: Record<string, unknown>;
  /** Units by field name. */
  units?: Record<string, string>;
}

const T = QueryType;
const CASES: Case[] = [
  {
    query: { queryType: T.Health, view: 'status' },
    frames: { plain: 1, populated: 1 },
    values: { status: 'healthy', healthy: 1, version: '1.0.0', uptime_seconds: 3600, time: NOW },
    units: { uptime_seconds: 's' },
  },
  {
    query: { queryType: T.Health, view: 'checks' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 2, populated: 2 },
    values: { check: 'database', status: 'healthy', message: 'Database is operational', last_check: 1767002400_000 },
  },
  {
    query: { queryType: T.Health, view: 'probes' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 6, populated: 6 },
    values: { component: 'storage', status: 'healthy', duration_ms: 5 },
    units: { duration_ms: 'ms' },
  },
  {
    query: { queryType: T.Performance },
    frames: { plain: 1, populated: 1 },
    values: {
      cpu_usage_percent: 7.3,
      memory_usage_bytes: 11854544896,
      cache_hit_ratio: 0.95,
      transactions_per_second: 20.85,
    },
    units: {
      cpu_usage_percent: 'percent',
      memory_usage_bytes: 'bytes',
      cache_hit_ratio: 'percentunit',
      transactions_per_second: 'ops',
    },
  },
  {
    query: { queryType: T.RequestMetrics },
    frames: { plain: 1, populated: 1 },
    values: { total_requests: 1251, avg_response_time: 1.8420133333333335 },
    units: {
      avg_response_time: 'ms',
      memory_usage_bytes: 'bytes',
      cache_hit_ratio: 'percentunit',
      cpu_usage_percent: 'percent',
    },
  },
  {
    query: { queryType: T.Pools },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 2, populated: 2 },
    values: { pool_id: 'readonly', max_connections: 50, max_lifetime_secs: 1800 },
    units: { idle_timeout_secs: 's' },
  },
  {
    query: { queryType: T.PoolStats },
    frames: { plain: 2, populated: 2 },
    values: {
      pool_id: 'default',
      active_connections: 25,
      idle_connections: 15,
      waiting_requests: 2,
      utilisation: 25 / 40,
      max_connections: 100,
    },
    units: { utilisation: 'percentunit' },
  },
  {
    query: { queryType: T.Sessions, view: 'summary' },
    frames: { plain: 1, populated: 1 },
    values: { active_sessions: 1, idle_sessions: 1, peak_connections: 2 },
  },
  {
    query: { queryType: T.Sessions, view: 'sessions' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 2 },
    values: { session_id: 101, username: 'app_user', created_at: 1767000600_000, transaction_id: 1 },
  },
  {
    query: { queryType: T.Sessions, view: 'connections' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 2 },
    values: { connection_id: 101, pool_id: 'default', idle_time_secs: 0 },
    units: { idle_time_secs: 's' },
  },
  {
    query: { queryType: T.Queries, view: 'summary' },
    frames: { plain: 1, populated: 1 },
    values: { total_queries: 1251, queries_per_second: 10.5 },
    units: { avg_execution_time_ms: 'ms' },
  },
  {
    query: { queryType: T.Queries, view: 'slow' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { timestamp: 1767002305_000, execution_time_ms: 2314, user: 'app_user' },
    units: { execution_time_ms: 'ms' },
  },
  {
    query: { queryType: T.Queries, view: 'top' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { execution_count: 48211, avg_time_ms: 2 },
  },
  {
    query: { queryType: T.Queries, view: 'active' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 2, populated: 2 },
    values: { query_id: 'qry_1', progress_percent: 25, estimated_remaining_ms: 4500 },
    units: { progress_percent: 'percent' },
  },
  {
    query: { queryType: T.Queries, view: 'profiles' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { query_id: 'q_8f3a', cache_hit_ratio: 0.97, last_executed: 1767002399_000, execution_plan: null },
  },
  {
    query: { queryType: T.Queries, view: 'history' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { sample_time: 1767002390_000, wait_event: 'buffer_io', blocking_session: null },
  },
  {
    query: { queryType: T.Transactions, view: 'active' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 1, populated: 1 },
    values: { transaction_id: 1, started_at: 1767002100_000, read_only: false },
  },
  {
    query: { queryType: T.Transactions, view: 'lockSummary' },
    frames: { plain: 1, populated: 1 },
    values: { total_locks: 2, granted_locks: 1, waiting_locks: 1 },
  },
  {
    query: { queryType: T.Transactions, view: 'locks' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 2 },
    values: { lock_id: 'lock-17', granted: true, acquired_at: 1767002360_000 },
  },
  {
    query: { queryType: T.Transactions, view: 'waiters' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { transaction_id: 2, waiting_for_transaction: 1, wait_time_ms: 3120 },
  },
  {
    query: { queryType: T.Transactions, view: 'deadlocks' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { deadlock_id: 'dl-000041', transactions: '7, 9', victim_transaction: 9 },
  },
  {
    query: { queryType: T.WalMvcc, view: 'wal' },
    frames: { plain: 1, populated: 1 },
    values: {
      current_lsn: '0/1A2B3C4D',
      wal_size_bytes: 100000000,
      write_rate_mbps: 25.5,
      last_checkpoint: 1767002100_000,
    },
    units: { wal_size_bytes: 'bytes', write_rate_mbps: 'MBs' },
  },
  {
    query: { queryType: T.WalMvcc, view: 'segments' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 2, populated: 2 },
    values: { segment_number: 1, size_bytes: 16777216, archived: true },
  },
  {
    query: { queryType: T.WalMvcc, view: 'replay' },
    frames: { plain: 1, populated: 1 },
    values: { replaying: false, target_lsn: null, segments_replayed: 42 },
  },
  {
    query: { queryType: T.WalMvcc, view: 'mvcc' },
    frames: { plain: 1, populated: 1 },
    values: { dead_tuples: 50000, dead_tuple_ratio: 0.05, last_vacuum: 1766998800_000 },
  },
  {
    query: { queryType: T.WalMvcc, view: 'snapshots' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 1, populated: 1 },
    values: { snapshot_id: 1, active_transactions: '1' },
  },
  {
    query: { queryType: T.BufferMemory, view: 'buffer' },
    frames: { plain: 1, populated: 1 },
    values: { total_pages: 10000, dirty_pages: 500, dirty_ratio: 0.05, hit_ratio: 0.95 },
  },
  {
    query: { queryType: T.BufferMemory, view: 'hitRatio' },
    frames: { plain: 1, populated: 1 },
    values: { total_hits: 1234567, measurement_period_seconds: 3600 },
    units: { hit_ratio: 'percentunit' },
  },
  {
    query: { queryType: T.BufferMemory, view: 'eviction' },
    frames: { plain: 1, populated: 1 },
    values: {
      policy_name: 'CLOCK',
      victim_search_time_us: 5,
      policy_specific_stats: '{"full_rotations":123,"hand_position":4567,"second_chance_hits":45678}',
    },
    units: { victim_search_time_us: 'µs' },
  },
  {
    query: { queryType: T.BufferMemory, view: 'memory' },
    frames: { plain: 1, populated: 1 },
    values: { total_bytes: 8589934592, pressure_level: 'normal' },
    units: { utilization_percent: 'percent' },
  },
  {
    query: { queryType: T.BufferMemory, view: 'pressure' },
    frames: { plain: 1, populated: 1 },
    values: {
      level: 'normal',
      last_pressure_event: null,
      actions_taken: 'Evicted 100 cache entries, Freed 50 query contexts, Compacted 20 arenas',
    },
  },
  {
    query: { queryType: T.Replication, view: 'lag' },
    frames: { plain: 2, populated: 2 },
    values: { node_id: 'node-2', lag_seconds: 0.005, lag_bytes: 1024, last_sync: 1767002400_000 },
    units: { lag_seconds: 's', lag_bytes: 'bytes' },
  },
  {
    query: { queryType: T.Replication, view: 'replicas' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 2, populated: 2 },
    values: { replica_id: 'replica-1', sync_state: 'async', lag_seconds: 0.005 },
  },
  {
    query: { queryType: T.Replication, view: 'summary' },
    frames: { plain: 1, populated: 1 },
    values: { enabled: true, primary_node: 'node-local', max_lag_seconds: 0.005 },
  },
  {
    query: { queryType: T.Replication, view: 'cluster' },
    frames: { plain: 1, populated: 2 },
    values: { state: 'streaming', lag_seconds: 0.005 },
  },
  {
    query: { queryType: T.Cluster, view: 'nodes' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 1, populated: 1 },
    values: { node_id: 'node-local', role: 'leader', last_heartbeat: 1767002400_000 },
  },
  {
    query: { queryType: T.Cluster, view: 'topology' },
    frames: { plain: 1, populated: 1 },
    values: { cluster_id: 'rustydb-cluster-1', leader_node: 'node-local', quorum_size: 1 },
  },
  {
    query: { queryType: T.Cluster, view: 'topologyNodes' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 1, populated: 1 },
    values: { node_id: 'node-local' },
  },
  {
    query: { queryType: T.Cluster, view: 'status' },
    frames: { plain: 1, populated: 1 },
    values: { cpu_usage_percent: 15.5, queries_per_second: 1250 },
    units: { cpu_usage_percent: 'percent', queries_per_second: 'ops' },
  },
  {
    query: { queryType: T.Cluster, view: 'rac' },
    frames: { plain: 1, populated: 1 },
    values: { state: 'Operational', is_healthy: true, total_nodes: 1 },
  },
  {
    query: { queryType: T.Security, view: 'threats' },
    frames: { plain: 1, populated: 1 },
    values: { enabled: true, critical_threats: 0 },
  },
  {
    query: { queryType: T.Security, view: 'history' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { assessment_id: 'ta-7f21', total_score: 62, risk_factors: 'mass_data_access, off_hours', location: null },
  },
  {
    query: { queryType: T.Security, view: 'insider' },
    frames: { plain: 1, populated: 1 },
    values: { alert_threshold: 40, block_threshold: 80 },
  },
  {
    query: { queryType: T.Security, view: 'auditStats' },
    frames: { plain: 1, populated: 1 },
    values: { total_records: 0, records_by_policy: '{}' },
  },
  {
    query: { queryType: T.Security, view: 'auditLogs' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 2 },
    values: {
      id: 'audit-9002',
      timestamp: 1767002380_000,
      severity: 'info',
      body: 'Select by app_user from 10.0.4.17 on orders: SELECT * FROM orders WHERE id = 42',
      labels: expect.objectContaining({ action: 'Select', user: 'app_user', result: 'success' }),
    },
  },
  {
    query: { queryType: T.Security, view: 'failedLogins' },
    frames: { plain: 1, populated: 1 },
    values: { failed_logins: 1, failed_logins_per_minute: 1 / 60, permission_violations: 0, admin_actions: 0 },
  },
  {
    query: { queryType: T.Security, view: 'failedLoginsByClient' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { client_ip: '203.0.113.9', failed_logins: 1 },
  },
  {
    query: { queryType: T.Alerts, view: 'list' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { alert_id: 'alert-20251229-0007', triggered_at: 1767002100_000, acknowledged: false },
  },
  { query: { queryType: T.Alerts, view: 'count' }, frames: { plain: 1, populated: 1 }, values: { active_count: 1 } },
  {
    query: { queryType: T.Incidents },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: { id: 'INC-0042', affected_components: 'wal, storage', resolved_at: null },
  },
  {
    query: { queryType: T.Logs, view: 'volume' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 12, populated: 12 },
  },
  {
    query: { queryType: T.Logs, view: 'list' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
    values: {
      severity: 'warning',
      body: 'Checkpoint took longer than expected',
      labels: { log: 'rustydb', duration_ms: '2140', pages_written: '1500' },
    },
  },
  {
    query: { queryType: T.ServerInfo },
    frames: { plain: 1, populated: 1 },
    values: {
      version: '0.6.0',
      started_at: 1766997000_000,
      features: expect.stringContaining('MVCC, WAL'),
      system_cpu_cores: 16,
      system_hostname: 'localhost',
    },
  },
  ...(['alerts', 'incidents', 'threatHistory', 'deadlocks'] as EventSource[]).map((eventSource): Case => ({
    query: { queryType: T.Events, eventSource },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 1 },
  })),
  {
    query: { queryType: T.Raw, path: '/api/v1/sessions' },
    frames: { plain: 1, populated: 1 },
    rows: { plain: 0, populated: 2 },
    values: { session_id: 101, created_at: 1767000600_000, client_address: '10.0.4.17:51544' },
  },
];

const caseName = (q: Partial<RustyDBQuery>) => [q.queryType, q.view, q.eventSource, q.path].filter(Boolean).join(' ');

describe('contract: every query type against the fixtures', () => {
  it('covers every query type and every view', () => {
    const covered = new Set(CASES.map((c) => `${c.query.queryType}/${c.query.view ?? ''}`));
    for (const info of QUERY_TYPES) {
      for (const view of info.views?.map((v) => v.value) ?? ['']) {
        expect(covered).toContain(`${info.value}/${view}`);
      }
    }
  });

  describe.each(['plain', 'populated'] as Variant[])('%s fixtures', (variant) => {
    it.each(CASES.map((c) => [caseName(c.query), c] as const))('%s', async (_name, c) => {
      const { client: rusty } = client(variant);
      const { frames, errors } = await rusty.run([{ refId: 'A', ...c.query }], { range: RANGE });

      expect(errors).toEqual([]);
      expect(frames).toHaveLength(c.frames[variant]);
      for (const frame of frames) {
        expect(frame.refId).toBe('A');
        // Fixtures match the API types, so nothing may be reported as missing, null or mistyped.
        expect(
          (frame.meta?.notices ?? []).filter((n) => /missing|wrong type|is null|not objects/.test(n.text))
        ).toEqual([]);
        for (const f of frame.fields) {
          if (f.type === FieldType.time) {
            expect(f.values.every((v: number | null) => v === null || v > 1e12)).toBe(true);
          }
        }
      }
      if (c.rows) {
        expect(frames[0].length).toBe(c.rows[variant]);
        if (c.rows[variant] === 0) {
          expect(frames[0].meta?.notices?.map((n) => n.text).join(' ')).toMatch(/no entries/);
        }
      }
      if (c.values && variant === 'populated') {
        expect(firstRow(frames[0])).toMatchObject(c.values);
      }
      for (const [name, unit] of Object.entries(c.units ?? {})) {
        expect(field(frames[0], name).config.unit).toBe(unit);
      }
    });
  });
});
