import type { Level } from './thresholds';

/** How bad each level is, for sorting and for picking the worst: critical over warning over ok. */
export const SEVERITY: Record<Level, number> = { ok: 0, warning: 1, critical: 2 };

export function severity(level: Level): number {
  return SEVERITY[level];
}

export function worst(...levels: Array<Level | undefined>): Level {
  return levels.reduce<Level>((a, b) => (b !== undefined && SEVERITY[b] > SEVERITY[a] ? b : a), 'ok');
}
