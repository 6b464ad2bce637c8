/**
 * The documented server's state at any instant, from seed, clock and fault history: gauges are pure functions of
 * time (daily load, episodes, forced faults), counters are integrals of rates derived from those gauges. REST bodies
 * and the exposition both read one `Snapshot`, so they agree at the same instant.
 */
import type { Faults, HealthStatus } from '../types';
import {
  BUFFER_POOL_PAGES,
  DURATION_BUCKETS,
  MEMORY_TOTAL_BYTES,
  POOLS,
  PoolSpec,
  REPLICAS,
  ReplicaSpec,
} from './catalogue';
import { Cumulative } from './cumulative';
import {
  DEADLOCK_BURST,
  DEADLOCKS_STREAM,
  isDisconnection,
  LOGIN_BURST,
  LOGINS_STREAM,
  POOL_PRESSURE,
  poolStream,
  REPLICA_LAG,
  replicaStream,
} from './episodes';
import { FaultHistory } from './faultHistory';
import { queryVolumeFactor } from './growth';
import { smoothNoise, unitNoise } from './prng';
import { LatencyMix, latencyMix, meanSec, shareWithin } from './latency';
import { Episode, episodeAt, episodeLevel, loadAt } from './signals';
/** Counter integration step; also the resolution of event lists derived from counters. */
export const STEP_SEC = 10;

export interface PoolState {
  spec: PoolSpec;
  active: number;
  idle: number;
  waiting: number;
  total: number;
  /** 0 normally; up to 1 inside a pressure episode. */
  pressure: number;
  episode: Episode | null;
}

export type ReplicaStateName = 'streaming' | 'catchup' | 'disconnected';

export interface ReplicaState {
  spec: ReplicaSpec;
  lagSeconds: number;
  lagBytes: number;
  up: boolean;
  state: ReplicaStateName;
  episode: Episode | null;
}

export interface Gauges {
  load: number;
  cpuPercent: number;
  memoryPercent: number;
  memoryBytes: number;
  tps: number;
  qps: number;
  cacheHitRatio: number;
  pools: PoolState[];
  replicas: ReplicaState[];
  /** The worst pool's pressure, 0..1: contention spreads to locks, cache and latency. */
  pressure: number;
  locksHeld: number;
  lockWaitsPerSec: number;
  dirtyPages: number;
  freePages: number;
  failedLoginsPerMinute: number;
  loginBurst: Episode | null;
  /** Outside bursts of deadlocks and pool pressure, none. */
  deadlocksPerMinute: number;
  walBytesPerSec: number;
  /** The query-duration distribution at this instant. */
  latency: LatencyMix;
  health: HealthStatus;
}

/** Cumulative quantities (rates per second while integrating, totals in a snapshot). */
export interface Flows {
  transactions: number;
  queries: number;
  durationSum: number;
  cacheHits: number;
  cacheMisses: number;
  diskRead: number;
  diskWrite: number;
  netRx: number;
  netTx: number;
  walWrites: number;
  walBytes: number;
  lockWaits: number;
  deadlocks: number;
  failedLogins: number;
  threats: number;
  permissionViolations: number;
  bufferWrites: number;
  flushes: number;
  evictions: number;
  replicationMessages: number;
  replicationBytes: number;
  connectionErrors: number;
  /** Cumulative count per `DURATION_BUCKETS` bound. */
  buckets: number[];
  poolAcquired: number[];
  poolChurn: number[];
}

type ScalarFlow = Exclude<keyof Flows, 'buckets' | 'poolAcquired' | 'poolChurn'>;

const SCALAR_FLOWS: readonly ScalarFlow[] = [
  'transactions',
  'queries',
  'durationSum',
  'cacheHits',
  'cacheMisses',
  'diskRead',
  'diskWrite',
  'netRx',
  'netTx',
  'walWrites',
  'walBytes',
  'lockWaits',
  'deadlocks',
  'failedLogins',
  'threats',
  'permissionViolations',
  'bufferWrites',
  'flushes',
  'evictions',
  'replicationMessages',
  'replicationBytes',
  'connectionErrors',
];
const FLOW_DIMS = SCALAR_FLOWS.length + DURATION_BUCKETS.length + 2 * POOLS.length;

