import type { RustyDBInstanceSettings } from '../../components/rustydbInstances';
import type { RustyDBReader } from '../../components/rustydbReader';
import type { Limiter } from './concurrency';
import {
  FLEET_QUERIES,
  FleetAnswers,
  FleetQuery,
  figuresByIdentity,
  identityKey,
  PrometheusFigures,
  PrometheusIdentity,
  samplesOf,
  TREND,
} from './fleetPromQL';
import { InstanceReport, Outcome, reportInstance } from './instanceReport';
import { attempt, GetJson, readInstance, readInstanceWithPrometheus } from './readInstance';

/** The side effects of a round, injected: Grafana's in the page, fakes in tests. */
export interface FleetDeps {
  /** The RustyDB instance Grafana loaded for a uid (`rustydbReader`). */
  reader: (uid: string) => Promise<RustyDBReader>;
  /** One PromQL query through Grafana (`queryPrometheus`). */
  prometheus: (
    prometheusUid: string,
    query: string,
    now: number,
    range?: { seconds: number; stepSeconds: number }
  ) => Promise<unknown>;
  /** Every REST request of the round goes through it, so at most a few are in flight (RustyDB shares 100 req/s). */
  limit: Limiter;
  now: () => number;
}

/** The identity an instance's data source declares, when it declares all three parts. */
export function identityOf({ jsonData }: RustyDBInstanceSettings): PrometheusIdentity | undefined {
  const { prometheusUid, job, instance } = jsonData;
  return prometheusUid && job && instance ? { prometheusUid, job, instance } : undefined;
}

async function readPrometheus(
  deps: FleetDeps,
  prometheusUid: string,
  now: number
): Promise<Map<string, PrometheusFigures>> {
  const names = Object.keys(FLEET_QUERIES) as FleetQuery[];
  const [trend, ...bodies] = await Promise.all([
    deps.prometheus(prometheusUid, TREND.query, now, TREND),
    ...names.map((name) => deps.prometheus(prometheusUid, FLEET_QUERIES[name], now)),
  ]);
  const answers = Object.fromEntries(names.map((name, i) => [name, samplesOf(bodies[i])])) as FleetAnswers;
  return figuresByIdentity({ ...answers, trend: samplesOf(trend) });
}

function figuresOf(
  fleet: Outcome<Map<string, PrometheusFigures>>,
  { job, instance }: PrometheusIdentity
): Outcome<PrometheusFigures> {
  if (!fleet.ok) {
    return fleet;
  }
  const figures = fleet.value.get(identityKey({ job, instance }));
  return figures
    ? { ok: true, value: figures }
    : { ok: false, error: `Prometheus has no series for job "${job}", instance "${instance}"` };
}

/**
 * One round over the fleet: the fleet-wide PromQL queries once per Prometheus, REST through `deps.limit`, and each
 * instance's report handed to `onReport` as soon as it is ready. Never rejects: every failure becomes a report.
 */
export async function readFleet(
  instances: RustyDBInstanceSettings[],
  deps: FleetDeps,
  onReport: (report: InstanceReport) => void
): Promise<void> {
  const now = deps.now();
  const prometheusUids = new Set(instances.flatMap((ds) => identityOf(ds)?.prometheusUid ?? []));
  const fleets = new Map(
    [...prometheusUids].map((uid) => [uid, attempt(() => readPrometheus(deps, uid, now))] as const)
  );
  await Promise.all(
    instances.map(async (settings) => {
      const reader = await attempt(() => deps.reader(settings.uid));
      const get: GetJson = reader.ok
        ? (path) => deps.limit(() => reader.value.client.get(path))
        : () => Promise.reject(new Error(reader.error));
      const identity = identityOf(settings);
      const reading = identity
        ? await readInstanceWithPrometheus(
            get,
            fleets.get(identity.prometheusUid)!.then((fleet) => figuresOf(fleet, identity))
          )
        : await readInstance(get);
      onReport(reportInstance(settings, reading));
    })
  );
}
