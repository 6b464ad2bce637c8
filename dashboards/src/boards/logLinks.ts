/**
 * From a metric to its logs: a data link on every value of a panel to the Logs and audit dashboard, for the same
 * time range and the instance the value belongs to (the series' `instance` label where the panel draws one series
 * per instance, else the instances selected now).
 */
import type { PanelSpec } from '../lib/panels';
import { LOGS_DASHBOARD_UID } from './logs';

const BASE = `/d/${LOGS_DASHBOARD_UID}?\${__url_time_range}&\${prometheus:queryparam}&\${rustydb:queryparam}&\${job:queryparam}`;

const perInstance = (panel: PanelSpec) =>
  panel.targets.some((t) => t.kind === 'prometheus' && t.legendFormat?.includes('{{instance}}'));

export function withLogsLink(panel: PanelSpec): PanelSpec {
  const instance = perInstance(panel) ? 'var-instance=${__field.labels.instance}' : '${instance:queryparam}';
  return {
    ...panel,
    dataLinks: [
      ...(panel.dataLinks ?? []),
      { title: 'Logs of this instance and time range', url: `${BASE}&${instance}`, targetBlank: false },
    ],
  };
}
