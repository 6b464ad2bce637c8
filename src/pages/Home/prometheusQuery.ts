import { lastValueFrom } from 'rxjs';
import { config, getBackendSrv } from '@grafana/runtime';

/**
 * One PromQL query through Grafana's data-source proxy for a Prometheus data source (its `url` in Grafana's data
 * source list is the proxy base, `/api/datasources/proxy/uid/<uid>`), as the datasource's identity detection reads
 * that Prometheus' targets. `range` asks `/api/v1/query_range` for the last `seconds`, one point per `stepSeconds`.
 */
export async function queryPrometheus(
  prometheusUid: string,
  query: string,
  now: number,
  range?: { seconds: number; stepSeconds: number }
): Promise<unknown> {
  const settings = Object.values(config.datasources).find((ds) => ds.uid === prometheusUid);
  if (!settings?.url) {
    throw new Error(`Grafana has no Prometheus data source "${prometheusUid}".`);
  }
  const end = Math.floor(now / 1000);
  const params = range
    ? { query, start: String(end - range.seconds), end: String(end), step: String(range.stepSeconds) }
    : { query, time: String(end) };
  try {
    const response = await lastValueFrom(
      getBackendSrv().fetch<unknown>({
        url: `${settings.url}/api/v1/${range ? 'query_range' : 'query'}`,
        method: 'GET',
        params,
        showErrorAlert: false,
        showSuccessAlert: false,
      })
    );
    return response.data;
  } catch (err) {
    const status = err && typeof err === 'object' && 'status' in err ? ` (HTTP ${String(err.status)})` : '';
    throw new Error(`Prometheus data source "${settings.name}" did not answer${status}.`);
  }
}
