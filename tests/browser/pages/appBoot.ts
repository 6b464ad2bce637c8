/**
 * What Grafana puts on the page before any of its code runs. @grafana/runtime reads it when first imported, so the
 * app page imports this module first. Real Grafana always sends `featureToggles`, and @grafana/data 12.3 reads it at
 * import without a guard. The harness defines GRAFANA_VERSION as the line the page is bundled with.
 */
(window as unknown as { grafanaBootData: object }).grafanaBootData = {
  settings: {
    datasources: {},
    appSubUrl: '',
    featureToggles: {},
    buildInfo: { version: process.env.GRAFANA_VERSION, edition: 'Open Source' },
  },
  user: { orgRole: 'Admin', isSignedIn: true, timezone: 'utc' },
  navTree: [],
};
