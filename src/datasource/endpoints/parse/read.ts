import { QueryResultMetaNotice } from '@grafana/data';
import { idOf, isRow, Row } from '../../../rustydb/json';
import type { Threshold } from '../../../rustydb/thresholds';
import { excerpt, RustyDBError } from '../../transport/errors';

/** How a JSON value becomes a frame value. `time` is RustyDB's epoch seconds, turned into milliseconds. */
export type FieldKind = 'number' | 'string' | 'boolean' | 'time' | 'list' | 'json';

export interface FieldSpec {
  /** The JSON key; also the frame field's name, so other code (the pool panel) can find it. */
  key: string;
  /** What the operator reads in legends and table headers. */
  label: string;
  kind: FieldKind;
  /** Grafana unit id (`percent`, `percentunit`, `bytes`, `s`, `ms`, `ops`, ...). */
  unit?: string;
  /** An `Option<T>` of the API: `null` is a normal value, not a problem. */
  nullable?: boolean;
  /** The guide's levels, as field-config thresholds. */
  threshold?: Threshold;
}

type Extra = Partial<Pick<FieldSpec, 'nullable' | 'threshold'>>;

/** Terse constructors, so an endpoint's columns read as a table; `K` is the keys a table may read. */
export interface FieldConstructors<K extends string> {
  num(key: K, label: string, unit?: string, extra?: Extra): FieldSpec;
  str(key: K, label: string, extra?: Extra): FieldSpec;
  bool(key: K, label: string, extra?: Extra): FieldSpec;
  time(key: K, label: string, extra?: Extra): FieldSpec;
  list(key: K, label: string, extra?: Extra): FieldSpec;
  json(key: K, label: string, extra?: Extra): FieldSpec;
}

const f: FieldConstructors<string> = {
  num: (key: string, label: string, unit = 'short', extra: Extra = {}): FieldSpec => ({
    key,
    label,
    kind: 'number',
    unit,
    ...extra,
  }),
  str: (key: string, label: string, extra: Extra = {}): FieldSpec => ({ key, label, kind: 'string', ...extra }),
  bool: (key: string, label: string, extra: Extra = {}): FieldSpec => ({ key, label, kind: 'boolean', ...extra }),
  time: (key: string, label: string, extra: Extra = {}): FieldSpec => ({ key, label, kind: 'time', ...extra }),
  list: (key: string, label: string, extra: Extra = {}): FieldSpec => ({ key, label, kind: 'list', ...extra }),
  json: (key: string, label: string, extra: Extra = {}): FieldSpec => ({
    key,
    label,
    kind: 'json',
    nullable: true,
    ...extra,
  }),
};

/**
 * A field table of the rows of `T`, an API type of src/rustydb/api/types.ts (with the keys a parser derives added to
 * it): every key must be one of its fields, so renaming a field there fails to compile here.
 */
export function fieldTable<T>(build: (fields: FieldConstructors<keyof T & string>) => FieldSpec[]): FieldSpec[] {
  return build(fieldsOf<T>());
}

/** The field constructors for the keys of `T`, where the specs are not one list (a record of them, single specs). */
export function fieldsOf<T>(): FieldConstructors<keyof T & string> {
  return f;
}

/** For keys that come from the body itself (metric names, `system_info` entries): no API type can list them. */
export const bodyKeyFields: FieldConstructors<string> = f;

export type Value = number | string | boolean | null;

type IssueKind =
  | 'missing'
  | 'null'
  | 'wrongType'
  | 'badTime'
  | 'badId'
  | 'numberAsString'
  | 'booleanAsString'
  | 'notObject'
  | 'truncated';

interface Issue {
  kind: IssueKind;
  key: string;
  count: number;
  sample?: string;
  total?: number;
}

const MAX_NOTICES = 8;

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'an object'
        : typeof value === 'number' && !Number.isFinite(value)
          ? 'a number that is not finite'
          : `${typeof value} ${typeof value === 'string' ? excerpt(JSON.stringify(value)) : String(value)}`;

const rows = (n: number) => (n === 1 ? '1 row' : `${n} rows`);

/**
 * Collects what was wrong with a body while it was read, and turns it into a few frame notices: a panel then shows
 * the data it could read and says what it could not, instead of failing or silently showing blanks.
 */
