/**
 * The BUILT plugins (dist/module.js, dist/datasource/module.js, dist/panel/module.js) loaded the way Grafana loads
 * them (AMD, with React, @grafana/* and rxjs supplied as externals) and shown with the real @grafana/ui theme and
 * runtime services wired to the test's fake Grafana, whose data-source proxy reaches RustyDB simulators.
 * `?view=` picks what to show: home, getting-started, config, ds-config, ds-query or panel; `?ds=` names the data
 * source the data source views use.
 */
import './appBoot';
import React, { ComponentType, useEffect, useMemo, useRef, useState } from 'react';
import { MemoryRouter } from 'react-router';
import { from, lastValueFrom } from 'rxjs';
import type { DataQuery } from '@grafana/schema';
import {
  AppPlugin,
  AppRootProps,
  CoreApp,
  DataFrame,
  DataQueryRequest,
  DataSourceApi,
  DataSourceInstanceSettings,
  DataSourcePlugin,
  DataSourceSettings,
  formattedValueToString,
  getDefaultTimeRange,
  getDisplayProcessor,
  getFieldDisplayName,
  PanelPlugin,
  PanelProps,
  TestDataSourceResponse,
} from '@grafana/data';
import { config, getBackendSrv } from '@grafana/runtime';
import { Alert, Button, GlobalStyles, PanelChrome, Stack, useTheme2 } from '@grafana/ui';
import { panelProps } from '../../../src/panel/testing/panelProps';
import { loadBuiltModule } from './appBuilt';
import { getJson, provideDatasourceClass, reloadDatasources, startGrafanaServices } from './appServices';

const PLUGIN_ID = 'rustydb-monitoring-app';
const DIST = `/public/plugins/${PLUGIN_ID}`;

const params = new URLSearchParams(window.location.search);
const view = params.get('view') ?? 'home';

interface Built {
  app: AppPlugin;
  datasource: DataSourcePlugin<DataSourceApi>;
  panel: PanelPlugin;
}

async function start(): Promise<Built> {
  await startGrafanaServices();
  const app = (await loadBuiltModule<{ plugin: AppPlugin }>(`${DIST}/module.js`)).plugin;
  const datasource = (
    await loadBuiltModule<{ plugin: DataSourcePlugin<DataSourceApi> }>(`${DIST}/datasource/module.js`)
  ).plugin;
  provideDatasourceClass(
    datasource.DataSourceClass as unknown as new (settings: DataSourceInstanceSettings) => DataSourceApi
  );
  const panel = (await loadBuiltModule<{ plugin: PanelPlugin }>(`${DIST}/panel/module.js`)).plugin;
  const appSettings = await getJson<{ enabled: boolean; pinned: boolean; jsonData: object }>(
    `/api/plugins/${PLUGIN_ID}/settings`
  );
  // Grafana gives the app its meta (with the saved jsonData) before showing any of its pages.
  app.meta = { id: PLUGIN_ID, name: 'RustyDB Monitoring', type: 'app', ...appSettings } as unknown as AppPlugin['meta'];
  return { app, datasource, panel };
}

function instance(name: string): DataSourceInstanceSettings {
  const settings = config.datasources[name];
  if (!settings) {
    throw new Error(`no data source named ${name}`);
  }
  return settings;
}

function AppView({ built }: { built: Built }) {
  if (view === 'config') {
    const Config = built.app.configPages![0].body;
    return <Config plugin={built.app} query={{}} />;
  }
  const Root = built.app.root!;
  // What Grafana passes an app's root page today; the rest of AppRootProps is deprecated.
  const props = { meta: built.app.meta, basename: `/a/${PLUGIN_ID}` } as AppRootProps;
  return (
    <MemoryRouter initialEntries={[`/${view}`]} future={{ v7_startTransition: true, v7_relativeSplatPath: true }}>
      <Root {...props} />
    </MemoryRouter>
  );
}

/** The data source settings page: the built config editor, then "Save & test" as Grafana does it (save, reload, test). */
function DatasourceConfigView({ built, name }: { built: Built; name: string }) {
  const settings = instance(name);
  const [options, setOptions] = useState<DataSourceSettings>(() => ({
    ...(settings as unknown as DataSourceSettings),
    secureJsonFields: {},
    secureJsonData: {},
  }));
  const [result, setResult] = useState<TestDataSourceResponse>();
  const Editor = built.datasource.components.ConfigEditor!;
  const saveAndTest = async () => {
    await lastValueFrom(
      getBackendSrv().fetch({ url: `/api/datasources/uid/${options.uid}`, method: 'PUT', data: options })
    );
    await reloadDatasources();
    const DataSourceClass = built.datasource.DataSourceClass as unknown as new (
      s: DataSourceInstanceSettings
    ) => DataSourceApi;
    setResult(await new DataSourceClass(instance(options.name)).testDatasource());
  };
  return (
    <Stack direction="column" gap={2}>
      <Editor options={options} onOptionsChange={setOptions} />
      <div>
        <Button onClick={saveAndTest}>Save & test</Button>
      </div>
      {result && (
        <Alert
          severity={result.status === 'success' ? 'success' : 'error'}
          title={result.status === 'success' ? 'Data source is working' : 'Test failed'}
        >
          {result.message}
        </Alert>
      )}
    </Stack>
  );
}

