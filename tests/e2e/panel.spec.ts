import { test, expect } from '@grafana/plugin-e2e';
import { readFileSync } from 'fs';
import path from 'path';
import { SIMULATOR_DS } from './provisioned';

const POOL_PANEL_TYPE = 'rustydb-poolstats-panel';

/** The bundled pools dashboard and the id of its connection-pool panel. */
function poolsDashboardPanel(): { uid: string; id: string } {
  const dashboard = JSON.parse(readFileSync(path.resolve(__dirname, '../../dashboards/pools.json'), 'utf8'));
  const panel = dashboard.panels.find((p: { type: string }) => p.type === POOL_PANEL_TYPE);
  if (!panel) {
    throw new Error(`dashboards/pools.json has no ${POOL_PANEL_TYPE} panel`);
  }
  return { uid: dashboard.uid, id: String(panel.id) };
}

test.describe('connection-pool panel', () => {
  test("a new panel shows the simulator's pools from a pool-stats query", async ({ panelEditPage, page }) => {
    await panelEditPage.datasource.set(SIMULATOR_DS.name);
    await panelEditPage.getQueryEditorRow('A').getByRole('combobox').first().click();
    await page.getByRole('option', { name: /^Pool stats/ }).click();
    await panelEditPage.setVisualization('RustyDB connection pools');
    await expect(
      panelEditPage.refreshPanel({
        waitForResponsePredicateCallback: (r) => /\/api\/v1\/pools\/[^/]+\/stats/.test(r.url()),
      })
    ).toBeOK();
    await expect(panelEditPage.panel.locator).toContainText('default');
    await expect(panelEditPage.panel.locator).toContainText('%');
  });

  test("the pools dashboard's pool panel opens in the panel editor without an error", async ({
    gotoPanelEditPage,
    page,
  }) => {
    const { uid, id } = poolsDashboardPanel();
    const panelEditPage = await gotoPanelEditPage({
      dashboard: { uid, queryParams: new URLSearchParams({ 'var-rustydb': SIMULATOR_DS.uid }) },
      id,
    });
    await expect(panelEditPage.getVisualizationName()).toHaveText('RustyDB connection pools');
    await page.waitForLoadState('networkidle');
    await expect(panelEditPage.panel.locator).toBeVisible();
    await expect(panelEditPage.panel.getErrorIcon()).toHaveCount(0);
  });
});
