import type { ValueMapping } from '@grafana/schema';
import type { DashboardSpec } from '../lib/dashboard';
import { PanelSpec, stateMappings } from '../lib/panels';
import { prom } from '../lib/targets';
import { PUBLIC_STATUS_DASHBOARD } from '../../../src/constants';

/**
 * A status page that can be shared publicly (Grafana's shared/public dashboards): no template variables, Prometheus
 * only, so every query is fixed. It reads the fleet as the alert rules do, through the `rustydb` scrape job
 * (monitoring/prometheus.yml), and the Prometheus data source with uid `prometheus` (provisioning/datasources).
 */

const JOB = 'job="rustydb"';

/** Zero is good and green; any count above it is red. */
const NONE_IS_GOOD: ValueMapping[] = [
  ...stateMappings({ '0': { text: 'None', color: 'green' } }),
  { type: 'range', options: { from: 1, to: null, result: { color: 'red', index: 1 } } } as unknown as ValueMapping,
];

const instancesUp: PanelSpec = {
  type: 'stat',
  title: 'Instances up',
  description: 'RustyDB metrics endpoints Prometheus reached at its last scrape.',
  unit: 'none',
  width: 6,
  targets: [prom(`sum(up{${JOB}})`, 'up', { instant: true })],
};

const instancesDown: PanelSpec = {
  type: 'stat',
  title: 'Instances down',
  description: 'RustyDB metrics endpoints Prometheus could not reach at its last scrape. None is good.',
  unit: 'none',
  width: 6,
  mappings: NONE_IS_GOOD,
  targets: [prom(`count(up{${JOB}} == 0) or vector(0)`, 'down', { instant: true })],
};

const criticalAlerts: PanelSpec = {
  type: 'stat',
  title: 'Critical alerts',
  description: 'RustyDB alert rules firing now at critical severity. None is good.',
  unit: 'none',
  width: 6,
  mappings: NONE_IS_GOOD,
  targets: [
    prom('count(ALERTS{alertstate="firing", alertname=~"RustyDB.+", severity="critical"}) or vector(0)', 'critical', {
      instant: true,
    }),
  ],
};

const availability: PanelSpec = {
  type: 'stat',
  title: 'Request availability',
  description: 'Share of REST requests that succeeded over the time range, across the fleet.',
  unit: 'percentunit',
  decimals: 3,
  width: 6,
  targets: [
    prom(
      `1 - (sum(increase(rustydb_failed_requests{${JOB}}[$__range])) / sum(increase(rustydb_total_requests{${JOB}}[$__range])))`,
      'availability',
      { instant: true }
    ),
  ],
};

const requestRate: PanelSpec = {
  type: 'timeseries',
  title: 'Requests per second',
  description: 'REST requests per second across the fleet, all and failed.',
  unit: 'reqps',
  min: 0,
  targets: [
    prom(`sum(rate(rustydb_total_requests{${JOB}}[$__rate_interval]))`, 'all'),
    prom(`sum(rate(rustydb_failed_requests{${JOB}}[$__rate_interval]))`, 'failed'),
  ],
};

const latency: PanelSpec = {
  type: 'timeseries',
  title: 'Query latency (p99)',
  description:
    "99th percentile query latency across the fleet. Empty on RustyDB v0.6.5, which does not export the guide's latency histogram.",
  unit: 's',
  min: 0,
  targets: [
    prom(
      `histogram_quantile(0.99, sum by (le) (rate(rustydb_query_duration_seconds_bucket{${JOB}}[$__rate_interval])))`,
      'p99'
    ),
  ],
};

export const status: DashboardSpec = {
  uid: PUBLIC_STATUS_DASHBOARD.uid,
  title: 'RustyDB / Status',
  description:
    'A public status page for the RustyDB fleet: up, alerts, availability, traffic and latency. No template variables and Prometheus only, so it can be shared externally.',
  tag: 'status',
  refresh: '1m',
  public: { prometheusUid: PUBLIC_STATUS_DASHBOARD.prometheusUid },
  rows: [
    { section: 'Health', panels: [instancesUp, instancesDown, criticalAlerts, availability] },
    { section: 'Performance', panels: [requestRate, latency] },
  ],
};
