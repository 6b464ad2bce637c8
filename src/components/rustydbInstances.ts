import { DataSourceInstanceSettings } from '@grafana/data';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../constants';
import type { RustyDBOptions } from '../datasource/types';

export type RustyDBInstanceSettings = DataSourceInstanceSettings<RustyDBOptions>;

/**
 * The data sources of one type that the signed-in user can query, by name. `config.datasources` is the list Grafana
 * booted with (the deprecated `getDataSourceSrv().getList()` reads the same); its replacement,
 * `getDataSourceInstanceSettingsList`, is internal to Grafana and not exported to plugins.
 */
export function datasourcesOfType(type: string): DataSourceInstanceSettings[] {
  return Object.values(config.datasources)
    .filter((ds) => ds.type === type)
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }));
}

export function rustydbInstances(): RustyDBInstanceSettings[] {
  return datasourcesOfType(DATASOURCE_TYPE) as RustyDBInstanceSettings[];
}

export function findRustyDBInstance(uid: string): RustyDBInstanceSettings | undefined {
  return rustydbInstances().find((ds) => ds.uid === uid);
}

/**
 * Grafana reads its data source list once at start; one created from the app stays unknown to dashboards (and to
 * `config.datasources`) until the list is reloaded. `reload()` is deprecated in favour of
 * `reloadDataSourceInstanceSettings`, which @grafana/runtime exports only as unstable, for Grafana's own code.
 */
export async function reloadGrafanaDatasources(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  await getDataSourceSrv().reload();
}
