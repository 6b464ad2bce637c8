import fs from 'fs';
import path from 'path';
import { BUNDLED_DASHBOARDS, bundledDashboards, dashboardUrl } from './dashboardLinks';
import { DASHBOARD_VARIABLES, DATASOURCE_TYPE, PROMETHEUS_TYPE } from '../constants';

const DASHBOARDS_DIR = path.resolve(__dirname, '../../dashboards');

interface DashboardJson {
  uid: string;
  templating: { list: Array<{ name: string; type: string; query?: unknown }> };
}

function dashboardJson(uid: string): DashboardJson | undefined {
  return fs
    .readdirSync(DASHBOARDS_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(fs.readFileSync(path.join(DASHBOARDS_DIR, f), 'utf8')) as DashboardJson)
    .find((d) => d.uid === uid);
}

describe('bundled dashboards', () => {
  it('are the dashboards plugin.json includes, with short titles', () => {
    expect(BUNDLED_DASHBOARDS).toEqual([
      { uid: 'rustydb-overview', title: 'Overview' },
      { uid: 'rustydb-performance', title: 'Performance' },
      { uid: 'rustydb-resources', title: 'Resources' },
      { uid: 'rustydb-security', title: 'Security' },
      { uid: 'rustydb-pools', title: 'Connection pools' },
      { uid: 'rustydb-slo', title: 'SLO' },
      { uid: 'rustydb-replication', title: 'Replication' },
      { uid: 'rustydb-capacity', title: 'Capacity' },
      { uid: 'rustydb-logs', title: 'Logs and audit' },
    ]);
  });

  it('skip pages and nested plugins, and dashboards without a uid', () => {
    expect(
      bundledDashboards([
        { type: 'page', name: 'Home' },
        { type: 'dashboard', name: 'No uid' },
        { type: 'datasource', name: 'RustyDB' },
        { type: 'dashboard', name: 'Custom', uid: 'c' },
        { type: 'dashboard', name: 'RustyDB / Status', uid: 'rustydb-status' },
      ])
    ).toEqual([{ uid: 'c', title: 'Custom' }]);
  });
});

describe('each bundled dashboard', () => {
  it.each(BUNDLED_DASHBOARDS.map((d) => [d.uid]))(
    '%s selects its data sources through the variables the links set',
    (uid) => {
      const variables = dashboardJson(uid)?.templating.list.filter((v) => v.type === 'datasource') ?? [];
      expect(variables.map(({ name, query }) => ({ name, query }))).toEqual(
        expect.arrayContaining([
          { name: DASHBOARD_VARIABLES.rustydb, query: DATASOURCE_TYPE },
          { name: DASHBOARD_VARIABLES.prometheus, query: PROMETHEUS_TYPE },
        ])
      );
    }
  );
});

describe('dashboardUrl', () => {
  it("selects the instance through the dashboards' rustydb variable", () => {
    expect(dashboardUrl('rustydb-overview', { rustydbUid: 'db-1' })).toBe('/d/rustydb-overview?var-rustydb=db-1');
  });

  it('selects the configured Prometheus too', () => {
    expect(dashboardUrl('rustydb-slo', { rustydbUid: 'db-1', prometheusUid: 'prom' })).toBe(
      '/d/rustydb-slo?var-rustydb=db-1&var-prometheus=prom'
    );
  });

  it('encodes uids so they cannot change the path or add parameters', () => {
    expect(dashboardUrl('a/b', { rustydbUid: 'x&var-other=1' })).toBe('/d/a%2Fb?var-rustydb=x%26var-other%3D1');
  });
});
