/**
 * JSON shapes learnt from example bodies (a fixture and its populated variant): which keys each struct has and which
 * JSON types each field takes. A body matches when every struct has exactly the fixture's keys and every value one
 * of the types seen for it, or `null` where `src/rustydb/api/types.ts` declares the field `| null` (an `Option`).
 * `null` in every example means an `Option` never shown filled: any scalar may appear there.
 */
import fs from 'fs';
import path from 'path';
import { FLOAT_KEYS } from '../http/rustJson';

type Kind = 'null' | 'boolean' | 'string' | 'integer' | 'float' | 'array' | 'object';

/** `HashMap` fields: keys are data, not structure. */
const TYPED_MAPS = new Set([
  'checks',
  'dependencies',
  'metrics',
  'labels',
  'records_by_policy',
  'resources_per_master',
]);
/** `serde_json::Value` fields: anything goes. */
const FREE_FORM = new Set(['details', 'context', 'system_info', 'policy_specific_stats']);

export interface Schema {
  kinds: Set<Kind>;
  fields?: Map<string, Schema>;
  values?: Schema;
  items?: Schema;
  freeForm?: boolean;
}

function kindOf(value: unknown, key: string): Kind {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'array';
  }
  if (typeof value === 'number') {
    return FLOAT_KEYS.has(key) ? 'float' : 'integer';
  }
  return typeof value as Kind;
}

function learn(schema: Schema | undefined, value: unknown, key: string): Schema {
  const s: Schema = schema ?? { kinds: new Set() };
  s.kinds.add(kindOf(value, key));
  if (FREE_FORM.has(key)) {
    s.freeForm = true;
  } else if (Array.isArray(value)) {
    for (const item of value) {
      s.items = learn(s.items, item, key);
    }
  } else if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    if (TYPED_MAPS.has(key)) {
      for (const [, v] of entries) {
        s.values = learn(s.values, v, '');
      }
    } else {
      s.fields ??= new Map();
      for (const [k, v] of entries) {
        s.fields.set(k, learn(s.fields.get(k), v, k));
      }
    }
  }
  return s;
}

export function schemaOf(...examples: unknown[]): Schema {
  return examples.reduce<Schema | undefined>((s, e) => learn(s, e, ''), undefined)!;
}

const SCALARS: ReadonlySet<Kind> = new Set(['null', 'boolean', 'string', 'integer', 'float']);

const signature = (keys: Iterable<string>) => [...keys].sort().join(',');

/** Nullable fields per struct of `types.ts`, keyed by the struct's sorted field names. */
function nullableFields(): Map<string, Set<string>> {
  const source = fs.readFileSync(path.join(__dirname, '../../src/rustydb/api/types.ts'), 'utf8');
  const structs = new Map<string, Set<string>>();
  for (const [, body] of source.matchAll(/export interface \w+(?:<\w+>)? \{([^}]*)\}/g)) {
    const fields = [...body.matchAll(/^\s+(\w+): ([^;]+);/gm)];
    structs.set(
      signature(fields.map((f) => f[1])),
      new Set(fields.filter((f) => /\| null\b/.test(f[2])).map((f) => f[1]))
    );
  }
  return structs;
}

const NULLABLE = nullableFields();

/** Every way `value` departs from `schema`, as `path: problem` lines. */
export function shapeErrors(value: unknown, schema: Schema, key = '', at = '$', nullable = false): string[] {
  const kind = kindOf(value, key);
  if (kind === 'null' && nullable) {
    return [];
  }
  if (kind === 'integer' && !Number.isInteger(value)) {
    return [`${at}: ${String(value)} is not an integer`];
  }
  const onlyNull = schema.kinds.size === 1 && schema.kinds.has('null');
  if (!schema.kinds.has(kind) && !(onlyNull && SCALARS.has(kind))) {
    return [`${at}: ${kind}, expected ${[...schema.kinds].join(' | ')}`];
  }
  if (schema.freeForm || value === null || typeof value !== 'object') {
    return [];
  }
  if (Array.isArray(value)) {
    return schema.items ? value.flatMap((v, i) => shapeErrors(v, schema.items!, key, `${at}[${i}]`)) : [];
  }
  const entries = Object.entries(value as Record<string, unknown>);
  if (!schema.fields) {
    return schema.values ? entries.flatMap(([k, v]) => shapeErrors(v, schema.values!, '', `${at}.${k}`)) : [];
  }
  const expected = [...schema.fields.keys()];
  const options = NULLABLE.get(signature(expected)) ?? new Set<string>();
  const missing = expected.filter((k) => !(k in (value as object)));
  const extra = entries.map(([k]) => k).filter((k) => !schema.fields!.has(k));
  return [
    ...missing.map((k) => `${at}.${k}: missing`),
    ...extra.map((k) => `${at}.${k}: unexpected key`),
    ...entries
      .filter(([k]) => schema.fields!.has(k))
      .flatMap(([k, v]) => shapeErrors(v, schema.fields!.get(k)!, k, `${at}.${k}`, options.has(k))),
  ];
}

/** Arrays that are empty in the fixture but filled in its populated variant: the lists a populated server fills. */
export function populatedLists(empty: unknown, populated: unknown, at = '$'): string[] {
  if (Array.isArray(empty) && Array.isArray(populated)) {
    return empty.length === 0 && populated.length > 0 ? [at] : [];
  }
  if (empty !== null && typeof empty === 'object' && populated !== null && typeof populated === 'object') {
    return Object.keys(empty).flatMap((k) =>
      populatedLists((empty as Record<string, unknown>)[k], (populated as Record<string, unknown>)[k], `${at}.${k}`)
    );
  }
  return [];
}

/** Reads a `$.a.b` path written by `populatedLists`. */
export function atPath(value: unknown, at: string): unknown {
  return at
    .split('.')
    .slice(1)
    .reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}
