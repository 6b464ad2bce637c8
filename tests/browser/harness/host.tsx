/**
 * The page around a harness entry: Grafana's theme (from `?theme=light|dark`) through ThemeContext, the page styled
 * with theme tokens as Grafana styles its body, `window.__harness.theme` for tests to compare against, and
 * `body[data-harness-ready]` once the first render is on screen.
 */
import React, { ComponentType, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { css, injectGlobal } from '@emotion/css';
import { createTheme, GrafanaTheme2 } from '@grafana/data';
import { ThemeContext } from '@grafana/ui';

declare global {
  interface Window {
    __grafana_public_path__?: string;
    __harness?: { theme: GrafanaTheme2 };
  }
}

// @grafana/ui loads its icons from `${public path}build/img/icons/`; the harness server serves them from the package.
window.__grafana_public_path__ = '/public/';

function pageStyles(theme: GrafanaTheme2): void {
  injectGlobal({
    '*, *::before, *::after': { boxSizing: 'border-box' },
    body: {
      margin: 0,
      background: theme.colors.background.canvas,
      color: theme.colors.text.primary,
      fontFamily: theme.typography.fontFamily,
      fontSize: theme.typography.body.fontSize,
      lineHeight: theme.typography.body.lineHeight,
    },
  });
}

function Ready({ children }: { children: React.ReactNode }) {
  useEffect(() => {
    requestAnimationFrame(() => document.body.setAttribute('data-harness-ready', ''));
  }, []);
  return <>{children}</>;
}

export function mount(Entry: ComponentType): void {
  const mode = new URLSearchParams(window.location.search).get('theme') === 'light' ? 'light' : 'dark';
  const theme = createTheme({ colors: { mode } });
  window.__harness = { theme };
  pageStyles(theme);
  const root = document.getElementById('root')!;
  root.className = css({ padding: theme.spacing(2) });
  createRoot(root).render(
    <ThemeContext.Provider value={theme}>
      <Ready>
        <Entry />
      </Ready>
    </ThemeContext.Provider>
  );
}
