import type { RustyDBQuery } from '../../../src/datasource/types';
import { DataSourceRef, PROMETHEUS, RUSTYDB } from './datasources';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A RustyDB query as the datasource's own type defines it, so a renamed query type or parameter breaks the build. */
export type RustyDBQuerySpec = DistributiveOmit<RustyDBQuery, 'refId' | 'datasource' | 'hide' | 'key'>;

export interface PrometheusTarget {
  kind: 'prometheus';
  expr: string;
  legendFormat?: string;
  /** Stat, gauge and table panels ask for the latest value only. */
  instant?: boolean;
  format?: 'time_series' | 'table' | 'heatmap';
}

export interface RustyDBTarget {
  kind: 'rustydb';
  query: RustyDBQuerySpec;
}

export type Target = PrometheusTarget | RustyDBTarget;

export function prom(
  expr: string,
  legendFormat?: string,
  options: Omit<PrometheusTarget, 'kind' | 'expr' | 'legendFormat'> = {}
): PrometheusTarget {
  return { kind: 'prometheus', expr, legendFormat, ...options };
}

export function rustydb(query: RustyDBQuerySpec): RustyDBTarget {
  return { kind: 'rustydb', query };
}

export function datasourceOf(target: Target): DataSourceRef {
  return target.kind === 'prometheus' ? PROMETHEUS : RUSTYDB;
}

/** The target as Grafana stores it in the dashboard JSON. */
export function targetJson(target: Target, refId: string): Record<string, unknown> {
  if (target.kind === 'rustydb') {
    return { refId, datasource: RUSTYDB, ...target.query };
  }
  const { expr, legendFormat, instant = false, format = 'time_series' } = target;
  return {
    refId,
    datasource: PROMETHEUS,
    editorMode: 'code',
    expr,
    legendFormat: legendFormat ?? '__auto',
    range: !instant,
    instant,
    format,
  };
}
