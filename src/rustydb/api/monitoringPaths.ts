import { API_PREFIX, ENDPOINTS, PROMETHEUS_PATH } from './endpoints';

/**
 * The path prefixes through which Grafana's data-source proxy may reach RustyDB: the part of each monitoring GET
 * before its first `{id}`, leaving out any prefix already covered by a shorter one. Grafana matches a proxy route by
 * prefix, so a route for `/api/v1/pools` also serves `/api/v1/pools/{id}/stats`; nothing outside these prefixes is
 * routed (see docs/datasource.md, "What the proxy forwards").
 */
export const MONITORING_PREFIXES: readonly string[] = (() => {
  const staticParts = Object.values(ENDPOINTS).map(({ path }) => path.split('/{')[0]);
  const unique = [...new Set(staticParts)].sort();
  return unique.filter((prefix) => !unique.some((other) => other !== prefix && isBelow(prefix, other)));
})();

function isBelow(path: string, prefix: string): boolean {
  return path === prefix || path.startsWith(`${prefix}/`);
}

/** Whether a path (without its query string) lies on or below one of the monitoring prefixes: what the proxy forwards. */
export function isBelowMonitoringPrefix(path: string): boolean {
  return MONITORING_PREFIXES.some((prefix) => isBelow(path, prefix));
}

const MONITORING_GETS = [...Object.values(ENDPOINTS).map(({ path }) => path), PROMETHEUS_PATH].map(
  (path) => new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{id\}/g, '[^/]+')}$`)
);

/** Whether a path (without its query string) is one of the monitoring GETs of the API contract, `{id}` any segment. */
export function isMonitoringPath(path: string): boolean {
  return MONITORING_GETS.some((pattern) => pattern.test(path));
}

/** The areas below `/api/v1/` that the prefixes fall in, for messages: `admin`, `buffer`, `health`, … */
export const MONITORING_AREAS: readonly string[] = [
  ...new Set(MONITORING_PREFIXES.map((prefix) => prefix.slice(API_PREFIX.length + 1).split('/')[0])),
];
