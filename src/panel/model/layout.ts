import { LayoutChoice } from '../types';

export const CARD_MIN_WIDTH = 260;
const CARD_HEIGHT = { plain: 172, withTrend: 224 };
export const ROW_HEIGHT = 36;
export const GAP = 8;

export interface Layout {
  kind: 'cards' | 'list';
  /** Cards per row (1 for the list). */
  columns: number;
  /** Height of one virtualised row, gap included. */
  rowHeight: number;
  rows: number;
}

/**
 * Cards while every pool fits in the panel without scrolling, a dense list otherwise (or when the user chose one).
 * Both are virtualised by rows, so the choice is about reading, not speed.
 */
export function chooseLayout(
  choice: LayoutChoice,
  pools: number,
  size: { width: number; height: number },
  withTrend: boolean
): Layout {
  const cardHeight = (withTrend ? CARD_HEIGHT.withTrend : CARD_HEIGHT.plain) + GAP;
  const columns = Math.max(1, Math.floor((size.width + GAP) / (CARD_MIN_WIDTH + GAP)));
  const fits = pools <= columns * Math.max(1, Math.floor((size.height + GAP) / cardHeight));
  const kind = choice === 'auto' ? (fits ? 'cards' : 'list') : choice;
  return kind === 'cards'
    ? { kind, columns, rowHeight: cardHeight, rows: Math.ceil(pools / columns) }
    : { kind, columns: 1, rowHeight: ROW_HEIGHT, rows: pools };
}

/** A panel smaller than this in either direction (an iframe on a status page, a small tile) is compact. */
export const COMPACT_BELOW = { width: 420, height: 200 };
export const COMPACT_COUNTS_HEIGHT = 20;
export const COMPACT_ROW_HEIGHT = 18;

export interface CompactLayout {
  /** How many of the worst pools fit below the counts by level. */
  worst: number;
}

/**
 * The compact layout, chosen by size when the layout option is auto: pools counted by level, then as many of the
 * worst pools as fit, one line each. Null when the panel is large enough for the cards and the list.
 */
export function compactLayout(choice: LayoutChoice, size: { width: number; height: number }): CompactLayout | null {
  if (choice !== 'auto' || (size.width >= COMPACT_BELOW.width && size.height >= COMPACT_BELOW.height)) {
    return null;
  }
  return { worst: Math.max(0, Math.floor((size.height - COMPACT_COUNTS_HEIGHT) / COMPACT_ROW_HEIGHT)) };
}
