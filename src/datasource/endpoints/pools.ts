import type { PoolConfig, PoolStatsResponse } from '../../rustydb/api/types';
import { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { endpointPath, ENDPOINTS } from '../../rustydb/api/endpoints';
import { Row } from '../../rustydb/json';
import { POOL_ID_KEY, poolUtilisation } from '../../rustydb/pools';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { excerpt, messageOf, RustyDBError } from '../transport/errors';
import { AreaContext, AreaRunner, ParseContext, singleView } from './area';
import { snapshotFrame } from './parse/frames';
import { placeholderNotices } from './placeholders';
import { listParser, listRows } from './parse/parsers';
import { asObject, fieldTable, Issues, rowsWithIds, textOf } from './parse/read';

const POOLS = ENDPOINTS.pools.path;

const POOL_CONFIG_FIELDS = fieldTable<PoolConfig>((f) => [
  f.str('pool_id', 'Pool'),
  f.num('min_connections', 'Min connections'),
  f.num('max_connections', 'Max connections'),
  f.num('connection_timeout_secs', 'Connection timeout', 's'),
  f.num('idle_timeout_secs', 'Idle timeout', 's'),
  f.num('max_lifetime_secs', 'Max lifetime', 's', { nullable: true }),
]);

const POOL_STATS_FIELDS = fieldTable<
  PoolStatsResponse & Pick<PoolConfig, 'max_connections'> & { utilisation: number | null }
>((f) => [
  f.str('pool_id', 'Pool'),
  f.num('active_connections', 'Active connections'),
  f.num('idle_connections', 'Idle connections'),
  f.num('total_connections', 'Total connections'),
  f.num('waiting_requests', 'Waiting requests', 'short', { threshold: THRESHOLDS.poolWaiting }),
  f.num('utilisation', 'Utilisation', 'percentunit', { nullable: true, threshold: THRESHOLDS.poolUtilisation }),
  f.num('max_connections', 'Max connections', 'short', { nullable: true }),
  f.num('total_acquired', 'Connections acquired', 'short'),
  f.num('total_created', 'Connections created', 'short'),
  f.num('total_destroyed', 'Connections destroyed', 'short'),
]);

const parsePools = listParser('pools', POOL_CONFIG_FIELDS, { name: 'pools' });

/** Stats requests one panel makes at most: RustyDB v0.6.5 allows 100 requests per second for all clients. */
export const MAX_POOL_STATS = 20;

interface KnownPools {
  configs: Map<string, Row>;
  /** Entries of the list that could not be used (no usable id), as notices. */
  notices: QueryResultMetaNotice[];
  total: number;
}

/** The pool configs by id; entries without a usable id are named in a notice and left out. */
export function poolConfigs(body: unknown): KnownPools {
  const issues = new Issues(POOLS);
  const rows = listRows(body, POOLS, undefined, issues);
  const configs = new Map(rowsWithIds(rows, POOL_ID_KEY, issues).map(({ id, row }) => [id, row]));
  return { configs, notices: issues.notices(), total: rows.length };
}

function poolStatsNotices(asked: string, record: Row): QueryResultMetaNotice[] {
  const notices: QueryResultMetaNotice[] = [];
  if (record.pool_id !== asked) {
    notices.push({
      severity: 'warning',
      text:
        `Asked RustyDB for pool "${asked}" but it answered for pool "${textOf(record.pool_id) || 'no pool'}": RustyDB v0.6.5 ignores ` +
        `the id in /pools/{id}/stats, so these numbers are not "${asked}"'s.`,
    });
  }
  notices.push(...placeholderNotices('poolStats', record, `Pool "${asked}"`));
  return notices;
}

/** One pool's `/pools/{id}/stats`, labelled with the id asked for (not the one answered: v0.6.5 answers "default"). */
export function parsePoolStats(body: unknown, ctx: ParseContext, asked: string, config?: Row): DataFrame {
  const path = endpointPath('poolStats', asked);
  const record = asObject(body, path);
  const row = {
    ...record,
    pool_id: asked,
    utilisation: poolUtilisation(record.active_connections, record.idle_connections),
    max_connections: config?.max_connections ?? null,
  };
  return snapshotFrame(ctx, row, POOL_STATS_FIELDS, new Issues(path), {
    name: `pool ${asked}`,
    path,
    labels: { pool: asked },
    notices: poolStatsNotices(asked, record),
  });
}

async function knownPools(ctx: AreaContext): Promise<KnownPools | Error> {
  try {
    return poolConfigs(await ctx.get(POOLS));
  } catch (err) {
    return err instanceof Error ? err : new Error(messageOf(err));
  }
}

const SHOWN_IDS = 5;

/** A few of the known ids, for a message: never the whole list, which may hold thousands. */
function someIds(known: Map<string, Row>): string {
  const ids = [...known.keys()].sort();
  if (ids.length === 0) {
    return 'it lists none';
  }
  const shown = ids.slice(0, SHOWN_IDS).map((id) => `"${excerpt(id)}"`);
  return ids.length > SHOWN_IDS ? `${ids.length} pools, e.g. ${shown.join(', ')}` : shown.join(', ');
}

function unknownPool(id: string, known: Map<string, Row>): RustyDBError {
  return new RustyDBError(
    'notFound',
    `Pool "${excerpt(id)}" is not one of RustyDB's pools (${someIds(known)}); its stats were not requested, ` +
      "because RustyDB v0.6.5 would answer with the default pool's numbers. Check the pool variable or id."
  );
}

/**
 * `.` and `..` cannot be one path segment: URL parsers (browsers, Grafana) resolve them, even percent-encoded as
 * `%2E`, so `/pools/../stats` would read another endpoint. No request is made for such an id.
 */
function unaddressable(id: string): RustyDBError | undefined {
  return /^\.{1,2}$/.test(id)
    ? new RustyDBError(
        'invalidQuery',
        `Pool id "${id}" cannot be sent in a URL path (it would be read as a relative path); no stats were requested for it.`
      )
    : undefined;
}

/**
 * Stats of the pools asked for (all pools when none is): ids are checked against `/api/v1/pools` first, then each
 * known pool costs one request, for at most MAX_POOL_STATS pools (the rest named in a notice). A pool that fails does
 * not hide the others, and a panel that ends up with no pool at all says why.
 */
export const runPoolStats: AreaRunner = async (_query, ctx) => {
  const asked = ctx.wanted;
  const known = await knownPools(ctx);
  if (known instanceof Error && asked.length === 0) {
    throw known;
  }
  const configs = known instanceof Error ? undefined : known.configs;
  const notices = known instanceof Error ? [] : [...known.notices];
  if (configs && asked.length === 0 && configs.size === 0) {
    throw new RustyDBError(
      'badResponse',
      known instanceof Error || known.total === 0
        ? `${POOLS} lists no pools, so there are no pool stats to show. Check that RustyDB has connection pools configured.`
        : `None of the ${known.total} entries of ${POOLS} has a usable pool_id, so no pool stats were requested. ` +
            'Check the RustyDB version (v0.6.5 sends one per pool).'
    );
  }
  const ids = asked.length ? asked : [...(configs ?? new Map<string, Row>()).keys()].sort();
  const errors: Error[] = [];
  const valid = ids.filter((id) => {
    const problem = unaddressable(id) ?? (configs && !configs.has(id) ? unknownPool(id, configs) : undefined);
    if (problem) {
      errors.push(problem);
    }
    return !problem;
  });
  const wanted = valid.slice(0, MAX_POOL_STATS);
  if (valid.length > wanted.length) {
    notices.push({
      severity: 'warning',
      text:
        `Showing the stats of ${wanted.length} of ${valid.length} pools ("${excerpt(wanted[0])}" to ` +
        `"${excerpt(wanted[wanted.length - 1])}"): each costs a request, and RustyDB allows 100 per second for all ` +
        'clients. Pick the pools with the pool variable, or split them over panels.',
    });
  }
  const results = await Promise.allSettled(wanted.map((id) => ctx.get(endpointPath('poolStats', id))));
  const frames = results.flatMap((result, i) => {
    const id = wanted[i];
    try {
      if (result.status === 'rejected') {
        throw result.reason;
      }
      return [parsePoolStats(result.value, ctx, id, configs?.get(id))];
    } catch (err) {
      errors.push(err instanceof Error ? err : new Error(messageOf(err)));
      return [];
    }
  });
  if (known instanceof Error) {
    errors.push(new RustyDBError('badResponse', `Pool ids were not checked against ${POOLS}: ${known.message}`));
  }
  if (frames.length && notices.length) {
    const meta = frames[0].meta ?? {};
    frames[0].meta = { ...meta, notices: [...notices, ...(meta.notices ?? [])] };
  } else if (notices.length) {
    errors.push(...notices.map((notice) => new RustyDBError('badResponse', notice.text)));
  }
  return { frames, errors };
};

export const runPools = singleView({ endpoint: 'pools', parse: parsePools });
