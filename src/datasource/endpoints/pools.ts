import { DataFrame, QueryResultMetaNotice } from '@grafana/data';
import { endpointPath, ENDPOINTS } from '../../rustydb/api/endpoints';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { messageOf, RustyDBError } from '../transport/errors';
import { AreaContext, AreaRunner, ParseContext, viewRunner } from './area';
import { snapshotFrame } from './parse/frames';
import { placeholderNotices } from './placeholders';
import { listParser, listRows } from './parse/parsers';
import { asObject, f, Issues, numberOf, ratio, Row } from './parse/read';

const POOLS = ENDPOINTS.pools.path;

const POOL_CONFIG_FIELDS = [
  f.str('pool_id', 'Pool'),
  f.num('min_connections', 'Min connections'),
  f.num('max_connections', 'Max connections'),
  f.num('connection_timeout_secs', 'Connection timeout', 's'),
  f.num('idle_timeout_secs', 'Idle timeout', 's'),
  f.num('max_lifetime_secs', 'Max lifetime', 's', { nullable: true }),
];

const POOL_STATS_FIELDS = [
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
];

const parsePools = listParser('pools', POOL_CONFIG_FIELDS, { name: 'pools' });

/** The pool configs by id. */
export function poolConfigs(body: unknown): Map<string, Row> {
  const rows = listRows(body, POOLS, undefined, new Issues(POOLS));
  return new Map(rows.filter((row) => typeof row.pool_id === 'string').map((row) => [row.pool_id as string, row]));
}

/** The guide's pool utilisation: active / (active + idle); null when the pool holds no connections. */
export function utilisationOf(record: Row): number | null {
  const active = numberOf(record.active_connections);
  const idle = numberOf(record.idle_connections);
  return active === null || idle === null ? null : ratio(active, active + idle);
}

function poolStatsNotices(asked: string, record: Row): QueryResultMetaNotice[] {
  const notices: QueryResultMetaNotice[] = [];
  if (record.pool_id !== asked) {
    notices.push({
      severity: 'warning',
      text:
        `Asked RustyDB for pool "${asked}" but it answered for pool "${String(record.pool_id)}": RustyDB v0.6.5 ignores ` +
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
    utilisation: utilisationOf(record),
    max_connections: config?.max_connections ?? null,
  };
  return snapshotFrame(ctx, row, POOL_STATS_FIELDS, new Issues(path), {
    name: `pool ${asked}`,
    path,
    labels: { pool: asked },
    notices: poolStatsNotices(asked, record),
  });
}

async function knownPools(ctx: AreaContext): Promise<Map<string, Row> | Error> {
  try {
    return poolConfigs(await ctx.get(POOLS));
  } catch (err) {
    return err instanceof Error ? err : new Error(messageOf(err));
  }
}

function unknownPool(id: string, known: Map<string, Row>): RustyDBError {
  return new RustyDBError(
    'notFound',
    `Pool "${id}" is not one of RustyDB's pools (${[...known.keys()].join(', ') || 'none'}); its stats were not requested, ` +
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
 * known pool costs one request. A pool that fails does not hide the others.
 */
export const runPoolStats: AreaRunner = async (query, ctx) => {
  const asked = ctx.expandAll(query.poolIds);
  const known = await knownPools(ctx);
  if (known instanceof Error && asked.length === 0) {
    throw known;
  }
  const ids = asked.length ? asked : [...(known as Map<string, Row>).keys()].sort();
  const errors: Error[] = [];
  const wanted = ids.filter((id) => {
    const problem = unaddressable(id) ?? (known instanceof Map && !known.has(id) ? unknownPool(id, known) : undefined);
    if (problem) {
      errors.push(problem);
    }
    return !problem;
  });
  const results = await Promise.allSettled(wanted.map((id) => ctx.get(endpointPath('poolStats', id))));
  const frames = results.flatMap((result, i) => {
    const id = wanted[i];
    try {
      if (result.status === 'rejected') {
        throw result.reason;
      }
      return [parsePoolStats(result.value, ctx, id, known instanceof Map ? known.get(id) : undefined)];
    } catch (err) {
      errors.push(err instanceof Error ? err : new Error(messageOf(err)));
      return [];
    }
  });
  if (known instanceof Error) {
    errors.push(new RustyDBError('badResponse', `Pool ids were not checked against ${POOLS}: ${known.message}`));
  }
  return { frames, errors };
};

export const runPools = viewRunner({ list: { endpoint: 'pools', parse: parsePools } });
