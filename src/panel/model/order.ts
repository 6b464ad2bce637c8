import { SortOrder } from '../types';
import { severity } from '../../rustydb/severity';
import type { Pool } from './pools';

type Compare = (a: Pool, b: Pool) => number;

const byName: Compare = (a, b) => a.id.localeCompare(b.id) || a.key.localeCompare(b.key);
/** Unknown values (no connections, no waiting data) sort after every known value. */
const desc =
  (pick: (p: Pool) => number | null): Compare =>
  (a, b) =>
    (pick(b) ?? -1) - (pick(a) ?? -1);

const chain =
  (...compares: Compare[]): Compare =>
  (a, b) => {
    for (const compare of compares) {
      const result = compare(a, b);
      if (result !== 0) {
        return result;
      }
    }
    return 0;
  };

const utilisation = desc((p) => p.utilisation);
const waiting = desc((p) => p.waiting);

const COMPARE: Record<SortOrder, Compare> = {
  worst: chain(
    desc((p) => severity(p.level)),
    waiting,
    utilisation,
    byName
  ),
  name: byName,
  utilisation: chain(utilisation, byName),
  waiting: chain(waiting, utilisation, byName),
};

export function sortPools(pools: Pool[], order: SortOrder): Pool[] {
  return [...pools].sort(COMPARE[order] ?? COMPARE.worst);
}

/** Case-insensitive match on the pool id or any label value; every word of the filter must match. */
export function filterPools(pools: Pool[], filter: string): Pool[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) {
    return pools;
  }
  return pools.filter((pool) => {
    const text = [pool.id, ...Object.values(pool.labels)].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
