import { test, expect } from '@grafana/plugin-e2e';
import { ENDPOINTS } from '../../src/rustydb/api/endpoints';
import { SIMULATOR_DS } from './provisioned';

const HEALTH = ENDPOINTS.adminHealth.path;

test.describe('datasource config editor', () => {
  test('"Save & test" of a new data source succeeds against the simulator', async ({
    createDataSourceConfigPage,
    page,
  }) => {
    const configPage = await createDataSourceConfigPage({ type: SIMULATOR_DS.type });
    await page.getByLabel('Server URL').fill(SIMULATOR_DS.serverUrl);
    await expect(configPage.saveAndTest({ path: HEALTH })).toBeOK();
    await expect(configPage).toHaveAlert('success', { hasText: /healthy/i });
  });

  test('"Save & test" explains a server that cannot be reached', async ({ createDataSourceConfigPage, page }) => {
    const configPage = await createDataSourceConfigPage({ type: SIMULATOR_DS.type });
    await page.getByLabel('Server URL').fill('http://simulator:9');
    await expect(configPage.saveAndTest({ path: HEALTH })).not.toBeOK();
    await expect(configPage).toHaveAlert('error', { hasText: /reach|running|refused/i });
  });

  test('the provisioned simulator data source passes its test', async ({ gotoDataSourceConfigPage }) => {
    const configPage = await gotoDataSourceConfigPage(SIMULATOR_DS.uid);
    await expect(configPage.saveAndTest({ path: HEALTH })).toBeOK();
    await expect(configPage).toHaveAlert('success');
  });
});

test.describe('datasource query editor', () => {
  test('a performance query returns CPU, memory and TPS from the simulator', async ({ panelEditPage, page }) => {
    await panelEditPage.datasource.set(SIMULATOR_DS.name);
    const row = panelEditPage.getQueryEditorRow('A');
    await row.getByRole('combobox').first().click();
    await page.getByRole('option', { name: /^Performance/ }).click();
    await panelEditPage.setVisualization('Table');
    await expect(
      panelEditPage.refreshPanel({
        waitForResponsePredicateCallback: (r) => r.url().includes(ENDPOINTS.statsPerformance.path),
      })
    ).toBeOK();
    await expect(panelEditPage.panel.fieldNames).toContainText([
      'CPU usage',
      'Memory usage',
      'Transactions per second',
    ]);
  });
});
