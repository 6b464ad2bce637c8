import { grafanaBackendSrv, GrafanaOptions, jsonAnswer, UpstreamAnswer } from '../../../tests/grafana/backendSrv';
import { RustyDBClient } from '../client';
import type { RustyDBOptions } from '../types';
import { NOW } from './fakes';
import { fixtureFor } from './fixtures';

export const SERVER = 'http://rustydb:8080';

/** RustyDB's v0.6.5 answer for a path, as it sends it (JSON content type). */
export const fixtureAnswer = (path: string): UpstreamAnswer => jsonAnswer(fixtureFor(path.split('?')[0], 'plain'));

/**
 * A client behind a model of Grafana's frontend and data-source proxy (`tests/grafana/`), in front of a RustyDB that
 * answers `upstream(path)`: what a user's browser would receive.
 */
export function grafanaClient(
  upstream: (path: string) => UpstreamAnswer,
  jsonData: RustyDBOptions = {},
  extra: Partial<GrafanaOptions> = {}
) {
  const grafana = grafanaBackendSrv({
    jsonData: { serverUrl: SERVER, ...jsonData },
    upstream: (request) => upstream(request.path),
    ...extra,
  });
  const client = new RustyDBClient(
    { url: grafana.base, uid: 'ds', jsonData: { serverUrl: SERVER, ...jsonData } },
    {
      fetch: grafana.fetch,
      now: () => NOW,
      retry: { retries: 3, baseDelayMs: 300, maxDelayMs: 3000, random: () => 0.5 },
    }
  );
  return { client, grafana };
}
