/**
 * `@grafana/runtime` for harness pages (aliased by the bundler): there is no Grafana server behind the page, so these
 * are inert stand-ins. A page that needs data passes it in as props or data frames instead of calling the backend.
 */
export const config = {
  appSubUrl: '',
  buildInfo: { version: 'harness' },
  featureToggles: {},
  bootData: { user: { orgRole: 'Admin' }, settings: {} },
};

export function getTemplateSrv() {
  return { replace: (text?: string) => text ?? '', getVariables: () => [] };
}

export const locationService = {
  push: () => undefined,
  partial: () => undefined,
  getLocation: () => window.location,
  getSearchObject: () => Object.fromEntries(new URLSearchParams(window.location.search)),
};

export function getBackendSrv() {
  const fail = () => {
    throw new Error('getBackendSrv() is not available in the browser harness: pass data to the page instead.');
  };
  return { fetch: fail, get: fail, post: fail, datasourceRequest: fail };
}
