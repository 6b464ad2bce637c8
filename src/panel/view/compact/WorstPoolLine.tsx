import React from 'react';
import type { Pool } from '../../model/pools';
import { count } from '../format';
import { EntryContext, PoolName } from '../parts';
import type { CompactStyles } from './compactStyles';

/** One pool on one line: name, utilisation and level in words; the full reading in the tooltip. */
export function WorstPoolLine({ pool, ctx, c }: { pool: Pool; ctx: EntryContext; c: CompactStyles }) {
  const shown = ctx.fmt.utilisation(pool);
  const utilisation = shown ? `${shown.text} in use` : 'no connections';
  const waiting = pool.waiting === null ? '' : `, ${count(pool.waiting)} waiting`;
  return (
    <li className={c.line} title={`${pool.id}: ${utilisation}${waiting}, ${pool.level}`} data-testid="pool-worst">
      <PoolName pool={pool} ctx={ctx} className={c.name} />
      <span className={c.value} style={shown ? { color: shown.color } : undefined}>
        {shown ? shown.text : '–'}
      </span>
      <span className={ctx.styles.levelText[pool.level]}>{pool.level}</span>
    </li>
  );
}
