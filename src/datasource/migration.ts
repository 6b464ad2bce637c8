import { isRow } from '../rustydb/json';
import { RustyDBError } from './transport/errors';
import { DEFAULT_QUERY, RustyDBQuery, RustyDBVariableQuery } from './types';

type Stored = Record<string, unknown>;

/** One change of the saved query's schema: turns a query of version `to - 1` into one of version `to`. */
export interface QueryMigration {
  to: number;
  /** What changed, in a line. */
  change: string;
  migrate: (query: Stored) => Stored;
}

/**
 * Every schema change of `RustyDBQuery`, oldest first. A query saved without `queryVersion` predates versions
 * (version 0). When a query type, view or parameter is renamed, add a step that rewrites the old name: dashboards
 * saved before keep working, and the editor saves them in the new shape on the next edit.
 *
 * Frontend-only data sources migrate queries themselves where queries enter, as Grafana's Loki does with
 * `getNormalizedLokiQuery` (`public/app/plugins/datasource/loki/queryUtils.ts`, used by its `query()` and query
 * editor); @grafana/runtime's `MigrationHandler` only serves data sources with a Go backend (`DataSourceWithBackend`).
 */
export const QUERY_MIGRATIONS: QueryMigration[] = [
  { to: 1, change: 'versions start; queries saved before them already have this shape', migrate: (query) => query },
  // Nothing to rewrite; the step exists so a plugin that predates label filters refuses such a query ("saved by a
  // newer plugin") instead of silently showing the lines the filters would hide.
  { to: 2, change: "labelFilters: label filters on log lines (Explore's filter buttons)", migrate: (query) => query },
];

/** The schema version this plugin writes. */
export const QUERY_VERSION = QUERY_MIGRATIONS[QUERY_MIGRATIONS.length - 1].to;

/** What each field of the current schema holds; other fields (Grafana's `datasource`, `key`, ...) pass through. */
const FIELD_KINDS: Record<string, 'text' | 'texts' | 'switch' | 'number' | 'audit' | 'labelFilters'> = {
  refId: 'text',
  queryType: 'text',
  view: 'text',
  path: 'text',
  eventSource: 'text',
  poolIds: 'texts',
  nodeIds: 'texts',
  replicaIds: 'texts',
  levels: 'texts',
  audit: 'audit',
  labelFilters: 'labelFilters',
  live: 'switch',
  hide: 'switch',
  intervalMs: 'number',
};

const AUDIT_KINDS: Record<string, 'text' | 'number'> = {
  userId: 'text',
  sessionId: 'text',
  objectName: 'text',
  limit: 'number',
};

const KIND_WORDS = {
  text: 'text',
  texts: 'a list of text (ids or $variables)',
  switch: 'true or false',
  number: 'a number',
  audit: 'an object of userId, sessionId, objectName and limit',
  labelFilters: 'a list of {key, value, op} with op "=" or "!="',
};

/** A value as a short quote for a message. */
function quote(value: unknown): string {
  const text = value === undefined ? 'undefined' : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const invalid = (message: string) => new RustyDBError('invalidQuery', message);

function fits(kind: keyof typeof KIND_WORDS, value: unknown): boolean {
  switch (kind) {
    case 'text':
      return typeof value === 'string';
    case 'texts':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'switch':
      return typeof value === 'boolean';
    case 'number':
      return typeof value === 'number';
    case 'audit':
      return (
        isRow(value) &&
        Object.entries(AUDIT_KINDS).every(
          ([key, k]) => value[key] === undefined || value[key] === null || fits(k, value[key])
        )
      );
    case 'labelFilters':
      return (
        Array.isArray(value) &&
        value.every(
          (filter) =>
            isRow(filter) &&
            typeof filter.key === 'string' &&
            typeof filter.value === 'string' &&
            (filter.op === '=' || filter.op === '!=')
        )
      );
  }
}

/** The query with its known fields checked; `undefined` (the editor clearing a field) and `null` mean unset. */
function checked(query: Stored): RustyDBQuery {
  const out: Stored = {};
  for (const [key, value] of Object.entries(query)) {
    const kind = FIELD_KINDS[key];
    if (value === null || value === undefined) {
      continue;
    }
    if (kind && !fits(kind, value)) {
      throw invalid(
        `The query's "${key}" must be ${KIND_WORDS[kind]}, not ${quote(value)}. Fix it in the query editor.`
      );
    }
    out[key] = value;
  }
  return out as unknown as RustyDBQuery;
}

/**
 * A saved query in the schema this plugin runs: the steps after its version applied, its fields checked, stamped
 * with `QUERY_VERSION`. Throws a `RustyDBError` that says what is wrong with anything it cannot read.
 */
export function migrateQuery(raw: unknown, migrations: QueryMigration[] = QUERY_MIGRATIONS): RustyDBQuery {
  if (!isRow(raw)) {
    throw invalid(`A RustyDB query is an object of query type, view and parameters, not ${quote(raw)}.`);
  }
  const latest = migrations[migrations.length - 1].to;
  const version = raw.queryVersion ?? 0;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw invalid(`The query's "queryVersion" must be a whole number, not ${quote(version)}.`);
  }
  if (version > latest) {
    throw invalid(
      `This query was saved by a newer RustyDB plugin (query version ${version}; this one reads up to ${latest}). ` +
        'Update the plugin.'
    );
  }
  const migrated = migrations.filter((step) => step.to > version).reduce((query, step) => step.migrate(query), raw);
  return { ...checked(migrated), queryVersion: latest };
}

/** A query's refId even when the rest of it cannot be read. */
export const refIdOf = (raw: unknown, fallback = 'A'): string =>
  isRow(raw) && typeof raw.refId === 'string' ? raw.refId : fallback;

/** What a new query (or a reset one) holds. */
export const NEW_QUERY: Partial<RustyDBQuery> = { ...DEFAULT_QUERY, queryVersion: QUERY_VERSION };

/**
 * A variable's query: an object with a `target`. Grafana stored a variable's query as its bare text (`pools`)
 * before data sources had their own variable support, and a new variable starts with an empty one.
 */
export function migrateVariableQuery(raw: unknown): RustyDBVariableQuery {
  if (raw === undefined || raw === null || typeof raw === 'string') {
    return { refId: 'variable', target: raw ? (raw as RustyDBVariableQuery['target']) : 'pools' };
  }
  if (!isRow(raw) || (raw.target !== undefined && typeof raw.target !== 'string')) {
    throw invalid(
      `A RustyDB variable query names a list (pools, clusterNodes, replicas, queryTypes), not ${quote(raw)}.`
    );
  }
  return { ...raw, refId: refIdOf(raw, 'variable'), target: raw.target || 'pools' } as RustyDBVariableQuery;
}
