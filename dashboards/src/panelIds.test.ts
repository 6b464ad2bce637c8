/**
 * The committed id lock keeps its promises: every bundled panel has the id the lock gives it, and no id known to git
 * (the lock as committed at HEAD, on `main` and on `origin/main`, whichever exist) changed, vanished or passed to
 * another panel. Without git (a source tarball) only the first check has something to compare.
 */
import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { DASHBOARDS } from './boards';
import { panelKeys } from './lib/dashboard';
import { idChanges, PanelIdLock } from './lib/panelIds';
import { DASHBOARD_DIR, PANEL_ID_LOCK, PROJECT_ROOT } from './paths';

const current = JSON.parse(fs.readFileSync(PANEL_ID_LOCK, 'utf8')) as PanelIdLock;
const LOCK_PATH = path.relative(PROJECT_ROOT, PANEL_ID_LOCK);

function committedLock(ref: string): PanelIdLock | undefined {
  const run = spawnSync('git', ['show', `${ref}:${LOCK_PATH}`], { cwd: PROJECT_ROOT, encoding: 'utf8' });
  return run.status === 0 ? (JSON.parse(run.stdout) as PanelIdLock) : undefined;
}

describe('panel ids', () => {
  it.each(DASHBOARDS.map((d) => [d.spec.uid, d]))('%s: every panel has the id the lock gives its key', (uid, d) => {
    const json = JSON.parse(fs.readFileSync(path.join(DASHBOARD_DIR, d.file), 'utf8')) as {
      panels: Array<{ id: number }>;
    };
    const keys = panelKeys(d.spec);
    expect(json.panels.map((p, i) => [keys[i], p.id])).toEqual(keys.map((key) => [key, current[uid].panels[key]]));
  });

  it('never changes, drops or reuses an id that git has seen (HEAD, main, origin/main)', () => {
    const baselines = ['HEAD', 'main', 'origin/main'].flatMap((ref) => {
      const lock = committedLock(ref);
      return lock ? [{ ref, lock }] : [];
    });
    const problems = baselines.flatMap(({ ref, lock }) => idChanges(lock, current).map((p) => `${ref}: ${p}`));
    expect(problems).toEqual([]);
  });
});
