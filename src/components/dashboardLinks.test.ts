import { BUNDLED_DASHBOARDS, bundledDashboards, dashboardUrl } from './dashboardLinks';

describe('bundled dashboards', () => {
  it('are the seven dashboards plugin.json includes, with short titles', () => {
    expect(BUNDLED_DASHBOARDS).toEqual([
      { uid: 'rustydb-overview', title: 'Overview' },
      { uid: 'rustydb-performance', title: 'Performance' },
      { uid: 'rustydb-resources', title: 'Resources' },
      { uid: 'rustydb-security', title: 'Security' },
      { uid: 'rustydb-pools', title: 'Connection pools' },
      { uid: 'rustydb-slo', title: 'SLO' },
      { uid: 'rustydb-replication', title: 'Replication' },
    ]);
  });

  it('skip pages and nested plugins, and dashboards without a uid', () => {
    expect(
      bundledDashboards([
        { type: 'page', name: 'Home' },
        { type: 'dashboard', name: 'No uid' },
        { type: 'datasource', name: 'RustyDB' },
        { type: 'dashboard', name: 'Custom', uid: 'c' },
      ])
    ).toEqual([{ uid: 'c', title: 'Custom' }]);
  });
});

describe('dashboardUrl', () => {
  it('selects the instance through the dashboards\' rustydb variable', () => {
    expect(dashboardUrl('rustydb-overview', { rustydbUid: 'db-1' })).toBe('/d/rustydb-overview?var-rustydb=db-1');
  });

  it('selects the configured Prometheus too', () => {
    expect(dashboardUrl('rustydb-slo', { rustydbUid: 'db-1', prometheusUid: 'prom' })).toBe('/d/rustydb-slo?var-rustydb=db-1&var-prometheus=prom');
  });

  it('encodes uids so they cannot change the path or add parameters', () => {
    expect(dashboardUrl('a/b', { rustydbUid: 'x&var-other=1' })).toBe('/d/a%2Fb?var-rustydb=x%26var-other%3D1');
  });
});
