import { DataFrame } from '@grafana/data';
import { ENDPOINTS, EndpointKey } from '../../rustydb/api/endpoints';
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

/** Runs a view table: the query's `view` picks the endpoint and parser (the first view when unset). */
export function viewRunner(views: Record<string, SimpleView>): AreaRunner {
  const names = Object.keys(views);
  return async (query, ctx) => {
    const name = query.view || names[0];
    const view = views[name];
    if (!view) {
      throw new RustyDBError(
        'invalidQuery',
        `There is no view "${name}" for this query type; choose one of: ${names.join(', ')}.`
      );
    }
    const body = await ctx.get(ENDPOINTS[view.endpoint].path);
    return { frames: view.parse(body, ctx) };
  };
}
