import fs from 'fs';
import path from 'path';
import prettier from 'prettier';
import { DASHBOARDS } from './boards';
import { dashboardJson } from './lib/dashboard';
import { advanceLock, contentHash, lockProblems, RevisionLock } from './lib/revisions';
import { DASHBOARD_DIR, LOCK_FILE } from './paths';

interface Rendered {
  /** File name in `dashboards/`. */
  file: string;
  uid: string;
  title: string;
  json: Record<string, unknown>;
  text: string;
}

function readLock(file = LOCK_FILE): RevisionLock {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as RevisionLock) : {};
}

function contentHashes(): Record<string, string> {
  return Object.fromEntries(DASHBOARDS.map(({ spec }) => [spec.uid, contentHash(dashboardJson(spec))]));
}

/** The file text exactly as the project's Prettier would format it, so `npm run lint:fix` never touches it. */
async function formatted(json: unknown, file: string): Promise<string> {
  const config = (await prettier.resolveConfig(file)) ?? {};
  return prettier.format(JSON.stringify(json), { ...config, parser: 'json' });
}

/** Every dashboard with the revision the lock gives it. */
async function renderWith(lock: RevisionLock, dir = DASHBOARD_DIR): Promise<Rendered[]> {
  return Promise.all(
    DASHBOARDS.map(async ({ file, spec }) => {
      const { id, uid, ...rest } = dashboardJson(spec);
      const json = { id, uid, revision: lock[spec.uid]?.revision ?? 1, ...rest };
      return { file, uid: spec.uid, title: spec.title, json, text: await formatted(json, path.join(dir, file)) };
    })
  );
}

/** `npm run dashboards`: bump revisions of changed dashboards, then write the JSON and the lock. */
export async function generate(
  dir = DASHBOARD_DIR,
  lockFile = LOCK_FILE
): Promise<{ written: string[]; bumped: string[] }> {
  const { lock, bumped } = advanceLock(readLock(lockFile), contentHashes());
  const rendered = await renderWith(lock, dir);
  for (const r of rendered) {
    fs.writeFileSync(path.join(dir, r.file), r.text);
  }
  for (const stray of strayFiles(dir)) {
    fs.unlinkSync(path.join(dir, stray));
  }
  fs.writeFileSync(lockFile, await formatted(lock, lockFile));
  return { written: rendered.map((r) => r.file), bumped };
}

/** JSON files in the dashboard folder that no dashboard source produces. */
function strayFiles(dir: string): string[] {
  const expected = new Set(DASHBOARDS.map((d) => d.file));
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !expected.has(f));
}

/** Why the committed JSON is not what the sources generate (empty when it is). */
export async function staleness(dir = DASHBOARD_DIR, lockFile = LOCK_FILE): Promise<string[]> {
  const lock = readLock(lockFile);
  const problems = lockProblems(lock, contentHashes());
  for (const r of await renderWith(lock, dir)) {
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
