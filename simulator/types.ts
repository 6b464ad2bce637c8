/**
 * The simulator's public contract. Other areas' tests start the simulator through `startSimulator` and code against
 * exactly these types, so they only grow (new optional fields), never change.
 */

/** `documented`: the server the Monitoring Guide describes. `v0.6.5`: RustyDB v0.6.5 as it really behaves. */
export type Profile = 'documented' | 'v0.6.5';

export const PROFILES: readonly Profile[] = ['documented', 'v0.6.5'];

export interface SimulatorOptions {
  /** Default `documented`. */
  profile?: Profile;
  /** Seeds every simulated value; the same seed and clock give byte-identical bodies. Default 1. */
  seed?: number;
  /** Clock in ms since the epoch. Default `Date.now`. */
  now?: () => number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** REST port; 0 picks a free port (default 0). */
  port?: number;
  /** The documented exporter port (:9100 in production); 0 picks a free port (default 0); null: none. v0.6.5 never listens there. */
  metricsPort?: number | null;
  /** Requests per 1 s sliding window and client key. v0.6.5: 100 by default; documented: unlimited unless set. */
  rateLimitPerSecond?: number;
  /** Monotonic ms for the rate limit's sliding window (default `performance.now`): tests hold it still or move it. */
  rateLimitClock?: () => number;
  /** Write `rustydb.log`, `audit.log` and `slow-query.log` into this directory (default: no files). */
  logDir?: string;
  /** How often the log files are appended to (default 5000 ms). */
  logIntervalMs?: number;
}

export interface RunningSimulator {
  /** REST base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** The documented exporter, e.g. `http://127.0.0.1:41235/metrics`; null when nothing listens there. */
  metricsUrl: string | null;
  /** Same as `POST /__sim/faults`: replaces the active faults. */
  setFaults(f: Faults): void;
  clearFaults(): void;
  /** With `logDir`: append what happened since the last write now, without waiting for the interval. */
  writeLogs?(): void;
  close(): Promise<void>;
}

export type HealthStatus = 'healthy' | 'degraded' | 'unhealthy';
export type BodyFault = 'malformed' | 'truncated' | 'html' | 'empty' | 'text';

export interface PoolFault {
  id: string;
  active?: number;
  idle?: number;
  waiting?: number;
}

export interface Faults {
  /** Added before answering. */
  latencyMs?: number;
  /** Answer this status (with an ApiError body for 4xx/5xx). */
  status?: number;
  /** Replace the body with a broken one. */
  body?: BodyFault;
  /** Regex; latency, status, body and down apply only to matching paths (default: all, except /__sim). */
  pathPattern?: string;
  /** Forces CPU percent (REST and metrics). */
  cpuPercent?: number;
  memoryPercent?: number;
  /** Forces one pool's pressure. */
  pool?: PoolFault;
  health?: HealthStatus;
  failedLoginsPerMinute?: number;
  replicaLagSeconds?: number;
  /** Drop connections without answering (server unreachable). */
  down?: boolean;
}
