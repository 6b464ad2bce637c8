/**
 * What the documented server reports about its own condition: alerts for every signal past the guide's thresholds
 * (`src/rustydb/thresholds.ts`) right now, incidents for the episodes of the last day, and a log of the last hour.
 */
import type { Alert, IncidentSummary, LogEntry } from '../../src/rustydb/api/types';
import { Level, levelOf, THRESHOLDS, Threshold } from '../../src/rustydb/thresholds';
import { POOLS, REPLICAS } from './catalogue';
import { deadlocksOf } from './history';
import { pickInt } from './prng';
import { EPISODE_KINDS } from './episodes';
import { episodesBetween } from './signals';
import { Gauges, Snapshot, World } from './world';

interface Signal {
  key: string;
  threshold: Threshold;
  value(g: Gauges): number;
  title: string;
  describe(value: number, limit: number): string;
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

function signals(): Signal[] {
  const poolSignals = POOLS.flatMap((spec, i): Signal[] => {
    const id = spec.config.pool_id;
    return [
      {
        key: `pool-utilisation-${id}`,
        threshold: THRESHOLDS.poolUtilisation,
        value: (g) => (g.pools[i].total === 0 ? 0 : g.pools[i].active / g.pools[i].total),
        title: `Connection pool '${id}' utilisation high`,
        describe: (v, limit) => `${round(v * 100)}% of connections in use > ${round(limit * 100)}%`,
      },
      {
        key: `pool-waiting-${id}`,
        threshold: THRESHOLDS.poolWaiting,
        value: (g) => g.pools[i].waiting,
        title: `Requests waiting for pool '${id}'`,
        describe: (v, limit) => `${v} requests waiting > ${limit}`,
      },
    ];
  });
  const replicaSignals = REPLICAS.map((spec, i): Signal => ({
    key: `replication-lag-${spec.replicaId}`,
    threshold: THRESHOLDS.replicationLagSeconds,
    value: (g) => g.replicas[i].lagSeconds,
    title: 'Replication lag above threshold',
    describe: (v, limit) => `${spec.replicaId} lag ${Math.round(v * 1000)} ms > ${limit * 1000} ms`,
  }));
  return [
    {
      key: 'cpu',
      threshold: THRESHOLDS.cpuPercent,
      value: (g) => g.cpuPercent,
      title: 'High CPU usage',
      describe: (v, limit) => `CPU ${round(v)}% > ${limit}%`,
    },
    {
      key: 'memory',
      threshold: THRESHOLDS.memoryPercent,
      value: (g) => g.memoryPercent,
      title: 'High memory usage',
      describe: (v, limit) => `memory ${round(v)}% > ${limit}%`,
    },
    {
      key: 'cache-hit-ratio',
      threshold: THRESHOLDS.cacheHitRatio,
      value: (g) => g.cacheHitRatio,
      title: 'Low cache hit ratio',
      describe: (v, limit) => `hit ratio ${round(v, 3)} < ${limit}`,
    },
    {
      key: 'locks-held',
      threshold: THRESHOLDS.locksHeld,
      value: (g) => g.locksHeld,
      title: 'Many locks held',
      describe: (v, limit) => `${v} locks held > ${limit}`,
    },
    {
      key: 'failed-logins',
      threshold: THRESHOLDS.failedLoginsPerMinute,
      value: (g) => g.failedLoginsPerMinute,
      title: 'Failed login attempts',
      describe: (v, limit) => `${round(v)} failed logins per minute > ${limit}`,
    },
    ...poolSignals,
    ...replicaSignals,
  ];
}

const SIGNALS = signals();
const LOOK_BACK_STEP_SEC = 30;
const LOOK_BACK_MAX_SEC = 7200;

/** When the signal last crossed into a non-ok level, to 30 s (at most two hours back). */
function firingSince(world: World, signal: Signal, tSec: number): number {
  let since = tSec;
  for (let t = tSec - LOOK_BACK_STEP_SEC; t > tSec - LOOK_BACK_MAX_SEC; t -= LOOK_BACK_STEP_SEC) {
    if (levelOf(signal.threshold, signal.value(world.gaugesAt(t))) === 'ok') {
      break;
    }
    since = t;
  }
  return Math.floor(since);
}

function limitFor(threshold: Threshold, level: Level): number {
  return (level === 'critical' ? threshold.critical : threshold.warning) ?? 0;
}

export function alertsOf(world: World, snap: Snapshot): Alert[] {
  return SIGNALS.flatMap((signal) => {
    const value = signal.value(snap.gauges);
    const level = levelOf(signal.threshold, value);
    if (level === 'ok') {
      return [];
    }
    const triggeredAt = firingSince(world, signal, snap.tSec);
    return [
      {
        alert_id: `alert-${signal.key}-${triggeredAt}`,
        severity: level,
        title: signal.title,
        description: signal.describe(value, limitFor(signal.threshold, level)),
        triggered_at: triggeredAt,
        acknowledged: false,
      },
    ];
  });
}

const DAY = 86400;

/** Episodes of the last day as incidents, newest first. */
export function incidentsOf(seed: number, snap: Snapshot): IncidentSummary[] {
  return EPISODE_KINDS.flatMap((k) =>
    episodesBetween(seed, k.stream, snap.tSec - DAY, snap.tSec, k.spec).map((e): IncidentSummary => {
      const resolved = e.end <= snap.tSec;
      const start = Math.floor(e.start);
      return {
        id: `INC-${start}-${k.stream.replace(/\W+/g, '-')}`,
        severity: k.severity(e),
        status: resolved ? 'resolved' : 'investigating',
        title: k.title,
        description: `${k.title} for ${Math.round(e.end - e.start)} s (severity ${Math.round(e.intensity * 100)}%)`,
        created_at: start,
        updated_at: resolved ? Math.floor(e.end) : snap.nowSec,
        resolved_at: resolved ? Math.floor(e.end) : null,
        affected_components: k.components,
        assignee: resolved ? 'dba-oncall' : null,
      };
    })
  ).sort((a, b) => b.created_at - a.created_at || a.id.localeCompare(b.id));
}

const CHECKPOINT_EVERY_SEC = 300;

/** The last hour's log: checkpoints, deadlocks and the starts of episodes, newest first. */
export function logsOf(world: World, seed: number, snap: Snapshot): LogEntry[] {
  const from = snap.tSec - 3600;
  const checkpoints: LogEntry[] = [];
  for (
    let t = Math.floor(snap.tSec / CHECKPOINT_EVERY_SEC) * CHECKPOINT_EVERY_SEC;
    t > from;
    t -= CHECKPOINT_EVERY_SEC
  ) {
    checkpoints.push({
      timestamp: t,
      level: 'INFO',
      message: 'Checkpoint complete',
      context: {
        duration_ms: pickInt(seed, 'checkpoint-ms', t, 80, 2400),
        pages_written: world.gaugesAt(t).dirtyPages,
      },
    });
  }
  const deadlocks = deadlocksOf(world, seed, snap).map((d): LogEntry => ({
    timestamp: d.detected_at,
    // An aborted transaction is an error to its client: the guide's error-rate query counts these.
    level: 'ERROR',
    message: `Deadlock detected; aborted transaction ${d.victim_transaction}`,
    context: { deadlock_id: d.deadlock_id, transactions: d.transactions },
  }));
  const episodes = EPISODE_KINDS.flatMap((k) =>
    episodesBetween(seed, k.stream, from, snap.tSec, k.spec).map((e): LogEntry => ({
      timestamp: Math.floor(e.start),
      level: k.severity(e) === 'critical' ? 'ERROR' : 'WARN',
      message: k.title,
      context: { components: k.components },
    }))
  );
  return [...checkpoints, ...deadlocks, ...episodes].sort(
    (a, b) => b.timestamp - a.timestamp || a.message.localeCompare(b.message)
  );
}
