import { Threshold, ThresholdKey, THRESHOLDS } from '../src/rustydb/thresholds';

/**
 * Which alert carries which of the guide's thresholds (src/rustydb/thresholds.ts). Each alert has one
 * rule per level the threshold defines, told apart by the `severity` label.
 */
export const THRESHOLD_ALERTS: Record<string, ThresholdKey> = {
  RustyDBHighCPU: 'cpuPercent',
  RustyDBHighMemory: 'memoryPercent',
  RustyDBLowCacheHitRatio: 'cacheHitRatio',
  RustyDBLowTransactionRate: 'transactionsPerSecond',
  RustyDBHighLocksHeld: 'locksHeld',
  RustyDBDeadlocks: 'deadlocks',
  RustyDBHighConnections: 'connectionsInUse',
  RustyDBHighPoolUtilisation: 'poolUtilisation',
  RustyDBPoolRequestsWaiting: 'poolWaiting',
  RustyDBHighFailedLogins: 'failedLoginsPerMinute',
  RustyDBSecurityThreat: 'threatsDetected',
  RustyDBReplicationLag: 'replicationLagSeconds',
  RustyDBDiskSpaceLow: 'diskUsagePercent',
  RustyDBHighQueryLatency: 'queryLatencyP95Seconds',
  RustyDBHighErrorRate: 'errorRatio',
};

/** Thresholds on event counters: `for` is the window they are counted over, and the alert has no `for:`. */
export const EVENT_THRESHOLDS: ReadonlySet<ThresholdKey> = new Set<ThresholdKey>(['deadlocks', 'threatsDetected']);

export type Severity = 'warning' | 'critical';

export function thresholdFor(alertname: string): Threshold | undefined {
  const key = THRESHOLD_ALERTS[alertname];
  return key === undefined ? undefined : THRESHOLDS[key];
}
