import fs from 'fs';
import path from 'path';
import prettier from 'prettier';
import { DASHBOARDS } from './boards';
import { dashboardJson, panelKeys } from './lib/dashboard';
import { assignPanelIds, PanelIdLock, panelIdProblems } from './lib/panelIds';
import { advanceLock, contentHash, lockProblems, RevisionLock } from './lib/revisions';
import { DASHBOARD_DIR, LOCK_FILE, PANEL_ID_LOCK } from './paths';

interface Rendered {
  /** File name in `dashboards/`. */
  file: string;
  uid: string;
  title: string;
  json: Record<string, unknown>;
  text: string;
}

function readLock<T>(file: string): T {
  return (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {}) as T;
}

/** The id lock after generating: every current panel has its id; ids of removed panels stay taken. */
function advanceIds(lock: PanelIdLock): { lock: PanelIdLock; added: string[]; retired: string[] } {
  const next: PanelIdLock = { ...lock };
  const added: string[] = [];
  const retired: string[] = [];
  for (const { spec } of DASHBOARDS) {
    const result = assignPanelIds(lock[spec.uid], panelKeys(spec));
    next[spec.uid] = result.entry;
    added.push(...result.added.map((key) => `${spec.uid} ${key}=${result.entry.panels[key]}`));
    retired.push(...result.retired.map((key) => `${spec.uid} ${key}=${result.entry.retired[key]}`));
  }
  return { lock: next, added, retired };
}

function contentHashes(ids: PanelIdLock): Record<string, string> {
  return Object.fromEntries(
    DASHBOARDS.map(({ spec }) => [spec.uid, contentHash(dashboardJson(spec, ids[spec.uid].panels))])
  );
}

/** The file text exactly as the project's Prettier would format it, so `npm run lint:fix` never touches it. */
async function formatted(json: unknown, file: string): Promise<string> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(json), { ...config, parser: 'json' });
}

/** Every dashboard with the revision the lock gives it and the panel ids the id lock gives its panels. */
async function renderWith(lock: RevisionLock, ids: PanelIdLock, dir = DASHBOARD_DIR): Promise<Rendered[]> {
  return Promise.all(
    DASHBOARDS.map(async ({ file, spec }) => {
      const { id, uid, ...rest } = dashboardJson(spec, ids[spec.uid].panels);
      const json = { id, uid, revision: lock[spec.uid]?.revision ?? 1, ...rest };
      return { file, uid: spec.uid, title: spec.title, json, text: await formatted(json, path.join(dir, file)) };
    })
  );
}

/**
 * `npm run dashboards`: give new panels the next free ids, bump revisions of changed dashboards, then write the JSON
 * and both locks.
 */
export async function generate(
  dir = DASHBOARD_DIR,
  lockFile = LOCK_FILE,
  idFile = PANEL_ID_LOCK
): Promise<{ written: string[]; bumped: string[]; added: string[]; retired: string[] }> {
  const { lock: ids, added, retired } = advanceIds(readLock<PanelIdLock>(idFile));
  const { lock, bumped } = advanceLock(readLock<RevisionLock>(lockFile), contentHashes(ids));
  const rendered = await renderWith(lock, ids, dir);
  for (const r of rendered) {
    fs.writeFileSync(path.join(dir, r.file), r.text);
  }
  for (const stray of strayFiles(dir)) {
    fs.unlinkSync(path.join(dir, stray));
  }
  fs.writeFileSync(lockFile, await formatted(lock, lockFile));
  fs.writeFileSync(idFile, await formatted(ids, idFile));
  return { written: rendered.map((r) => r.file), bumped, added, retired };
}

/** JSON files in the dashboard folder that no dashboard source produces. */
function strayFiles(dir: string): string[] {
  const expected = new Set(DASHBOARDS.map((d) => d.file));
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !expected.has(f));
}

/** Why the committed JSON is not what the sources generate (empty when it is). */
export async function staleness(dir = DASHBOARD_DIR, lockFile = LOCK_FILE, idFile = PANEL_ID_LOCK): Promise<string[]> {
  const ids = readLock<PanelIdLock>(idFile);
  const idProblems = DASHBOARDS.flatMap(({ spec }) => panelIdProblems(spec.uid, ids[spec.uid], panelKeys(spec)));
  if (idProblems.length) {
    return idProblems;
  }
  const lock = readLock<RevisionLock>(lockFile);
  const problems = lockProblems(lock, contentHashes(ids));
  for (const r of await renderWith(lock, ids, dir)) {
    const file = path.join(dir, r.file);
    if (!fs.existsSync(file)) {
      problems.push(`dashboards/${r.file} is missing`);
    } else if (fs.readFileSync(file, 'utf8') !== r.text) {
      problems.push(`dashboards/${r.file} differs from what its source generates`);
    }
  }
  problems.push(...strayFiles(dir).map((f) => `dashboards/${f} has no source in dashboards/src/boards`));
  return problems;
}
