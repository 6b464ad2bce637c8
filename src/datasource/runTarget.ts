import { DataFrame, DataQueryError, DataQueryRequest } from '@grafana/data';
import { RUNNERS } from './endpoints';
import { AreaContext, AreaResult } from './endpoints/area';
import { expandList, expandTemplate, Replace } from './interpolation';
import type { PollResult } from './live/stream';
import { rowFilter, wantedValues } from './rowFilter';
import { messageOf, RustyDBError } from './transport/errors';
import { RustyDBRequests } from './transport/requests';
import { QueryScope } from './transport/scope';
import { DEFAULT_QUERY, QueryType, RustyDBQuery } from './types';

/**
 * Requests one query may make: a pool list and 20 pools' stats, with room to spare. RustyDB v0.6.5 allows 100
 * requests per second for all its clients together, so a panel must never be able to spend them all.
 */
export const MAX_REQUESTS_PER_QUERY = 25;

/** What running a target needs: the way to RustyDB, template variables and the clock. */
export interface TargetEnv {
  requests: RustyDBRequests;
  replace: Replace;
  now: () => number;
}

const toQueryError = (err: unknown, refId: string): DataQueryError => ({
  refId,
  message: messageOf(err),
  ...(err instanceof RustyDBError && err.status ? { status: err.status } : {}),
});

/**
 * Runs one target in its own scope (deadline, budgets, cancellation); never throws: failures become errors beside
 * whatever frames could be read, each message once. `maxAgeMs` is set by live polls (answers they accept).
 */
export async function runTarget(
  env: TargetEnv,
  target: RustyDBQuery,
  request: DataQueryRequest<RustyDBQuery>,
  maxAgeMs: number | undefined,
  signal?: AbortSignal
): Promise<PollResult> {
  const { proxy, retry } = env.requests;
  const scope = new QueryScope(
    { timeoutMs: proxy.timeoutMs, retries: retry.retries, maxRequests: MAX_REQUESTS_PER_QUERY },
    signal
  );
  try {
    const { frames, errors } = await runIn({ env, scope, target, request, maxAgeMs });
    const seen = new Set<string>();
    return { frames, errors: errors.filter((err) => !seen.has(err.message ?? '') && seen.add(err.message ?? '')) };
  } finally {
    scope.close();
  }
}

/** One run of one target: where it runs, what it asks, and the scope its requests spend. */
interface TargetRun {
  env: TargetEnv;
  target: RustyDBQuery;
  request: DataQueryRequest<RustyDBQuery>;
  scope: QueryScope;
  /** Set by live polls: the oldest shared answer they accept. */
  maxAgeMs?: number;
}

async function runIn(run: TargetRun): Promise<PollResult> {
  const { env, target, request } = run;
  const { refId } = target;
  try {
    const types = expandTemplate(target.queryType || String(DEFAULT_QUERY.queryType), env.replace, request.scopedVars);
    const results = await Promise.allSettled(types.map((type) => runType(run, type)));
    const frames: DataFrame[] = [];
    const errors: DataQueryError[] = [];
    for (const result of results) {
      if (result.status === 'rejected') {
        errors.push(toQueryError(result.reason, refId));
      } else {
        frames.push(...result.value.frames);
        errors.push(...(result.value.errors ?? []).map((err) => toQueryError(err, refId)));
      }
    }
    return { frames, errors };
  } catch (err) {
    return { frames: [], errors: [toQueryError(err, refId)] };
  }
}

async function runType(run: TargetRun, type: string): Promise<AreaResult> {
  const runner = RUNNERS[type as QueryType];
  if (!runner) {
    throw new RustyDBError(
      'invalidQuery',
      `Unknown query type "${type}". Pick one in the query editor (or check the variable it comes from).`
    );
  }
  const ctx = areaContext(run, type);
  const { target } = run;
  const views = target.view ? ctx.expand(target.view) : [''];
  const results = await Promise.all(views.map((view) => runner({ ...target, view: view || undefined }, ctx)));
  return { frames: results.flatMap((r) => r.frames), errors: results.flatMap((r) => r.errors ?? []) };
}

function areaContext({ env, target, request, scope, maxAgeMs }: TargetRun, type: string): AreaContext {
  const { scopedVars } = request;
  const expand = (text?: string) =>
    text === undefined || text === '' ? [] : expandTemplate(text, env.replace, scopedVars);
  const expandAll = (texts?: string[]) => expandList(texts, env.replace, scopedVars);
  const now = env.now();
  const to = request.range.to.valueOf();
  const wanted = wantedValues(type, target, expandAll);
  return {
    refId: target.refId,
    now,
    // A live poll (it sets maxAgeMs) reads up to the clock, so rows and log lines newer than the request keep coming.
    range: { from: request.range.from.valueOf(), to: maxAgeMs === undefined ? to : Math.max(to, now) },
    wanted,
    keep: rowFilter(type, wanted),
    get: (path) => env.requests.get(path, maxAgeMs, scope),
    expand,
    expandAll,
  };
}
