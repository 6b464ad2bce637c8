/**
 * Writes (or with `--check`, checks) the data-source proxy routes in src/datasource/plugin.json: for each way of
 * authenticating, one GET-only route per monitoring prefix, so nothing else reaches RustyDB with the credentials.
 */
import fs from 'fs';
import path from 'path';
import { MONITORING_PREFIXES } from '../src/rustydb/api/monitoringPaths';
import { AuthType, PROXY_ROUTE } from '../src/datasource/types';

export interface ProxyRoute {
  path: string;
  method: string;
  url: string;
  headers?: Array<{ name: string; content: string }>;
}

const CREDENTIAL_HEADERS: Record<AuthType, ProxyRoute['headers']> = {
  none: undefined,
  bearer: [{ name: 'Authorization', content: 'Bearer {{ .SecureJsonData.bearerToken }}' }],
  apiKey: [{ name: 'X-API-Key', content: '{{ .SecureJsonData.apiKey }}' }],
};

export const DATASOURCE_PLUGIN_JSON = path.join(__dirname, '..', 'src', 'datasource', 'plugin.json');

export function proxyRoutes(): ProxyRoute[] {
  return (Object.keys(PROXY_ROUTE) as AuthType[]).flatMap((auth) =>
    MONITORING_PREFIXES.map((prefix) => {
      const headers = CREDENTIAL_HEADERS[auth];
      return {
        path: `${PROXY_ROUTE[auth]}${prefix}`,
        method: 'GET',
        url: `{{ .JsonData.serverUrl }}${prefix}`,
        ...(headers ? { headers } : {}),
      };
    })
  );
}

function main() {
  const pluginJson = JSON.parse(fs.readFileSync(DATASOURCE_PLUGIN_JSON, 'utf8'));
  const expected = proxyRoutes();
  if (JSON.stringify(pluginJson.routes) === JSON.stringify(expected)) {
    return;
  }
  if (process.argv.includes('--check')) {
    console.error(`${DATASOURCE_PLUGIN_JSON}: routes are out of date; run npm run routes`);
    process.exit(1);
  }
  pluginJson.routes = expected;
  fs.writeFileSync(DATASOURCE_PLUGIN_JSON, `${JSON.stringify(pluginJson, null, 2)}\n`);
}

if (require.main === module) {
  main();
}
