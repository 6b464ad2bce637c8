import fs from 'fs';
import path from 'path';
import { panelsOf } from './dashboardPanels';

describe('panelsOf', () => {
  it('lists the panels of a bundled dashboard by their stable ids, marking those that read RustyDB', () => {
    const pools = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../dashboards/pools.json'), 'utf8'));
    const panels = panelsOf(pools);
    expect(panels.find((p) => p.title === 'Connection pools now')).toEqual({
      id: 2,
      title: 'Connection pools now',
      readsRustyDB: true,
    });
    expect(panels.every((p) => !['Health', 'Problems'].includes(p.title))).toBe(true);
  });

  it('finds panels inside collapsed rows and skips entries without an id', () => {
    expect(
      panelsOf({
        panels: [
          { id: 1, type: 'row', title: 'r', panels: [{ id: 5, type: 'stat', title: 'inner' }] },
          { type: 'stat', title: 'no id' },
        ],
      })
    ).toEqual([{ id: 5, title: 'inner', readsRustyDB: false }]);
    expect(panelsOf(undefined)).toEqual([]);
  });
});
