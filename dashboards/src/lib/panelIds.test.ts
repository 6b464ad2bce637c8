import { assignPanelIds, DashboardIds, idChanges, panelIdProblems, slug } from './panelIds';

const lock = (panels: Record<string, number>, retired: Record<string, number> = {}, next?: number): DashboardIds => ({
  next: next ?? Math.max(0, ...Object.values({ ...panels, ...retired })) + 1,
  panels,
  retired,
});

describe('assignPanelIds', () => {
  it('numbers a new dashboard in layout order', () => {
    expect(assignPanelIds(undefined, ['row/health', 'prometheus/cpu'])).toEqual({
      entry: lock({ 'row/health': 1, 'prometheus/cpu': 2 }),
      added: ['row/health', 'prometheus/cpu'],
      retired: [],
    });
  });

  it('keeps every known id when a panel is inserted before others, and gives the new one the next free id', () => {
    const before = lock({ 'row/health': 1, 'prometheus/cpu': 2, 'prometheus/memory': 3 });
    const { entry, added } = assignPanelIds(before, [
      'row/health',
      'prometheus/disk',
      'prometheus/cpu',
      'prometheus/memory',
    ]);
    expect(entry.panels).toEqual({
      'row/health': 1,
      'prometheus/disk': 4,
      'prometheus/cpu': 2,
      'prometheus/memory': 3,
    });
    expect(added).toEqual(['prometheus/disk']);
    expect(entry.next).toBe(5);
  });

  it('retires a removed panel and never gives its id to another one', () => {
    const before = lock({ a: 1, b: 2, c: 3 });
    const removed = assignPanelIds(before, ['a', 'c']);
    expect(removed.entry).toEqual(lock({ a: 1, c: 3 }, { b: 2 }, 4));
    expect(removed.retired).toEqual(['b']);
    const added = assignPanelIds(removed.entry, ['a', 'c', 'd']);
    expect(added.entry.panels.d).toBe(4);
  });

  it('gives a panel that comes back with its key its old id', () => {
    const { entry } = assignPanelIds(lock({ a: 1 }, { b: 2 }), ['a', 'b']);
    expect(entry).toEqual(lock({ a: 1, b: 2 }, {}, 3));
  });

  it('never hands out an id below next, even after the highest panel is removed', () => {
    const { entry } = assignPanelIds(lock({ a: 1 }, {}, 9), ['a', 'b']);
    expect(entry.panels.b).toBe(9);
  });

  it('rejects two panels with one key', () => {
    expect(() => assignPanelIds(undefined, ['a', 'a'])).toThrow(/share the key a: give one of them its own `key`/);
  });
});

describe('panelIdProblems', () => {
  it('passes a lock that fits the keys', () => {
    expect(panelIdProblems('u', lock({ a: 1, b: 2 }, { c: 3 }), ['a', 'b'])).toEqual([]);
  });

  it('names new keys, keys neither generated nor retired, shared ids and ids at or above next', () => {
    expect(panelIdProblems('u', undefined, ['a'])).toEqual(['u has no panel ids yet']);
    expect(panelIdProblems('u', { next: 2, panels: { a: 1, b: 2 }, retired: { c: 1 } }, ['a', 'z'])).toEqual([
      'u panel z has no id yet',
      'u panel b is no longer generated but not retired',
      'u: id 2 of b is not below next (2)',
      'u: id 1 belongs to both a and c',
    ]);
  });
});

describe('idChanges', () => {
  it('accepts added panels and retirements', () => {
    expect(idChanges({ u: lock({ a: 1, b: 2 }) }, { u: lock({ a: 1, c: 3 }, { b: 2 }), v: lock({ x: 1 }) })).toEqual(
      []
    );
  });

  it('fails when an existing id changes, a key is dropped or an id passes to another panel', () => {
    expect(idChanges({ u: lock({ a: 1, b: 2 }) }, { u: lock({ a: 3, c: 2 }) })).toEqual([
      'u panel a changed id from 1 to 3',
      'u panel b (id 2) was dropped from the id lock',
      'u: id 2 of b was given to c',
    ]);
    expect(idChanges({ u: lock({ a: 1 }) }, {})).toEqual(['u panel a (id 1) was dropped from the id lock']);
  });
});

describe('slug', () => {
  it('keeps letters and digits, joined by single dashes', () => {
    expect(slug('Disk I/O (p99) — now')).toBe('disk-i-o-p99-now');
  });
});
