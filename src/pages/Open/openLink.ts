import { urlUtil } from '@grafana/data';
import { BUNDLED_DASHBOARDS, dashboardUrl } from '../../components/dashboardLinks';
import type { RustyDBOptions } from '../../datasource/types';

/** A RustyDB data source as the link resolver needs it. */
export interface InstanceIdentity {
  uid: string;
  name: string;
  jsonData: RustyDBOptions;
}

export type OpenTarget =
  | { kind: 'dashboard'; url: string; note?: string }
  | { kind: 'unmatched'; message: string; url: string }
  | { kind: 'invalid'; message: string };

/** Parameters passed on as they are: the time range and the dashboards' own variables (`var-pool`, `var-slo`, ...). */
function passedOn(params: URLSearchParams): Record<string, string> {
  return Object.fromEntries(
    [...params.entries()].filter(([key]) => key === 'from' || key === 'to' || /^var-(?!rustydb$|prometheus$)/.test(key))
  );
}

/**
 * Where a link that knows only Prometheus labels (`dashboard`, `job`, `instance`: an alert's `dashboard_url`) should
 * land: the dashboard on the RustyDB data source whose Prometheus identity has those labels, so its REST panels show
 * the same server as its Prometheus panels. Without such a data source, the dashboard on those labels alone.
 */
export function openLinkTarget(params: URLSearchParams, instances: InstanceIdentity[]): OpenTarget {
  const uid = params.get('dashboard') ?? '';
  if (!BUNDLED_DASHBOARDS.some((d) => d.uid === uid)) {
    return {
      kind: 'invalid',
      message: `"${uid}" is not a RustyDB dashboard: use one of ${BUNDLED_DASHBOARDS.map((d) => d.uid).join(', ')}.`,
    };
  }
  const job = params.get('job') ?? '';
  const instance = params.get('instance') ?? '';
  const labels = { ...(job ? { 'var-job': job } : {}), ...(instance ? { 'var-instance': instance } : {}) };
  if (!job && !instance) {
    return { kind: 'dashboard', url: urlUtil.renderUrl(`/d/${encodeURIComponent(uid)}`, passedOn(params)) };
  }
  const matches = instances.filter(
    (ds) => ds.jsonData.job === job && (instance === '' || ds.jsonData.instance === instance)
  );
  if (matches.length === 0) {
    return {
      kind: 'unmatched',
      message: `No RustyDB data source has the Prometheus identity job "${job}"${instance ? `, instance "${instance}"` : ''}. Its Prometheus panels are shown; set the identity in the data source's settings to see its REST panels too.`,
      url: urlUtil.renderUrl(`/d/${encodeURIComponent(uid)}`, { ...labels, ...passedOn(params) }),
    };
  }
  const [chosen] = matches;
  const base = dashboardUrl(uid, { rustydbUid: chosen.uid, prometheusUid: chosen.jsonData.prometheusUid });
  const rest = urlUtil.toUrlParams({ ...labels, ...passedOn(params) });
  return {
    kind: 'dashboard',
    url: rest ? `${base}&${rest}` : base,
    note:
      matches.length > 1
        ? `${matches.length} data sources have these labels (${matches.map((m) => m.name).join(', ')}); opened ${chosen.name}.`
        : undefined,
  };
}
