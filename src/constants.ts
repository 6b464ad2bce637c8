import pluginJson from './plugin.json';
import datasourcePluginJson from './datasource/plugin.json';

export const PLUGIN_ID = pluginJson.id;
const PLUGIN_BASE_URL = `/a/${PLUGIN_ID}`;
export const DATASOURCE_TYPE = datasourcePluginJson.id;
export const PROMETHEUS_TYPE = 'prometheus';

/** Page routes below PLUGIN_BASE_URL; plugin.json's page includes point at the same paths. */
export enum ROUTES {
  Home = 'home',
  GettingStarted = 'getting-started',
  Runbooks = 'runbooks',
  /** Resolves Prometheus labels to a RustyDB data source and forwards to a dashboard (the alerts' links). */
  Open = 'open',
  Embed = 'embed',
}

export function appPageUrl(route: ROUTES): string {
  return `${PLUGIN_BASE_URL}/${route}`;
}

/** The template variables through which the bundled dashboards pick their data sources. */
export const DASHBOARD_VARIABLES = {
  rustydb: 'rustydb',
  prometheus: 'prometheus',
} as const;

/**
 * The bundled dashboard that can be shared publicly (dashboards/src/boards/status.ts): variable-free, Prometheus only,
 * reading the Prometheus data source with this uid. It is fleet-wide, so instance links leave it out.
 */
export const PUBLIC_STATUS_DASHBOARD = { uid: 'rustydb-status', prometheusUid: 'prometheus' } as const;
