import { expect, test } from '@grafana/plugin-e2e';
import { SIMULATOR_DS } from './provisioned';

/**
 * Logs end to end, on a Docker host (`npm run server`, then `npm run e2e`): the RustyDB datasource's log lines in
 * the Logs and audit dashboard, and the simulator's log files shipped by Alloy into Loki, whose ruler has the
 * project's rules. None of this can run without Docker; here the specs only load (`scripts/e2eSpecs.test.ts`).
 */

const LOKI_UID = 'loki';
/** Alloy syncs its file list every 10 s and ships within seconds. */
const SHIPPING_MS = 60_000;

test.use({ viewport: { width: 1920, height: 6000 } });

test.describe('logs', () => {
  test('the Logs and audit dashboard shows RustyDB log lines from the REST API', async ({
    gotoDashboardPage,
    page,
  }) => {
    await gotoDashboardPage({
      uid: 'rustydb-logs',
      queryParams: new URLSearchParams({ 'var-rustydb': SIMULATOR_DS.uid }),
    });
    await expect(page.getByText(/Checkpoint complete/).first()).toBeVisible();
  });

  test('Alloy ships the simulator audit log to Loki, labelled with the job and instance Prometheus uses', async ({
    request,
  }) => {
    await expect
      .poll(
        async () => {
          const answer = await request.post('/api/ds/query', {
            data: {
              from: 'now-15m',
              to: 'now',
              queries: [
                {
                  refId: 'A',
                  datasource: { uid: LOKI_UID, type: 'loki' },
                  expr: 'sum by (job, instance, log) (count_over_time({job="rustydb", instance="simulator:9100"} [15m]))',
                  queryType: 'instant',
                },
              ],
            },
          });
          const body = await answer.json();
          return (body.results?.A?.frames ?? []).length;
        },
        { timeout: SHIPPING_MS }
      )
      .toBeGreaterThan(0);
  });

  test("Loki's ruler has the project's rules for bursts of errors and failed logins", async ({ request }) => {
    const answer = await request.get(`/api/datasources/proxy/uid/${LOKI_UID}/prometheus/api/v1/rules`);
    expect(answer.ok()).toBe(true);
    const text = await answer.text();
    expect(text).toContain('RustyDBLogErrorBurst');
    expect(text).toContain('RustyDBFailedLoginBurst');
  });
});
