import { test, expect } from '@grafana/plugin-e2e';
import { BUNDLED_DASHBOARDS, SIMULATOR_DS } from './provisioned';

// Grafana renders (and queries) only the panels in view; a tall window puts every panel in view.
test.use({ viewport: { width: 1920, height: 6000 } });

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('bundled dashboards', () => {
  for (const { uid, name } of BUNDLED_DASHBOARDS) {
    test(`${name} loads without a panel error`, async ({ gotoDashboardPage, page }) => {
      const dashboard = await gotoDashboardPage({
        uid,
        queryParams: new URLSearchParams({ 'var-rustydb': SIMULATOR_DS.uid }),
      });
      await expect(page).toHaveTitle(new RegExp(escapeRegExp(name)));
      await page.waitForLoadState('networkidle');
      await expect(dashboard).not.toHavePanelErrors();
    });
  }
});
