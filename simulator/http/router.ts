/**
 * Routing with axum 0.8's observable behaviour: static segments win over `{id}`, an unknown path is 404 with an empty
 * body, a known path with another method is 405, and path or query values that do not parse are 400 plain text
 * (`Invalid URL: Cannot parse …`, `Failed to deserialize query string: …`).
 */
import { bare, Reply, text } from './reply';

/** How the handler's extractor reads `{id}`: a `String` or a `u64` (`SessionId`, `TransactionId`). */
export type ParamKind = 'string' | 'u64';
/** The Rust type of a query field the handler's `Query<…>` extractor declares. */
export type QueryKind = 'usize' | 'i64' | 'string';

export interface RouteRequest {
  /** The decoded `{id}`, when the route has one. */
  id: string;
  /** Declared query fields that were present, parsed. */
  query: Record<string, number | string>;
}

/** `C`: what the server knows about the request besides the route (its instant, counters, faults). */
export interface Route<C> {
  pattern: string;
  param?: ParamKind;
  query?: Record<string, QueryKind>;
  handle(ctx: C & RouteRequest): Reply | Promise<Reply>;
}

const U64_MAX = BigInt('18446744073709551615');
const I64_MIN = BigInt('-9223372036854775808');
const I64_MAX = BigInt('9223372036854775807');

/** Rust's `str::parse` for integers, with its error messages. */
function parseInteger(value: string, kind: 'u64' | 'usize' | 'i64'): number | string {
  if (value === '') {
    return 'cannot parse integer from empty string';
  }
  const signed = kind === 'i64';
  if (!(signed ? /^[+-]?\d+$/ : /^\+?\d+$/).test(value)) {
    return 'invalid digit found in string';
  }
  const n = BigInt(value);
  if (n > (signed ? I64_MAX : U64_MAX)) {
    return 'number too large to fit in target type';
  }
  if (signed && n < I64_MIN) {
    return 'number too small to fit in target type';
  }
  return Number(n);
}

function parseQuery(search: URLSearchParams, spec: Record<string, QueryKind>): Record<string, number | string> | Reply {
  const parsed: Record<string, number | string> = {};
  for (const [key, kind] of Object.entries(spec)) {
    const raw = search.get(key);
    if (raw === null) {
      continue;
    }
    if (kind === 'string') {
      parsed[key] = raw;
      continue;
    }
    const value = parseInteger(raw, kind);
    if (typeof value === 'string') {
      return text(`Failed to deserialize query string: ${key}: ${value}`, 400);
    }
    parsed[key] = value;
  }
  return parsed;
}

function matchSegments(pattern: string[], path: string[]): string | null | undefined {
  if (pattern.length !== path.length) {
    return undefined;
  }
  let id: string | null = null;
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '{id}') {
      if (path[i] === '') {
        return undefined;
      }
      id = path[i];
    } else if (pattern[i] !== path[i]) {
      return undefined;
    }
  }
  return id;
}

export class Router<C> {
  private readonly routes: Array<{ route: Route<C>; segments: string[] }>;

  constructor(routes: Array<Route<C>>) {
    // Routes without a parameter first, so `/transactions/locks` wins over `/transactions/{id}`.
    this.routes = routes
      .map((route) => ({ route, segments: route.pattern.split('/') }))
      .sort((a, b) => Number(a.route.pattern.includes('{id}')) - Number(b.route.pattern.includes('{id}')));
  }

  /** The matching route and its raw `{id}` segment, if any route matches the path. */
  private find(path: string): { route: Route<C>; rawId: string | null } | undefined {
    const segments = path.split('/');
    for (const { route, segments: pattern } of this.routes) {
      const rawId = matchSegments(pattern, segments);
      if (rawId !== undefined) {
        return { route, rawId };
      }
    }
    return undefined;
  }

  handles(path: string): boolean {
    return this.find(path) !== undefined;
  }

  async dispatch(method: string, path: string, search: URLSearchParams, base: C): Promise<Reply> {
    const found = this.find(path);
    if (!found) {
      return bare(404);
    }
    if (method !== 'GET' && method !== 'HEAD') {
      return bare(405, { allow: 'GET,HEAD' });
    }
    const { route, rawId } = found;
    let id = '';
    if (rawId !== null) {
      try {
        id = decodeURIComponent(rawId);
      } catch {
        return text(`Invalid URL: Cannot parse \`${rawId}\` to a \`${route.param ?? 'string'}\``, 400);
      }
      if (route.param === 'u64' && typeof parseInteger(id, 'u64') === 'string') {
        return text(`Invalid URL: Cannot parse \`${id}\` to a \`u64\``, 400);
      }
    }
    const query = parseQuery(search, route.query ?? {});
    return query instanceof Reply ? query : route.handle({ ...base, id, query });
  }
}
