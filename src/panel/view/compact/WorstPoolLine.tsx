import React from 'react';
import { severity } from '../../../rustydb/severity';
import type { Pool } from '../../model/pools';
import { count } from '../format';
import { EntryContext, PoolName } from '../parts';
import type { CompactStyles } from './compactStyles';

/** The reading that gives the pool its level: waiting requests when they are worse than utilisation. */
function deciding(pool: Pool, ctx: EntryContext): { text: string; color?: string } {
  const utilisation = ctx.fmt.utilisation(pool);
  const waiting = pool.waitingLevel;
  if (waiting && severity(waiting.level) > severity(pool.utilisationLevel?.level ?? 'ok')) {
    return { text: `${count(pool.waiting)} waiting`, color: ctx.fmt.color(waiting.color) };
  }
  return utilisation ?? { text: '–' };
}

/** One pool on one line: name, the reading that decides its level, and the level in words; the rest in the tooltip. */
export function WorstPoolLine({ pool, ctx, c }: { pool: Pool; ctx: EntryContext; c: CompactStyles }) {
  const shown = ctx.fmt.utilisation(pool);
  const reading = deciding(pool, ctx);
  const utilisation = shown ? `${shown.text} in use` : 'no connections';
  const waiting = pool.waiting === null ? '' : `, ${count(pool.waiting)} waiting`;
  return (
    <li className={c.line} title={`${pool.id}: ${utilisation}${waiting}, ${pool.level}`} data-testid="pool-worst">
      <PoolName pool={pool} ctx={ctx} className={c.name} />
      <span className={c.value} style={reading.color ? { color: reading.color } : undefined}>
        {reading.text}
      </span>
      <span className={ctx.styles.levelText[pool.level]}>{pool.level}</span>
    </li>
  );
}
