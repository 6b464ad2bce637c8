import datasourcePlugin from '../../../src/datasource/plugin.json';

/**
 * Every panel names its datasource through one of two dashboard variables, so the bundled dashboards work with
 * whatever Prometheus and RustyDB instances a Grafana has (app-imported dashboards cannot use `__inputs`).
 */
export const PROMETHEUS_VARIABLE = 'prometheus';
export const RUSTYDB_VARIABLE = 'rustydb';

/** The Logs and audit dashboard also reads shipped log files from Loki (its own rows). */
export const LOKI_VARIABLE = 'loki';

export const PROMETHEUS_TYPE = 'prometheus';
export const LOKI_TYPE = 'loki';
export const RUSTYDB_TYPE = datasourcePlugin.id;

export interface DataSourceRef {
  type: string;
  uid: string;
}

export const PROMETHEUS: DataSourceRef = { type: PROMETHEUS_TYPE, uid: `\${${PROMETHEUS_VARIABLE}}` };
export const RUSTYDB: DataSourceRef = { type: RUSTYDB_TYPE, uid: `\${${RUSTYDB_VARIABLE}}` };
export const LOKI: DataSourceRef = { type: LOKI_TYPE, uid: `\${${LOKI_VARIABLE}}` };
