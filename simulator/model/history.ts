/**
 * Event lists that are the increments of the model's counters: every deadlock in `/transactions/deadlocks` is one
 * step of `rustydb_deadlocks_total`, every `AuthFailure` audit entry one of `rustydb_failed_logins_total`, and so on.
 * Each event gets a stable index (its position in the counter) and a seeded moment within the grid step it fell in.
 */
import type { AuditEntry, DeadlockInfo, SlowQueryInfo, ThreatHistoryItem } from '../../src/rustydb/api/types';
import { DURATION_BUCKETS, POOLS, STATEMENTS } from './catalogue';
import { pick, pickInt, unitNoise } from './prng';
import { Flows, Snapshot, STEP_SEC, World } from './world';

export interface CounterEvent {
  /** 1-based position in the counter. */
  index: number;
  at: number;
}

/** The counter's increments in (fromSec, toSec], newest `limit` of them, oldest first. */
export function counterEvents(
  world: World,
  seed: number,
  stream: string,
  read: (f: Flows) => number,
  fromSec: number,
  toSec: number,
  limit: number
): CounterEvent[] {
  const events: CounterEvent[] = [];
  let prevT = Math.max(world.serverStartSec, Math.floor(fromSec / STEP_SEC) * STEP_SEC);
  let prev = read(world.totalsAt(prevT));
  for (let t = prevT + STEP_SEC; prevT < toSec; t += STEP_SEC) {
    const at = Math.min(t, toSec);
    const count = read(world.totalsAt(at));
    for (let index = prev + 1; index <= count; index++) {
      const when = Math.floor(prevT + unitNoise(seed, stream, index) * (at - prevT));
      if (when > fromSec) {
        events.push({ index, at: Math.min(when, Math.floor(toSec)) });
      }
    }
    prev = Math.max(prev, count);
    prevT = at;
  }
  return events.slice(-limit);
}

const HOUR = 3600;

export function deadlocksOf(world: World, seed: number, snap: Snapshot): DeadlockInfo[] {
  return counterEvents(world, seed, 'deadlock', (f) => f.deadlocks, snap.tSec - HOUR, snap.tSec, 100).map((e) => {
    const first = 100000 + e.index * 37;
    const victim = first + pickInt(seed, 'deadlock-victim', e.index, 1, 9);
    return {
      deadlock_id: `dl-${String(e.index).padStart(6, '0')}`,
      detected_at: e.at,
      transactions: [first, victim],
      victim_transaction: victim,
      resolution: 'aborted_victim',
    };
  });
}

/** During a burst one address hammers one account; outside bursts, users mistype their passwords. */
export function authFailuresOf(world: World, seed: number, snap: Snapshot, windowSec = 600): AuditEntry[] {
  return counterEvents(world, seed, 'auth-failure', (f) => f.failedLogins, snap.tSec - windowSec, snap.tSec, 500).map(
    (e) => {
      const inBurst = world.gaugesAt(e.at).loginBurst !== null;
      const user = inBurst ? 'admin' : pick(seed, 'auth-user', e.index, POOLS).user;
      return {
        id: 1_000_000 + e.index,
        timestamp: e.at,
        user_id: user,
        session_id: `sess-${e.index}`,
        client_ip: inBurst ? '203.0.113.9' : `10.0.4.${pickInt(seed, 'auth-ip', e.index, 10, 250)}`,
        action: 'AuthFailure',
        object_name: null,
        statement: null,
        success: false,
        error_message: 'invalid password',
        execution_time_ms: null,
      };
    }
  );
}

const RISK_FACTORS = [
  'mass_data_access',
  'off_hours',
  'unusual_location',
  'privilege_escalation',
  'repeated_failures',
] as const;

export function threatLevel(score: number): string {
  return score >= 80 ? 'Critical' : score >= 60 ? 'High' : 'Medium';
}

export function threatScore(seed: number, index: number): number {
  return pickInt(seed, 'threat-score', index, 40, 95);
}

export function threatsOf(world: World, seed: number, snap: Snapshot): ThreatHistoryItem[] {
  return counterEvents(world, seed, 'threat', (f) => f.threats, snap.tSec - 2 * HOUR, snap.tSec, 100).map((e) => {
    const score = threatScore(seed, e.index);
    return {
      assessment_id: `ta-${e.index.toString(16).padStart(4, '0')}`,
      user_id: pick(seed, 'threat-user', e.index, ['admin', 'app_user', 'report_ro']),
      query_text: pick(seed, 'threat-query', e.index, [
        'SELECT * FROM customers',
        'SELECT * FROM payments',
        'GRANT ALL ON orders TO PUBLIC',
      ]),
      total_score: score,
      threat_level: threatLevel(score),
      risk_factors: [
        pick(seed, 'threat-risk-a', e.index, RISK_FACTORS),
        pick(seed, 'threat-risk-b', e.index, RISK_FACTORS),
      ].filter((r, i, all) => all.indexOf(r) === i),
      timestamp: e.at,
      action: score >= 80 ? 'block' : 'alert',
      client_ip: `203.0.113.${pickInt(seed, 'threat-ip', e.index, 2, 250)}`,
      location: null,
    };
  });
}

const SLOW_BOUND_INDEX = DURATION_BUCKETS.indexOf(1);
const SLOW_STATEMENTS = STATEMENTS.filter((s) => s.typicalMs >= 100);

/** Queries slower than 1 s in the last ten minutes (the histogram's count above its 1 s bucket), newest 20. */
export function slowQueriesOf(world: World, seed: number, snap: Snapshot): SlowQueryInfo[] {
  const slowCount = (f: Flows) => f.queries - f.buckets[SLOW_BOUND_INDEX];
  return counterEvents(world, seed, 'slow-query', slowCount, snap.tSec - 600, snap.tSec, 20)
    .reverse()
    .map((e) => {
      const statement = pick(seed, 'slow-statement', e.index, SLOW_STATEMENTS);
      return {
        query: statement.example,
        execution_time_ms: 1000 + Math.floor(unitNoise(seed, 'slow-ms', e.index) ** 2 * 9000),
        timestamp: e.at,
        user: pick(seed, 'slow-user', e.index, ['analyst', 'report_ro', 'etl_batch']),
      };
    });
}
