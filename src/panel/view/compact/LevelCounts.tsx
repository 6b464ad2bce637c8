import React from 'react';
import { cx } from '@emotion/css';
import { Level } from '../../../rustydb/thresholds';
import type { Pool } from '../../model/pools';
import type { Styles } from '../styles';
import type { CompactStyles } from './compactStyles';

const LEVELS: Level[] = ['critical', 'warning', 'ok'];

/** "1 critical 2 warning 5 ok": every level present, worst first, in words and in its colour. */
export function LevelCounts({ pools, styles, c }: { pools: Pool[]; styles: Styles; c: CompactStyles }) {
  const counts: Record<Level, number> = { ok: 0, warning: 0, critical: 0 };
  pools.forEach((p) => counts[p.level]++);
  const present = LEVELS.filter((level) => counts[level] > 0);
  return (
    <div className={c.counts} role="group" aria-label="Pools by level" data-testid="pool-counts">
      {present.length === 0 ? (
        <span className={c.none}>No pools</span>
      ) : (
        present.map((level) => (
          <span key={level} className={cx(styles.levelText[level])}>
            {counts[level]} {level}
          </span>
        ))
      )}
    </div>
  );
}