function request(targets: DataQueryRequest['targets']): DataQueryRequest {
  const range = getDefaultTimeRange();
  return {
    requestId: 'browser-test',
    app: CoreApp.PanelEditor,
    targets,
    range,
    interval: '1m',
    intervalMs: 60_000,
    scopedVars: {},
    timezone: 'utc',
    startTime: Date.now(),
  };
}

function useDatasource(built: Built, name: string): DataSourceApi {
  return useMemo(() => {
    const DataSourceClass = built.datasource.DataSourceClass as unknown as new (
      s: DataSourceInstanceSettings
    ) => DataSourceApi;
    const datasource = new DataSourceClass(instance(name));
    datasource.components = built.datasource.components;
    return datasource;
  }, [built, name]);
}

/** The built query editor over the built data source; each run's frames listed field by field. */
function QueryView({ built, name }: { built: Built; name: string }) {
  const theme = useTheme2();
  const datasource = useDatasource(built, name);
  const [query, setQuery] = useState<DataQuery>(() => ({
    refId: 'A',
    ...datasource.getDefaultQuery?.(CoreApp.PanelEditor),
  }));
  // The editor calls onChange then onRunQuery at once; the run must see the query just changed.
  const latest = useRef(query);
  const [frames, setFrames] = useState<DataFrame[]>();
  const [error, setError] = useState<string>();
  const Editor = built.datasource.components.QueryEditor!;
  const run = () => {
    from(datasource.query(request([latest.current]))).subscribe({
      next: (response) => {
        setFrames(response.data);
        setError(response.errors?.map((e) => e.message).join('; '));
      },
      error: (err) => setError(String(err?.message ?? err)),
    });
  };
  return (
    <Stack direction="column" gap={2}>
      <Editor
        datasource={datasource}
        query={query}
        onChange={(next) => {
          latest.current = next;
          setQuery(next);
        }}
        onRunQuery={run}
      />
      {error && <Alert title="Query error">{error}</Alert>}
      {frames && (
        <table aria-label="Query result">
          <tbody>
            {frames.flatMap((frame, i) =>
              frame.fields.map((field) => (
                <tr key={`${i}-${field.name}`}>
                  <th scope="row">{getFieldDisplayName(field, frame, frames)}</th>
                  <td>
                    {formattedValueToString(
                      getDisplayProcessor({ field, theme })(field.values[field.values.length - 1])
                    )}
                  </td>
                </tr>
              ))
            )}
          </tbody>
        </table>
      )}
    </Stack>
  );
}

/**
 * The built panel showing every pool's stats, read by the built data source from the simulator. Its props are built
 * as the panel's own tests build them (field config processed with the panel's registry and defaults).
 */
function PanelView({ built, name }: { built: Built; name: string }) {
  const theme = useTheme2();
  const datasource = useDatasource(built, name);
  const [series, setSeries] = useState<DataFrame[]>();
  useEffect(() => {
    const subscription = from(datasource.query(request([{ refId: 'A', queryType: 'poolStats' } as never]))).subscribe(
      (r) => setSeries(r.data)
    );
    return () => subscription.unsubscribe();
  }, [datasource]);
  if (!series) {
    return null;
  }
  const Panel = built.panel.panel as ComponentType<PanelProps>;
  return (
    <PanelChrome title="Connection pools" width={window.innerWidth - 32} height={window.innerHeight - 32}>
      {(width, height) => <Panel {...(panelProps({ series, width, height, theme }) as PanelProps)} />}
    </PanelChrome>
  );
}

/** Grafana's global styles (fieldsets, headings, links...) around the view, as on any Grafana page. */
export default function AppPage() {
  return (
    <>
      <GlobalStyles />
      <AppHost />
    </>
  );
}

function AppHost() {
  const [built, setBuilt] = useState<Built>();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    start().then(setBuilt, (err) => setFailure(String(err?.stack ?? err)));
  }, []);
  if (failure) {
    return <pre role="alert">{failure}</pre>;
  }
  if (!built) {
    return null;
  }
  const name = params.get('ds') ?? '';
  switch (view) {
    case 'ds-config':
      return <DatasourceConfigView built={built} name={name} />;
    case 'ds-query':
      return <QueryView built={built} name={name} />;
    case 'panel':
      return <PanelView built={built} name={name} />;
    default:
      return <AppView built={built} />;
  }
}
