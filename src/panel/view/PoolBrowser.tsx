import React, { CSSProperties, forwardRef, HTMLAttributes, memo, useMemo, useState } from 'react';
import { cx } from '@emotion/css';
import { FixedSizeList, ListChildComponentProps } from 'react-window';
import { FilterInput, RadioButtonGroup, useStyles2 } from '@grafana/ui';
import { Level } from '../../rustydb/thresholds';
import { chooseLayout, GAP, Layout } from '../model/layout';
import { filterPools, sortPools } from '../model/order';
import type { Pool, PoolModel } from '../model/pools';
import { sameReading } from '../model/reading';
import { SORT_OPTIONS, SortOrder } from '../types';
import { EntryContext } from './parts';
import { PoolCard } from './PoolCard';
import { columnsFor, PoolListHeader, PoolRow } from './PoolRow';
import { getStyles, Styles } from './styles';

const TOOLBAR_HEIGHT = 32;
const NOTICE_HEIGHT = 20;
const LIST_HEADER_HEIGHT = 28;
/** Below this, the toolbar would leave too little room for the pools. */
const MIN_HEIGHT_FOR_TOOLBAR = 120;
const MIN_WIDTH_FOR_SORT_BUTTONS = 720;
const LEVELS: Level[] = ['critical', 'warning', 'ok'];

interface Props {
  model: PoolModel;
  errors: string[];
  width: number;
  height: number;
  initialFilter: string;
  initialSort: SortOrder;
  showFilter: boolean;
  layoutChoice: 'auto' | 'cards' | 'list';
  entry: Omit<EntryContext, 'styles'>;
}

/** Follows a value from the options, while the user may change it in the panel (React's "adjust state on prop change"). */
function useOptionState<T>(option: T) {
  const [value, setValue] = useState(option);
  const [fromOption, setFromOption] = useState(option);
  if (fromOption !== option) {
    setFromOption(option);
    setValue(option);
  }
  return [value, setValue] as const;
}

function notices(model: PoolModel, errors: string[]): Array<{ text: string; error?: boolean }> {
  const list: Array<{ text: string; error?: boolean }> = errors.map((e) => ({
    text: `${e} — showing the data that arrived.`,
    error: true,
  }));
  if (model.incomplete.length) {
    const names = model.incomplete.slice(0, 3).map((p) => p.id);
    const more = model.incomplete.length > 3 ? ` and ${model.incomplete.length - 3} more` : '';
    list.push({ text: `Not shown, active/idle counts missing: ${names.join(', ')}${more}.` });
  }
  if (model.withoutWaiting) {
    list.push({ text: `No waiting requests in the data for ${model.withoutWaiting} of ${model.pools.length} pools.` });
  }
  return list;
}

interface RowData {
  pools: Pool[];
  layout: Layout;
  ctx: EntryContext;
  cardWidth: number;
  columns: ReturnType<typeof columnsFor>;
}

type EntryProps = ListChildComponentProps<RowData>;

/** The pools a virtualised row shows. */
const rowPools = ({ index, data }: EntryProps) =>
  data.pools.slice(index * data.layout.columns, (index + 1) * data.layout.columns);

/**
 * A refresh rebuilds every pool, but a row is drawn again only when what it shows changed: its pools' readings, its
 * place, or what every entry shares (formatting, links, columns, card width).
 */
function sameRow(previous: EntryProps, next: EntryProps): boolean {
  if (
    previous.index !== next.index ||
    previous.style !== next.style ||
    previous.data.ctx !== next.data.ctx ||
    previous.data.columns !== next.data.columns ||
    previous.data.cardWidth !== next.data.cardWidth ||
    previous.data.layout.columns !== next.data.layout.columns
  ) {
    return false;
  }
  const before = rowPools(previous);
  const after = rowPools(next);
  return before.length === after.length && before.every((pool, i) => sameReading(pool, after[i]));
}

const CardRow = memo(function CardRow({ index, style, data }: EntryProps) {
  const { layout, ctx, cardWidth } = data;
  const row = rowPools({ index, style, data });
  const rowStyle: CSSProperties = {
    ...style,
    height: (style.height as number) - GAP,
    gridTemplateColumns: `repeat(${layout.columns}, minmax(0, 1fr))`,
  };
  return (
    <div role="none" className={ctx.styles.cardRow} style={rowStyle}>
      {row.map((pool) => (
        <PoolCard key={pool.key} pool={pool} ctx={ctx} width={cardWidth} />
      ))}
    </div>
  );
}, sameRow);

const ListRow = memo(function ListRow({ index, style, data }: EntryProps) {
  return (
    <div role="none" style={style}>
      <PoolRow pool={data.pools[index]} ctx={data.ctx} columns={data.columns} index={index} />
    </div>
  );
}, sameRow);

type OuterProps = HTMLAttributes<HTMLDivElement>;
/** The scroll containers are focusable so the keyboard can scroll them; they carry the collection's role. */
const CardScroller = forwardRef<HTMLDivElement, OuterProps>((props, ref) => (
  <div ref={ref} {...props} role="list" aria-label="Connection pools" tabIndex={0} />
));
CardScroller.displayName = 'CardScroller';
const RowScroller = forwardRef<HTMLDivElement, OuterProps>((props, ref) => (
  <div ref={ref} {...props} role="rowgroup" aria-label="Connection pools, rows" tabIndex={0} />
));
RowScroller.displayName = 'RowScroller';
const Inner = forwardRef<HTMLDivElement, OuterProps>((props, ref) => <div ref={ref} {...props} role="none" />);
Inner.displayName = 'Inner';

