/**
 * The connection-pool panel in Debian's Chromium with the real @grafana/ui theme: what an operator sees in the light
 * and dark themes, with screenshots in test-results/panel/ (gitignored) to look at; `GRAFANA_LINE=<version>` runs it
 * on another Grafana line's packages (harness/grafanaLine.ts).
 */
import path from 'path';
import type { Locator, Page } from 'playwright-core';
import { Harness, resultsDir, startHarness, ThemeMode } from './harness';
import { expectedPackages } from './harness/grafanaLine';
import { HOSTILE_ID, LONG_ID, RTL_ID } from './pages/panelIds';

jest.setTimeout(90_000);

const SHOTS = resultsDir('panel');
let harness: Harness;

beforeAll(async () => {
  harness = await startHarness({ entry: path.join(__dirname, 'pages/panel.tsx') });
});

afterAll(async () => {
  await harness?.close();
});

const card = (page: Page, id: string): Locator =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: id, exact: true }) });
const stat = (entry: Locator, name: string) => entry.locator(`dt:text-is("${name}") + dd`).textContent();
const css = (locator: Locator, property: string) =>
  locator.evaluate((el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** The page's theme colours, as the browser computes them (`rgb(…)`), to compare with computed styles. */
function themeColors(page: Page) {
  return page.evaluate(() => {
    const theme = window.__harness!.theme;
    const computed = (color: string) => {
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.color = color;
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    };
    return {
      red: computed(theme.visualization.getColorByName('red')),
      green: computed(theme.visualization.getColorByName('green')),
      card: computed(theme.colors.background.secondary),
    };
  });
}

/** WCAG 2 contrast ratio of two opaque `rgb(r, g, b)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color
      .match(/\d+(\.\d+)?/g)!
      .slice(0, 3)
      .map((c) => {
        const v = Number(c) / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test("the page runs on one copy of each of the Grafana line's run-time packages", () => {
  expect(harness.packages).toMatchObject(
    expectedPackages(harness.line, ['@grafana/data', '@grafana/ui', 'react', 'react-dom', 'rxjs'])
  );
  expect(Object.entries(harness.packages).filter(([, versions]) => versions.length !== 1)).toEqual([]);
});

describe.each<ThemeMode>(['light', 'dark'])('%s theme', (mode) => {
  test('cards: pools, levels in words, threshold colours, hostile ids as text, no console errors', async () => {
    const { page, errors } = await harness.open({ theme: mode, query: { scenario: 'cards' } });

    expect(await page.getByRole('listitem').count()).toBe(7);
    for (const id of ['orders', 'readonly', 'default', 'batch', RTL_ID, HOSTILE_ID, LONG_ID]) {
      await expect(card(page, id).isVisible()).resolves.toBe(true);
    }

    const orders = card(page, 'orders');
    expect(await orders.getByText('critical', { exact: true }).count()).toBe(2); // the pool's level and its waiting
    expect(await stat(orders, 'Waiting')).toBe('24 critical');
    expect(await orders.getByRole('meter').getAttribute('aria-valuetext')).toBe('97.0%, critical');
    expect(await stat(card(page, 'readonly'), 'Waiting')).toBe('6 warning');
    expect(await card(page, 'readonly').getByText('Max 50, headroom 0 (86% in use)').isVisible()).toBe(true);
    expect(await card(page, 'batch').getByRole('meter').getAttribute('aria-valuetext')).toBe('no connections');

    // Threshold colours come from the theme, and ok and critical differ.
    const colors = await themeColors(page);
    const fill = (id: string) => css(card(page, id).getByTestId('utilisation-fill'), 'background-color');
    expect(await fill('orders')).toBe(colors.red);
    expect(await fill('default')).toBe(colors.green);
    expect(colors.red).not.toBe(colors.green);
    expect(await css(orders, 'background-color')).toBe(colors.card);

    // Level words stay readable: WCAG AA contrast for small text against the card.
    const tag = orders.getByText('critical', { exact: true }).first();
    expect(contrast(await css(tag, 'color'), colors.card)).toBeGreaterThanOrEqual(4.5);

    // The hostile id is shown as text and never ran.
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await card(page, HOSTILE_ID).getByRole('heading').textContent()).toBe(HOSTILE_ID);

    // Sparklines drew on real canvases.
    expect(await orders.locator('canvas').count()).toBe(2);
    expect(await orders.getByRole('img', { name: /^Utilisation trend from/ }).isVisible()).toBe(true);

    await page.screenshot({ path: path.join(SHOTS, `cards-${mode}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('list: 1,000 pools render a window of rows and scroll to the last one', async () => {
    const { page, errors } = await harness.open({ theme: mode, query: { scenario: 'list' } });
    const table = page.getByRole('table', { name: 'Connection pools' });
    expect(await table.getAttribute('aria-rowcount')).toBe('1001');
    const rows = page.locator('[data-testid="pool-entry"]');
    expect(await rows.count()).toBeLessThan(60);
    await page.screenshot({ path: path.join(SHOTS, `list-${mode}.png`) });

    await page.getByRole('rowgroup').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await expect(page.locator('[aria-rowindex="1001"]').waitFor()).resolves.toBeUndefined();
    expect(await rows.count()).toBeLessThan(60);
    expect(errors).toEqual([]);
    await page.close();
  });
});

test('keyboard: Tab reaches a pool link, Enter opens the pool dashboard', async () => {
  const { page } = await harness.open({ query: { scenario: 'cards' } });
  const link = card(page, 'orders').getByRole('link', { name: 'orders' });
  for (let i = 0; i < 15 && !(await link.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
  expect(await css(link, 'outline-style')).toBe('solid');
  const request = page.waitForRequest((r) => r.url().includes('/d/rustydb-pool?var-pool=orders'));
  await page.keyboard.press('Enter');
  await expect(request).resolves.toBeTruthy();
  await page.close();
});
