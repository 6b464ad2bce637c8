import { test, expect } from './fixtures';
import { ROUTES } from '../../src/constants';
import { BUNDLED_DASHBOARDS, SIMULATOR_DS } from './provisioned';

test.describe('app home', () => {
  test('shows the provisioned simulator with its status, version and live figures', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    const card = page.getByRole('article', { name: SIMULATOR_DS.name });
    await expect(card).toBeVisible();
    await expect(card.getByText(/^(Healthy|Warning|Critical)$/)).toBeVisible();
    await expect(card.getByText('Unreachable')).toHaveCount(0);
    await expect(card.getByText(/^RustyDB \d+\.\d+\.\d+/)).toBeVisible();
    for (const figure of ['CPU', 'Memory', 'TPS', 'Pool pressure']) {
      await expect(card.getByRole('term').filter({ hasText: figure })).toBeVisible();
    }
    await expect(page.getByRole('status').first()).toContainText(/\d+ instances?:/);
  });

  test('links each instance to the bundled dashboards with it selected', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    const links = page.getByRole('navigation', { name: `Dashboards for ${SIMULATOR_DS.name}` });
    const overview = links.getByRole('link', { name: 'Overview' });
    await expect(overview).toHaveAttribute('href', new RegExp(`/d/rustydb-overview\\?var-rustydb=${SIMULATOR_DS.uid}`));
    await overview.click();
    await expect(page).toHaveURL(/\/d\/rustydb-overview/);
    await expect(page).toHaveURL(new RegExp(`var-rustydb=${SIMULATOR_DS.uid}`));
  });
});

test.describe('getting started', () => {
  test('creates a data source, tests it against the simulator and offers its dashboards', async ({
    gotoPage,
    page,
  }) => {
    const name = `RustyDB e2e ${Date.now()}`;
    await gotoPage(`/${ROUTES.GettingStarted}`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Server URL').fill(SIMULATOR_DS.serverUrl);
    await page.getByRole('button', { name: /create and test/i }).click();
    try {
      await expect(page.getByText(`3. ${name} is connected`)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('navigation', { name: `Dashboards for ${name}` }).getByRole('link')).toHaveCount(
        BUNDLED_DASHBOARDS.length
      );
    } finally {
      await page.request.delete(`/api/datasources/name/${encodeURIComponent(name)}`);
    }
  });

  test('says which field to fix and creates nothing while the form is invalid', async ({ gotoPage, page }) => {
    const created: string[] = [];
    page.on('request', (r) => r.method() === 'POST' && r.url().endsWith('/api/datasources') && created.push(r.url()));
    await gotoPage(`/${ROUTES.GettingStarted}`);
    await page.getByLabel('Server URL').fill('rustydb:8080');
    await page.getByRole('button', { name: /create and test/i }).click();
    await expect(page.getByText(/Start the address with http:\/\/ or https:\/\//)).toBeVisible();
    await expect(page.getByLabel('Server URL')).toBeFocused();
    expect(created).toEqual([]);
  });

  test('reports a server that does not answer, and keeps the data source to fix', async ({ gotoPage, page }) => {
    const name = `RustyDB e2e unreachable ${Date.now()}`;
    await gotoPage(`/${ROUTES.GettingStarted}`);
    await page.getByLabel('Name').fill(name);
    await page.getByLabel('Server URL').fill('http://simulator:9');
    await page.getByRole('button', { name: /create and test/i }).click();
    try {
      await expect(page.getByText(`3. ${name} was created, but its test failed`)).toBeVisible({ timeout: 30_000 });
      await expect(page.getByRole('button', { name: 'Test again' })).toBeVisible();
    } finally {
      await page.request.delete(`/api/datasources/name/${encodeURIComponent(name)}`);
    }
  });
});

test.describe('app configuration', () => {
  test('saves the settings in the app jsonData', async ({ appConfigPage, page }) => {
    await page.getByRole('radio', { name: '1 min' }).check({ force: true });
    const saved = appConfigPage.waitForSettingsResponse();
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(saved).toBeOK();
    await expect(page.getByText(/^Saved\./)).toBeVisible();
  });
});
