import React, { useMemo } from 'react';
import { useStyles2 } from '@grafana/ui';
import type { CompactLayout } from '../../model/layout';
import { sortPools } from '../../model/order';
import type { PoolModel } from '../../model/pools';
import type { EntryContext } from '../parts';
import { getStyles } from '../styles';
import { getCompactStyles } from './compactStyles';
import { LevelCounts } from './LevelCounts';
import { WorstPoolLine } from './WorstPoolLine';

interface Props {
  model: PoolModel;
  errors: string[];
  layout: CompactLayout;
  entry: Omit<EntryContext, 'styles'>;
}

/**
 * The panel in an iframe or a small tile: pools counted by level, then the worst few, one line each. A failed query
 * takes the first line (its full text in the tooltip), so the data that did arrive stays in view.
 */
export function CompactPools({ model, errors, layout, entry }: Props) {
  const styles = useStyles2(getStyles);
  const c = useStyles2(getCompactStyles);
  const ctx = useMemo<EntryContext>(() => ({ ...entry, styles }), [entry, styles]);
  const lines = Math.max(0, layout.worst - (errors.length ? 1 : 0));
  const worst = useMemo(() => sortPools(model.pools, 'worst').slice(0, lines), [model.pools, lines]);
  return (
    <div className={c.root} data-testid="pool-compact">
      {errors.length > 0 && (
        <div className={c.error} role="alert" title={errors.join('\n')}>
          {errors[0]}
        </div>
      )}
      <LevelCounts pools={model.pools} styles={styles} c={c} />
      {worst.length > 0 && (
        <ul className={c.list} aria-label="Worst pools">
          {worst.map((pool) => (
            <WorstPoolLine key={pool.key} pool={pool} ctx={ctx} c={c} />
          ))}
        </ul>
      )}
    </div>
  );
}
