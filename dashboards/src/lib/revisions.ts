import { createHash } from 'crypto';

/**
 * Grafana re-imports an app's dashboard only when its `revision` changes, so every content change must bump it.
 * The lock records, per dashboard uid, the revision and a hash of the content it was given for; the generator bumps
 * the revision when the hash changes, and the check fails when the lock does not match the content.
 */
interface RevisionEntry {
  revision: number;
  sha256: string;
}

export type RevisionLock = Record<string, RevisionEntry>;

/** JSON with object keys sorted, so the hash ignores key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Hash of a dashboard's content; its `revision` is not part of the content. */
export function contentHash(dashboard: Record<string, unknown>): string {
  const { revision: _ignored, ...content } = dashboard;
  return createHash('sha256').update(canonical(content)).digest('hex');
}

/** The lock after generating: unchanged dashboards keep their revision, changed ones go up by one, new ones start at 1. */
export function advanceLock(
  lock: RevisionLock,
  hashes: Record<string, string>
): { lock: RevisionLock; bumped: string[] } {
  const next: RevisionLock = {};
  const bumped: string[] = [];
  for (const [uid, sha256] of Object.entries(hashes)) {
    const previous = lock[uid];
    if (previous && previous.sha256 === sha256) {
      next[uid] = previous;
    } else {
      next[uid] = { revision: previous ? previous.revision + 1 : 1, sha256 };
      bumped.push(uid);
    }
  }
  return { lock: next, bumped };
}

/** Why the lock does not fit the content (empty when it does). */
export function lockProblems(lock: RevisionLock, hashes: Record<string, string>): string[] {
  const problems = Object.entries(hashes).flatMap(([uid, sha256]) => {
    const entry = lock[uid];
    if (!entry) {
      return [`${uid} has no revision yet`];
    }
    return entry.sha256 === sha256 ? [] : [`${uid} changed since revision ${entry.revision} was recorded`];
  });
  const stale = Object.keys(lock).filter((uid) => !(uid in hashes));
  return [...problems, ...stale.map((uid) => `${uid} is in the revision lock but no longer generated`)];
}
