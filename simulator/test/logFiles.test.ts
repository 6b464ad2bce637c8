import fs from 'fs';
import os from 'os';
import path from 'path';
import { DENIED } from '../../src/rustydb/audit';
import { LOG_FILES } from '../logFiles';
import { episodesOverlapping } from '../model/episodes';
import { AFTERNOON_MS, Clock, closeAll, start } from './harness';

const SEED = 1;
const dirs: string[] = [];
afterEach(async () => {
  await closeAll();
  dirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }));
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rustydb-logs-'));
  dirs.push(dir);
  return dir;
}

const lines = (dir: string, file: string) =>
  fs
    .readFileSync(path.join(dir, file), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>);

/** The first episode of a family in the seeded week after the fixture afternoon. */
function firstEpisode(family: string) {
  const from = AFTERNOON_MS / 1000;
  const found = episodesOverlapping(SEED, from, from + 7 * 86400)
    .filter((e) => e.kind.family === family && e.start > from)
    .sort((a, b) => a.start - b.start)[0];
  expect(found).toBeDefined();
  return found;
}

/** Writes the files minute by minute over [fromSec, toSec]. */
async function writeOver(fromSec: number, toSec: number) {
  const dir = tempDir();
  const clock = new Clock(fromSec * 1000);
  const sim = await start({ seed: SEED, now: clock.now, metricsPort: null, logDir: dir, logIntervalMs: 3_600_000 });
  for (let t = fromSec; t <= toSec; t += 60) {
    clock.ms = t * 1000;
    sim.writeLogs!();
  }
  return dir;
}

describe('the simulator writes RustyDB log files', () => {
  it('writes no files unless asked (--log-dir)', async () => {
    const sim = await start({ seed: SEED, metricsPort: null });
    expect(sim.writeLogs).toBeUndefined();
  });

  it("a failed-login burst writes audit failures with the attacker's address, and probes that were DENIED", async () => {
    const burst = firstEpisode('logins');
    const dir = await writeOver(Math.floor(burst.start) - 120, Math.ceil(burst.end) + 60);
    const audit = lines(dir, LOG_FILES.audit);
    const failures = audit.filter((l) => l.event === 'failed_login');
    expect(failures.length).toBeGreaterThan(30);
    expect(failures.filter((l) => l.client_ip === '203.0.113.9').length).toBeGreaterThan(failures.length / 2);
    expect(failures[0]).toMatchObject({ username: expect.any(String), result: 'FAILED' });
    const denied = audit.filter((l) => JSON.stringify(l).includes(DENIED));
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((l) => l.event === 'permission_denied')).toBe(true);
  });

  it('a deadlock episode writes errors to rustydb.log', async () => {
    const episode = firstEpisode('deadlocks');
    const dir = await writeOver(Math.floor(episode.start) - 60, Math.ceil(episode.end) + 60);
    const errors = lines(dir, LOG_FILES.app).filter((l) => l.level === 'ERROR');
    expect(errors.some((l) => String(l.message).startsWith('Deadlock detected'))).toBe(true);
  });

  it('writes each entry once, in time order, one JSON object a line, and administrative actions as the guide greps', async () => {
    const from = AFTERNOON_MS / 1000;
    const dir = await writeOver(from, from + 2 * 3600);
    for (const file of Object.values(LOG_FILES)) {
      const all = lines(dir, file);
      expect(all.length).toBeGreaterThan(0);
      const stamps = all.map((l) => String(l.timestamp));
      expect([...stamps].sort()).toEqual(stamps);
      expect(new Set(all.map((l) => JSON.stringify(l))).size).toBe(all.length);
    }
    const admin = lines(dir, LOG_FILES.audit).filter((l) => l.event === 'admin_action');
    expect(admin.length).toBeGreaterThan(0);
    expect(admin.every((l) => /CREATE USER|DROP USER|GRANT|REVOKE/.test(String(l.statement)))).toBe(true);
    expect(lines(dir, LOG_FILES.slow)[0]).toMatchObject({ duration_ms: expect.any(Number), query: expect.any(String) });
  });
});
