import { locationUtil, urlUtil } from '@grafana/data';
import pluginJson from '../plugin.json';
import { DASHBOARD_VARIABLES, PUBLIC_STATUS_DASHBOARD } from '../constants';

export interface BundledDashboard {
  uid: string;
  title: string;
}

interface Include {
  type: string;
  name?: string;
  uid?: string;
}

/** "RustyDB / Pools" reads as "Pools" next to an instance that is plainly RustyDB. */
function shortTitle(name: string): string {
  return name.replace(/^RustyDB\s*[-/:·–]?\s*/i, '') || name;
}

/** The per-instance dashboards the app bundles, in the order plugin.json includes them. */
export function bundledDashboards(includes: Include[]): BundledDashboard[] {
  return includes.flatMap((include) =>
    include.type === 'dashboard' && include.uid && include.uid !== PUBLIC_STATUS_DASHBOARD.uid
      ? [{ uid: include.uid, title: shortTitle(include.name ?? include.uid) }]
      : []
  );
}

export const BUNDLED_DASHBOARDS = bundledDashboards(pluginJson.includes as Include[]);

export interface DashboardSelection {
  rustydbUid: string;
  prometheusUid?: string;
}

/** A bundled dashboard with one RustyDB instance (and the configured Prometheus, if any) selected. */
export function dashboardUrl(uid: string, { rustydbUid, prometheusUid }: DashboardSelection): string {
  const params: Record<string, string> = { [`var-${DASHBOARD_VARIABLES.rustydb}`]: rustydbUid };
  if (prometheusUid) {
    params[`var-${DASHBOARD_VARIABLES.prometheus}`] = prometheusUid;
  }
  return locationUtil.assureBaseUrl(urlUtil.renderUrl(`/d/${encodeURIComponent(uid)}`, params));
}
