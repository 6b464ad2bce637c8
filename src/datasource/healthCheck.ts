import { TestDataSourceResponse } from '@grafana/data';
import { isRow } from '../rustydb/json';
import { textOf } from './endpoints/parse/read';
import { excerpt, messageOf } from './transport/errors';

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
export function healthVerdict(health: unknown, version: string | Error, serverUrl: string): TestDataSourceResponse {
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
export function versionOf(info: unknown): string | Error {
  return isRow(info) && typeof info.version === 'string' ? info.version : new Error('the answer holds no version');
}

/** What "Save & test" found of the Prometheus identity: fine, not set, or a problem that makes the test fail. */
export type IdentityCheck = { ok: string } | { unset: string } | { problem: string };

/** The health verdict with the identity's result added; a wrong identity fails the test whatever the health. */
export function withIdentity(verdict: TestDataSourceResponse, identity: IdentityCheck): TestDataSourceResponse {
  if ('problem' in identity) {
    return { status: 'error', message: `${verdict.message} ${identity.problem}` };
  }
  return { ...verdict, message: `${verdict.message} ${'ok' in identity ? identity.ok : identity.unset}` };
}
