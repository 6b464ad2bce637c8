/**
 * The documented server's scheduled episodes: a pool under pressure, a replica that lags or drops, a burst of failed
 * logins (which the threat detector flags) and a burst of deadlocks. They are occasional by design, a few a day in
 * all, so the server is healthy the rest of the time and each episode stands out on the dashboards and in the alerts.
 * Every kind is named here once; the model, the incident list, the log and the calibration test read this table.
 */
import { POOLS, REPLICAS } from './catalogue';
import { Episode, episodesBetween, EpisodeSpec } from './signals';

const HOUR = 3600;

/** Per pool: about three a week, for 6–20 minutes. */
export const POOL_PRESSURE: EpisodeSpec = { slotSec: 8 * HOUR, probability: 0.15, minSec: 360, maxSec: 1200 };
/** Per replica: about five a week, for 4–15 minutes. */
export const REPLICA_LAG: EpisodeSpec = { slotSec: 12 * HOUR, probability: 0.35, minSec: 240, maxSec: 900 };
/** About eight a week, for 2–6 minutes. */
export const LOGIN_BURST: EpisodeSpec = { slotSec: 12 * HOUR, probability: 0.6, minSec: 120, maxSec: 360 };
/** About five a week, for 3–10 minutes. */
export const DEADLOCK_BURST: EpisodeSpec = { slotSec: 24 * HOUR, probability: 0.8, minSec: 180, maxSec: 600 };

/** Above this intensity a replica episode is a disconnection rather than lag (about one replica episode in four). */
const DISCONNECT_INTENSITY = 0.87;

export const isDisconnection = (e: Episode) => e.intensity > DISCONNECT_INTENSITY;

/** Random streams, named once: episodes and wobble of pool `default` come from `pool:default`. */
export const poolStream = (id: string) => `pool:${id}`;
export const replicaStream = (id: string) => `replica:${id}`;
export const LOGINS_STREAM = 'logins';
export const DEADLOCKS_STREAM = 'deadlocks';

export type EpisodeFamily = 'pool' | 'replica' | 'logins' | 'deadlocks';

export interface EpisodeKind {
  family: EpisodeFamily;
  stream: string;
  spec: EpisodeSpec;
  /** As incidents and the log name it. */
  title: string;
  components: string[];
  severity(e: Episode): string;
}

export const EPISODE_KINDS: readonly EpisodeKind[] = [
  ...POOLS.map((p): EpisodeKind => ({
    family: 'pool',
    stream: poolStream(p.config.pool_id),
    spec: POOL_PRESSURE,
    title: `Connection pool '${p.config.pool_id}' exhausted`,
    components: ['connection_pool', p.config.pool_id],
    severity: (e) => (e.intensity > 0.8 ? 'high' : 'medium'),
  })),
  ...REPLICAS.map((r): EpisodeKind => ({
    family: 'replica',
    stream: replicaStream(r.replicaId),
    spec: REPLICA_LAG,
    title: `Replication to ${r.replicaId} degraded`,
    components: ['replication', r.nodeId],
    severity: (e) => (isDisconnection(e) ? 'critical' : e.intensity > 0.75 ? 'high' : 'low'),
  })),
  {
    family: 'logins',
    stream: LOGINS_STREAM,
    spec: LOGIN_BURST,
    title: 'Burst of failed logins',
    components: ['security', 'authentication'],
    severity: () => 'high',
  },
  {
    family: 'deadlocks',
    stream: DEADLOCKS_STREAM,
    spec: DEADLOCK_BURST,
    title: 'Burst of deadlocks',
    components: ['transactions', 'locks'],
    severity: (e) => (e.intensity > 0.8 ? 'high' : 'medium'),
  },
];

export interface ScheduledEpisode extends Episode {
  kind: EpisodeKind;
}

/** Every episode of every kind that is under way at some moment of [fromSec, toSec]. */
export function episodesOverlapping(seed: number, fromSec: number, toSec: number): ScheduledEpisode[] {
  return EPISODE_KINDS.flatMap((kind) =>
    episodesBetween(seed, kind.stream, fromSec - kind.spec.slotSec, toSec, kind.spec)
      .filter((e) => e.end > fromSec)
      .map((e) => ({ ...e, kind }))
  );
}
