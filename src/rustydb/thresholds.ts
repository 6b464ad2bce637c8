/**
 * The guide's thresholds: the one source of truth for dashboard thresholds, the pool panel's defaults, Prometheus
 * alert rules and the command-line checks. A consistency test reads all of them back and compares with this file.
 */

/** `above`: higher is worse (CPU); `below`: lower is worse (cache hit ratio, TPS). */
export type Direction = 'above' | 'below';

export interface Threshold {
  direction: Direction;
  /** Unset where the guide names no warning level. */
  warning?: number;
  /** Unset where the guide names no critical level. */
  critical?: number;
  /**
   * How long the condition must hold before an alert fires (Prometheus `for:`). For event counters (deadlocks, threats)
   * it is the window the events are counted over (`increase(...[for])`), and their alerts fire at once.
   */
  for?: string;
  /** Grafana unit id of the value the levels apply to. */
  unit: string;
  /** Whole counts of events: the first value above a limit is the limit plus one. */
  countable?: boolean;
  /**
   * The guide's healthy baseline where it is stricter than the warning level (cache hit ratio: "> 0.95"). Panels
   * colour green only beyond it and yellow between it and the warning level; alerts keep the warning level.
   */
  baseline?: number;
}

export const THRESHOLDS = {
  cpuPercent: { direction: 'above', warning: 75, critical: 90, for: '5m', unit: 'percent' },
  memoryPercent: { direction: 'above', warning: 80, critical: 90, for: '5m', unit: 'percent' },
  cacheHitRatio: { direction: 'below', warning: 0.9, critical: 0.8, for: '10m', unit: 'percentunit', baseline: 0.95 },
  transactionsPerSecond: { direction: 'below', warning: 50, critical: 10, for: '10m', unit: 'ops' },
  locksHeld: { direction: 'above', warning: 500, critical: 1000, for: '5m', unit: 'short' },
  /** The guide's alert rule and script warn on one deadlock (`> 0`); only its KPI table says "> 1". */
  deadlocks: { direction: 'above', warning: 0, critical: 5, for: '5m', unit: 'short', countable: true },
  poolUtilisation: { direction: 'above', warning: 0.8, critical: 0.95, for: '5m', unit: 'percentunit' },
  poolWaiting: { direction: 'above', warning: 5, critical: 20, for: '5m', unit: 'short' },
  connectionsInUse: { direction: 'above', warning: 0.9, for: '5m', unit: 'percentunit' },
  failedLoginsPerMinute: { direction: 'above', warning: 10, for: '1m', unit: 'short' },
  /** The guide: any threat detected within a minute is critical. */
  threatsDetected: { direction: 'above', critical: 0, for: '1m', unit: 'short', countable: true },
  /** The Lightning guide: critical above 60 s for 5 minutes; the warning at 30 s is ours (it names none). */
  replicationLagSeconds: { direction: 'above', warning: 30, critical: 60, for: '5m', unit: 's' },
  /** The Lightning guide's DiskSpaceCritical: less than 10 % free for 5 minutes, on RustyDB's disk usage gauge. */
  diskUsagePercent: { direction: 'above', critical: 90, for: '5m', unit: 'percent' },
  /** The Lightning guide's HighQueryLatency: p95 query time above 1 s for 10 minutes. */
  queryLatencyP95Seconds: { direction: 'above', warning: 1, for: '10m', unit: 's' },
  /** The Lightning guide's HighErrorRate: more than 5 % of requests failing for 5 minutes. */
  errorRatio: { direction: 'above', critical: 0.05, for: '5m', unit: 'percentunit' },
} as const satisfies Record<string, Threshold>;

export type ThresholdKey = keyof typeof THRESHOLDS;

export type Level = 'ok' | 'warning' | 'critical';

/** The level of a value; a value exactly at a threshold has not crossed it (the guide says "above 80 %"). */
export function levelOf(threshold: Threshold, value: number): Level {
  const crosses = (limit: number | undefined) =>
    limit !== undefined && (threshold.direction === 'above' ? value > limit : value < limit);
  if (crosses(threshold.critical)) {
    return 'critical';
  }
  if (crosses(threshold.warning)) {
    return 'warning';
  }
  return 'ok';
}

/** A level as people write it: 75 → "75%" (percent), 0.95 → "95%" (percentunit), 300 → "300s" (s), 50 → "50". */
export function formatLevel(value: number, unit: string): string {
  switch (unit) {
    case 'percent':
      return `${value}%`;
    case 'percentunit':
      return `${Math.round(value * 10000) / 100}%`;
    case 's':
      return `${value}s`;
    default:
      return String(value);
  }
}

export interface ThresholdStep {
  value: number | null;
  color: string;
}

const LEVEL_COLORS: Record<Level, string> = { ok: 'green', warning: 'orange', critical: 'red' };
/** Worse than the guide's baseline but not yet at an alert level. */
const BELOW_BASELINE_COLOR = 'yellow';

/**
 * The levels as Grafana threshold steps (`fieldConfig.defaults.thresholds.steps`). Grafana colours a value with the
 * highest step whose value it reaches, so `above` steps start at the limits and `below` steps run from red upwards.
 * Countable levels start one above the limit, so that no deadlock or threat (0) is not coloured as one.
 */
export function grafanaSteps(threshold: Threshold): ThresholdStep[] {
  const { warning, critical } = countableSteps(threshold);
  if (threshold.direction === 'above') {
    return [
      { value: null, color: LEVEL_COLORS.ok },
      ...(warning !== undefined ? [{ value: warning, color: LEVEL_COLORS.warning }] : []),
      ...(critical !== undefined ? [{ value: critical, color: LEVEL_COLORS.critical }] : []),
    ];
  }
  const lowest = critical !== undefined ? LEVEL_COLORS.critical : LEVEL_COLORS.warning;
  if (threshold.baseline !== undefined && warning !== undefined) {
    // The guide's panel: red below the warning level, yellow up to the baseline, green beyond it.
    return [
      { value: null, color: LEVEL_COLORS.critical },
      { value: warning, color: BELOW_BASELINE_COLOR },
      { value: threshold.baseline, color: LEVEL_COLORS.ok },
    ];
  }
  return [
    { value: null, color: lowest },
    ...(critical !== undefined && warning !== undefined ? [{ value: critical, color: LEVEL_COLORS.warning }] : []),
    { value: warning ?? critical ?? 0, color: LEVEL_COLORS.ok },
  ];
}

function countableSteps({
  warning,
  critical,
  countable,
  direction,
}: Threshold): Pick<Threshold, 'warning' | 'critical'> {
  if (!countable) {
    return { warning, critical };
  }
  const firstCrossing = (limit: number | undefined) =>
    limit === undefined ? undefined : direction === 'above' ? limit + 1 : limit - 1;
  return { warning: firstCrossing(warning), critical: firstCrossing(critical) };
}
