import { createDataFrame, DataFrame, FieldType, QueryResultMetaNotice } from '@grafana/data';
import { API_PREFIX } from '../../rustydb/api/endpoints';
import { isMonitoringPath, MONITORING_AREAS } from '../../rustydb/api/monitoringPaths';
import { excerpt, RustyDBError } from '../transport/errors';
import { AreaRunner, ParseContext } from './area';
import { isRow, Row } from '../../rustydb/json';
import { MAX_ROWS } from './parse/read';

const invalid = (path: string, why: string) =>
  new RustyDBError(
    'invalidQuery',
    `The raw path "${path}" ${why}. Give a GET path below ${API_PREFIX}/, e.g. ${API_PREFIX}/network/stats.`
  );

/**
 * A raw path the operator typed (after variables): one of RustyDB's monitoring paths, the only ones the data source's
 * proxy routes forward (scripts/proxyRoutes.ts), with no way out of it (`..`, encoded dots, slashes
 * or backslashes), no fragment; segments are re-encoded, so spaces or unicode cannot break the URL.
 */
export function checkRawPath(input: string): string {
  const path = input.trim();
  if (!path.startsWith(`${API_PREFIX}/`)) {
    throw invalid(path, `does not start with ${API_PREFIX}/`);
  }
  if (/[\u0000-\u001f\u007f#\\]/.test(path)) {
    throw invalid(path, 'holds a control character, "#" or "\\"');
  }
  const [pathPart, ...query] = path.split('?');
  if (/%(2e|2f|5c)/i.test(pathPart)) {
    throw invalid(path, 'holds an encoded ".", "/" or "\\"');
  }
  const segments = pathPart.split('/').slice(1);
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
    throw invalid(path, 'has an empty, "." or ".." segment');
  }
  let encoded: string;
  try {
    encoded = segments.map((segment) => encodeURIComponent(decodeURIComponent(segment))).join('/');
  } catch {
    throw invalid(path, 'holds a malformed %-escape');
  }
  if (!isMonitoringPath(`/${encoded}`)) {
    throw new RustyDBError(
      'invalidQuery',
      `The raw path "${path}" is not one of RustyDB's monitoring paths, the only ones this data source's proxy ` +
        `forwards. Allowed areas below ${API_PREFIX}/: ${MONITORING_AREAS.join(', ')}.`
    );
  }
  const search = query.length ? `?${new URLSearchParams(query.join('?')).toString()}` : '';
  return `/${encoded}${search}`;
}

const MAX_COLUMNS = 200;
const MAX_DEPTH = 3;
/** Epoch seconds between 2001 and 2286: how RustyDB writes every timestamp. */
const EPOCH_SECONDS = { min: 1e9, max: 1e10 };
const TIME_KEY = /(^|_|\.)(timestamp|time|at|last_[a-z]+|last_check|last_sync|last_heartbeat|started_at)$/;

/** Nested objects become dotted keys (a few levels deep); lists and deeper objects become JSON text. */
function flatten(value: unknown, prefix: string, out: Row, depth: number): Row {
  if (isRow(value) && depth < MAX_DEPTH) {
    for (const [key, inner] of Object.entries(value)) {
      flatten(inner, prefix ? `${prefix}.${key}` : key, out, depth + 1);
    }
    return out;
  }
  out[prefix || 'value'] = value !== null && typeof value === 'object' ? JSON.stringify(value) : value;
  return out;
}

/**
 * Which part of the body becomes rows: a list itself; inside an object, its first list of objects (or empty list:
 * a page of nothing); otherwise the object as one row.
 */
function rowsOf(body: unknown, notices: QueryResultMetaNotice[]): unknown[] {
  if (Array.isArray(body)) {
    return body;
  }
  if (!isRow(body)) {
    return [body];
  }
  const isRowList = (value: unknown) => Array.isArray(value) && (value.length === 0 || value.some(isRow));
  const listKey = Object.keys(body).find((key) => isRowList(body[key]));
  if (listKey === undefined) {
    return [body];
  }
  const others = Object.entries(body)
    .filter(([key]) => key !== listKey)
    .map(([key, value]) => `${key}=${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  if (others.length) {
    notices.push({
      severity: 'info',
      text: `Rows are the "${listKey}" list; the rest of the answer: ${others.join(', ')}.`,
    });
  }
  return body[listKey] as unknown[];
}

function fieldType(key: string, values: unknown[]): FieldType {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (present.length && present.every((v) => typeof v === 'number')) {
    const epoch = present.every((v) => (v as number) >= EPOCH_SECONDS.min && (v as number) < EPOCH_SECONDS.max);
    return epoch && TIME_KEY.test(key) ? FieldType.time : FieldType.number;
  }
  if (present.length && present.every((v) => typeof v === 'boolean')) {
    return FieldType.boolean;
  }
  return FieldType.string;
}

/** Any JSON body as a table, typed column by column; epoch-second timestamps become time fields. */
export function parseRaw(body: unknown, path: string, ctx: ParseContext): DataFrame {
  const notices: QueryResultMetaNotice[] = [];
  const list = rowsOf(body, notices);
  if (list.length > MAX_ROWS) {
    notices.push({ severity: 'warning', text: `${path} returned ${list.length} rows; showing the first ${MAX_ROWS}.` });
  }
  const rows = list.slice(0, MAX_ROWS).map((item) => flatten(item, '', {}, 0));
  const keys = [...new Set(rows.flatMap((row) => Object.keys(row)))];
  if (keys.length > MAX_COLUMNS) {
    notices.push({
      severity: 'warning',
      text: `${path} has ${keys.length} columns; showing the first ${MAX_COLUMNS}.`,
    });
  }
  if (rows.length === 0) {
    notices.push({ severity: 'info', text: `${path} returned no entries.` });
  }
  // JSON numbers beyond ±1.8e308 parse as Infinity: no value a panel can show.
  const overflows = rows.flatMap((row) =>
    Object.entries(row).filter(([, v]) => typeof v === 'number' && !Number.isFinite(v))
  );
  for (const [key] of overflows) {
    rows.forEach((row) => typeof row[key] === 'number' && !Number.isFinite(row[key]) && (row[key] = null));
  }
  if (overflows.length) {
    notices.push({
      severity: 'warning',
      text: `${path}: ${overflows.length} values are numbers too large to show (e.g. "${excerpt(overflows[0][0])}"); shown empty.`,
    });
  }
  return createDataFrame({
    refId: ctx.refId,
    name: path,
    meta: {
      executedQueryString: `GET ${path}`,
      preferredVisualisationType: 'table',
      ...(notices.length ? { notices } : {}),
    },
    fields: keys.slice(0, MAX_COLUMNS).map((key) => {
      const values = rows.map((row) => (key in row ? row[key] : null));
      const type = fieldType(key, values);
      return {
        name: key,
        type,
        values: values.map((v) =>
          v === undefined || v === null
            ? null
            : type === FieldType.time
              ? (v as number) * 1000
              : type === FieldType.string
                ? String(v)
                : v
        ),
      };
    }),
  });
}

export const runRaw: AreaRunner = async (query, ctx) => {
  const paths = ctx
    .expand(query.path)
    .filter((path) => path.trim() !== '')
    .map(checkRawPath);
  if (paths.length === 0) {
    throw new RustyDBError('invalidQuery', `Enter a path below ${API_PREFIX}/ for the raw query.`);
  }
  const bodies = await Promise.all(paths.map((path) => ctx.get(path)));
  return { frames: bodies.map((body, i) => parseRaw(body, paths[i], ctx)) };
};
