import { getBackendSrv } from '@grafana/runtime';
import { lastValueFrom } from 'rxjs';
import { DATASOURCE_TYPE } from '../../constants';

export interface PanelEntry {
  id: number;
  title: string;
  readsRustyDB: boolean;
}

interface DashboardPanel {
  id?: unknown;
  title?: unknown;
  type?: unknown;
  datasource?: { type?: string } | null;
  panels?: DashboardPanel[];
}

/** The panels a `d-solo` URL can show: every panel but rows, also those inside collapsed rows. */
export function panelsOf(dashboard: { panels?: DashboardPanel[] } | undefined): PanelEntry[] {
  const all = (dashboard?.panels ?? []).flatMap((p) => [p, ...(p.panels ?? [])]);
  return all.flatMap((p) =>
    p.type !== 'row' && typeof p.id === 'number'
      ? [
          {
            id: p.id,
            title: plainTitle(String(p.title ?? `Panel ${p.id}`)),
            readsRustyDB: p.datasource?.type === DATASOURCE_TYPE,
          },
        ]
      : []
  );
}

/** The dashboard as this Grafana has it (the app imports the bundled ones), so ids are what `d-solo` will find. */
export async function loadPanels(uid: string): Promise<PanelEntry[]> {
  const response = await lastValueFrom(
    getBackendSrv().fetch<{ dashboard: { panels?: DashboardPanel[] } }>({
      url: `/api/dashboards/uid/${encodeURIComponent(uid)}`,
      showErrorAlert: false,
    })
  );
  return panelsOf(response.data.dashboard);
}

/** A title without the variables Grafana fills in on the dashboard (REST panels end with ` · ${rustydb:text}`). */
function plainTitle(title: string): string {
  return title.replace(/\s*·?\s*\$\{[^}]*\}/g, '').trim();
}
