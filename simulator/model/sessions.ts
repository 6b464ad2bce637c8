/**
 * Who is connected at an instant: one session per pooled connection (each pool's active and idle counts of the
 * snapshot), the transactions the active ones hold, the locks those transactions own, and the statements running.
 * Sessions live in slots that are reborn every `max_lifetime_secs`, so ids are stable while timestamps stay plausible.
 */
import type {
  ActiveTransactionInfo,
  ASHSample,
  ConnectionInfo,
  LockInfo,
  LockWaiter,
  QueryStatusResponse,
  SessionInfo,
} from '../../src/rustydb/api/types';
import { POOLS, PoolSpec, Statement, STATEMENTS } from './catalogue';
import { pick, pickInt, unitNoise } from './prng';
import type { Snapshot } from './world';

export const DATABASE = 'rustydb';
const DEFAULT_LIFETIME_SEC = 14400;

export interface SimSession {
  info: SessionInfo;
  pool: PoolSpec;
  statement: Statement | null;
  /** When the running statement started (active sessions). */
  statementStartedAt: number;
  transactionStartedAt: number | null;
}

function weightedStatement(seed: number, stream: string, index: number): Statement {
  let u = unitNoise(seed, stream, index);
  for (const s of STATEMENTS) {
    u -= s.weight;
    if (u < 0) {
      return s;
    }
  }
  return STATEMENTS[STATEMENTS.length - 1];
}

function session(
  seed: number,
  snap: Snapshot,
  pool: PoolSpec,
  poolIndex: number,
  slot: number,
  active: boolean
): SimSession {
  const t = snap.tSec;
  const id = (poolIndex + 1) * 1000 + slot + 1;
  const lifetime = pool.config.max_lifetime_secs ?? DEFAULT_LIFETIME_SEC;
  const phase = unitNoise(seed, 'session-phase', id) * lifetime;
  const generation = Math.floor((t + phase) / lifetime);
  const createdAt = Math.floor(generation * lifetime - phase);
  const age = snap.nowSec - createdAt;

  const statementPeriod = 3;
  const statementSeq = Math.floor(t / statementPeriod);
  const statement = active ? weightedStatement(seed, `statement:${id}`, statementSeq) : null;

  const txnPeriod = 8 + 20 * unitNoise(seed, 'txn-period', id);
  const txnPhase = unitNoise(seed, 'txn-phase', id) * txnPeriod;
  const txnSeq = Math.floor((t + txnPhase) / txnPeriod);
  const inTransaction = active && unitNoise(seed, `in-txn:${id}`, txnSeq) < 0.6;
  const transactionStartedAt = inTransaction ? Math.floor(txnSeq * txnPeriod - txnPhase) : null;

  const idleFor = Math.min(
    age,
    Math.floor(unitNoise(seed, `idle:${id}`, Math.floor(t / 300)) * pool.config.idle_timeout_secs * 0.8)
  );
  const local = slot % 9 === 4;
  return {
    pool,
    statement,
    statementStartedAt: statementSeq * statementPeriod,
    transactionStartedAt,
    info: {
      session_id: id,
      username: pool.user,
      database: DATABASE,
      client_address: local
        ? null
        : `${pool.subnet}.${10 + slot}:${pickInt(seed, `port:${id}`, generation, 40000, 60999)}`,
      created_at: createdAt,
      last_activity: active ? snap.nowSec - pickInt(seed, `activity:${id}`, statementSeq, 0, 2) : snap.nowSec - idleFor,
      state: active ? 'active' : 'idle',
      current_query: statement?.example ?? null,
      transaction_id: inTransaction ? txnSeq * 10000 + id : null,
    },
  };
}

export function sessionsAt(seed: number, snap: Snapshot): SimSession[] {
  return snap.gauges.pools.flatMap((p, poolIndex) =>
    Array.from({ length: p.total }, (_, slot) =>
      session(seed, snap, POOLS[poolIndex], poolIndex, slot, slot < p.active)
    )
  );
}

