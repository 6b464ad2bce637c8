import { formattedValueToString, getValueFormat } from '@grafana/data';
import { SEVERITY } from '../../rustydb/severity';
import { Level, levelOf, Threshold, THRESHOLDS } from '../../rustydb/thresholds';

/** What one endpoint gave: a value, or the reason it gave none (already worded for the operator). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: string };

interface CheckReading {
  name: string;
  status: string;
  message: string | null;
}

export interface HealthReading {
  status: string;
  checks: CheckReading[];
}

export interface ServerReading {
  version: string;
  uptimeSeconds: number;
}

export interface PerformanceReading {
  cpuPercent: number | null;
  memoryPercent: number | null;
  transactionsPerSecond: number | null;
  /** RustyDB v0.6.5's "TPS" is HTTP requests since start ÷ 60: shown, but judged against no threshold. */
  tpsIsPlaceholder: boolean;
}

export interface PoolReading {
  id: string;
  /** active / (active + idle); null when the pool holds no connections. */
  utilisation: number | null;
  waiting: number;
  /** RustyDB v0.6.5 answers the same constants for every pool: shown, but judged against no threshold. */
  placeholder: boolean;
}

/** Everything the home page reads from one instance in one round. */
export interface InstanceReading {
  health: Outcome<HealthReading>;
  /** Not asked when the figures come from Prometheus (REST is then read only for what Prometheus lacks). */
  server?: Outcome<ServerReading>;
  performance: Outcome<PerformanceReading>;
  pools: Outcome<PoolReading[]>;
  /** CPU over the last half hour, oldest first; only Prometheus keeps a history to read. */
  trend?: number[];
}

export type InstanceLevel = Level | 'unreachable';

export interface FigureReport {
  label: string;
  /** Grafana unit id of `value`. */
  unit: string;
  value: number | null;
  level: Level;
  /** Why the figure is missing, when it is. */
  error?: string;
  /** Extra context, e.g. which pool the pressure figure is about. */
  detail?: string;
}

interface CheckReport extends CheckReading {
  level: Level;
}

export interface InstanceReport {
  uid: string;
  name: string;
  level: InstanceLevel;
  /** Set when the instance could not be reached: what went wrong, worded for the operator. */
  unreachableReason?: string;
  status?: string;
  checks: CheckReport[];
  version?: string;
  uptimeSeconds?: number;
  figures: FigureReport[];
  /** Every reason the instance is not simply healthy, worst first. */
  problems: string[];
  /** CPU over the last half hour, when Prometheus has it. */
  trend?: number[];
}

interface Problem {
  level: Level;
  text: string;
}

/** An instance that cannot be read ranks above any level it could report. */
export const LEVEL_RANK: Record<InstanceLevel, number> = { ...SEVERITY, unreachable: SEVERITY.critical + 1 };

function worst<L extends InstanceLevel>(levels: L[]): L | 'ok' {
  return levels.reduce<L | 'ok'>((a, b) => (LEVEL_RANK[b] > LEVEL_RANK[a] ? b : a), 'ok');
}

/** Grafana's own rendering of a value in a unit, so the page reads like the dashboards. */
export function formatValue(value: number, unit: string, decimals?: number): string {
  return formattedValueToString(getValueFormat(unit)(value, decimals));
}

/** "5 hours, 7 minutes"; under a minute just the seconds (Grafana's two-part form would add "0 milliseconds"). */
export function formatUptime(seconds: number): string {
  return formatValue(seconds, 'dtdurations', seconds < 60 ? 0 : 1);
}

/** RustyDB reports health as healthy / degraded / unhealthy; anything else is worth a look. */
export function healthLevel(status: string): Level {
  switch (status.toLowerCase()) {
    case 'healthy':
      return 'ok';
    case 'unhealthy':
      return 'critical';
    default:
      return 'warning';
  }
}

function thresholdProblem(subject: string, value: number, threshold: Threshold): Problem[] {
  const level = levelOf(threshold, value);
  if (level === 'ok') {
    return [];
  }
  const limit = level === 'critical' ? threshold.critical : threshold.warning;
  const side = threshold.direction === 'above' ? 'above' : 'below';
  const shown = (v: number) => formatValue(v, threshold.unit);
  return [{ level, text: `${subject} ${shown(value)} is ${side} the ${level} level of ${shown(limit ?? 0)}` }];
}

const TPS_PLACEHOLDER_DETAIL = 'v0.6.5 placeholder: requests since start ÷ 60';
const POOL_PLACEHOLDER_DETAIL = 'v0.6.5 constants, not measurements';

/** The figures worth judging: all of them, less a TPS that is not a measurement. */
function judged(reading: PerformanceReading) {
  return PERFORMANCE_FIGURES.filter(({ key }) => !(key === 'transactionsPerSecond' && reading.tpsIsPlaceholder));
}

const PERFORMANCE_FIGURES = [
  { key: 'cpuPercent', label: 'CPU', threshold: THRESHOLDS.cpuPercent },
  { key: 'memoryPercent', label: 'Memory', threshold: THRESHOLDS.memoryPercent },
  { key: 'transactionsPerSecond', label: 'TPS', threshold: THRESHOLDS.transactionsPerSecond },
] as const;

