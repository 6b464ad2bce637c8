/**
 * Grafana's frontend services for the app's browser page, backed by the test's fake Grafana on the same origin:
 * `getBackendSrv().fetch` over the browser's fetch (errors shaped like Grafana's FetchError), the data source list
 * from `/api/frontend/settings` (reloaded as Grafana's DataSourceSrv reloads it), the data source instances
 * (`getDataSourceSrv().get`: built once per uid from the built datasource module's class, as Grafana builds them), and
 * a template service for a page without dashboard variables.
 */
import { Observable } from 'rxjs';
import type { DataSourceApi, DataSourceInstanceSettings } from '@grafana/data';
import {
  BackendSrv,
  BackendSrvRequest,
  config,
  DataSourceSrv,
  FetchResponse,
  setBackendSrv,
  setDataSourceSrv,
  setTemplateSrv,
  TemplateSrv,
} from '@grafana/runtime';
import { DATASOURCE_TYPE } from '../../../src/constants';

function browserFetch<T>(options: BackendSrvRequest): Observable<FetchResponse<T>> {
  return new Observable((subscriber) => {
    const controller = new AbortController();
    const query = options.params ? `?${new URLSearchParams(options.params)}` : '';
    fetch(`${options.url}${query}`, {
      method: options.method ?? 'GET',
      headers: { 'Content-Type': 'application/json' },
      body: options.data === undefined ? undefined : JSON.stringify(options.data),
      signal: controller.signal,
    }).then(
      async (res) => {
        const text = await res.text();
        let data: unknown = text;
        try {
          data = text ? JSON.parse(text) : undefined;
        } catch {
          // Grafana hands non-JSON bodies over as text, and so does this.
        }
        if (!res.ok) {
          subscriber.error({ status: res.status, statusText: res.statusText, data, config: options });
          return;
        }
        subscriber.next({
          status: res.status,
          statusText: res.statusText,
          ok: true,
          data: data as T,
          headers: res.headers,
          url: res.url,
          redirected: res.redirected,
          type: res.type,
          config: options,
        });
        subscriber.complete();
      },
      (err) => subscriber.error({ status: 0, statusText: String(err), data: {}, config: options })
    );
    return () => controller.abort();
  });
}

export async function getJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) {
    throw new Error(`${url}: HTTP ${res.status}`);
  }
  return res.json();
}

type DataSourceClass = new (settings: DataSourceInstanceSettings) => DataSourceApi;

/** The RustyDB datasource's class, once the built module is loaded; instances by uid, dropped when the list reloads. */
let rustydbClass: DataSourceClass | undefined;
const instances = new Map<string, DataSourceApi>();

export async function reloadDatasources(): Promise<void> {
  const settings = await getJson<{ datasources: Record<string, DataSourceInstanceSettings> }>('/api/frontend/settings');
  config.datasources = settings.datasources;
  instances.clear();
}

/** Grafana's `getDataSourceSrv().get(uid)`: one instance per data source, built by its plugin's class. */
async function getDatasource(uid: string): Promise<DataSourceApi> {
  const settings = Object.values(config.datasources).find((ds) => ds.uid === uid || ds.name === uid);
  if (!settings) {
    throw new Error(`Datasource ${uid} was not found`);
  }
  if (!instances.has(settings.uid)) {
    if (!rustydbClass || settings.type !== DATASOURCE_TYPE) {
      throw new Error(`the fake Grafana cannot build a ${settings.type} data source`);
    }
    instances.set(settings.uid, new rustydbClass(settings));
  }
  return instances.get(settings.uid)!;
}

/** Lets `getDataSourceSrv().get` build RustyDB instances with the built datasource module's class. */
export function provideDatasourceClass(DataSource: DataSourceClass): void {
  rustydbClass = DataSource;
}

/** Wires the runtime services and loads the data source list. */
export async function startGrafanaServices(): Promise<void> {
  setBackendSrv({ fetch: browserFetch } as unknown as BackendSrv);
  setDataSourceSrv({ reload: reloadDatasources, get: getDatasource } as unknown as DataSourceSrv);
  setTemplateSrv({
    getVariables: () => [],
    replace: (target?: string) => target ?? '',
    containsTemplate: () => false,
    updateTimeRange: () => undefined,
  } as unknown as TemplateSrv);
  await reloadDatasources();
}