function LevelSummary({
  pools,
  selected,
  onSelect,
  styles,
}: {
  pools: Pool[];
  selected: Level | null;
  onSelect(level: Level | null): void;
  styles: Styles;
}) {
  const counts = useMemo(() => {
    const byLevel: Record<Level, number> = { ok: 0, warning: 0, critical: 0 };
    pools.forEach((p) => byLevel[p.level]++);
    return byLevel;
  }, [pools]);
  return (
    <div className={styles.summary} role="group" aria-label="Pools by level">
      {LEVELS.filter((l) => counts[l] > 0).map((level) => (
        <button
          key={level}
          type="button"
          className={cx(styles.summaryButton)}
          aria-pressed={selected === level}
          title={selected === level ? 'Show all pools' : `Show only ${level} pools`}
          onClick={() => onSelect(selected === level ? null : level)}
        >
          {counts[level]} {level}
        </button>
      ))}
    </div>
  );
}

export function PoolBrowser({
  model,
  errors,
  width,
  height,
  initialFilter,
  initialSort,
  showFilter,
  layoutChoice,
  entry,
}: Props) {
  const styles = useStyles2(getStyles);
  const [filter, setFilter] = useOptionState(initialFilter);
  const [sortBy, setSortBy] = useOptionState(initialSort);
  const [level, setLevel] = useState<Level | null>(null);

  const shown = useMemo(() => {
    const matching = filterPools(sortPools(model.pools, sortBy), filter);
    return level ? matching.filter((p) => p.level === level) : matching;
  }, [model.pools, sortBy, filter, level]);

  const ctx = useMemo<EntryContext>(() => ({ ...entry, styles }), [entry, styles]);
  const messages = notices(model, errors);
  const withToolbar = height >= MIN_HEIGHT_FOR_TOOLBAR;
  const chrome =
    (withToolbar ? TOOLBAR_HEIGHT + GAP : 0) + messages.length * (NOTICE_HEIGHT + 2) + (messages.length ? GAP : 0);
  const bodyHeight = Math.max(0, height - chrome);
  const hasTrend = entry.showTrend && shown.some((p) => p.trend.utilisation.length > 0 || p.trend.waiting.length > 0);
  const layout = chooseLayout(layoutChoice, shown.length, { width, height: bodyHeight }, hasTrend);
  const columns = useMemo(() => columnsFor(shown, width, entry.showTrend), [shown, width, entry.showTrend]);
  const cardWidth = (width - GAP * (layout.columns - 1)) / layout.columns;
  const rowData: RowData = { pools: shown, layout, ctx, cardWidth, columns };
  const cards = layout.kind === 'cards';
  // Rows are keyed by position (react-window's default), not by pool: a refresh that reorders the pools patches the
  // rows on screen in place instead of replacing their DOM.
  const list = (
    <FixedSizeList
      className={styles.scroller}
      height={Math.max(0, bodyHeight - (cards ? 0 : LIST_HEADER_HEIGHT))}
      width={width}
      itemCount={layout.rows}
      itemSize={layout.rowHeight}
      itemData={rowData}
      outerElementType={cards ? CardScroller : RowScroller}
      innerElementType={Inner}
      overscanCount={cards ? 2 : 3}
    >
      {cards ? CardRow : ListRow}
    </FixedSizeList>
  );

  return (
    <div className={styles.panel}>
      {withToolbar && (
        <div className={styles.toolbar}>
          <LevelSummary pools={model.pools} selected={level} onSelect={setLevel} styles={styles} />
          {showFilter && (
            <div className={styles.filter}>
              <FilterInput
                value={filter}
                onChange={setFilter}
                escapeRegex={false}
                placeholder="Filter pools"
                aria-label="Filter pools"
              />
            </div>
          )}
          {cards && width >= MIN_WIDTH_FOR_SORT_BUTTONS && (
            <RadioButtonGroup
              size="sm"
              options={SORT_OPTIONS}
              value={sortBy}
              onChange={setSortBy}
              aria-label="Sort pools"
            />
          )}
        </div>
      )}
      {messages.length > 0 && (
        <div className={styles.notices}>
          {messages.map((m) => (
            <div
              key={m.text}
              role={m.error ? 'alert' : 'status'}
              className={cx(styles.notice, m.error && styles.noticeError)}
              title={m.text}
            >
              {m.text}
            </div>
          ))}
        </div>
      )}
      <div className={styles.body}>
        {shown.length === 0 ? (
          <p className={styles.messageText} role="status">
            {model.pools.length === 0 ? 'No pool has both active and idle counts.' : 'No pool matches the filter.'}
          </p>
        ) : cards ? (
          list
        ) : (
          <div className={styles.table} role="table" aria-label="Connection pools" aria-rowcount={shown.length + 1}>
            <PoolListHeader columns={columns} sortBy={sortBy} onSort={setSortBy} styles={styles} />
            {list}
          </div>
        )}
      </div>
    </div>
  );
}
