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
