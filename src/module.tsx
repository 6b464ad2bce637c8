import React, { Suspense, lazy } from 'react';
import { AppPlugin, type AppRootProps } from '@grafana/data';
import { LoadingPlaceholder } from '@grafana/ui';
import type { AppSettings } from './components/appSettings';

const LazyApp = lazy(() => import('./components/App'));
const LazyAppConfig = lazy(() => import('./components/AppConfig/AppConfig').then((m) => ({ default: m.AppConfig })));

const App = (props: AppRootProps<AppSettings>) => (
  <Suspense fallback={<LoadingPlaceholder text="Loading RustyDB Monitoring" />}>
    <LazyApp {...props} />
  </Suspense>
);

const AppConfig = (props: React.ComponentProps<typeof LazyAppConfig>) => (
  <Suspense fallback={<LoadingPlaceholder text="Loading settings" />}>
    <LazyAppConfig {...props} />
  </Suspense>
);

export const plugin = new AppPlugin<AppSettings>().setRootPage(App).addConfigPage({
  title: 'Configuration',
  icon: 'cog',
  body: AppConfig,
  id: 'configuration',
});