/** `ConnectionInfo` is a projection of a session (`pool.rs:224-266`); the documented server fills in the counts. */
export function connectionOf(s: SimSession, nowSec: number): ConnectionInfo {
  const { info } = s;
  const idle = info.state === 'idle';
  return {
    connection_id: info.session_id,
    pool_id: s.pool.config.pool_id,
    session_id: info.session_id,
    username: info.username,
    database: info.database,
    client_address: info.client_address ?? 'unknown',
    created_at: info.created_at,
    last_activity: info.last_activity,
    queries_executed: Math.floor((nowSec - info.created_at) * (idle ? 0.2 : 1.8)),
    state: info.state,
    idle_time_secs: idle ? nowSec - info.last_activity : 0,
  };
}

export function transactionsOf(
  seed: number,
  sessions: SimSession[],
  nowSec: number,
  locks: LockInfo[]
): ActiveTransactionInfo[] {
  return sessions
    .filter((s) => s.info.transaction_id !== null)
    .map((s) => {
      const id = s.info.transaction_id!;
      const readOnly = s.pool.config.pool_id === 'readonly' || s.pool.config.pool_id === 'analytics';
      const startedAt = s.transactionStartedAt!;
      const queries = 1 + Math.floor((nowSec - startedAt) * 0.8);
      return {
        transaction_id: id,
        session_id: s.info.session_id,
        started_at: startedAt,
        isolation_level: readOnly
          ? 'REPEATABLE_READ'
          : unitNoise(seed, 'serializable', id) < 0.1
            ? 'SERIALIZABLE'
            : 'READ_COMMITTED',
        state: 'active',
        read_only: readOnly,
        queries_executed: queries,
        rows_affected: readOnly ? 0 : queries * pickInt(seed, 'rows', id, 1, 40),
        locks_held: locks.filter((l) => l.transaction_id === id && l.granted).length,
      };
    });
}

const LOCK_TYPES = ['row_exclusive', 'row_exclusive', 'row_shared', 'shared', 'exclusive'] as const;
const TABLES = ['orders', 'order_items', 'inventory', 'customers', 'payments'] as const;

function lockResource(seed: number, n: number): { resource_type: string; resource_id: string } {
  const table = pick(seed, 'lock-table', n, TABLES);
  const kind = unitNoise(seed, 'lock-kind', n);
  if (kind < 0.8) {
    return { resource_type: 'row', resource_id: `${table}:${pickInt(seed, 'lock-row', n, 1, 99999)}` };
  }
  return kind < 0.95
    ? { resource_type: 'table', resource_id: table }
    : { resource_type: 'page', resource_id: `${table}:page:${pickInt(seed, 'lock-page', n, 1, 4096)}` };
}

/** The locks the snapshot says are held, owned by its transactions; the first `waiting` are not granted yet. */
export function locksOf(seed: number, snap: Snapshot, sessions: SimSession[]): LockInfo[] {
  const owners = sessions.filter((s) => s.transactionStartedAt !== null);
  if (owners.length === 0) {
    return [];
  }
  return Array.from({ length: snap.gauges.locksHeld }, (_, j) => {
    const owner = owners[j % owners.length];
    const txn = owner.info.transaction_id!;
    const ordinal = Math.floor(j / owners.length) + 1;
    const n = txn * 64 + ordinal;
    return {
      lock_id: `lock-${owner.info.session_id}-${ordinal}`,
      lock_type: pick(seed, 'lock-type', n, LOCK_TYPES),
      ...lockResource(seed, n),
      transaction_id: txn,
      granted: j >= waitingLocks(snap),
      acquired_at: Math.min(snap.nowSec, owner.transactionStartedAt! + pickInt(seed, 'lock-at', n, 0, 5)),
    };
  });
}

/** Concurrent lock waits: the lock-wait rate times a typical wait of 0.4 s. */
export function waitingLocks(snap: Snapshot): number {
  return Math.min(snap.gauges.locksHeld, Math.round(snap.gauges.lockWaitsPerSec * 0.4));
}

/** Share of 30-s windows in which two waiting transactions wait for each other (a deadlock in the making). */
const CYCLE_PROBABILITY = 0.3;

