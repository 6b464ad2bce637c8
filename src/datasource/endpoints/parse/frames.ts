import {
  createDataFrame,
  DataFrame,
  DataFrameType,
  FieldConfig,
  FieldType,
  Labels,
  PreferredVisualisationType,
  QueryResultMeta,
  QueryResultMetaNotice,
} from '@grafana/data';
import { thresholdsConfig } from '../../../rustydb/fieldThresholds';
import { Row } from '../../../rustydb/json';
import { FieldKind, FieldSpec, Issues, readValue, Value } from './read';

const FIELD_TYPE: Record<FieldKind, FieldType> = {
  number: FieldType.number,
  time: FieldType.time,
  string: FieldType.string,
  boolean: FieldType.boolean,
  list: FieldType.string,
  json: FieldType.string,
};

/** Who asked, and when: the parts of a frame that do not come from the body. */
export interface FrameContext {
  refId: string;
  /** Epoch milliseconds; snapshot rows are stamped with it. */
  now: number;
}

export interface FrameOptions {
  name: string;
  /** The endpoint(s) read, shown in the query inspector. */
  path: string;
  /** One series of several (a pool, a replica): added to every value field and to its display name. */
  labels?: Labels;
  notices?: QueryResultMetaNotice[];
  /** How Explore should show it; tables unless said otherwise. */
  visualisation?: PreferredVisualisationType;
}

function seriesSuffix(labels?: Labels): string {
  const values = labels ? Object.values(labels) : [];
  return values.length ? ` (${values.join(', ')})` : '';
}

function fieldConfig(spec: FieldSpec, labels?: Labels): FieldConfig {
  const config: FieldConfig = { displayNameFromDS: `${spec.label}${seriesSuffix(labels)}` };
  if (spec.unit) {
    config.unit = spec.unit;
  }
  if (spec.threshold) {
    config.thresholds = thresholdsConfig(spec.threshold);
  }
  return config;
}

function meta(opts: FrameOptions, issues: Issues, extra: QueryResultMeta = {}): QueryResultMeta {
  const notices = [...issues.notices(), ...(opts.notices ?? [])];
  return { executedQueryString: `GET ${opts.path}`, ...extra, ...(notices.length ? { notices } : {}) };
}

/** A frame from columns already read, one field per spec. */
function columnsFrame(
  ctx: FrameContext,
  specs: FieldSpec[],
  columns: Value[][],
  issues: Issues,
  opts: FrameOptions,
  extraMeta?: QueryResultMeta
): DataFrame {
  return createDataFrame({
    refId: ctx.refId,
    name: opts.name,
    meta: meta(opts, issues, extraMeta),
    fields: specs.map((spec, i) => ({
      name: spec.key,
      type: FIELD_TYPE[spec.kind],
      values: columns[i],
      config: fieldConfig(spec, opts.labels),
      labels: opts.labels,
    })),
  });
}

/** A table: one row per record, one field per spec. */
export function tableFrame(
  ctx: FrameContext,
  records: Row[],
  specs: FieldSpec[],
  issues: Issues,
  opts: FrameOptions
): DataFrame {
  const columns = specs.map((spec) => {
    const values = new Array<Value>(records.length);
    for (let i = 0; i < records.length; i++) {
      values[i] = readValue(records[i], spec, issues);
    }
    return values;
  });
  return columnsFrame(ctx, specs, columns, issues, opts, { preferredVisualisationType: opts.visualisation ?? 'table' });
}

const TIME_SPEC: FieldSpec = { key: 'time', label: 'Time', kind: 'time' };

/**
 * What a snapshot endpoint says now, as a one-row wide time series stamped with the time it was read. Live mode
 * appends these rows to a ring buffer, which is how REST snapshots become graphs.
 */
export function snapshotFrame(
  ctx: FrameContext,
  record: Row,
  specs: FieldSpec[],
  issues: Issues,
  opts: FrameOptions
): DataFrame {
  const frame = columnsFrame(
    ctx,
    [TIME_SPEC, ...specs],
    [[ctx.now], ...specs.map((spec) => [readValue(record, spec, issues)])],
    issues,
    opts,
    { type: DataFrameType.TimeSeriesWide }
  );
  // The time field is the row's stamp, not a series: it carries no labels.
  frame.fields[0].labels = undefined;
  frame.fields[0].config = { displayNameFromDS: 'Time' };
  return frame;
}

export function isSnapshotFrame(frame: DataFrame): boolean {
  return frame.meta?.type === DataFrameType.TimeSeriesWide;
}
