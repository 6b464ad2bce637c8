/**
 * The simulated deployment: its pools, replicas, users and the statements its applications run. The first two pools
 * have v0.6.5's seeded configuration (`pool.rs:18-37`), so both profiles agree on them.
 */
import type { PoolConfig } from '../../src/rustydb/api/types';

export interface PoolSpec {
  config: PoolConfig;
  /** Who connects through it. */
  user: string;
  /** Share of the daily load this pool's applications generate, as a fraction of its size at peak. */
  peakUtilisation: number;
  /** Address range of its clients; null addresses are local (Unix socket) clients. */
  subnet: string;
}

export const POOLS: readonly PoolSpec[] = [
  {
    config: {
      pool_id: 'default',
      min_connections: 10,
      max_connections: 100,
      connection_timeout_secs: 30,
      idle_timeout_secs: 600,
      max_lifetime_secs: 3600,
    },
    user: 'app_user',
    peakUtilisation: 0.72,
    subnet: '10.0.4',
  },
  {
    config: {
      pool_id: 'readonly',
      min_connections: 5,
      max_connections: 50,
      connection_timeout_secs: 15,
      idle_timeout_secs: 300,
      max_lifetime_secs: 1800,
    },
    user: 'report_ro',
    peakUtilisation: 0.6,
    subnet: '10.0.5',
  },
  {
    config: {
      pool_id: 'analytics',
      min_connections: 2,
      max_connections: 20,
      connection_timeout_secs: 60,
      idle_timeout_secs: 900,
      max_lifetime_secs: null,
    },
    user: 'analyst',
    peakUtilisation: 0.55,
    subnet: '10.0.6',
  },
  {
    config: {
      pool_id: 'batch',
      min_connections: 0,
      max_connections: 30,
      connection_timeout_secs: 120,
      idle_timeout_secs: 120,
      max_lifetime_secs: 7200,
    },
    user: 'etl_batch',
    peakUtilisation: 0.45,
    subnet: '10.0.7',
  },
];

export interface ReplicaSpec {
  replicaId: string;
  nodeId: string;
  address: string;
  syncState: 'sync' | 'async';
  priority: number;
}

export const PRIMARY_NODE = 'node-local';
export const PRIMARY_ADDRESS = '10.0.1.11:5432';

export const REPLICAS: readonly ReplicaSpec[] = [
  { replicaId: 'replica-1', nodeId: 'node-2', address: '10.0.1.12:5432', syncState: 'async', priority: 100 },
  { replicaId: 'replica-2', nodeId: 'node-3', address: '10.0.1.13:5432', syncState: 'sync', priority: 90 },
];

export interface Statement {
  id: string;
  /** Normalised text, as top-query and profiling lists show it. */
  pattern: string;
  /** A concrete instance, as session and slow-query lists show it. */
  example: string;
  /** Share of all queries. */
  weight: number;
  /** Typical duration, ms. */
  typicalMs: number;
  rows: number;
}

export const STATEMENTS: readonly Statement[] = [
  {
    id: 'q_8f3a',
    pattern: 'SELECT * FROM orders WHERE customer_id = ?',
    example: 'SELECT * FROM orders WHERE customer_id = 48213',
    weight: 0.34,
    typicalMs: 2,
    rows: 5,
  },
  {
    id: 'q_1c07',
    pattern: 'SELECT id, total FROM orders WHERE status = ?',
    example: "SELECT id, total FROM orders WHERE status = 'open'",
    weight: 0.22,
    typicalMs: 4,
    rows: 40,
  },
  {
    id: 'q_77b2',
    pattern: 'UPDATE inventory SET quantity = quantity - ? WHERE sku = ?',
    example: "UPDATE inventory SET quantity = quantity - 1 WHERE sku = 'SKU-3301'",
    weight: 0.18,
    typicalMs: 3,
    rows: 1,
  },
  {
    id: 'q_4d19',
    pattern: 'INSERT INTO order_items (order_id, sku, quantity) VALUES (?, ?, ?)',
    example: "INSERT INTO order_items (order_id, sku, quantity) VALUES (91822, 'SKU-3301', 2)",
    weight: 0.15,
    typicalMs: 2,
    rows: 1,
  },
  {
    id: 'q_a5e0',
    pattern: 'SELECT c.region, SUM(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region',
    example: 'SELECT c.region, SUM(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY c.region',
    weight: 0.07,
    typicalMs: 380,
    rows: 12,
  },
  {
    id: 'q_e3f4',
    pattern: 'SELECT * FROM audit_events WHERE created_at > ? ORDER BY created_at',
    example: "SELECT * FROM audit_events WHERE created_at > '2025-12-28' ORDER BY created_at",
    weight: 0.04,
    typicalMs: 1450,
    rows: 52000,
  },
];

export const SERVER_VERSION = '0.6.5';
export const CLUSTER_ID = 'rustydb-cluster-1';
export const MEMORY_TOTAL_BYTES = 64 * 2 ** 30;
export const DISK_TOTAL_BYTES = 2 * 2 ** 40;
export const PAGE_SIZE_BYTES = 8192;
export const BUFFER_POOL_PAGES = 131072;
export const WAL_SEGMENT_BYTES = 16 * 2 ** 20;
/** Upper bounds of `rustydb_query_duration_seconds`, seconds. */
export const DURATION_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
