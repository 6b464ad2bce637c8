/**
 * What Grafana puts on the page before any of its code runs. @grafana/runtime reads it when first imported, so the
 * app page imports this module first.
 */
(window as unknown as { grafanaBootData: object }).grafanaBootData = {
  settings: { datasources: {}, appSubUrl: '', buildInfo: { version: '13.1.1', edition: 'Open Source' } },
  user: { orgRole: 'Admin', isSignedIn: true, timezone: 'utc' },
  navTree: [],
};
