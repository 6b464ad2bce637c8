import { TestDataSourceResponse } from '@grafana/data';
import { ENDPOINTS } from '../rustydb/api/endpoints';
import { isRow } from '../rustydb/json';
import { textOf } from './endpoints/parse/read';
import { identityMismatch } from './identity/match';
import { readScrapeTargets } from './identity/prometheus';
import { excerpt, messageOf } from './transport/errors';
import type { FetchFn } from './transport/http';
import type { RustyDBOptions } from './types';

/** Each check not reporting healthy, with its message. */
function failingChecks(checks: unknown): string[] {
  if (!isRow(checks)) {
    return [];
  }
  return Object.entries(checks).flatMap(([name, check]) =>
    isRow(check) && check.status !== 'healthy'
      ? [
          `${name} ${textOf(check.status) || 'without a status'}${textOf(check.message) ? ` (${excerpt(textOf(check.message))})` : ''}`,
        ]
      : []
  );
}

/** What "Save & test" says once `/admin/health` answered: healthy, degraded (a warning) or unhealthy (an error). */
function healthVerdict(health: unknown, version: string | Error, serverUrl: string): TestDataSourceResponse {
  if (!isRow(health) || typeof health.status !== 'string') {
    return {
      status: 'error',
      message: `${serverUrl} answered /api/v1/admin/health without a health status: it does not look like RustyDB. Check the server URL.`,
    };
  }
  const versionText = typeof version === 'string' ? `RustyDB ${version}` : 'RustyDB (version unknown)';
  const versionNote = typeof version === 'string' ? '' : ` Reading /api/v1/server/info failed: ${messageOf(version)}`;
  const failing = failingChecks(health.checks);
  const more = failing.length > 5 ? `; ${failing.length - 5} more` : '';
  const checks = failing.length ? ` Failing checks: ${failing.slice(0, 5).join('; ')}${more}.` : '';
  switch (health.status) {
    case 'healthy':
      return { status: 'success', message: `${versionText} at ${serverUrl} is healthy.${checks}${versionNote}` };
    case 'degraded':
      return {
        status: 'warning',
        message: `${versionText} at ${serverUrl} is reachable but degraded.${checks} Dashboards will work; look at the failing checks.${versionNote}`,
      };
    default:
      return {
        status: 'error',
        message: `${versionText} at ${serverUrl} reports "${excerpt(health.status)}".${checks} Check the server's logs and its health checks.${versionNote}`,
      };
  }
}

/** The version `/server/info` reports, or why it could not be read. */
function versionOf(info: unknown): string | Error {
  return isRow(info) && typeof info.version === 'string' ? info.version : new Error('the answer holds no version');
}

/** What "Save & test" found of the Prometheus identity: fine, not set, or a problem that makes the test fail. */
type IdentityCheck = { ok: string } | { unset: string } | { problem: string };

/** The health verdict with the identity's result added; a wrong identity fails the test whatever the health. */
function withIdentity(verdict: TestDataSourceResponse, identity: IdentityCheck): TestDataSourceResponse {
  if ('problem' in identity) {
    return { status: 'error', message: `${verdict.message} ${identity.problem}` };
  }
  return { ...verdict, message: `${verdict.message} ${'ok' in identity ? identity.ok : identity.unset}` };
}

/** What "Save & test" needs: the settings, a fresh GET of RustyDB and Grafana's fetch for Prometheus. */
export interface HealthCheckDeps {
  jsonData: RustyDBOptions;
  /** A GET of a RustyDB path that shares no earlier answer. */
  get: (path: string) => Promise<unknown>;
  fetch: FetchFn;
  timeoutMs: number;
}

/** "Save & test": reachable, RustyDB, healthy, which version, the right Prometheus identity; and what to do when not. */
export async function testConnection({
  jsonData,
  get,
  fetch,
  timeoutMs,
}: HealthCheckDeps): Promise<TestDataSourceResponse> {
  const { serverUrl } = jsonData;
  if (!serverUrl) {
    return {
      status: 'error',
      message: "Set the server URL: RustyDB's REST address as Grafana's server reaches it, e.g. http://rustydb:8080.",
    };
  }
  let health: unknown;
  try {
    health = await get(ENDPOINTS.adminHealth.path);
  } catch (err) {
    return { status: 'error', message: messageOf(err) };
  }
  const version = await get(ENDPOINTS.serverInfo.path).then(versionOf, (err: unknown) => new Error(messageOf(err)));
  const identity = await checkIdentity(jsonData, serverUrl, fetch, timeoutMs);
  return withIdentity(healthVerdict(health, version, serverUrl), identity);
}

/** Whether the configured Prometheus labels are this server's scrape target. */
async function checkIdentity(
  { prometheusUid, job, instance }: RustyDBOptions,
  serverUrl: string,
  fetch: FetchFn,
  timeoutMs: number
): Promise<IdentityCheck> {
  if (!prometheusUid && !job && !instance) {
    return {
      unset:
        "No Prometheus identity is set, so the dashboards show this server's Prometheus panels only in fleet view (all instances). Set it under Prometheus identity.",
    };
  }
  if (!prometheusUid || !job || !instance) {
    return { problem: 'The Prometheus identity needs all three: the Prometheus data source, job and instance.' };
  }
  try {
    const targets = await readScrapeTargets(fetch, prometheusUid, timeoutMs);
    const mismatch = identityMismatch(serverUrl, { job, instance }, targets);
    return mismatch ? { problem: mismatch } : { ok: `Prometheus scrapes it as job="${job}", instance="${instance}".` };
  } catch (err) {
    return { problem: messageOf(err) };
  }
}
