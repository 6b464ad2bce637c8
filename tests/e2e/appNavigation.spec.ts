import { test, expect } from './fixtures';
import { ROUTES } from '../../src/constants';

test.describe('app home', () => {
  test('lists the provisioned RustyDB data source', async ({ gotoPage, page }) => {
    await gotoPage(`/${ROUTES.Home}`);
    await expect(page.getByText('RustyDB instances')).toBeVisible();
  });
});
