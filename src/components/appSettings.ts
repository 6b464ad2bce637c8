import { lastValueFrom } from 'rxjs';
import { getBackendSrv } from '@grafana/runtime';
import { PLUGIN_ID } from '../constants';

/** What the app keeps in its `jsonData` (Administration → Plugins → RustyDB Monitoring → Configuration). */
export interface AppSettings {
  /** The Prometheus data source the home page's dashboard links select; unset leaves the dashboards' default. */
  prometheusDatasourceUid?: string;
  /** How often the home page re-reads every instance. */
  refreshSeconds?: number;
}

export const REFRESH_CHOICES_SECONDS = [10, 30, 60, 300] as const;
export const DEFAULT_REFRESH_SECONDS = 30;

/** The settings as saved, with anything unusable (hand-edited or provisioned jsonData) replaced by the default. */
export function readAppSettings(jsonData: unknown): Required<Pick<AppSettings, 'refreshSeconds'>> & AppSettings {
  const raw = jsonData && typeof jsonData === 'object' ? (jsonData as Record<string, unknown>) : {};
  const refresh = raw.refreshSeconds;
  const prometheus = raw.prometheusDatasourceUid;
  return {
    refreshSeconds:
      typeof refresh === 'number' && Number.isFinite(refresh) && refresh >= REFRESH_CHOICES_SECONDS[0]
        ? refresh
        : DEFAULT_REFRESH_SECONDS,
    prometheusDatasourceUid: typeof prometheus === 'string' && prometheus !== '' ? prometheus : undefined,
  };
}

export interface PluginState {
  enabled?: boolean;
  pinned?: boolean;
}

/** Saves the app's jsonData, keeping whether the app is enabled and pinned as it is. */
export async function saveAppSettings(state: PluginState, settings: AppSettings): Promise<void> {
  await lastValueFrom(
    getBackendSrv().fetch({
      url: `/api/plugins/${PLUGIN_ID}/settings`,
      method: 'POST',
      data: { enabled: state.enabled, pinned: state.pinned, jsonData: settings },
      showErrorAlert: false,
    })
  );
}