export class Issues {
  private readonly issues = new Map<string, Issue>();

  constructor(private readonly where: string) {}

  add(kind: Exclude<IssueKind, 'truncated'>, key: string, sample?: unknown): void {
    const id = `${kind}:${key}`;
    const issue = this.issues.get(id);
    if (issue) {
      issue.count++;
      return;
    }
    this.issues.set(id, { kind, key, count: 1, sample: sample === undefined ? undefined : describe(sample) });
  }

  /** One issue standing for `count` rows, described by `sample` as given. */
  addMany(kind: 'badId', key: string, count: number, sample: string): void {
    this.issues.set(`${kind}:${key}`, { kind, key, count, sample });
  }

  truncated(key: string, kept: number, total: number): void {
    this.issues.set(`truncated:${key}`, { kind: 'truncated', key, count: kept, total });
  }

  notices(): QueryResultMetaNotice[] {
    const all = [...this.issues.values()].map((issue) => this.notice(issue));
    if (all.length <= MAX_NOTICES) {
      return all;
    }
    return [
      ...all.slice(0, MAX_NOTICES),
      {
        severity: 'warning',
        text: `${this.where}: ${all.length - MAX_NOTICES} more problems with the response (see Query inspector).`,
      },
    ];
  }

  private notice({ kind, key, count, sample, total }: Issue): QueryResultMetaNotice {
    const at = `${this.where}: "${key}"`;
    switch (kind) {
      case 'missing':
        return {
          severity: 'warning',
          text: `${at} is missing (${rows(count)}); shown empty. The RustyDB version may differ from v0.6.5.`,
        };
      case 'null':
        return {
          severity: 'warning',
          text: `${at} is null where RustyDB always sends a value (${rows(count)}); shown empty.`,
        };
      case 'wrongType':
        return { severity: 'warning', text: `${at} has the wrong type (${sample}) in ${rows(count)}; shown empty.` };
      case 'badTime':
        return {
          severity: 'warning',
          text: `${at} is not a time in epoch seconds (${sample}) in ${rows(count)}; shown empty.`,
        };
      case 'badId':
        return {
          severity: 'warning',
          text: `${at} is missing, empty or not an id in ${count === 1 ? '1 entry' : `${count} entries`} (${sample}); skipped.`,
        };
      case 'numberAsString':
        return {
          severity: 'info',
          text: `${at} came as text where RustyDB sends a number (${rows(count)}); read as a number.`,
        };
      case 'booleanAsString':
        return {
          severity: 'info',
          text: `${at} came as text where RustyDB sends true or false (${rows(count)}); read as a boolean.`,
        };
      case 'notObject':
        return {
          severity: 'warning',
          text: `${at}: ${count} entries are not objects (e.g. ${sample}) and were skipped.`,
        };
      case 'truncated':
        return { severity: 'warning', text: `${at} holds ${total} entries; showing the first ${count}.` };
    }
  }
}

const NUMERIC_TEXT = /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function readNumber(value: unknown, key: string, issues: Issues): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  // "1e999" is numeric text too, but Infinity is no value a panel can show.
  if (typeof value === 'string' && NUMERIC_TEXT.test(value) && Number.isFinite(Number(value))) {
    issues.add('numberAsString', key);
    return Number(value);
  }
  issues.add('wrongType', key, value);
  return null;
}

function readString(value: unknown, key: string, issues: Issues): string | null {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  issues.add('wrongType', key, value);
  return null;
}

function readBoolean(value: unknown, key: string, issues: Issues): boolean | null {
  if (typeof value === 'boolean') {
    return value;
  }
  if (value === 'true' || value === 'false') {
    issues.add('booleanAsString', key);
    return value === 'true';
  }
  issues.add('wrongType', key, value);
  return null;
}

function readList(value: unknown, key: string, issues: Issues): string | null {
  if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    return value.join(', ');
  }
  issues.add('wrongType', key, value);
  return null;
}

