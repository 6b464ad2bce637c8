import { METRICS } from '../../rustydb/metrics';
import type { PoolConfig, PoolStatsResponse } from '../../rustydb/api/types';
import { FieldMapping, Role } from '../types';

/** Field names of the RustyDB API bodies, typed against the shared response types so a rename breaks the build. */
const API_FIELD: Record<Role, keyof PoolStatsResponse | keyof PoolConfig> = {
  poolId: 'pool_id',
  active: 'active_connections',
  idle: 'idle_connections',
  total: 'total_connections',
  waiting: 'waiting_requests',
  max: 'max_connections',
  acquired: 'total_acquired',
  created: 'total_created',
  destroyed: 'total_destroyed',
};

/** The catalogue's per-pool gauges end in the word for their role (`…_active`, `…_size`). */
const POOL_METRIC_SUFFIX: Partial<Record<Role, string>> = {
  active: 'active',
  idle: 'idle',
  total: 'size',
  waiting: 'waiting',
};

/** The catalogue's per-pool gauge for a role (`rustydb_connection_pool_active` for active), if there is one. */
export function poolMetricName(role: Role): string | undefined {
  const suffix = POOL_METRIC_SUFFIX[role];
  return suffix
    ? METRICS.find((m) => (m.labels as readonly string[]).includes('pool') && m.name.endsWith(`_${suffix}`))?.name
    : undefined;
}

/** Label names that carry the pool id on a series: the catalogue's `pool` label, or the API's field name. */
export const POOL_LABELS: readonly string[] = ['pool', API_FIELD.poolId];

const EXTRA_NAMES: Record<Role, string[]> = {
  poolId: ['pool', 'pool_name', 'name', 'id'],
  active: ['active', 'in_use', 'busy'],
  idle: ['idle', 'available'],
  total: ['total', 'size', 'pool_size', 'connections'],
  waiting: ['waiting', 'pending', 'waiters'],
  max: ['max', 'max_size', 'max_pool_size', 'limit'],
  acquired: ['acquired'],
  created: ['created'],
  destroyed: ['destroyed', 'closed'],
};

export const ROLES: readonly Role[] = [
  'poolId',
  'active',
  'idle',
  'total',
  'waiting',
  'max',
  'acquired',
  'created',
  'destroyed',
];

export const ROLE_LABEL: Record<Role, string> = {
  poolId: 'Pool id',
  active: 'Active connections',
  idle: 'Idle connections',
  total: 'Total connections',
  waiting: 'Waiting requests',
  max: 'Maximum connections',
  acquired: 'Acquired (lifetime)',
  created: 'Created (lifetime)',
  destroyed: 'Destroyed (lifetime)',
};

/** Names matched automatically, best first; the first is the RustyDB API's own field name. */
export const ROLE_NAMES = ROLES.reduce(
  (names, role) => ({ ...names, [role]: [API_FIELD[role], poolMetricName(role) ?? [], ...EXTRA_NAMES[role]].flat() }),
  {} as Record<Role, readonly string[]>
);

/** Case, spaces, dashes and underscores do not matter when names are compared. */
function normaliseName(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

const ALIAS_TO_ROLE: ReadonlyMap<string, Role> = new Map(
  ROLES.flatMap((role) => ROLE_NAMES[role].map((name) => [normaliseName(name), role] as const)).reverse()
);

/**
 * The role of a field, given the names it goes by (field name, display name, metric name, query letter).
 * A role chosen in the options wins over automatic matching, and a name chosen for one role is never matched
 * automatically to another.
 */
export function roleOf(names: ReadonlyArray<string | undefined>, mapping: FieldMapping): Role | undefined {
  const present = names.filter((n): n is string => typeof n === 'string' && n !== '');
  for (const role of ROLES) {
    const chosen = mapping[role];
    if (chosen && present.includes(chosen)) {
      return role;
    }
  }
  const taken = new Set(Object.values(mapping).filter(Boolean));
  for (const name of present) {
    const role = ALIAS_TO_ROLE.get(normaliseName(name));
    if (role && !mapping[role] && !taken.has(name)) {
      return role;
    }
  }
  return undefined;
}