function pack(f: Flows): Float64Array {
  return Float64Array.from([...SCALAR_FLOWS.map((k) => f[k]), ...f.buckets, ...f.poolAcquired, ...f.poolChurn]);
}

/** Totals as the server reports them: whole units (durations stay fractional seconds). */
function unpackTotals(v: Float64Array): Flows {
  const whole = (x: number) => Math.floor(x + 1e-9);
  const scalars = Object.fromEntries(
    SCALAR_FLOWS.map((k, i) => [k, k === 'durationSum' ? v[i] : whole(v[i])])
  ) as Record<ScalarFlow, number>;
  let at = SCALAR_FLOWS.length;
  const take = (n: number) => Array.from(v.subarray(at, (at += n)), whole);
  return {
    ...scalars,
    buckets: take(DURATION_BUCKETS.length),
    poolAcquired: take(POOLS.length),
    poolChurn: take(POOLS.length),
  };
}

/** Connections pool `index` has opened: every one it ever destroyed was created, plus the ones it can hold. */
export function poolCreatedTotal(totals: Flows, index: number): number {
  return totals.poolChurn[index] + POOLS[index].config.max_connections;
}

export interface Snapshot {
  tSec: number;
  nowSec: number;
  serverStartSec: number;
  uptimeSec: number;
  gauges: Gauges;
  totals: Flows;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Calibration of the healthy baseline against the guide's thresholds (`simulator/test/calibration.test.ts` checks
 * every one over simulated weeks): the quietest hour still commits twice the TPS warning level, the busiest hour
 * stays clear of every CPU, memory, pool, lock and latency level. Only episodes cross them.
 */
const TPS_AT_NO_LOAD = 100;
const TPS_PER_LOAD = 560;
/** Share of a pool's connections kept idle at full load (more when quiet): utilisation stays under 80 %. */
const IDLE_RESERVE = 0.25;
/** Demand a pool under full pressure asks for, as a share of its maximum: past it, requests wait. */
const PRESSURE_DEMAND = 1.3;
/** Users mistyping their passwords: failed logins outside bursts, which raise no threat. */
const MISTYPED_LOGINS_PER_MINUTE = 0.3;

export class World {
  readonly serverStartSec: number;
  private readonly faultHistory = new FaultHistory();
  private readonly flows: Cumulative;
  private cached: { tSec: number; snapshot: Snapshot } | null = null;

  constructor(
    private readonly seed: number,
    startMs: number
  ) {
    // The server has been up a few hours when the simulator starts, so counters look lived-in.
    const upBefore = STEP_SEC * Math.floor((7200 + unitNoise(seed, 'uptime', 0) * 14400) / STEP_SEC);
    this.serverStartSec = Math.floor(startMs / 1000 / STEP_SEC) * STEP_SEC - upBefore;
    this.flows = new Cumulative(this.serverStartSec, STEP_SEC, FLOW_DIMS, (t) => pack(this.ratesAt(t)));
  }

  setFaults(nowMs: number, faults: Faults): void {
    const tSec = nowMs / 1000;
    this.faultHistory.set(tSec, faults);
    this.flows.forgetAfter(tSec);
    this.cached = null;
  }

