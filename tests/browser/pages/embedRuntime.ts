/**
 * `@grafana/runtime` for the Embed page in the browser harness: a Grafana with two RustyDB data sources, anonymous
 * access off and this page's origin as root_url; `/api/dashboards/uid/<uid>` answers with the bundled dashboard JSON.
 */
import React from 'react';
import { of, throwError } from 'rxjs';
import pools from '../../../dashboards/pools.json';
import status from '../../../dashboards/status.json';

export { getTemplateSrv, locationService } from '../harness/runtime-stub';

const DASHBOARDS: Record<string, unknown> = { [pools.uid]: pools, [status.uid]: status };

const datasource = (uid: string, name: string) => ({
  uid,
  name,
  type: 'rustydb-stats-datasource',
  jsonData: { serverUrl: 'http://rustydb:8080' },
});

export const config = {
  appUrl: `${window.location.origin}/`,
  appSubUrl: '',
  anonymousEnabled: false,
  jwtUrlLogin: false,
  publicDashboardsEnabled: true,
  theme2: { isDark: new URLSearchParams(window.location.search).get('theme') === 'dark' },
  buildInfo: { version: 'harness' },
  featureToggles: {},
  bootData: { user: { orgId: 1, orgRole: 'Viewer' }, settings: {} },
  datasources: {
    'RustyDB (simulator)': datasource('rustydb-simulator', 'RustyDB (simulator)'),
    'RustyDB (staging)': datasource('rustydb-staging', 'RustyDB (staging)'),
  },
};

export function getBackendSrv() {
  return {
    fetch: ({ url }: { url: string }) => {
      const uid = decodeURIComponent(url.replace('/api/dashboards/uid/', ''));
      return DASHBOARDS[uid]
        ? of({ data: { dashboard: DASHBOARDS[uid] }, status: 200 })
        : throwError(() => new Error('Dashboard not found'));
    },
  };
}

export function getDataSourceSrv() {
  return { reload: () => Promise.resolve() };
}

export function PluginPage({ children }: { children: React.ReactNode }) {
  return React.createElement('main', null, children);
}
