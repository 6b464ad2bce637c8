/**
 * The connection-pool panel at iframe sizes (a `d-solo` URL on a status page or a wiki) in Debian's Chromium, both
 * themes: what each size shows, that it fits without scrolling, and screenshots in test-results/panel/ (copied to
 * docs/img/ for docs/embedding.md).
 */
import fs from 'fs';
import path from 'path';
import { Harness, startHarness, ThemeMode } from './harness';

jest.setTimeout(90_000);

const SHOTS = path.resolve(__dirname, '../../test-results/panel');
let harness: Harness;

beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  harness = await startHarness({ entry: path.join(__dirname, 'pages/panelCompact.tsx') });
});

afterAll(async () => {
  await harness?.close();
});

const SIZES = [
  { width: 300, height: 150, worst: ['orders', 'readonly', 'batch', 'default'] },
  { width: 200, height: 100, worst: ['orders'] },
];

describe.each<ThemeMode>(['light', 'dark'])('%s theme', (mode) => {
  test.each(SIZES)('$width×$height: counts by level and the worst pools, readable and unclipped', async (size) => {
    const { page, errors } = await harness.open({ theme: mode, viewport: { width: size.width, height: size.height } });
    const counts = page.getByRole('group', { name: 'Pools by level' });
    expect(await counts.innerText()).toMatch(/^2 critical\s+1 warning\s+4 ok$/);
    const lines = page.getByTestId('pool-worst');
    expect(await lines.evaluateAll((els) => els.map((el) => el.querySelector('bdi')!.textContent))).toEqual(size.worst);
    expect(await lines.first().getByText('critical', { exact: true }).isVisible()).toBe(true);

    // Everything shown lies inside the iframe, nothing scrolls, and the text is at least 12 px.
    const box = await page.getByTestId('pool-compact').evaluate((el) => {
      const last = el.lastElementChild!.getBoundingClientRect();
      return {
        bottom: last.bottom,
        scroll: el.scrollHeight - el.clientHeight,
        font: getComputedStyle(el.querySelector('li')!).fontSize,
      };
    });
    expect(box.bottom).toBeLessThanOrEqual(size.height);
    expect(box.scroll).toBe(0);
    expect(parseFloat(box.font)).toBeGreaterThanOrEqual(12);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(size.height);

    // The level words take the theme's level colours, so light and dark differ.
    const critical = await lines
      .first()
      .getByText('critical', { exact: true })
      .evaluate((el) => getComputedStyle(el).color);
    const expected = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('i'));
      probe.style.color = window.__harness!.theme.colors.error.text;
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    expect(critical).toBe(expected);

    await page.screenshot({ path: path.join(SHOTS, `compact-${size.width}x${size.height}-${mode}.png`) });
    expect(errors).toEqual([]);
    await page.close();
  });
});
