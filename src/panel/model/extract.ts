import { DataFrame, Field, FieldType, getFieldDisplayName, Labels } from '@grafana/data';
import { FieldMapping, NumericRole, Role } from '../types';
import { POOL_LABELS, roleOf } from './roles';

/** A value at a time in a series (values without a time are PoolSource.latest). */
export interface Sample {
  /** Epoch milliseconds. */
  time: number;
  value: number;
}

/** A field and row to ask for data links (`field.getLinks`), so Grafana's link variables refer to this pool. */
export interface LinkSource {
  field: Field;
  rowIndex: number;
}

/** Everything the frames say about one pool, before anything is computed. */
export interface PoolSource {
  /** Identity: the pool id plus, for labelled series, the other labels (two instances' "default" pools differ). */
  key: string;
  id: string;
  /** The series' other labels, shown so that pools with the same id can be told apart. */
  labels: Labels;
  /** Each role's current value: the latest sample in time, else the last reading without a time. */
  latest: Partial<Record<NumericRole, number>>;
  /** Samples with a time, oldest first, for roles that have any (trends, rates); absent when none has. */
  series?: Partial<Record<NumericRole, Sample[]>>;
  link?: LinkSource;
}

export interface Extraction {
  pools: PoolSource[];
  /** Roles that some frame provided. */
  rolesFound: ReadonlySet<Role>;
  /** Names of the fields no role was found for (to tell the user what could be mapped). */
  unmatchedFields: string[];
  /** Rows across frames: zero means the query returned nothing to show. */
  rowCount: number;
}

const IGNORED_LABELS = new Set(['__name__']);
const NO_LABELS: Labels = {};

function fieldNames(field: Field, frame: DataFrame, frames: DataFrame[]): Array<string | undefined> {
  const numberFields = frame.fields.filter((f) => f.type === FieldType.number).length;
  return [
    field.name,
    field.labels?.__name__,
    getFieldDisplayName(field, frame, frames),
    field.config.displayNameFromDS,
    // A frame holding one series (Prometheus) is often named after its metric or query.
    numberFields === 1 ? frame.name : undefined,
    frame.refId,
  ];
}

function poolLabel(labels: Labels | undefined): string | undefined {
  return POOL_LABELS.find((name) => labels?.[name] !== undefined);
}

function otherLabels(labels: Labels | undefined, except: string): Labels {
  return Object.fromEntries(
    Object.entries(labels ?? {})
      .filter(([k]) => k !== except && !IGNORED_LABELS.has(k))
      .sort(([a], [b]) => a.localeCompare(b))
  );
}

function keyOf(id: string, labels: Labels): string {
  const rest = Object.entries(labels).map(([k, v]) => `${k}=${v}`);
  return rest.length ? `${id}\u0000${rest.join('\u0000')}` : id;
}

function asNumber(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function asTime(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    return value;
  }
  return value instanceof Date ? value.getTime() : undefined;
}

function asId(value: unknown): string | undefined {
  return value === null || value === undefined || value === '' ? undefined : String(value);
}

/**
 * Collects values by pool key; the first value of a pool gives its link source. A reading without a time is kept as
 * a number, not a sample: most data is one reading per pool, and 10,000 pools would otherwise mean 100,000 objects.
 */
class PoolCollector {
  private readonly byKey = new Map<string, PoolSource>();
  /** The pools in the order they were found, so that finishing does not walk the map. */
  private readonly found: PoolSource[] = [];
  private timed = false;

  pool(key: string, id: string, labels: Labels, link: LinkSource): PoolSource {
    let pool = this.byKey.get(key);
    if (!pool) {
      pool = { key, id, labels, latest: {}, link };
      this.byKey.set(key, pool);
      this.found.push(pool);
    }
    return pool;
  }

  add(pool: PoolSource, role: NumericRole, time: number | undefined, value: number): void {
    if (time !== undefined) {
      this.timed = true;
      ((pool.series ??= {})[role] ??= []).push({ time, value });
    } else if (!pool.series?.[role]) {
      pool.latest[role] = value;
    }
  }

