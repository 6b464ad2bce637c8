import { lastValueFrom, timeout } from 'rxjs';
import type { FetchFn } from '../transport/http';
import { messageOf } from '../transport/errors';
import { Proposal, proposeIdentity, ScrapeTarget, scrapeTargets } from './match';

/** Grafana's data-source proxy for a Prometheus data source (its `url`, as `DataSourceInstanceSettings.url` holds it). */
export const prometheusProxyBase = (uid: string) => `/api/datasources/proxy/uid/${encodeURIComponent(uid)}`;

/**
 * The active scrape targets of a Prometheus data source, read through Grafana's data-source proxy with the
 * caller's `getBackendSrv().fetch`; an error that says which Prometheus and what went wrong.
 */
export async function readScrapeTargets(
  fetch: FetchFn,
  prometheusUid: string,
  timeoutMs: number
): Promise<ScrapeTarget[]> {
  try {
    const response = await lastValueFrom(
      fetch({
        url: `${prometheusProxyBase(prometheusUid)}/api/v1/targets?state=active`,
        method: 'GET',
        showErrorAlert: false,
        showSuccessAlert: false,
      }).pipe(timeout(timeoutMs))
    );
    return scrapeTargets(response.data);
  } catch (err) {
    throw new Error(`Could not read the scrape targets of Prometheus data source "${prometheusUid}": ${describe(err)}`);
  }
}

function describe(err: unknown): string {
  if (err && typeof err === 'object' && 'status' in err && typeof err.status === 'number') {
    return `HTTP ${err.status}${err.status === 404 ? ' (is it a Prometheus data source?)' : ''}`;
  }
  return err instanceof Error && err.name === 'TimeoutError' ? 'no answer in time' : messageOf(err);
}

/** Asks the Prometheus which of its targets is the RustyDB at `serverUrl`. */
export async function detectIdentity(
  fetch: FetchFn,
  prometheusUid: string,
  serverUrl: string,
  timeoutMs: number
): Promise<Proposal> {
  return proposeIdentity(serverUrl, await readScrapeTargets(fetch, prometheusUid, timeoutMs));
}
