import { LOGS_DASHBOARD_UID } from '../dashboards/src/boards/logs';

/**
 * The links alerts carry, as rule annotation templates: every link goes through the app's open route
 * (src/pages/Open), which finds the RustyDB data source with the alert's Prometheus labels.
 */
export const OPEN_ROUTE = '{{ $externalLabels.grafana_url }}/a/rustydb-monitoring-app/open';

/**
 * The range of a rule's `logs_url`: the hour before the click, because a rule's template has no start time. The
 * Alertmanager template (alertmanager/templates/rustydb.tmpl) replaces it with the range around the alert.
 */
export const LOGS_RANGE = '&from=now-1h&to=now';

/** The `logs_url` that goes with a `dashboard_url`: the Logs and audit dashboard on its job and instance. */
export function logsUrlFor(dashboardUrl: string): string {
  const [base, query = ''] = dashboardUrl.split('?');
  const labels = [...query.matchAll(/&(?:job|instance)=[^&]*/g)].map((m) => m[0]).join('');
  return `${base}?dashboard=${LOGS_DASHBOARD_UID}${labels}${LOGS_RANGE}`;
}
