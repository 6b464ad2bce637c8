import React, { CSSProperties } from 'react';
import { cx } from '@emotion/css';
import type { Pool } from '../model/pools';
import { SortOrder } from '../types';
import { CHURN_HELP, count, percent } from './format';
import { EntryContext, LevelTag, PoolName, Trend, trendsOf, UtilisationMeter, WaitingValue } from './parts';
import { Styles } from './styles';

type ColumnId =
  'pool' | 'utilisation' | 'level' | 'active' | 'idle' | 'total' | 'waiting' | 'headroom' | 'churn' | 'trend';

interface Column {
  id: ColumnId;
  title: string;
  /** Width in pixels the column starts from; the pool and utilisation columns also grow. */
  basis: number;
  grow?: number;
  numeric?: boolean;
  sort?: SortOrder;
  /** Shown as the header's tooltip. */
  help?: string;
}

/** A column with what its cells share, made once so that rows render without building styles. */
export interface FittedColumn extends Column {
  style: CSSProperties;
  role: 'rowheader' | 'cell';
}

const COLUMNS: Column[] = [
  { id: 'pool', title: 'Pool', basis: 140, grow: 2, sort: 'name' },
  { id: 'utilisation', title: 'Utilisation', basis: 150, grow: 2, sort: 'utilisation' },
  { id: 'level', title: 'Level', basis: 72, sort: 'worst' },
  { id: 'active', title: 'Active', basis: 56, numeric: true },
  { id: 'idle', title: 'Idle', basis: 56, numeric: true },
  { id: 'total', title: 'Total', basis: 56, numeric: true },
  { id: 'waiting', title: 'Waiting', basis: 120, sort: 'waiting' },
  { id: 'headroom', title: 'Headroom', basis: 110 },
  { id: 'churn', title: 'Churn', basis: 64, numeric: true, help: CHURN_HELP },
  { id: 'trend', title: 'Utilisation trend', basis: 96 },
];

/** Which columns to keep as the panel narrows, most important first. */
const PRIORITY: ColumnId[] = [
  'pool',
  'utilisation',
  'level',
  'waiting',
  'active',
  'idle',
  'total',
  'trend',
  'headroom',
  'churn',
];

const FITTED = new Map<string, FittedColumn[]>();

/**
 * The same set of columns is the same array, so a refresh that keeps the columns lets unchanged rows skip rendering
 * (at most one array per subset of the ten columns).
 */
function fitted(columns: Column[]): FittedColumn[] {
  const key = columns.map((c) => c.id).join(' ');
  let found = FITTED.get(key);
  if (!found) {
    found = columns.map((c) => ({
      ...c,
      style: { flex: `${c.grow ?? 0} 1 ${c.basis}px` },
      role: c.id === 'pool' ? 'rowheader' : 'cell',
    }));
    FITTED.set(key, found);
  }
  return found;
}

/** The columns that fit the width, in display order; columns without data anywhere are left out. */
function visibleColumns(width: number, hasData: (id: ColumnId) => boolean): FittedColumn[] {
  let used = 0;
  const kept = new Set<ColumnId>();
  for (const id of PRIORITY) {
    const column = COLUMNS.find((c) => c.id === id)!;
    if (hasData(id) && (kept.size < 2 || used + column.basis <= width)) {
      kept.add(id);
      used += column.basis + 8;
    }
  }
  return fitted(COLUMNS.filter((c) => kept.has(c.id)));
}

export function columnsFor(pools: Pool[], width: number, showTrend: boolean): FittedColumn[] {
  const has: Record<ColumnId, boolean> = {
    pool: true,
    utilisation: true,
    level: true,
    active: true,
    idle: true,
    total: true,
    waiting: true,
    headroom: pools.some((p) => p.max !== null),
    churn: pools.some((p) => p.churn.createdPerAcquired !== null),
    trend: showTrend && pools.some((p) => p.trend.utilisation.length > 0),
  };
  return visibleColumns(width, (id) => has[id]);
}

function cellContent(column: Column, pool: Pool, ctx: EntryContext): React.ReactNode {
  switch (column.id) {
    case 'pool':
      return <PoolName pool={pool} ctx={ctx} className={ctx.styles.rowPoolName} />;
    case 'utilisation':
      return <UtilisationMeter pool={pool} ctx={ctx} />;
    case 'level':
      return <LevelTag level={pool.level} styles={ctx.styles} />;
    case 'active':
    case 'idle':
    case 'total':
      return count(pool[column.id]);
    case 'waiting':
      return <WaitingValue pool={pool} styles={ctx.styles} />;
    case 'headroom':
      return pool.max === null
        ? '—'
        : `${count(pool.headroom)} of ${count(pool.max)}${pool.inUseLevel === 'warning' ? ' (low)' : ''}`;
    case 'churn':
      return pool.churn.createdPerAcquired === null ? '—' : percent(pool.churn.createdPerAcquired);
    case 'trend': {
      const utilisation = trendsOf(pool, ctx.fmt).find((spec) => spec.kind === 'utilisation');
      return utilisation ? <Trend spec={utilisation} width={column.basis} height={24} /> : null;
    }
  }
}

export function PoolRow({
  pool,
  ctx,
  columns,
  index,
}: {
  pool: Pool;
  ctx: EntryContext;
  columns: FittedColumn[];
  index: number;
}) {
  const { styles } = ctx;
  return (
    <div
      className={styles.row}
      role="row"
      aria-rowindex={index + 2}
      data-testid="pool-entry"
      style={{ height: '100%' }}
    >
      {columns.map((c) => (
        <div key={c.id} role={c.role} className={c.numeric ? styles.numericCell : styles.cell} style={c.style}>
          {cellContent(c, pool, ctx)}
        </div>
      ))}
    </div>
  );
}

interface HeaderProps {
  columns: FittedColumn[];
  sortBy: SortOrder;
  onSort(order: SortOrder): void;
  styles: Styles;
}

export function PoolListHeader({ columns, sortBy, onSort, styles }: HeaderProps) {
  return (
    <div className={cx(styles.row, styles.headerRow)} role="row" aria-rowindex={1}>
      {columns.map((c) => (
        <div
          key={c.id}
          role="columnheader"
          title={c.help}
          className={c.numeric ? styles.numericCell : styles.cell}
          style={c.style}
          aria-sort={c.sort && c.sort === sortBy ? (c.sort === 'name' ? 'ascending' : 'descending') : undefined}
        >
          {c.sort ? (
            <button
              type="button"
              className={styles.sortButton}
              onClick={() => onSort(c.sort!)}
              title={`Sort by ${c.title}`}
            >
              {c.title}
              {c.sort === sortBy && <span aria-hidden>{c.sort === 'name' ? ' ▲' : ' ▼'}</span>}
            </button>
          ) : (
            c.title
          )}
        </div>
      ))}
    </div>
  );
}
