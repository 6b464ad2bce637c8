import React from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppRootProps } from '@grafana/data';
import { Embed } from '../pages/Embed/Embed';
import { GettingStarted } from '../pages/GettingStarted/GettingStarted';
import { Home } from '../pages/Home/Home';
import { Runbooks } from '../pages/Runbooks/Runbooks';
import { Open } from '../pages/Open/Open';
import { ROUTES } from '../constants';
import { AppSettings, readAppSettings } from './appSettings';

function App({ meta }: AppRootProps<AppSettings>) {
  const settings = readAppSettings(meta.jsonData);
  return (
    <Routes>
      <Route path={ROUTES.GettingStarted} element={<GettingStarted />} />
      <Route path={ROUTES.Runbooks} element={<Runbooks />} />
      <Route path={ROUTES.Open} element={<Open />} />
      <Route path={ROUTES.Embed} element={<Embed />} />
      {/* The home page answers every other path, as the app's default page. */}
      <Route path="*" element={<Home settings={settings} />} />
    </Routes>
  );
}

export default App;
