import { CARD_MIN_WIDTH, chooseLayout, COMPACT_BELOW, compactLayout, ROW_HEIGHT } from './layout';

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

describe('compactLayout', () => {
  it('is off for a panel large enough for cards and the list', () => {
    expect(compactLayout('auto', { width: COMPACT_BELOW.width, height: COMPACT_BELOW.height })).toBeNull();
  });

  it('is on below either size, with as many of the worst pools as fit under the counts', () => {
    // An iframe of 300×150 leaves about 284×110 inside Grafana's panel chrome; 200×100 about 184×60.
    expect(compactLayout('auto', { width: 284, height: 110 })).toEqual({ worst: 5 });
    expect(compactLayout('auto', { width: 184, height: 60 })).toEqual({ worst: 2 });
    expect(compactLayout('auto', { width: 1200, height: 120 })).toEqual({ worst: 5 });
    expect(compactLayout('auto', { width: 300, height: 800 })).toEqual({ worst: 43 });
  });

  it('shows the counts alone when no pool line fits, and never a negative count', () => {
    expect(compactLayout('auto', { width: 150, height: 30 })).toEqual({ worst: 0 });
    expect(compactLayout('auto', { width: 0, height: 0 })).toEqual({ worst: 0 });
  });

  it('follows an explicit choice of cards or list whatever the size', () => {
    expect(compactLayout('cards', { width: 200, height: 100 })).toBeNull();
    expect(compactLayout('list', { width: 200, height: 100 })).toBeNull();
  });
});