/** One value of a record, as its spec says, noting anything unexpected. */
export function readValue(record: Row, spec: FieldSpec, issues: Issues): Value {
  const { key, kind } = spec;
  if (!(key in record)) {
    issues.add('missing', key);
    return null;
  }
  const value = record[key];
  if (value === null || value === undefined) {
    if (!spec.nullable) {
      issues.add('null', key);
    }
    return null;
  }
  switch (kind) {
    case 'number':
      return readNumber(value, key, issues);
    case 'time': {
      const seconds = readNumber(value, key, issues);
      if (seconds === null) {
        return null;
      }
      const ms = epochMs(seconds);
      if (ms === null) {
        issues.add('badTime', key, value);
      }
      return ms;
    }
    case 'string':
      return readString(value, key, issues);
    case 'boolean':
      return readBoolean(value, key, issues);
    case 'list':
      return readList(value, key, issues);
    case 'json':
      return typeof value === 'string' ? value : JSON.stringify(value);
  }
}

const shapeOf = (value: unknown) =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a JSON array'
      : typeof value === 'object'
        ? 'a JSON object'
        : `a ${typeof value}`;

/** The body as an object, or a clear error: a list, null or a scalar means another service or another API version. */
export function asObject(body: unknown, where: string): Row {
  if (isRow(body)) {
    return body;
  }
  throw new RustyDBError(
    'badResponse',
    `${where} answered with ${shapeOf(body)} where RustyDB sends a JSON object. Check that the server URL points at ` +
      'RustyDB (v0.6.5 API) and not at another service.'
  );
}

/** The body (or one of its keys) as a list, or a clear error. */
export function asList(value: unknown, where: string, key?: string): unknown[] {
  if (Array.isArray(value)) {
    return value;
  }
  const what = key
    ? `"${key}" in ${where} is ${value === undefined ? 'missing' : shapeOf(value)}`
    : `${where} answered with ${shapeOf(value)}`;
  throw new RustyDBError(
    'badResponse',
    `${what} where RustyDB sends a list. Check that the server URL points at RustyDB (v0.6.5 API) and not at another service.`
  );
}

/** Enough rows for any table a person reads; beyond it a panel would stall the browser for nothing. */
export const MAX_ROWS = 10_000;

/** The objects of a list, at most MAX_ROWS, noting skipped entries and truncation. */
export function objectRows(list: unknown[], key: string, issues: Issues): Row[] {
  const limit = Math.min(list.length, MAX_ROWS);
  const out: Row[] = [];
  for (let i = 0; i < limit; i++) {
    const item = list[i];
    if (isRow(item)) {
      out.push(item);
    } else {
      issues.add('notObject', key, item);
    }
  }
  if (list.length > MAX_ROWS) {
    issues.truncated(key, MAX_ROWS, list.length);
  }
  return out;
}

/** JavaScript dates end at ±8.64e15 ms; beyond it (or past Infinity) a time field would show garbage. */
const MAX_EPOCH_MS = 8.64e15;

/** Epoch seconds as milliseconds, or null when they are no date. */
export function epochMs(seconds: unknown): number | null {
  const ms = typeof seconds === 'number' ? seconds * 1000 : NaN;
  return Number.isFinite(ms) && Math.abs(ms) <= MAX_EPOCH_MS ? ms : null;
}

/** A value as text for a label, title or message: never "undefined", "null", "NaN" or "[object Object]". */
export function textOf(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if ((typeof value === 'number' && Number.isFinite(value)) || typeof value === 'boolean') {
    return String(value);
  }
  if (value !== null && typeof value === 'object') {
    return excerpt(JSON.stringify(value));
  }
  return '';
}

const MAX_NAMED = 3;

/**
 * The rows of a list that carry a usable id, with it; rows that do not are skipped and named (by position) in one
 * notice, so one broken entry neither hides the others nor becomes a label such as "null" or "[object Object]".
 */
export function rowsWithIds(rows: Row[], idKey: string, issues: Issues): Array<{ id: string; row: Row }> {
  const kept: Array<{ id: string; row: Row }> = [];
  const bad: string[] = [];
  rows.forEach((row, i) => {
    const id = idOf(row[idKey]);
    if (id === null) {
      bad.push(`entry ${i + 1}: ${row[idKey] === undefined ? 'missing' : describe(row[idKey])}`);
    } else {
      kept.push({ id, row });
    }
  });
  if (bad.length) {
    const named =
      bad.slice(0, MAX_NAMED).join('; ') + (bad.length > MAX_NAMED ? `; ${bad.length - MAX_NAMED} more` : '');
    issues.addMany('badId', idKey, bad.length, named);
  }
  return kept;
}
