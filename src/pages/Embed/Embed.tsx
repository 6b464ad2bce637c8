import React, { useEffect, useMemo, useState } from 'react';
import { config, PluginPage } from '@grafana/runtime';
import { Alert, ClipboardButton, Field, Input, RadioButtonGroup, Select, Stack, TextArea } from '@grafana/ui';
import pluginJson from '../../plugin.json';
import { rustydbInstances } from '../../components/rustydbInstances';
import { DASHBOARD_VARIABLES } from '../../constants';
import { embedAdvice } from './embedAdvice';
import { EmbedTheme, iframeSnippet, soloUrl } from './embedUrl';
import { loadPanels as fetchPanels, PanelEntry } from './dashboardPanels';

interface Include {
  type: string;
  name?: string;
  uid?: string;
}

const DASHBOARDS = (pluginJson.includes as Include[]).flatMap((i) =>
  i.type === 'dashboard' && i.uid ? [{ label: i.name ?? i.uid, value: i.uid }] : []
);
const THEMES: Array<{ label: string; value: EmbedTheme }> = [
  { label: 'Light', value: 'light' },
  { label: 'Dark', value: 'dark' },
];
const RANGES = ['now-1h', 'now-6h', 'now-24h', 'now-7d'].map((from) => ({
  label: `Last ${from.slice(4)}`,
  value: from,
}));
const REFRESHES = [
  { label: 'Off', value: '' },
  { label: '30s', value: '30s' },
  { label: '1m', value: '1m' },
  { label: '5m', value: '5m' },
];
const SIZES = ['300x150', '200x100', '450x225', '600x300'].map((s) => ({ label: s.replace('x', ' × '), value: s }));

/** Same-origin preview: a frame refused by X-Frame-Options shows the browser's error page, which we may not read. */
function refused(frame: HTMLIFrameElement): boolean {
  try {
    return frame.contentWindow?.location.href === undefined;
  } catch {
    return true;
  }
}

