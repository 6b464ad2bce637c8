import { DataFrame } from '@grafana/data';
import { ENDPOINTS, EndpointKey } from '../../rustydb/api/endpoints';
import { CATALOGUE, defaultView, ViewedType, ViewName } from '../queryTypes';
import type { RustyDBQuery } from '../types';
import { RustyDBError } from '../transport/errors';
import { FrameContext } from './parse/frames';

/** What a pure parser may know besides the body. */
export interface ParseContext extends FrameContext {
  /** The dashboard's time range, epoch milliseconds. */
  range: { from: number; to: number };
  /** The query's filter (node, replica, level or severity values after variable expansion); keeps all when empty. */
  keep: (value: unknown) => boolean;
}

/** A pure parser: JSON body → frames. It throws a RustyDBError when the body is unusable. */
export type Parser = (body: unknown, ctx: ParseContext) => DataFrame[];

/** What a query type needs from the datasource to run: HTTP (shared, retried) and variable expansion. */
export interface AreaContext extends ParseContext {
  /** The query's ids (pools, nodes, replicas) or levels after variable expansion; empty means all. */
  wanted: string[];
  get: (path: string) => Promise<unknown>;
  /** A parameter after template interpolation: multi-value and All variables give several values. */
  expand: (text: string | undefined) => string[];
  /** Every expanded value of a list parameter, deduplicated. */
  expandAll: (texts: string[] | undefined) => string[];
}

export interface AreaResult {
  frames: DataFrame[];
  /** Failures of a part of the query (one pool of three); the other parts still show. */
  errors?: Error[];
}

export type AreaRunner = (query: RustyDBQuery, ctx: AreaContext) => Promise<AreaResult>;

/** A view that reads one endpoint and parses it. */
export interface SimpleView {
  endpoint: EndpointKey;
  parse: Parser;
}

/** One view of a runner table: an endpoint read and parsed, or its own runner (several requests, its own filters). */
export type View = SimpleView | AreaRunner;

/** A runner and the views its table holds, which a test compares with the catalogue. */
export type TableRunner = AreaRunner & { views: string[] };

async function runView(view: View, query: RustyDBQuery, ctx: AreaContext): Promise<AreaResult> {
  if (typeof view === 'function') {
    return view(query, ctx);
  }
  const body = await ctx.get(ENDPOINTS[view.endpoint].path);
  return { frames: view.parse(body, ctx) };
}

/**
 * Runs a query type's view table, keyed by the catalogue's view names (`queryTypes.ts`): the query's `view` picks the
 * view, the catalogue's first when unset.
 */
export function viewRunner<T extends ViewedType>(type: T, views: Record<ViewName<T>, View>): TableRunner {
  const table: Record<string, View> = views;
  const names = Object.keys(CATALOGUE[type].views);
  const run: AreaRunner = async (query, ctx) => {
    const name = query.view || defaultView(type);
    if (!Object.hasOwn(table, name)) {
      throw new RustyDBError(
        'invalidQuery',
        `There is no view "${name}" for this query type; choose one of: ${names.join(', ')}.`
      );
    }
    return runView(table[name], query, ctx);
  };
  return Object.assign(run, { views: Object.keys(table) });
}

/** A query type without views: it reads one endpoint, and a view in the query is a mistake worth naming. */
export function singleView(view: SimpleView): TableRunner {
  const run: AreaRunner = async (query, ctx) => {
    if (query.view) {
      throw new RustyDBError('invalidQuery', `There is no view "${query.view}" for this query type; it has none.`);
    }
    return runView(view, query, ctx);
  };
  return Object.assign(run, { views: [] });
}
