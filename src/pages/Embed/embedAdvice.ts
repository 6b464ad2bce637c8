import { PUBLIC_STATUS_DASHBOARD } from '../../constants';

/**
 * What the user's Grafana must allow for an embedded panel to show, from what Grafana tells its frontend
 * (`config` of @grafana/runtime). Grafana does not expose `allow_embedding` or `cookie_samesite` to the frontend, so
 * those are stated as requirements, and the live preview is the test: a Grafana with `allow_embedding = false`
 * answers `X-Frame-Options: deny` and the browser refuses the preview.
 */
export interface GrafanaFacts {
  anonymousEnabled: boolean;
  jwtUrlLogin: boolean;
  publicDashboardsEnabled: boolean;
  /** `config.appUrl` (root_url) and the origin this page was loaded from. */
  appUrl: string;
  pageOrigin: string;
}

export interface EmbedCase {
  dashboardUid: string;
  /** The chosen panel reads the RustyDB data source (a frontend data source). */
  readsRustyDB: boolean;
  /** The preview iframe was refused (X-Frame-Options), if known. */
  previewRefused?: boolean;
}

export interface Advice {
  severity: 'info' | 'warning';
  title: string;
  text: string;
}

export function embedAdvice(facts: GrafanaFacts, embed: EmbedCase): Advice[] {
  const advice: Advice[] = [
    embed.previewRefused
      ? {
          severity: 'warning',
          title: 'This Grafana refuses to be embedded',
          text: 'The preview was blocked (X-Frame-Options). Set allow_embedding = true in [security] of grafana.ini (GF_SECURITY_ALLOW_EMBEDDING=true) and restart Grafana.',
        }
      : {
          severity: 'info',
          title: 'allow_embedding = true',
          text: 'Grafana must allow framing: [security] allow_embedding = true (GF_SECURITY_ALLOW_EMBEDDING=true). Grafana does not tell plugins this setting; if the preview below shows the panel, it is on.',
        },
  ];
  if (facts.anonymousEnabled) {
    advice.push({
      severity: 'info',
      title: 'Anonymous access is on',
      text: 'Anyone who opens the embedding page sees the panel with the anonymous organisation’s role (Viewer is enough), without signing in.',
    });
  } else if (facts.jwtUrlLogin) {
    advice.push({
      severity: 'info',
      title: 'JWT URL login is on',
      text: 'Sign the embedded panel in by appending &auth_token=<JWT> to the URL (issued by your identity provider for a Viewer).',
    });
  } else {
    advice.push({
      severity: 'warning',
      title: 'Viewers must be signed in to Grafana',
      text: 'Anonymous access is off, so the iframe shows a login page unless the viewer has a Grafana session the iframe may use: on another site than Grafana that needs [security] cookie_samesite = none with cookie_secure = true (HTTPS). Or enable an anonymous Viewer organisation ([auth.anonymous] enabled = true, org_role = Viewer), or JWT URL login ([auth.jwt] url_login = true).',
    });
  }
  if (facts.appUrl && !facts.appUrl.startsWith(facts.pageOrigin)) {
    advice.push({
      severity: 'warning',
      title: 'root_url differs from this address',
      text: `The snippets use Grafana's root_url (${facts.appUrl}), but this page came from ${facts.pageOrigin}. Set [server] root_url to the address the embedding page can reach.`,
    });
  }
  if (embed.dashboardUid === PUBLIC_STATUS_DASHBOARD.uid) {
    advice.push({
      severity: facts.publicDashboardsEnabled ? 'info' : 'warning',
      title: 'Can be shared publicly',
      text: facts.publicDashboardsEnabled
        ? 'RustyDB / Status has no variables and reads only Prometheus (uid "prometheus"), so Share → Share externally works for it, with no Grafana login at all.'
        : 'RustyDB / Status could be shared externally, but this Grafana has public (externally shared) dashboards turned off.',
    });
  } else if (embed.readsRustyDB) {
    advice.push({
      severity: 'info',
      title: 'Not for public sharing',
      text: 'This panel reads the RustyDB data source, which runs in the browser; Grafana’s externally shared dashboards accept neither frontend data sources nor template variables. Embed it with a login or anonymous access, or use RustyDB / Status.',
    });
  }
  return advice;
}
