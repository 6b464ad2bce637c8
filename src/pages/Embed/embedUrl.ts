/**
 * The `d-solo` URL and iframe snippet of one panel. `d-solo/<uid>?panelId=<id>` is Grafana's single-panel page;
 * `theme`, `from`/`to`, `refresh` and `var-<name>` are its URL parameters (Grafana's share-panel "Embed" tab builds
 * the same URL).
 */
export type EmbedTheme = 'light' | 'dark';

export interface EmbedChoice {
  /** Grafana's public address (`config.appUrl`, i.e. root_url), ending in `/`. */
  appUrl: string;
  orgId: number;
  dashboardUid: string;
  panelId: number;
  theme: EmbedTheme;
  from: string;
  to: string;
  /** Empty: no automatic refresh. */
  refresh: string;
  /** Template variables to pin (`var-rustydb=<data source uid>`); empty values are left out. */
  variables: Record<string, string>;
  width: number;
  height: number;
}

export function soloUrl(choice: EmbedChoice): string {
  const params = new URLSearchParams({
    orgId: String(choice.orgId),
    panelId: String(choice.panelId),
    from: choice.from,
    to: choice.to,
  });
  params.set('theme', choice.theme);
  if (choice.refresh) {
    params.set('refresh', choice.refresh);
  }
  for (const [name, value] of Object.entries(choice.variables)) {
    if (value) {
      params.set(`var-${name}`, value);
    }
  }
  const base = choice.appUrl.endsWith('/') ? choice.appUrl : `${choice.appUrl}/`;
  return `${base}d-solo/${encodeURIComponent(choice.dashboardUid)}?${params}`;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function iframeSnippet(choice: EmbedChoice, title: string): string {
  return `<iframe src="${escapeAttribute(soloUrl(choice))}" width="${choice.width}" height="${choice.height}" title="${escapeAttribute(title)}" frameborder="0"></iframe>`;
}
