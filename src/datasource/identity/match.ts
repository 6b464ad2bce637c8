/**
 * A RustyDB server's Prometheus identity: which scrape target (`job`, `instance`) holds its metrics. Pure: the
 * answer of Prometheus' `/api/v1/targets` in, proposals and verdicts out.
 */
import { isRow } from '../../rustydb/json';

export interface PrometheusIdentity {
  job: string;
  instance: string;
}

/** One active scrape target as Prometheus reports it. */
export interface ScrapeTarget extends PrometheusIdentity {
  /** `host:port` Prometheus scrapes (`discoveredLabels.__address__`, else the scrape URL's). */
  address: string;
  scrapeUrl: string;
  health: string;
}

/** Active targets of a `/api/v1/targets` answer; anything else is an error that names what was wrong. */
export function scrapeTargets(body: unknown): ScrapeTarget[] {
  const data = isRow(body) ? body.data : undefined;
  const active = isRow(data) ? data.activeTargets : undefined;
  if (!Array.isArray(active)) {
    throw new Error('Prometheus answered /api/v1/targets without a list of active targets.');
  }
  return active.flatMap((t) => {
    const labels = isRow(t) && isRow(t.labels) ? t.labels : {};
    const discovered = isRow(t) && isRow(t.discoveredLabels) ? t.discoveredLabels : {};
    const scrapeUrl = isRow(t) && typeof t.scrapeUrl === 'string' ? t.scrapeUrl : '';
    const address = typeof discovered.__address__ === 'string' ? discovered.__address__ : hostPort(scrapeUrl);
    if (typeof labels.job !== 'string' || typeof labels.instance !== 'string' || !address) {
      return [];
    }
    const health = isRow(t) && typeof t.health === 'string' ? t.health : 'unknown';
    return [{ job: labels.job, instance: labels.instance, address, scrapeUrl, health }];
  });
}

const DEFAULT_PORTS: Record<string, string> = { 'http:': '80', 'https:': '443' };

/** `host:port` of a URL (the scheme's default port when none is written); '' when it is not a URL. */
export function hostPort(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || DEFAULT_PORTS[parsed.protocol] || ''}`;
  } catch {
    return '';
  }
}

const hostOf = (address: string) => address.replace(/:\d+$/, '');

/**
 * How a target relates to the server: `same` when Prometheus scrapes the REST port itself (v0.6.5's
 * `/api/v1/metrics/prometheus`), `host` when it scrapes another port of the same host (the guide's exporter on
 * :9100), `other` otherwise.
 */
export function relation(serverUrl: string, target: ScrapeTarget): 'same' | 'host' | 'other' {
  const server = hostPort(serverUrl);
  if (!server) {
    return 'other';
  }
  if (server === target.address) {
    return 'same';
  }
  return hostOf(server) === hostOf(target.address) ? 'host' : 'other';
}

export interface Proposal {
  /** The best match, if any. */
  identity?: PrometheusIdentity;
  /** Every target on the server's host, best first: the choices offered for an override. */
  candidates: ScrapeTarget[];
  /** Why there is no single proposal (nothing on this host, or several equally good targets). */
  note?: string;
}

/** The targets that scrape this server's host, the REST port itself first; a proposal when one is best. */
export function proposeIdentity(serverUrl: string, targets: ScrapeTarget[]): Proposal {
  const same = targets.filter((t) => relation(serverUrl, t) === 'same');
  const host = targets.filter((t) => relation(serverUrl, t) === 'host');
  const candidates = [...same, ...host];
  const best = same.length ? same : host;
  if (best.length === 0) {
    return {
      candidates,
      note: `Prometheus scrapes no target on ${hostPort(serverUrl) || serverUrl}'s host. Add a scrape job for it, or enter the labels by hand.`,
    };
  }
  const identity = { job: best[0].job, instance: best[0].instance };
  const distinct = new Set(best.map((t) => `${t.job}\u0000${t.instance}`));
  return distinct.size > 1
    ? {
        identity,
        candidates,
        note: `${distinct.size} targets scrape ${hostOf(best[0].address)}: check that job "${identity.job}" and instance "${identity.instance}" are this server.`,
      }
    : { identity, candidates };
}

/** Why the configured labels are not this server's, or undefined when they are. */
export function identityMismatch(
  serverUrl: string,
  identity: PrometheusIdentity,
  targets: ScrapeTarget[]
): string | undefined {
  const labelled = targets.filter((t) => t.job === identity.job && t.instance === identity.instance);
  const named = `job="${identity.job}", instance="${identity.instance}"`;
  if (labelled.length === 0) {
    return `Prometheus has no target with ${named}, so the dashboards' Prometheus panels would stay empty. Use the detected labels or fix them.`;
  }
  if (!labelled.some((t) => relation(serverUrl, t) !== 'other')) {
    return `The Prometheus labels ${named} belong to ${labelled[0].address}, another server than ${serverUrl}: the dashboards would show that server's metrics beside this one's. Use the detected labels or fix them.`;
  }
  return undefined;
}

/**
 * A label value as a regular expression matching exactly it, for the dashboards' variable regex (Grafana anchors a
 * regex written without slashes: `^…$`).
 */
export function exactPattern(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * What a data source without an identity answers: a pattern no label value has, so its dashboards offer only
 * the fleet view (All) rather than a server that may not be this one.
 */
export const NO_IDENTITY_PATTERN = 'rustydb-prometheus-identity-not-set';