  /** Pressure pushes demand towards saturation and eats the idle reserve, so every episode crosses a pool level. */
  private poolState(spec: PoolSpec, tSec: number, load: number, faults: Faults): PoolState {
    const { pool_id: id, max_connections: max, min_connections: min } = spec.config;
    const stream = poolStream(id);
    const episode = episodeAt(this.seed, stream, tSec, POOL_PRESSURE);
    const pressure = episodeLevel(episode, tSec);
    const base = spec.peakUtilisation * (0.2 + 0.8 * load) + 0.05 * smoothNoise(this.seed, stream, tSec, 120);
    const demand = Math.max(0, base + (PRESSURE_DEMAND - base) * pressure) * max;
    const reserve = max * (IDLE_RESERVE + 0.15 * (1 - load)) * (1 - pressure) ** 2;
    const spare = Math.max(min - demand, reserve);
    const forced = faults.pool?.id === id ? faults.pool : undefined;
    const active = forced?.active ?? Math.min(max, Math.round(demand));
    const idle = forced?.idle ?? Math.max(0, Math.min(Math.round(spare), max - active));
    const waiting = forced?.waiting ?? Math.round(Math.max(0, demand - max) * 0.6);
    return { spec, active, idle, waiting, total: active + idle, pressure, episode };
  }

  private replicaState(
    spec: ReplicaSpec,
    tSec: number,
    load: number,
    walBytesPerSec: number,
    faults: Faults
  ): ReplicaState {
    const stream = replicaStream(spec.replicaId);
    const episode = episodeAt(this.seed, stream, tSec, REPLICA_LAG);
    const disconnected = faults.replicaLagSeconds === undefined && episode !== null && isDisconnection(episode);
    const baseLag = 0.003 + 0.012 * load + 0.002 * (1 + smoothNoise(this.seed, stream, tSec, 30));
    const lagSeconds =
      faults.replicaLagSeconds ??
      (disconnected ? tSec - episode!.start : baseLag + 150 * episodeLevel(episode, tSec) ** 2);
    const state: ReplicaStateName = disconnected ? 'disconnected' : lagSeconds > 1 ? 'catchup' : 'streaming';
    return {
      spec,
      lagSeconds,
      lagBytes: Math.round(lagSeconds * walBytesPerSec),
      up: !disconnected,
      state,
      episode,
    };
  }

  gaugesAt(tSec: number): Gauges {
    const seed = this.seed;
    const faults = this.faultHistory.at(tSec);
    const load = loadAt(seed, tSec);
    const noise = (name: string, period: number) => smoothNoise(seed, name, tSec, period);
    const pools = POOLS.map((spec) => this.poolState(spec, tSec, load, faults));
    const pressure = Math.max(...pools.map((p) => p.pressure));
    const defaultPressure = pools[0].pressure;

    const tps =
      (TPS_AT_NO_LOAD + TPS_PER_LOAD * load) *
      queryVolumeFactor(tSec) *
      (1 - 0.25 * defaultPressure) *
      (1 + 0.03 * noise('tps', 20));
    const walBytesPerSec = tps * 3100;
    const burst = episodeAt(seed, LOGINS_STREAM, tSec, LOGIN_BURST);
    const deadlockBurst = episodeLevel(episodeAt(seed, DEADLOCKS_STREAM, tSec, DEADLOCK_BURST), tSec);
    const cpuPercent = faults.cpuPercent ?? clamp(8 + 55 * load + 12 * pressure + 3 * noise('cpu', 15), 0.5, 100);
    const memoryPercent = faults.memoryPercent ?? clamp(50 + 22 * load + 6 * pressure + 2 * noise('mem', 60), 0, 100);
    const replicas = REPLICAS.map((spec) => this.replicaState(spec, tSec, load, walBytesPerSec, faults));

    const gauges: Omit<Gauges, 'health'> = {
      load,
      cpuPercent,
      memoryPercent,
      memoryBytes: Math.round((MEMORY_TOTAL_BYTES * memoryPercent) / 100),
      tps,
      qps: tps * 3.4,
      cacheHitRatio: clamp(0.988 - 0.045 * load * load - 0.12 * pressure + 0.004 * noise('cache', 40), 0.5, 0.9995),
      pools,
      replicas,
      pressure,
      latency: latencyMix(load, pressure),
      locksHeld: Math.max(0, Math.round(20 + 240 * load + 300 * pressure + 8 * noise('locks', 10))),
      lockWaitsPerSec: 0.5 + 8 * load * load + 20 * pressure,
      dirtyPages: Math.round(1500 + 16000 * load + 9000 * pressure),
      freePages: Math.round(BUFFER_POOL_PAGES * (0.02 + 0.08 * (1 - load))),
      failedLoginsPerMinute:
        faults.failedLoginsPerMinute ?? MISTYPED_LOGINS_PER_MINUTE + (burst ? 30 + 180 * (burst.intensity - 0.5) : 0),
      loginBurst: burst,
      // Contention deadlocks under pool pressure, and bursts (a release that takes locks in a new order).
      deadlocksPerMinute: 0.07 * pressure + 2.5 * deadlockBurst,
      walBytesPerSec,
    };
    return { ...gauges, health: faults.health ?? this.derivedHealth(gauges) };
  }

