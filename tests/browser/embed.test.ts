/**
 * The app's Embed page in Debian's Chromium: choices become the d-solo URL and iframe snippet, the preview iframe
 * loads that URL, the copy buttons copy it, and the advice fits a Grafana without anonymous access.
 */
import path from 'path';
import { Harness, startHarness } from './harness';

jest.setTimeout(90_000);

let harness: Harness;
const soloRequests: string[] = [];

beforeAll(async () => {
  harness = await startHarness({
    entry: path.join(__dirname, 'pages/embed.tsx'),
    alias: { '@grafana/runtime': path.join(__dirname, 'pages/embedRuntime.ts') },
    // Stands in for Grafana's d-solo page, so the preview has something to load.
    handle: (req, res) => {
      if (!req.url?.startsWith('/d-solo/')) {
        return false;
      }
      soloRequests.push(req.url);
      res.writeHead(200, { 'content-type': 'text/html' }).end('<p>panel</p>');
      return true;
    },
  });
});

afterAll(async () => {
  await harness?.close();
});

test('builds the snippet and URL from the choices, previews it and copies it', async () => {
  const { page, errors } = await harness.open({ theme: 'light' });
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const url = page.getByRole('textbox', { name: 'd-solo URL' });
  await page.getByRole('textbox', { name: 'Iframe snippet' }).waitFor();
  const origin = new URL(page.url()).origin;

  // Default: the pools dashboard's first panel (the live pool panel), pinned to the first RustyDB instance.
  expect(await url.inputValue()).toBe(
    `${origin}/d-solo/rustydb-pools?orgId=1&panelId=2&from=now-6h&to=now&theme=light&refresh=1m&var-rustydb=rustydb-simulator`
  );

  await page.getByRole('radio', { name: 'Dark' }).check({ force: true });
  await page.locator('#embed-size').click();
  await page.getByRole('option', { name: '200 × 100' }).click();
  await page.locator('#embed-instance').click();
  await page.getByRole('option', { name: 'RustyDB (staging)' }).click();
  const expected = `${origin}/d-solo/rustydb-pools?orgId=1&panelId=2&from=now-6h&to=now&theme=dark&refresh=1m&var-rustydb=rustydb-staging`;
  expect(await url.inputValue()).toBe(expected);
  expect(await page.getByRole('textbox', { name: 'Iframe snippet' }).inputValue()).toBe(
    `<iframe src="${expected.replace(/&/g, '&amp;')}" width="200" height="100" title="Connection pools now" frameborder="0"></iframe>`
  );

  const preview = page.locator('iframe[title="Preview: Connection pools now"]');
  expect(await preview.getAttribute('src')).toBe(expected);
  expect(await preview.getAttribute('width')).toBe('200');
  await expect(page.frameLocator('iframe').getByText('panel').waitFor()).resolves.toBeUndefined();
  expect(soloRequests.at(-1)).toBe(expected.replace(origin, ''));

  await page.getByRole('button', { name: 'Copy URL' }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);

  // No anonymous access here: the page says viewers must sign in, and that this panel cannot be shared publicly.
  const advice = page.getByRole('region', { name: 'Grafana settings for embedding' });
  expect(await advice.innerText()).toMatch(/Viewers must be signed in to Grafana[\s\S]*cookie_samesite = none/);
  expect(await advice.innerText()).toContain('Not for public sharing');
  expect(errors).toEqual([]);
  await page.close();
});

test('the status dashboard leaves the instance out and can be shared publicly', async () => {
  const { page, errors } = await harness.open({ theme: 'dark' });
  await page.getByRole('textbox', { name: 'Iframe snippet' }).waitFor();
  await page.locator('#embed-dashboard').click();
  await page.getByRole('option', { name: 'RustyDB / Status' }).click();
  await page.getByText('Can be shared publicly').waitFor();
  const url = await page.getByRole('textbox', { name: 'd-solo URL' }).inputValue();
  expect(url).toMatch(/\/d-solo\/rustydb-status\?orgId=1&panelId=2&.*theme=dark/);
  expect(url).not.toContain('var-');
  expect(errors).toEqual([]);
  await page.close();
});