function performanceFigures(outcome: Outcome<PerformanceReading>): FigureReport[] {
  return PERFORMANCE_FIGURES.map(({ key, label, threshold }) => {
    const base = { label, unit: threshold.unit };
    if (!outcome.ok) {
      return { ...base, value: null, level: 'ok', error: outcome.error };
    }
    const value = outcome.value[key];
    if (value === null) {
      return { ...base, value, level: 'ok', error: 'not reported' };
    }
    return judged(outcome.value).some((f) => f.key === key)
      ? { ...base, value, level: levelOf(threshold, value) }
      : { ...base, value, level: 'ok', detail: TPS_PLACEHOLDER_DETAIL };
  });
}

function performanceProblems(outcome: Outcome<PerformanceReading>): Problem[] {
  if (!outcome.ok) {
    return [];
  }
  return judged(outcome.value).flatMap(({ key, label, threshold }) => {
    const value = outcome.value[key];
    return value === null ? [] : thresholdProblem(label, value, threshold);
  });
}

function poolLevel(pool: PoolReading): Level {
  if (pool.placeholder) {
    return 'ok';
  }
  return worst([
    pool.utilisation === null ? 'ok' : levelOf(THRESHOLDS.poolUtilisation, pool.utilisation),
    levelOf(THRESHOLDS.poolWaiting, pool.waiting),
  ]);
}

/** The pool under most pressure: the worse level first, then the higher utilisation, then more waiting requests. */
function mostPressed(pools: PoolReading[]): PoolReading | undefined {
  return [...pools].sort(
    (a, b) =>
      LEVEL_RANK[poolLevel(b)] - LEVEL_RANK[poolLevel(a)] ||
      (b.utilisation ?? -1) - (a.utilisation ?? -1) ||
      b.waiting - a.waiting
  )[0];
}

function poolFigure(outcome: Outcome<PoolReading[]>): FigureReport {
  const base = { label: 'Pool pressure', unit: THRESHOLDS.poolUtilisation.unit };
  if (!outcome.ok) {
    return { ...base, value: null, level: 'ok', error: outcome.error };
  }
  const pool = mostPressed(outcome.value);
  if (!pool) {
    return { ...base, value: null, level: 'ok', error: 'no pools configured' };
  }
  const detail = `pool ${pool.id}, ${pool.waiting} waiting${pool.placeholder ? ` (${POOL_PLACEHOLDER_DETAIL})` : ''}`;
  return { ...base, value: pool.utilisation, level: poolLevel(pool), detail };
}

function poolProblems(outcome: Outcome<PoolReading[]>): Problem[] {
  if (!outcome.ok) {
    return [];
  }
  return outcome.value
    .filter((pool) => !pool.placeholder)
    .flatMap((pool) => [
      ...(pool.utilisation === null
        ? []
        : thresholdProblem(`Pool ${pool.id} utilisation`, pool.utilisation, THRESHOLDS.poolUtilisation)),
      ...thresholdProblem(`Pool ${pool.id} waiting requests`, pool.waiting, THRESHOLDS.poolWaiting),
    ]);
}

function healthProblems(health: HealthReading, checks: CheckReport[]): Problem[] {
  const statusLevel = healthLevel(health.status);
  return [
    ...(statusLevel === 'ok' ? [] : [{ level: statusLevel, text: `RustyDB reports status "${health.status}"` }]),
    ...checks
      .filter((c) => c.level !== 'ok')
      .map((c) => ({ level: c.level, text: `Check ${c.name} is ${c.status}${c.message ? `: ${c.message}` : ''}` })),
  ];
}

function unavailable(what: string, outcome: Outcome<unknown>): Problem[] {
  return outcome.ok ? [] : [{ level: 'warning', text: `${what} unavailable: ${outcome.error}` }];
}

/** Turns one round of readings into what the home page shows and how it ranks the instance. */
export function reportInstance({ uid, name }: { uid: string; name: string }, reading: InstanceReading): InstanceReport {
  const instance = { uid, name };
  const { health, server, performance, pools } = reading;
  if (!health.ok) {
    return {
      ...instance,
      level: 'unreachable',
      unreachableReason: health.error,
      checks: [],
      figures: [],
      problems: [`Unreachable: ${health.error}`],
    };
  }
  const checks = health.value.checks.map((check) => ({ ...check, level: healthLevel(check.status) }));
  const problems = [
    ...healthProblems(health.value, checks),
    ...performanceProblems(performance),
    ...poolProblems(pools),
    ...(server ? unavailable('Version and uptime', server) : []),
    ...unavailable('CPU, memory and TPS', performance),
    ...unavailable('Pool figures', pools),
  ].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  return {
    ...instance,
    level: worst(problems.map((p) => p.level)),
    status: health.value.status,
    checks,
    ...(server?.ok ? { version: server.value.version, uptimeSeconds: server.value.uptimeSeconds } : {}),
    figures: [...performanceFigures(performance), poolFigure(pools)],
    problems: problems.map((p) => p.text),
    ...(reading.trend?.length ? { trend: reading.trend } : {}),
  };
}

/** Worst first: unreachable, critical, warning, healthy; then more problems first; then by name. */
export function compareReports(a: InstanceReport, b: InstanceReport): number {
  return (
    LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
    b.problems.length - a.problems.length ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
  );
}
