import { FLEET_QUERIES, FleetQuery, TREND } from '../Home/fleetPromQL';

/** What a fake Prometheus knows of one scraped RustyDB. */
export interface FakeScrape {
  job: string;
  instance: string;
  cpu: number;
  memory: number;
  tps?: number;
  pools?: Array<{ pool: string; active: number; idle: number; waiting: number }>;
}

const vector = (result: unknown[]) => ({ status: 'success', data: { resultType: 'vector', result } });

/**
 * Prometheus' HTTP API answer to one of the home page's fleet queries over `scrapes`, in Prometheus' JSON shape;
 * an error answer, as Prometheus gives one, for a query the page does not make. `range` answers the trend query.
 */
export function answerFleetQuery(
  scrapes: FakeScrape[],
  query: string,
  time: number,
  range?: { start: number; end: number; step: number }
): unknown {
  const name = (Object.keys(FLEET_QUERIES) as FleetQuery[]).find((key) => FLEET_QUERIES[key] === query);
  if (!name) {
    return { status: 'error', errorType: 'bad_data', error: `the fake Prometheus does not know ${query}` };
  }
  if (range && query === TREND.query) {
    const times = Array.from(
      { length: Math.floor((range.end - range.start) / range.step) + 1 },
      (_, i) => range.start + i * range.step
    );
    return {
      status: 'success',
      data: {
        resultType: 'matrix',
        result: scrapes.map(({ job, instance, cpu }) => ({
          metric: { job, instance },
          values: times.map((t, i) => [t, String(cpu * (0.8 + 0.2 * Math.sin(i / 3)))]),
        })),
      },
    };
  }
  const sample = (labels: Record<string, string>, value: number) => ({ metric: labels, value: [time, String(value)] });
  const perPool = (pick: (p: NonNullable<FakeScrape['pools']>[number]) => number) =>
    scrapes.flatMap(({ job, instance, pools }) =>
      (pools ?? []).map((p) => sample({ job, instance, pool: p.pool }, pick(p)))
    );
  switch (name) {
    case 'cpuPercent':
      return vector(scrapes.map(({ job, instance, cpu }) => sample({ job, instance }, cpu)));
    case 'memoryPercent':
      return vector(scrapes.map(({ job, instance, memory }) => sample({ job, instance }, memory)));
    case 'transactionsPerSecond':
      return vector(
        scrapes.flatMap(({ job, instance, tps }) => (tps === undefined ? [] : [sample({ job, instance }, tps)]))
      );
    case 'poolActive':
      return vector(perPool((p) => p.active));
    case 'poolIdle':
      return vector(perPool((p) => p.idle));
    case 'poolWaiting':
      return vector(perPool((p) => p.waiting));
  }
}