  private derivedHealth(g: Omit<Gauges, 'health'>): HealthStatus {
    const strained = g.cpuPercent > 90 || g.memoryPercent > 90 || g.pools.some((p) => p.waiting > 20);
    return strained || g.replicas.some((r) => !r.up) ? 'degraded' : 'healthy';
  }

  /** Per-second rates of every flow at an instant. */
  private ratesAt(tSec: number): Flows {
    const g = this.gaugesAt(tSec);
    const accesses = g.qps * 25;
    const misses = accesses * (1 - g.cacheHitRatio);
    const flushes = g.dirtyPages / 30;
    const replicasUp = g.replicas.filter((r) => r.up).length;
    return {
      transactions: g.tps,
      queries: g.qps,
      durationSum: g.qps * meanSec(g.latency),
      cacheHits: accesses - misses,
      cacheMisses: misses,
      diskRead: misses * 8192 + 1.5e6,
      diskWrite: g.walBytesPerSec + flushes * 8192,
      netRx: g.qps * 620 + 2e4,
      netTx: g.qps * 4800 + g.walBytesPerSec * replicasUp,
      walWrites: g.tps * 2.2,
      walBytes: g.walBytesPerSec,
      lockWaits: g.lockWaitsPerSec,
      deadlocks: g.deadlocksPerMinute / 60,
      failedLogins: g.failedLoginsPerMinute / 60,
      // The threat detector flags one in 30 failed logins beyond the usual mistyped passwords (a brute force).
      threats: Math.max(0, g.failedLoginsPerMinute - MISTYPED_LOGINS_PER_MINUTE) / 1800,
      permissionViolations: (1 + 3 * g.load) / 3600,
      bufferWrites: g.tps * 1.1,
      flushes,
      evictions: misses * 0.9,
      replicationMessages: replicasUp * 40,
      replicationBytes: g.walBytesPerSec * replicasUp,
      connectionErrors: (REPLICAS.length - replicasUp) * 0.2,
      buckets: DURATION_BUCKETS.map((le) => g.qps * shareWithin(g.latency, le)),
      poolAcquired: g.pools.map((p) => p.active * 1.8 + p.idle * 0.1),
      poolChurn: g.pools.map((p) => p.total / (p.spec.config.max_lifetime_secs ?? 14400)),
    };
  }

  /** Counter totals at an earlier instant (for look-backs such as the last checkpoint's WAL position). */
  totalsAt(tSec: number): Flows {
    return unpackTotals(this.flows.at(tSec));
  }

  snapshot(nowMs: number): Snapshot {
    const tSec = nowMs / 1000;
    if (this.cached?.tSec !== tSec) {
      const nowSec = Math.floor(tSec);
      this.cached = {
        tSec,
        snapshot: {
          tSec,
          nowSec,
          serverStartSec: this.serverStartSec,
          uptimeSec: nowSec - this.serverStartSec,
          gauges: this.gaugesAt(tSec),
          totals: this.totalsAt(tSec),
        },
      };
    }
    return this.cached.snapshot;
  }
}
