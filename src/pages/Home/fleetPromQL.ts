import type { MetricName } from '../../rustydb/metrics';
import type { PerformanceReading, PoolReading } from './instanceReport';
import { poolUtilisation } from '../../rustydb/pools';

/** Where an instance's series live: its data source's Prometheus identity (docs/datasource.md). */
export interface PrometheusIdentity {
  prometheusUid: string;
  job: string;
  instance: string;
}

const metric = (name: MetricName) => name;
const byInstance = (labels: string, expr: string) => `max by (${labels}) (${expr})`;

/**
 * The fleet-wide instant queries: one per figure, answering for every instance a Prometheus scrapes at once, so a
 * refresh costs the same handful of queries at 10 instances as at 200. Named as the dashboards name them.
 */
export const FLEET_QUERIES = {
  cpuPercent: byInstance('job, instance', metric('rustydb_cpu_usage_percent')),
  memoryPercent: byInstance('job, instance', metric('rustydb_memory_usage_percent')),
  transactionsPerSecond: `sum by (job, instance) (rate(${metric('rustydb_transactions_total')}[5m]))`,
  poolActive: byInstance('job, instance, pool', metric('rustydb_connection_pool_active')),
  poolIdle: byInstance('job, instance, pool', metric('rustydb_connection_pool_idle')),
  poolWaiting: byInstance('job, instance, pool', metric('rustydb_connection_pool_waiting')),
} as const;

export type FleetQuery = keyof typeof FLEET_QUERIES;

/** The trend column: each instance's CPU over the last half hour, one point a minute (a range query). */
export const TREND = { query: FLEET_QUERIES.cpuPercent, seconds: 30 * 60, stepSeconds: 60 } as const;

interface Sample {
  labels: Record<string, string>;
  values: number[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function labelsOf(raw: unknown): Record<string, string> {
  return isObject(raw)
    ? Object.fromEntries(Object.entries(raw).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};
}

/** Prometheus writes sample values as strings ("NaN" and "+Inf" included): only finite numbers are kept. */
function sampleValue(pair: unknown): number[] {
  const value = Array.isArray(pair) ? Number(pair[1]) : NaN;
  return Number.isFinite(value) ? [value] : [];
}

/**
 * The series of an instant (`vector`) or range (`matrix`) answer of Prometheus' HTTP API; an operator-worded Error
 * for anything else (an error answer, or a body that is not Prometheus'), so one bad answer never blanks the page.
 */
export function samplesOf(body: unknown): Sample[] {
  if (!isObject(body) || body.status !== 'success' || !isObject(body.data) || !Array.isArray(body.data.result)) {
    const error = isObject(body) && typeof body.error === 'string' ? `: ${body.error}` : '';
    throw new Error(`Prometheus did not answer the query${error}.`);
  }
  return body.data.result.flatMap((series) => {
    if (!isObject(series)) {
      return [];
    }
    const values = Array.isArray(series.values) ? series.values.flatMap(sampleValue) : sampleValue(series.value);
    return [{ labels: labelsOf(series.metric), values }];
  });
}

export const identityKey = ({ job, instance }: { job: string; instance: string }) => JSON.stringify([job, instance]);

/** One figure of every instance: the latest value by identity (an instant query has one value per series). */
function latestByInstance(samples: Sample[]): Map<string, number> {
  return new Map(
    samples.flatMap(({ labels, values }) =>
      values.length && labels.job !== undefined && labels.instance !== undefined
        ? [[identityKey({ job: labels.job, instance: labels.instance }), values[values.length - 1]] as const]
        : []
    )
  );
}

/** What one Prometheus answered for the fleet: the body of each query, or why it failed. */
export type FleetAnswers = Record<FleetQuery, Sample[]> & { trend: Sample[] };

export interface PrometheusFigures {
  performance: PerformanceReading;
  pools: PoolReading[];
  trend: number[];
}

type PoolValues = Map<string, Map<string, number>>;

/** identity → pool → latest value. */
function byInstanceAndPool(samples: Sample[]): PoolValues {
  const result: PoolValues = new Map();
  for (const { labels, values } of samples) {
    if (labels.pool === undefined || !values.length) {
      continue;
    }
    const key = identityKey({ job: labels.job ?? '', instance: labels.instance ?? '' });
    const pools = result.get(key) ?? new Map<string, number>();
    pools.set(labels.pool, values[values.length - 1]);
    result.set(key, pools);
  }
  return result;
}

function poolsOf(
  active = new Map<string, number>(),
  idle = new Map<string, number>(),
  waiting = new Map<string, number>()
): PoolReading[] {
  return [...active.keys()].sort().map((id) => ({
    id,
    utilisation: poolUtilisation(active.get(id) ?? 0, idle.get(id) ?? 0),
    waiting: waiting.get(id) ?? 0,
    placeholder: false,
  }));
}

/**
 * The figures of each identity found in the answers; an identity Prometheus has no CPU or memory series for is left
 * out, so the page can say so instead of showing an empty row.
 */
export function figuresByIdentity(answers: FleetAnswers): Map<string, PrometheusFigures> {
  const cpu = latestByInstance(answers.cpuPercent);
  const memory = latestByInstance(answers.memoryPercent);
  const tps = latestByInstance(answers.transactionsPerSecond);
  const trend = new Map(
    answers.trend.map(({ labels, values }) => [
      identityKey({ job: labels.job ?? '', instance: labels.instance ?? '' }),
      values,
    ])
  );
  const [active, idle, waiting] = [answers.poolActive, answers.poolIdle, answers.poolWaiting].map(byInstanceAndPool);
  const keys = new Set([...cpu.keys(), ...memory.keys()]);
  return new Map(
    [...keys].map((key) => [
      key,
      {
        performance: {
          cpuPercent: cpu.get(key) ?? null,
          memoryPercent: memory.get(key) ?? null,
          transactionsPerSecond: tps.get(key) ?? null,
          tpsIsPlaceholder: false,
        },
        pools: poolsOf(active.get(key), idle.get(key), waiting.get(key)),
        trend: trend.get(key) ?? [],
      },
    ])
  );
}
