import { CARD_MIN_WIDTH, chooseLayout, ROW_HEIGHT } from './layout';

describe('chooseLayout', () => {
  const size = { width: 1200, height: 500 };

  it('uses cards while every pool fits without scrolling', () => {
    // 1200 px wide: 4 columns; 500 px high: 2 rows of cards with trends.
    expect(chooseLayout('auto', 8, size, true)).toMatchObject({ kind: 'cards', columns: 4, rows: 2 });
  });

  it('switches to the dense list when they do not', () => {
    expect(chooseLayout('auto', 9, size, true)).toEqual({ kind: 'list', columns: 1, rowHeight: ROW_HEIGHT, rows: 9 });
  });

  it('fits more cards without trends, which are shorter', () => {
    const taller = { width: 1200, height: 560 };
    expect(chooseLayout('auto', 12, taller, false).kind).toBe('cards');
    expect(chooseLayout('auto', 12, taller, true).kind).toBe('list');
  });

  it('follows an explicit choice whatever the size', () => {
    expect(chooseLayout('cards', 1000, size, true)).toMatchObject({ kind: 'cards', rows: 250 });
    expect(chooseLayout('list', 1, size, true).kind).toBe('list');
  });

  it('keeps at least one column in a narrow panel', () => {
    expect(chooseLayout('cards', 3, { width: CARD_MIN_WIDTH / 2, height: 100 }, false)).toMatchObject({
      columns: 1,
      rows: 3,
    });
  });
});
