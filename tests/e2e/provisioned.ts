import { readFileSync } from 'fs';
import path from 'path';
import { load } from 'js-yaml';
import pluginJson from '../../src/plugin.json';

interface ProvisionedDatasource {
  name: string;
  uid: string;
  type: string;
  jsonData: { serverUrl: string };
}

/** The RustyDB data source provisioned for docker compose (provisioning/datasources/rustydb.yaml). */
function simulatorDatasource(): ProvisionedDatasource & { serverUrl: string } {
  const file = path.resolve(__dirname, '../../provisioning/datasources/rustydb.yaml');
  const { datasources } = load(readFileSync(file, 'utf8')) as { datasources: ProvisionedDatasource[] };
  const ds = datasources.find((d) => d.type === 'rustydb-stats-datasource');
  if (!ds) {
    throw new Error(`${file} provisions no RustyDB data source`);
  }
  return { ...ds, serverUrl: ds.jsonData.serverUrl };
}

export const SIMULATOR_DS = simulatorDatasource();

/** The dashboards the app bundles, as its plugin.json includes them. */
export const BUNDLED_DASHBOARDS = (pluginJson.includes as Array<{ type: string; name?: string; uid?: string }>).flatMap(
  (i) => (i.type === 'dashboard' && i.uid ? [{ uid: i.uid, name: i.name ?? i.uid }] : [])
);