  pools(): PoolSource[] {
    if (this.timed) {
      for (const pool of this.found) {
        for (const [role, samples] of Object.entries(pool.series ?? {}) as Array<[NumericRole, Sample[]]>) {
          samples.sort((a, b) => a.time - b.time);
          pool.latest[role] = samples[samples.length - 1].value;
        }
      }
    }
    return this.found;
  }
}

type Columns = Array<[Field, NumericRole]>;

/** A table with a pool id column: row by row, so each row finds its pool once for all its values. */
function collectRows(collector: PoolCollector, idField: Field, columns: Columns, timeField: Field | undefined) {
  for (let row = 0; row < idField.values.length; row++) {
    const id = asId(idField.values[row]);
    if (id === undefined) {
      continue;
    }
    const time = asTime(timeField?.values[row]);
    let pool: PoolSource | undefined;
    for (let c = 0; c < columns.length; c++) {
      const value = asNumber(columns[c][0].values[row]);
      if (value !== undefined) {
        pool ??= collector.pool(id, id, NO_LABELS, { field: idField, rowIndex: row });
        collector.add(pool, columns[c][1], time, value);
      }
    }
  }
}

/** A series without an id column: every value belongs to the pool its labels (or the frame) name. */
function collectSeries(
  collector: PoolCollector,
  [field, role]: [Field, NumericRole],
  frameId: string,
  timeField: Field | undefined
) {
  const labelKey = poolLabel(field.labels);
  const id = labelKey ? field.labels![labelKey] : frameId;
  const labels = labelKey ? otherLabels(field.labels, labelKey) : NO_LABELS;
  const key = keyOf(id, labels);
  let pool: PoolSource | undefined;
  for (let row = 0; row < field.values.length; row++) {
    const value = asNumber(field.values[row]);
    if (value !== undefined) {
      pool ??= collector.pool(key, id, labels, { field, rowIndex: row });
      collector.add(pool, role, asTime(timeField?.values[row]), value);
    }
  }
}

/**
 * Reads pools out of frames of any of the supported shapes:
 * - a table with a row per pool (RustyDB pool stats, `/api/v1/pools` config, any table), optionally with a time
 *   column (then rows for the same pool form a time series);
 * - a frame per pool without an id field (the frame's name is the pool);
 * - labelled series (Prometheus `rustydb_connection_pool_*{pool="…"}`, instant or range), one frame per series.
 * Frames of different shapes are merged by pool id, so a stats table and a config table combine.
 */
export function extractPools(frames: DataFrame[], mapping: FieldMapping): Extraction {
  const collector = new PoolCollector();
  const rolesFound = new Set<Role>();
  const unmatched = new Set<string>();
  let rowCount = 0;

  frames.forEach((frame, frameIndex) => {
    const roles = new Map<Field, Role>();
    for (const field of frame.fields) {
      const role = field.type === FieldType.time ? undefined : roleOf(fieldNames(field, frame, frames), mapping);
      if (role && (role === 'poolId' || field.type === FieldType.number)) {
        roles.set(field, role);
        rolesFound.add(role);
      } else if (field.type !== FieldType.time) {
        unmatched.add(getFieldDisplayName(field, frame, frames));
      }
    }
    const idField = frame.fields.find((f) => roles.get(f) === 'poolId');
    const timeField = frame.fields.find((f) => f.type === FieldType.time);
    const frameId = frame.name ?? (frames.length > 1 ? (frame.refId ?? `frame ${frameIndex + 1}`) : 'pool');
    rowCount += frame.length;

    const columns = [...roles].filter((entry): entry is [Field, NumericRole] => entry[1] !== 'poolId');
    if (idField) {
      collectRows(collector, idField, columns, timeField);
    } else {
      columns.forEach((column) => collectSeries(collector, column, frameId, timeField));
    }
  });

  return { pools: collector.pools(), rolesFound, unmatchedFields: [...unmatched], rowCount };
}
