import { DataSourceInstanceSettings } from '@grafana/data';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../constants';
import { DataSource } from '../datasource/datasource';
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

/** The datasource's own class, so the app tests a connection exactly as the data source's "Save & test" does. */
export function rustydbDataSource(settings: RustyDBInstanceSettings): DataSource {
  return new DataSource(settings);
}

/**
 * A JSON GET bound to one instance: the datasource's own client, so the home page goes through the same proxy route,
 * timeout, rate-limit retry, request sharing and error wording as the instance's panels.
 */
export function rustydbGetter(settings: RustyDBInstanceSettings): (path: string) => Promise<unknown> {
  const { client } = rustydbDataSource(settings);
  return (path) => client.get(path);
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
