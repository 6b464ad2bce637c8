import { grafanaSteps, THRESHOLDS } from '../../src/rustydb/thresholds';
import {
  alertmanagerYml,
  alertNames,
  allDashboards,
  dashboard,
  everyAlert,
  panels,
  prometheusFlags,
  prometheusYml,
  ruleGroups,
  ruleLevel,
  sloBound,
  sloBudgetWindow,
  sloObjective,
} from './projectValues';

/**
 * Every level, window, refresh, label and route the two guides name, copied from their text (the tests never read
 * ../shared), with what the project ships in its place. Where the two differ, docs/differences.md must have a row
 * whose first column quotes `words`: nothing differs silently.
 */
export interface GuideValue {
  guide: 'RustyDB' | 'Lightning';
  /** The guide's words, as the differences table quotes them. */
  words: string;
  expected: unknown;
  actual: () => unknown;
}

const T = THRESHOLDS;
const routes = () => alertmanagerYml().route as Record<string, any>;
const targetLabels = () =>
  (prometheusYml().scrape_configs as any[])
    .filter((j) => j.job_name === 'rustydb')
    .flatMap((j) => j.static_configs)
    .map((c: any) => ({ role: c.labels?.role, version: c.labels?.version }));

export const GUIDE_VALUES: GuideValue[] = [
  // --- RustyDB guide: KPI table, performance script, alert rules ---
  {
    guide: 'RustyDB',
    words: 'RustyDBDown `for: 1m`',
    expected: '1m',
    actual: () => ruleLevel('RustyDBDown', 'critical')?.for,
  },
  {
    guide: 'RustyDB',
    words: 'CPU warning > 75 %, critical > 90 %, for 5m',
    expected: [75, 90, '5m', '5m'],
    actual: () => [
      ruleLevel('RustyDBHighCPU', 'warning')?.level,
      ruleLevel('RustyDBHighCPU', 'critical')?.level,
      ruleLevel('RustyDBHighCPU', 'warning')?.for,
      ruleLevel('RustyDBHighCPU', 'critical')?.for,
    ],
  },
  {
    guide: 'RustyDB',
    words: 'Memory warning > 80 %, critical > 90 %, for 5m',
    expected: [80, 90, '5m'],
    actual: () => [T.memoryPercent.warning, T.memoryPercent.critical, ruleLevel('RustyDBHighMemory', 'critical')?.for],
  },
  {
    guide: 'RustyDB',
    words: 'alerts `RustyDBCriticalCPU`, `RustyDBCriticalMemory`',
    expected: true,
    actual: () => alertNames().has('RustyDBCriticalCPU') && alertNames().has('RustyDBCriticalMemory'),
  },
  {
    guide: 'RustyDB',
    words: 'RustyDBLowCacheHitRatio `< 0.80` for 10m, critical',
    expected: [0.8, '10m'],
    actual: () => [
      ruleLevel('RustyDBLowCacheHitRatio', 'critical')?.level,
      ruleLevel('RustyDBLowCacheHitRatio', 'critical')?.for,
    ],
  },
  {
    guide: 'RustyDB',
    words: 'cache_hit_ratio KPI: warning < 0.90, and no warning alert',
    expected: undefined,
    actual: () => ruleLevel('RustyDBLowCacheHitRatio', 'warning')?.level,
  },
  {
    guide: 'RustyDB',
    words: 'Cache Hit Ratio gauge: > 95% (green), 90-95% (yellow), < 90% (red)',
    expected: [
      { value: null, color: 'red' },
      { value: 0.9, color: 'yellow' },
      { value: 0.95, color: 'green' },
    ],
    actual: () => panels('rustydb-overview', /^Cache hit ratio$/)[0]?.fieldConfig.defaults.thresholds.steps,
  },
  {
    guide: 'RustyDB',
    words: 'transactions_per_second warning < 50, critical < 10',
    expected: [50, 10],
    actual: () => [T.transactionsPerSecond.warning, T.transactionsPerSecond.critical],
  },
  {
    guide: 'RustyDB',
    words: 'locks_held warning > 500, critical > 1000',
    expected: [500, 1000],
    actual: () => [T.locksHeld.warning, T.locksHeld.critical],
  },
  { guide: 'RustyDB', words: 'deadlocks KPI: warning > 1', expected: 1, actual: () => T.deadlocks.warning },
  {
    guide: 'RustyDB',
    words: 'RustyDBDeadlocks `increase(rustydb_deadlocks_total[5m]) > 0`; script `DEADLOCKS > 5` critical',
    expected: [0, 5, '5m'],
    actual: () => [
      ruleLevel('RustyDBDeadlocks', 'warning')?.level,
      ruleLevel('RustyDBDeadlocks', 'critical')?.level,
      T.deadlocks.for,
    ],
  },
  {
    guide: 'RustyDB',
    words: 'RustyDBDeadlocks `for: 1m`',
    expected: '1m',
    actual: () => ruleLevel('RustyDBDeadlocks', 'warning')?.for,
  },
  {
    guide: 'RustyDB',
    words: 'RustyDBHighConnections `> 90` % for 5m',
    expected: [0.9, '5m'],
    actual: () => [
      ruleLevel('RustyDBHighConnections', 'warning')?.level,
      ruleLevel('RustyDBHighConnections', 'warning')?.for,
    ],
  },
  {
    guide: 'RustyDB',
    words: 'Pool utilisation warning > 80 %, critical > 95 %; waiting requests warning > 5, critical > 20',
    expected: [0.8, 0.95, 5, 20],
    actual: () => [
      T.poolUtilisation.warning,
      T.poolUtilisation.critical,
      T.poolWaiting.warning,
      T.poolWaiting.critical,
    ],
  },
  {
    guide: 'RustyDB',
    words: '`waiting_requests` "(alert if > 10)"',
    expected: 10,
    actual: () => T.poolWaiting.warning,
  },
  {
    guide: 'RustyDB',
    words: 'RustyDBHighFailedLogins `> 10` per minute, for 1m',
    expected: [10, '1m'],
    actual: () => [
      ruleLevel('RustyDBHighFailedLogins', 'warning')?.level,
      ruleLevel('RustyDBHighFailedLogins', 'warning')?.for,
    ],
  },
  {
    guide: 'RustyDB',
    words: 'RustyDBSecurityThreat `increase(rustydb_threats_detected_total[1m]) > 0`, `for: 1m`',
    expected: [0, '1m'],
    actual: () => [
      ruleLevel('RustyDBSecurityThreat', 'critical')?.level,
      ruleLevel('RustyDBSecurityThreat', 'critical')?.for,
    ],
  },
  {
    guide: 'RustyDB',
    words: 'rule groups `interval: 30s` (critical) and `1m` (warning, security)',
    expected: true,
    actual: () => ruleGroups().some((g) => g.interval === '30s'),
  },
  {
    guide: 'RustyDB',
    words: 'annotation `runbook: "https://docs.rustydb.io/runbooks/…"`',
    expected: true,
    actual: () => everyAlert().every((r) => r.annotations?.runbook !== undefined),
  },
  {
    guide: 'RustyDB',
    words: 'label `component` (service, resource, performance, connections, security)',
    expected: true,
    actual: () => everyAlert().every((r) => r.labels?.component !== undefined),
  },
  // --- RustyDB guide: dashboards ---
  {
    guide: 'RustyDB',
    words: 'Overview Dashboard "Refresh: 30 seconds"',
    expected: '30s',
    actual: () => dashboard('rustydb-overview').refresh,
  },
  {
    guide: 'RustyDB',
    words: 'Performance Dashboard "Refresh: 15 seconds"',
    expected: '15s',
    actual: () => dashboard('rustydb-performance').refresh,
  },
  {
    guide: 'RustyDB',
    words: 'Resource Dashboard "Refresh: 30 seconds"',
    expected: '30s',
    actual: () => dashboard('rustydb-resources').refresh,
  },
  {
    guide: 'RustyDB',
    words: 'Security Dashboard "Refresh: 1 minute"',
    expected: '1m',
    actual: () => dashboard('rustydb-security').refresh,
  },
  {
    guide: 'RustyDB',
    words: '"Auto-refresh every 30-60 seconds"',
    expected: true,
    actual: () => allDashboards().every((d) => ['30s', '1m'].includes(d.refresh)),
  },
  {
    guide: 'RustyDB',
    words: 'Deadlocks (Singlestat) `increase(rustydb_deadlocks_total[1h])`',
    expected: true,
    actual: () => panels('rustydb-performance', /^Deadlocks/).some((p) => p.targets[0].expr.includes('[1h]')),
  },
  {
    guide: 'RustyDB',
    words: 'Security Threats Detected: any threat is critical',
    expected: grafanaSteps(T.threatsDetected),
    actual: () =>
      panels('rustydb-security', /^Threats detected$/).find((p) => p.type === 'stat')?.fieldConfig.defaults.thresholds
        .steps,
  },
  // --- RustyDB guide: Prometheus and Alertmanager ---
  {
    guide: 'RustyDB',
    words: '`scrape_interval: 15s`, `evaluation_interval: 15s`',
    expected: ['15s', '15s'],
    actual: () => [prometheusYml().global.scrape_interval, prometheusYml().global.evaluation_interval],
  },
  {
    guide: 'RustyDB',
    words: "`external_labels: cluster: 'production', environment: 'prod'`",
    expected: ['production', 'prod'],
    actual: () => [prometheusYml().global.external_labels.cluster, prometheusYml().global.external_labels.environment],
  },
  {
    guide: 'RustyDB',
    words: "targets labelled `role: 'primary'`, `version: '0.6.5'`",
    expected: true,
    actual: () => targetLabels().every((l) => l.role === 'primary' && l.version === '0.6.5'),
  },
  {
    guide: 'RustyDB',
    words: "a second job, `job_name: 'rustydb-cluster'`",
    expected: true,
    actual: () => (prometheusYml().scrape_configs as any[]).some((j) => j.job_name === 'rustydb-cluster'),
  },
  {
    guide: 'RustyDB',
    words: '"Retain metrics for 30 days minimum"',
    expected: true,
    actual: () => parseInt(prometheusFlags()['storage.tsdb.retention.time'] ?? '15', 10) >= 30,
  },
  {
    guide: 'RustyDB',
    words: "`group_by: ['alertname', 'instance', 'severity']`",
    expected: ['alertname', 'instance', 'severity'],
    actual: () => routes().group_by,
  },
  { guide: 'RustyDB', words: '`group_wait: 10s` (both guides)', expected: '10s', actual: () => routes().group_wait },
  {
    guide: 'RustyDB',
    words: '`group_interval: 10s` (both guides)',
    expected: '10s',
    actual: () => routes().group_interval,
  },
  { guide: 'RustyDB', words: '`repeat_interval: 4h`', expected: '4h', actual: () => routes().repeat_interval },
  {
    guide: 'RustyDB',
    words: 'routes with `match:`',
    expected: true,
    actual: () => (routes().routes as any[]).some((r) => r.match !== undefined),
  },
  // --- Lightning guide ---
  {
    guide: 'Lightning',
    words: 'HighErrorRate `> 0.05` for 5m, critical',
    expected: [0.05, '5m'],
    actual: () => [
      ruleLevel('RustyDBHighErrorRate', 'critical')?.level,
      ruleLevel('RustyDBHighErrorRate', 'critical')?.for,
    ],
  },
  {
    guide: 'Lightning',
    words: 'ReplicationLagCritical `> 60` for 5m',
    expected: [60, '5m'],
    actual: () => [
      ruleLevel('RustyDBReplicationLag', 'critical')?.level,
      ruleLevel('RustyDBReplicationLag', 'critical')?.for,
    ],
  },
  {
    guide: 'Lightning',
    words: 'replication lag: no warning level',
    expected: undefined,
    actual: () => ruleLevel('RustyDBReplicationLag', 'warning')?.level,
  },
  {
    guide: 'Lightning',
    words: 'DiskSpaceCritical: less than 10% free for 5m',
    expected: [90, '5m'],
    actual: () => [
      ruleLevel('RustyDBDiskSpaceLow', 'critical')?.level,
      ruleLevel('RustyDBDiskSpaceLow', 'critical')?.for,
    ],
  },
  {
    guide: 'Lightning',
    words: 'HighQueryLatency: p95 `> 1.0` for 10m, warning',
    expected: [1, '10m'],
    actual: () => [
      ruleLevel('RustyDBHighQueryLatency', 'warning')?.level,
      ruleLevel('RustyDBHighQueryLatency', 'warning')?.for,
    ],
  },
  {
    guide: 'Lightning',
    words: 'LowCacheHitRate `< 0.8` for 15m, warning',
    expected: [0.8, '15m', 'warning'],
    actual: () => [
      ruleLevel('RustyDBLowCacheHitRatio', 'critical')?.level,
      ruleLevel('RustyDBLowCacheHitRatio', 'critical')?.for,
      'critical',
    ],
  },
  {
    guide: 'Lightning',
    words: 'ConnectionPoolNearLimit `> 0.8` for 5m, warning',
    expected: [0.8, '5m'],
    actual: () => [
      ruleLevel('RustyDBHighPoolUtilisation', 'warning')?.level,
      ruleLevel('RustyDBHighPoolUtilisation', 'warning')?.for,
    ],
  },
  {
    guide: 'Lightning',
    words: 'Availability SLO 0.999 over 30d',
    expected: [0.999, '30d'],
    actual: () => [sloObjective('rustydb-availability'), sloBudgetWindow('rustydb-availability')],
  },
  {
    guide: 'Lightning',
    words: 'Query Latency SLO: 95 % under 100 ms and 99 % under 1 s, over 7d',
    expected: [0.95, 0.1, 0.99, 1, '7d', '7d'],
    actual: () => [
      sloObjective('rustydb-latency'),
      sloBound('rustydb-latency'),
      sloObjective('rustydb-latency-1s'),
      sloBound('rustydb-latency-1s'),
      sloBudgetWindow('rustydb-latency'),
      sloBudgetWindow('rustydb-latency-1s'),
    ],
  },
  {
    guide: 'Lightning',
    words: 'Error Rate SLO 0.99 over 7d',
    expected: 0.99,
    actual: () => sloObjective('rustydb-error-rate'),
  },
  {
    guide: 'Lightning',
    words: 'Replication Freshness SLO: threshold 10 s, over 1d',
    expected: ['1d'],
    actual: () => [sloBudgetWindow('rustydb-freshness')],
  },
  {
    guide: 'Lightning',
    words: 'AvailabilityBudgetBurn: 1h window only, `severity: warning`',
    expected: 'warning',
    actual: () => (ruleLevel('RustyDBAvailabilityBudgetBurn', 'warning') ? 'both' : undefined),
  },
  {
    guide: 'Lightning',
    words: 'label `team: database`',
    expected: true,
    actual: () => everyAlert().every((r) => r.labels?.team === 'database'),
  },
];