export function Embed({ loadPanels = fetchPanels }: { loadPanels?: (uid: string) => Promise<PanelEntry[]> }) {
  const instances = useMemo(() => rustydbInstances(), []);
  const [instance, setInstance] = useState(instances[0]?.uid ?? '');
  const [dashboardUid, setDashboardUid] = useState(DASHBOARDS.find((d) => d.value === 'rustydb-pools')?.value ?? '');
  // Panels with the dashboard they belong to, so a URL never mixes a new dashboard with the previous one's panels.
  const [loaded, setLoaded] = useState<{ uid: string; panels: PanelEntry[]; error?: string }>({ uid: '', panels: [] });
  const [panelId, setPanelId] = useState<number | undefined>();
  const [theme, setTheme] = useState<EmbedTheme>(config.theme2.isDark ? 'dark' : 'light');
  const [from, setFrom] = useState('now-6h');
  const [refresh, setRefresh] = useState('1m');
  const [size, setSize] = useState('300x150');
  const [previewRefused, setPreviewRefused] = useState<boolean | undefined>();

  useEffect(() => {
    let current = true;
    loadPanels(dashboardUid).then(
      (list) => {
        if (current) {
          setLoaded({ uid: dashboardUid, panels: list });
          setPanelId(list[0]?.id);
        }
      },
      (err: unknown) => {
        if (current) {
          setPanelId(undefined);
          setLoaded({
            uid: dashboardUid,
            panels: [],
            error: `This Grafana has no dashboard ${dashboardUid} (${(err as Error)?.message ?? 'not found'}): enable the app so it imports its dashboards.`,
          });
        }
      }
    );
    return () => {
      current = false;
    };
  }, [dashboardUid, loadPanels]);

  const panels = loaded.uid === dashboardUid ? loaded.panels : [];
  const loadError = loaded.uid === dashboardUid ? loaded.error : undefined;
  const panel = panels.find((p) => p.id === panelId);
  const [width, height] = size.split('x').map(Number);
  const choice = panel && {
    appUrl: config.appUrl || `${window.location.origin}${config.appSubUrl}/`,
    orgId: config.bootData.user?.orgId ?? 1,
    dashboardUid,
    panelId: panel.id,
    theme,
    from,
    to: 'now',
    refresh,
    variables: { [DASHBOARD_VARIABLES.rustydb]: panel.readsRustyDB ? instance : '' },
    width,
    height,
  };
  const url = choice ? soloUrl(choice) : '';
  const snippet = choice && panel ? iframeSnippet(choice, panel.title) : '';
  const advice = embedAdvice(
    {
      anonymousEnabled: config.anonymousEnabled,
      jwtUrlLogin: config.jwtUrlLogin,
      publicDashboardsEnabled: config.publicDashboardsEnabled,
      appUrl: config.appUrl,
      pageOrigin: window.location.origin,
    },
    { dashboardUid, readsRustyDB: panel?.readsRustyDB ?? false, previewRefused }
  );

  return (
    <PluginPage>
      <Stack direction="column" gap={2}>
        <Stack direction="row" gap={2} wrap="wrap">
          <Field label="Dashboard">
            <Select
              inputId="embed-dashboard"
              options={DASHBOARDS}
              value={dashboardUid}
              onChange={(o) => setDashboardUid(o.value!)}
              width={32}
            />
          </Field>
          <Field label="Panel">
            <Select
              inputId="embed-panel"
              options={panels.map((p) => ({ label: `${p.title} (id ${p.id})`, value: p.id }))}
              value={panelId}
              onChange={(o) => setPanelId(o.value)}
              width={40}
            />
          </Field>
          <Field label="Instance" description="Pins the live (RustyDB) panels: var-rustydb">
            <Select
              inputId="embed-instance"
              options={instances.map((ds) => ({ label: ds.name, value: ds.uid }))}
              value={instance}
              onChange={(o) => setInstance(o.value!)}
              placeholder="The dashboard's default"
              width={28}
            />
          </Field>
        </Stack>
        <Stack direction="row" gap={2} wrap="wrap">
          <Field label="Theme">
            <RadioButtonGroup options={THEMES} value={theme} onChange={setTheme} />
          </Field>
          <Field label="Time range">
            <Select
              inputId="embed-range"
              options={RANGES}
              value={from}
              onChange={(o) => setFrom(o.value!)}
              width={16}
            />
          </Field>
          <Field label="Refresh">
            <Select
              inputId="embed-refresh"
              options={REFRESHES}
              value={refresh}
              onChange={(o) => setRefresh(o.value ?? '')}
              width={12}
            />
          </Field>
          <Field label="Size">
            <Select inputId="embed-size" options={SIZES} value={size} onChange={(o) => setSize(o.value!)} width={16} />
          </Field>
        </Stack>
        {loadError && (
          <Alert severity="error" title="Dashboard not found">
            {loadError}
          </Alert>
        )}
        {choice && (
          <>
            <Field label="Iframe snippet">
              <Stack direction="column" gap={1}>
                <TextArea id="embed-snippet" aria-label="Iframe snippet" readOnly rows={3} value={snippet} />
                <ClipboardButton icon="copy" getText={() => snippet}>
                  Copy iframe
                </ClipboardButton>
              </Stack>
            </Field>
            <Field label="d-solo URL">
              <Stack direction="row" gap={1}>
                <Input aria-label="d-solo URL" readOnly value={url} />
                <ClipboardButton icon="copy" getText={() => url}>
                  Copy URL
                </ClipboardButton>
              </Stack>
            </Field>
            <Field label="Live preview">
              <iframe
                key={url}
                src={url}
                width={width}
                height={height}
                title={`Preview: ${panel!.title}`}
                style={{ border: 0 }}
                onLoad={(e) => setPreviewRefused(refused(e.currentTarget))}
              />
            </Field>
          </>
        )}
        <section aria-label="Grafana settings for embedding">
          <Stack direction="column" gap={1}>
            {advice.map((a) => (
              <Alert key={a.title} severity={a.severity} title={a.title}>
                {a.text}
              </Alert>
            ))}
          </Stack>
        </section>
      </Stack>
    </PluginPage>
  );
}
