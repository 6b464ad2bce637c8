import { PROMETHEUS_VARIABLE, RUSTYDB_VARIABLE } from './datasources';
import type { PanelLink } from './panels';

/**
 * What a link between dashboards carries: the server (both data sources and its Prometheus job and instance, so the
 * fleet view stays the fleet view) and the time range.
 */
const SELECTION = [PROMETHEUS_VARIABLE, RUSTYDB_VARIABLE, 'job', 'instance']
  .map((name) => `\${${name}:queryparam}`)
  .concat('${__url_time_range}')
  .join('&');

/** A dashboard URL with the current selection; `params` go first (`var-pool=${pool}`). */
export function drilldownUrl(uid: string, params: string[] = []): string {
  return `/d/${uid}?${[...params, SELECTION].join('&')}`;
}

/** A panel link to a detail dashboard on the same server and time range. */
export function drilldown(uid: string, title: string): PanelLink {
  return { title, url: drilldownUrl(uid) };
}
