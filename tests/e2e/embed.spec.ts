import { test, expect } from '@grafana/plugin-e2e';
import { readFileSync } from 'fs';
import path from 'path';
import { SIMULATOR_DS } from './provisioned';

/** The live pool panel's stable id, from the id lock the dashboard generator keeps (dashboards/src/panelIds.lock). */
function livePoolPanelId(): number {
  const lock = JSON.parse(readFileSync(path.resolve(__dirname, '../../dashboards/src/panelIds.lock'), 'utf8'));
  return lock['rustydb-pools'].panels['rustydb/connection-pools-now'];
}

// The compose stack's Grafana allows embedding (GF_SECURITY_ALLOW_EMBEDDING) and anonymous access.
test.describe('embedded panel', () => {
  test('a d-solo URL in a 300×150 iframe renders the compact pool panel and refreshes', async ({ page, baseURL }) => {
    const base = new URL(baseURL ?? 'http://localhost:3000');
    const src = new URL(`/d-solo/rustydb-pools`, base);
    src.search = new URLSearchParams({
      orgId: '1',
      panelId: String(livePoolPanelId()),
      'var-rustydb': SIMULATOR_DS.uid,
      from: 'now-15m',
      to: 'now',
      theme: 'light',
      refresh: '5s',
    }).toString();

    const poolRequests: string[] = [];
    page.on('request', (r) => {
      if (/\/api\/v1\/pools/.test(r.url())) {
        poolRequests.push(r.url());
      }
    });
    // A page on Grafana's origin, so the frame is same-site as a status page on Grafana's domain would be.
    await page.goto(`${base.origin}/public/img/grafana_icon.svg`);
    await page.setContent(`<iframe src="${src.href}" width="300" height="150" title="pools"></iframe>`);

    const frame = page.frameLocator('iframe[title="pools"]');
    await expect(frame.getByTestId('pool-compact')).toBeVisible({ timeout: 30_000 });
    await expect(frame.getByRole('group', { name: 'Pools by level' })).toContainText(/\d+ (ok|warning|critical)/);
    await expect(frame.getByTestId('pool-worst').first()).toBeVisible();

    // refresh=5s: the panel asks RustyDB again without a reload.
    const seen = poolRequests.length;
    await expect.poll(() => poolRequests.length, { timeout: 20_000 }).toBeGreaterThan(seen);
  });
});
