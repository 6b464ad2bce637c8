import { advanceLock, contentHash, lockProblems } from './revisions';

describe('revision lock', () => {
  const lock = { a: { revision: 3, sha256: 'h-a' }, b: { revision: 1, sha256: 'h-b' } };

  it('keeps unchanged revisions, bumps changed ones and starts new ones at 1', () => {
    expect(advanceLock(lock, { a: 'h-a', b: 'h-b2', c: 'h-c' })).toEqual({
      lock: {
        a: { revision: 3, sha256: 'h-a' },
        b: { revision: 2, sha256: 'h-b2' },
        c: { revision: 1, sha256: 'h-c' },
      },
      bumped: ['b', 'c'],
    });
  });

  it('drops dashboards that are no longer generated', () => {
    expect(advanceLock(lock, { a: 'h-a' }).lock).toEqual({ a: lock.a });
  });

  it('reports content changed without a revision, new and removed dashboards', () => {
    expect(lockProblems(lock, { a: 'h-a2', c: 'h-c' })).toEqual([
      'a changed since revision 3 was recorded',
      'c has no revision yet',
      'b is in the revision lock but no longer generated',
    ]);
    expect(lockProblems(lock, { a: 'h-a', b: 'h-b' })).toEqual([]);
  });

  it('hashes content regardless of key order and of the revision itself', () => {
    const base = contentHash({ uid: 'x', panels: [{ id: 1, title: 't' }], revision: 1 });
    expect(contentHash({ revision: 7, panels: [{ title: 't', id: 1 }], uid: 'x' })).toBe(base);
    expect(contentHash({ uid: 'x', panels: [{ id: 1, title: 'u' }], revision: 1 })).not.toBe(base);
  });
});
