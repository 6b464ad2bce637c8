import type {
  ActiveTransactionInfo,
  DeadlockInfo,
  LockInfo,
  LockStatusResponse,
  LockWaiter,
} from '../../rustydb/api/types';
import { QueryType } from '../types';
import { QueryResultMetaNotice } from '@grafana/data';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { viewRunner } from './area';
import { listParser, snapshotParser } from './parse/parsers';
import { excerpt } from '../transport/errors';
import { isRow } from '../../rustydb/json';
import { fieldTable, textOf } from './parse/read';

const LOCK_FIELDS = fieldTable<LockInfo>((f) => [
  f.str('lock_id', 'Lock'),
  f.str('lock_type', 'Type'),
  f.str('resource_type', 'Resource type'),
  f.str('resource_id', 'Resource'),
  f.num('transaction_id', 'Transaction', 'none'),
  f.bool('granted', 'Granted'),
  f.time('acquired_at', 'Acquired'),
]);

const DEADLOCK_FIELDS = fieldTable<DeadlockInfo>((f) => [
  f.time('detected_at', 'Detected'),
  f.str('deadlock_id', 'Deadlock'),
  f.list('transactions', 'Transactions'),
  f.num('victim_transaction', 'Victim', 'none'),
  f.str('resolution', 'Resolution'),
]);

const parseActiveTransactions = listParser(
  'transactionsActive',
  fieldTable<ActiveTransactionInfo>((f) => [
    f.num('transaction_id', 'Transaction', 'none'),
    f.num('session_id', 'Session', 'none'),
    f.time('started_at', 'Started'),
    f.str('isolation_level', 'Isolation'),
    f.str('state', 'State'),
    f.bool('read_only', 'Read only'),
    f.num('queries_executed', 'Queries'),
    f.num('rows_affected', 'Rows affected'),
    f.num('locks_held', 'Locks held'),
  ]),
  { name: 'active transactions' }
);

const parseLockSummary = snapshotParser(
  'locks',
  fieldTable<LockStatusResponse>((f) => [
    f.num('total_locks', 'Locks', 'short', { threshold: THRESHOLDS.locksHeld }),
    f.num('granted_locks', 'Granted locks'),
    f.num('waiting_locks', 'Waiting locks'),
  ]),
  { name: 'locks' }
);

const parseLocks = listParser('locks', LOCK_FIELDS, { name: 'locks', listKey: 'locks' });

/** `potential_deadlocks` is a list of transaction-id cycles; each one deserves the operator's eye. */
function deadlockCycleNotices(body: unknown): QueryResultMetaNotice[] {
  const cycles =
    isRow(body) && Array.isArray(body.potential_deadlocks) ? body.potential_deadlocks.filter(Array.isArray) : [];
  return cycles.length
    ? [
        {
          severity: 'warning',
          text: `Potential deadlock cycles: ${excerpt(cycles.map((c: unknown[]) => c.map(textOf).join(' → ')).join('; '))}.`,
        },
      ]
    : [];
}

const parseLockWaiters = listParser(
  'lockWaiters',
  fieldTable<LockWaiter>((f) => [
    f.num('transaction_id', 'Transaction', 'none'),
    f.num('waiting_for_transaction', 'Waiting for', 'none'),
    f.str('lock_type', 'Lock type'),
    f.str('resource_type', 'Resource type'),
    f.str('resource_id', 'Resource'),
    f.num('wait_time_ms', 'Waiting for', 'ms'),
  ]),
  { name: 'lock waiters', listKey: 'waiters', bodyNotices: deadlockCycleNotices }
);

const parseDeadlocks = listParser('deadlocks', DEADLOCK_FIELDS, { name: 'deadlocks', timeKey: 'detected_at' });

export const runTransactions = viewRunner(QueryType.Transactions, {
  active: { endpoint: 'transactionsActive', parse: parseActiveTransactions },
  lockSummary: { endpoint: 'locks', parse: parseLockSummary },
  locks: { endpoint: 'locks', parse: parseLocks },
  waiters: { endpoint: 'lockWaiters', parse: parseLockWaiters },
  deadlocks: { endpoint: 'deadlocks', parse: parseDeadlocks },
});
