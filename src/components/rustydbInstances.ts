import { DataSourceInstanceSettings } from '@grafana/data';
import { config, getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../constants';
import { DataSource } from '../datasource/datasource';
import { proxyGetJson } from '../datasource/transport/proxy';
import { PROXY_ROUTE, RustyDBOptions } from '../datasource/types';

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

const DEFAULT_TIMEOUT_SECONDS = 10;

/** A JSON GET bound to one instance, through the datasource's proxy route and transport. */
export function rustydbGetter(settings: RustyDBInstanceSettings): (path: string) => Promise<unknown> {
  const { authType = 'none', timeoutSeconds = DEFAULT_TIMEOUT_SECONDS } = settings.jsonData;
  const proxyBase = `${settings.url}/${PROXY_ROUTE[authType]}`;
  return (path) => proxyGetJson(proxyBase, path, timeoutSeconds * 1000);
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
