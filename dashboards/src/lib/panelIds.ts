/**
 * Stable panel ids. A `d-solo` URL (`/d-solo/<uid>?panelId=<id>`) pasted into a wiki or a status page names a panel
 * by its id, so an id, once given, must never change and never pass to another panel. The id lock
 * (dashboards/src/panelIds.lock) records, per dashboard uid, the id of every panel key ever generated:
 *
 * - `panels`: the keys generated now and their ids;
 * - `retired`: keys no longer generated; their ids stay taken (a panel that comes back with its key gets its id back);
 * - `next`: the next free id. Two branches that each add a panel to one dashboard both change this line, so git makes
 *   them conflict instead of silently giving two panels one id: take main's lock and rerun `npm run dashboards`.
 *
 * A panel's key is its datasource kind and title (`prometheus/cpu`, `rustydb/server-status`, `row/health`), or the
 * `key` its spec sets: set `key` to the old key when renaming a panel, so it keeps its id.
 */
export interface DashboardIds {
  next: number;
  panels: Record<string, number>;
  retired: Record<string, number>;
}

export type PanelIdLock = Record<string, DashboardIds>;

/** `Query latency (p99)` → `query-latency-p99`. */
export function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

function duplicates(keys: string[]): string[] {
  return [...new Set(keys.filter((k, i) => keys.indexOf(k) !== i))];
}

/**
 * The ids of `keys` after generating: known keys keep their id, returning keys get their retired id back, new keys
 * take `next` in order, keys no longer generated are retired.
 */
export function assignPanelIds(
  entry: DashboardIds | undefined,
  keys: string[]
): { entry: DashboardIds; added: string[]; retired: string[] } {
  const dup = duplicates(keys);
  if (dup.length) {
    throw new Error(`Two panels share the key ${dup.join(', ')}: give one of them its own \`key\`.`);
  }
  const previous = entry ?? { next: 1, panels: {}, retired: {} };
  const known = { ...previous.retired, ...previous.panels };
  let next = Math.max(previous.next, ...Object.values(known).map((id) => id + 1));
  const panels: Record<string, number> = {};
  const added: string[] = [];
  for (const key of keys) {
    if (key in known) {
      panels[key] = known[key];
    } else {
      panels[key] = next++;
      added.push(key);
    }
  }
  const retiredKeys = Object.keys(known).filter((key) => !(key in panels));
  const retired = Object.fromEntries(retiredKeys.map((key) => [key, known[key]]));
  const newlyRetired = retiredKeys.filter((key) => key in previous.panels);
  return { entry: { next, panels, retired }, added, retired: newlyRetired };
}

/** Why the lock does not give exactly these keys their ids (empty when it does). */
export function panelIdProblems(uid: string, entry: DashboardIds | undefined, keys: string[]): string[] {
  if (!entry) {
    return [`${uid} has no panel ids yet`];
  }
  const problems = [
    ...keys.filter((key) => !(key in entry.panels)).map((key) => `${uid} panel ${key} has no id yet`),
    ...Object.keys(entry.panels)
      .filter((key) => !keys.includes(key))
      .map((key) => `${uid} panel ${key} is no longer generated but not retired`),
  ];
  const owners = new Map<number, string>();
  for (const [key, id] of [...Object.entries(entry.panels), ...Object.entries(entry.retired)]) {
    const owner = owners.get(id);
    if (owner !== undefined) {
      problems.push(`${uid}: id ${id} belongs to both ${owner} and ${key}`);
    }
    owners.set(id, key);
    if (id >= entry.next) {
      problems.push(`${uid}: id ${id} of ${key} is not below next (${entry.next})`);
    }
  }
  return problems;
}

/**
 * Where `current` breaks a promise `baseline` made: a key whose id changed or that was dropped from the lock, or an
 * id of the baseline now owned by another key.
 */
export function idChanges(baseline: PanelIdLock, current: PanelIdLock): string[] {
  const problems: string[] = [];
  for (const [uid, before] of Object.entries(baseline)) {
    const after = current[uid];
    const afterIds = after ? { ...after.retired, ...after.panels } : {};
    const ownerOf = new Map(Object.entries(afterIds).map(([key, id]) => [id, key]));
    for (const [key, id] of Object.entries({ ...before.retired, ...before.panels })) {
      if (!(key in afterIds)) {
        problems.push(`${uid} panel ${key} (id ${id}) was dropped from the id lock`);
      } else if (afterIds[key] !== id) {
        problems.push(`${uid} panel ${key} changed id from ${id} to ${afterIds[key]}`);
      }
      const owner = ownerOf.get(id);
      if (owner !== undefined && owner !== key) {
        problems.push(`${uid}: id ${id} of ${key} was given to ${owner}`);
      }
    }
  }
  return problems;
}
