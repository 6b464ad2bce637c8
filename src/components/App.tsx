import React from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { GettingStarted } from '../pages/GettingStarted/GettingStarted';
import { Home } from '../pages/Home/Home';
import { ROUTES } from '../constants';
import { AppSettings, readAppSettings } from './appSettings';

function App({ meta }: AppRootProps<AppSettings>) {
  const settings = readAppSettings(meta.jsonData);
  return (
    <Routes>
      <Route path={ROUTES.Home} element={<Home settings={settings} />} />
      <Route path={ROUTES.GettingStarted} element={<GettingStarted />} />
      <Route path="*" element={<Navigate to={ROUTES.Home} replace />} />
    </Routes>
  );
}

export default App;
