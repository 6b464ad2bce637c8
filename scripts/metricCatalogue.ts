import { execFileSync } from 'child_process';
import fs from 'fs';
import path from 'path';
import { isCatalogued, METRIC_NAMES, METRICS, seriesNames } from '../src/rustydb/metrics';

/**
 * Finds the `rustydb_*` metric names a text uses and tells which ones the catalogue (src/rustydb/metrics.ts)
 * does not know. Three forms count:
 * - a metric: `rustydb_cpu_usage_percent`, a histogram's series `rustydb_query_duration_seconds_bucket`, or the
 *   histogram's family name itself (prose and code that adds the suffix name it that way);
 * - a recording-rule name `level:rustydb_...:operations`: valid when monitoring/rules defines it (the rules'
 *   own expressions are checked like any other text, so a recorded name stands for catalogued metrics);
 * - a prefix, a name ending in `_` or followed by `*` (`rustydb_connection_pool_*`, `__name__=~"rustydb_.+"`):
 *   valid when some catalogued series starts with it.
 */

export type MentionKind = 'series' | 'recorded' | 'prefix';

export interface Mention {
  name: string;
  kind: MentionKind;
  line: number;
}

const MENTION = /(?<![A-Za-z0-9_:])(?:([a-z][a-z_]*):)?(rustydb_[a-z0-9_]*)(?::([a-z0-9_]+))?(\*)?/g;

export function findMentions(text: string): Mention[] {
  const mentions: Mention[] = [];
  for (const match of text.matchAll(MENTION)) {
    const [, level, metric, operations, star] = match;
    const line = text.slice(0, match.index).split('\n').length;
    if (level !== undefined && operations !== undefined) {
      mentions.push({ name: `${level}:${metric}:${operations}`, kind: 'recorded', line });
    } else if (star !== undefined || metric.endsWith('_')) {
      mentions.push({ name: metric, kind: 'prefix', line });
    } else {
      // Only one colon (`job:` before the name, or a `name:1` key): the metric name alone counts.
      mentions.push({ name: metric, kind: 'series', line });
    }
  }
  return mentions;
}

const ALL_SERIES = METRICS.flatMap(seriesNames);

export function isKnown(mention: Mention, recorded: ReadonlySet<string>): boolean {
  switch (mention.kind) {
    case 'series':
      return isCatalogued(mention.name) || METRIC_NAMES.has(mention.name);
    case 'recorded':
      return recorded.has(mention.name);
    case 'prefix':
      return ALL_SERIES.some((series) => series.startsWith(mention.name));
  }
}

export function unknownMentions(text: string, recorded: ReadonlySet<string>): Mention[] {
  return findMentions(text).filter((m) => !isKnown(m, recorded));
}

/** Paths (relative to the repository) that are not scanned: dependencies, build output, the fixtures and the catalogue. */
const EXCLUDED = [
  /^node_modules\//,
  /(^|\/)dist\//,
  /^fixtures\//,
  /^src\/rustydb\/metrics\.ts$/,
  /^package-lock\.json$/,
];

/** Every file git tracks or would track (untracked but not ignored), so a new file is checked before it is committed. */
export function projectFiles(root: string): string[] {
  const listed = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], {
    cwd: root,
    encoding: 'utf8',
  });
  return [...new Set(listed.split('\0').filter(Boolean))].filter((f) => !EXCLUDED.some((re) => re.test(f))).sort();
}

/** A file's text, or undefined for a binary file (one with a NUL byte) or a file listed by git but deleted. */
export function readText(root: string, file: string): string | undefined {
  const full = path.join(root, file);
  if (!fs.existsSync(full) || !fs.statSync(full).isFile()) {
    return undefined;
  }
  const buffer = fs.readFileSync(full);
  return buffer.includes(0) ? undefined : buffer.toString('utf8');
}
