import type { TestDataSourceResponse } from '@grafana/data';
import { getDataSourceSrv } from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../constants';

/**
 * What the app needs of a RustyDB data source: the part of the datasource's own instance it uses, typed here so the
 * app imports none of the query engine (its lazy chunk would otherwise carry a second copy, with a request cache the
 * panels do not share). `client.get` goes through the proxy route, timeout, rate-limit retry, request sharing and
 * error wording the instance's panels use; `testDatasource` is the data source's "Save & test".
 */
export interface RustyDBReader {
  readonly client: { get(path: string): Promise<unknown> };
  testDatasource(): Promise<TestDataSourceResponse>;
}

/**
 * The instance Grafana loaded for `uid` (Grafana builds it once and hands every caller the same one). Its
 * replacement, `getDataSourceInstance`, is exported only from `@grafana/runtime/unstable`, which the older Grafana
 * lines this plugin supports do not have.
 */
export async function rustydbReader(uid: string): Promise<RustyDBReader> {
  // eslint-disable-next-line @typescript-eslint/no-deprecated
  const datasource = await getDataSourceSrv().get(uid);
  if (datasource.type !== DATASOURCE_TYPE) {
    throw new Error(`Data source "${datasource.name}" is a ${datasource.type} data source, not RustyDB.`);
  }
  return datasource as unknown as RustyDBReader;
}
