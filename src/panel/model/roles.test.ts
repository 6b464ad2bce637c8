import { METRICS } from '../../rustydb/metrics';
import { ROLE_NAMES, roleOf } from './roles';

describe('roleOf', () => {
  it.each([
    [['active_connections'], 'active'],
    [['Active Connections'], 'active'],
    [['Value', 'rustydb_connection_pool_size'], 'total'],
    [['pool-id'], 'poolId'],
    [['max_connections'], 'max'],
    [['total_destroyed'], 'destroyed'],
    [['min_connections'], undefined],
    [['Value', undefined, ''], undefined],
  ])('%p → %p', (names, role) => {
    expect(roleOf(names, {})).toBe(role);
  });

  it('prefers the mapping, and never auto-matches a name mapped to another role', () => {
    expect(roleOf(['busy'], { active: 'busy' })).toBe('active');
    expect(roleOf(['idle'], { waiting: 'idle' })).toBe('waiting');
    expect(roleOf(['idle_connections'], { idle: 'free' })).toBeUndefined();
  });
});

it('matches every per-pool gauge of the metric catalogue to a role', () => {
  const poolGauges = METRICS.filter((m) => m.type === 'gauge' && (m.labels as readonly string[]).includes('pool')).map(
    (m) => m.name
  );
  const matched = Object.values(ROLE_NAMES).flat();
  expect(poolGauges).toHaveLength(4);
  expect(poolGauges.every((name) => matched.includes(name))).toBe(true);
});
