/**
 * One instant of the documented server as the body builders read it: the snapshot plus the derived lists (sessions,
 * locks, transactions), each computed once per instant however many endpoints ask for it.
 */
import type { ActiveTransactionInfo, LockInfo } from '../../../src/rustydb/api/types';
import { locksOf, SimSession, sessionsAt, transactionsOf } from '../../model/sessions';
import type { Snapshot, World } from '../../model/world';

export class View {
  private sessionList?: SimSession[];
  private lockList?: LockInfo[];
  private transactionList?: ActiveTransactionInfo[];

  constructor(
    readonly world: World,
    readonly seed: number,
    readonly snap: Snapshot
  ) {}

  get sessions(): SimSession[] {
    return (this.sessionList ??= sessionsAt(this.seed, this.snap));
  }

  get locks(): LockInfo[] {
    return (this.lockList ??= locksOf(this.seed, this.snap, this.sessions));
  }

  get transactions(): ActiveTransactionInfo[] {
    return (this.transactionList ??= transactionsOf(this.seed, this.sessions, this.snap.nowSec, this.locks));
  }
}

/** Views by instant: REST calls at the same instant (and the exposition) share one. */
export class Views {
  private last: View | null = null;

  constructor(
    private readonly world: World,
    private readonly seed: number
  ) {}

  at(nowMs: number): View {
    const snap = this.world.snapshot(nowMs);
    if (this.last?.snap !== snap) {
      this.last = new View(this.world, this.seed, snap);
    }
    return this.last;
  }
}
