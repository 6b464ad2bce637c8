import type { RustyDBQuery } from '../../../src/datasource/types';
import { DataSourceRef, LOKI, PROMETHEUS, RUSTYDB } from './datasources';

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

/** A LogQL query: log lines (a stream selector with filters) or a metric query over them. */
export interface LokiTarget {
  kind: 'loki';
  expr: string;
  legendFormat?: string;
  /** Stat, bar gauge and table panels ask for one value per series. */
  instant?: boolean;
}

export type Target = PrometheusTarget | RustyDBTarget | LokiTarget;

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

export function loki(expr: string, legendFormat?: string, options: { instant?: boolean } = {}): LokiTarget {
  return { kind: 'loki', expr, legendFormat, ...options };
}

const DATASOURCE: Record<Target['kind'], DataSourceRef> = { prometheus: PROMETHEUS, rustydb: RUSTYDB, loki: LOKI };

export function datasourceOf(target: Target): DataSourceRef {
  return DATASOURCE[target.kind];
}

/** The target as Grafana stores it in the dashboard JSON. */
export function targetJson(target: Target, refId: string): Record<string, unknown> {
  if (target.kind === 'rustydb') {
    return { refId, datasource: RUSTYDB, ...target.query };
  }
  if (target.kind === 'loki') {
    const { expr, legendFormat, instant = false } = target;
    return {
      refId,
      datasource: LOKI,
      editorMode: 'code',
      expr,
      ...(legendFormat ? { legendFormat } : {}),
      queryType: instant ? 'instant' : 'range',
    };
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