export function waitersOf(seed: number, locks: LockInfo[], tSec: number): LockWaiter[] {
  const granted = locks.filter((l) => l.granted);
  const waiters = locks
    .filter((l) => !l.granted)
    .flatMap((l, i): LockWaiter[] => {
      const others = granted.filter((g) => g.transaction_id !== l.transaction_id);
      if (others.length === 0) {
        return [];
      }
      const holder = others[i % others.length];
      return [
        {
          transaction_id: l.transaction_id,
          waiting_for_transaction: holder.transaction_id,
          lock_type: l.lock_type,
          resource_type: l.resource_type,
          resource_id: l.resource_id,
          wait_time_ms: Math.max(0, (Math.floor(tSec) - l.acquired_at) * 1000) + pickInt(seed, 'wait-ms', i, 5, 900),
        },
      ];
    });
  const [a, b] = waiters;
  if (
    b &&
    a.transaction_id !== b.transaction_id &&
    unitNoise(seed, 'wait-cycle', Math.floor(tSec / 30)) < CYCLE_PROBABILITY
  ) {
    waiters[0] = { ...a, waiting_for_transaction: b.transaction_id };
    waiters[1] = { ...b, waiting_for_transaction: a.transaction_id };
  }
  return waiters;
}

const OPERATIONS = ['Index Scan', 'Sequential Scan', 'Hash Join', 'Sort', 'Aggregate', 'Nested Loop'] as const;

export function activeQueriesOf(seed: number, sessions: SimSession[], tSec: number): QueryStatusResponse[] {
  return sessions
    .filter((s) => s.statement !== null)
    .map((s) => {
      const statement = s.statement!;
      const elapsedMs = Math.max(1, Math.round((tSec - s.statementStartedAt) * 1000));
      const expectedMs = Math.max(
        elapsedMs + 1,
        statement.typicalMs * (1 + 4 * unitNoise(seed, 'expected', s.info.session_id))
      );
      const progress = Math.min(99.9, Math.round((1000 * elapsedMs) / expectedMs) / 10);
      const scanned = Math.max(statement.rows, Math.round(statement.rows * 20 * (progress / 100)));
      return {
        query_id: `qry_${s.info.session_id}_${Math.floor(s.statementStartedAt)}`,
        status: 'running',
        progress_percent: progress,
        rows_scanned: scanned,
        rows_returned: Math.round(statement.rows * (progress / 100)),
        elapsed_ms: elapsedMs,
        estimated_remaining_ms: Math.round(expectedMs - elapsedMs),
        current_operation: pick(seed, 'operation', s.info.session_id, OPERATIONS),
      };
    });
}

const WAIT_EVENTS = [null, null, 'buffer_io', 'lock_wait', 'wal_write', 'client_read'] as const;
const PROGRAMS = ['app-server', 'psql', 'reporting', 'etl-runner'] as const;
const ASH_INTERVAL_SEC = 10;
const ASH_WINDOW_SEC = 300;
const ASH_SESSIONS_PER_SAMPLE = 4;

/** Active Session History for the last five minutes: up to four active sessions every ten seconds. */
export function ashSamplesOf(seed: number, sessions: SimSession[], nowSec: number): ASHSample[] {
  const active = sessions.filter((s) => s.statement !== null);
  const samples: ASHSample[] = [];
  const last = Math.floor(nowSec / ASH_INTERVAL_SEC) * ASH_INTERVAL_SEC;
  for (let at = last; at > nowSec - ASH_WINDOW_SEC; at -= ASH_INTERVAL_SEC) {
    for (let k = 0; k < Math.min(ASH_SESSIONS_PER_SAMPLE, active.length); k++) {
      const s = active[pickInt(seed, 'ash-session', at * ASH_SESSIONS_PER_SAMPLE + k, 0, active.length - 1)];
      const id = s.info.session_id;
      const statement = weightedStatement(seed, `statement:${id}`, Math.floor(at / 3));
      const wait = pick(seed, 'ash-wait', at * 100 + k, WAIT_EVENTS);
      const blocker = wait === 'lock_wait' ? active.find((o) => o.info.session_id !== id) : undefined;
      samples.push({
        sample_time: at,
        session_id: id,
        sql_id: statement.id,
        sql_text: statement.pattern,
        wait_event: wait,
        wait_time_ms: wait === null ? null : pickInt(seed, 'ash-wait-ms', at * 100 + k, 1, 400),
        blocking_session: blocker?.info.session_id ?? null,
        cpu_time_ms: pickInt(seed, 'ash-cpu', at * 100 + k, 1, 40),
        user_name: s.info.username,
        program: pick(seed, 'ash-program', id, PROGRAMS),
        module: null,
        action: null,
      });
    }
  }
  return samples;
}
