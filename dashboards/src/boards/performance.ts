import type { DashboardSpec } from '../lib/dashboard';
import type { PanelSpec } from '../lib/panels';
import { BY_INSTANCE, increase, instanceGauge, instanceRate, ratio, sel, sumBy } from '../lib/promql';
import { prom } from '../lib/targets';
import {
  cacheHitGauge,
  latencyHeatmap,
  meanQueryLatency,
  meanResponseTime,
  queryLatency,
  requestErrorRatio,
  requestRate,
  transactionsPerSecond,
} from './common';
import { activeTransactions, livePerformance, lockCounts, queryStats, runningQueries, slowQueries } from './live';
import { holdFor, level } from '../lib/levels';
import { THRESHOLDS } from '../../../src/rustydb/thresholds';

/** Over the alert's own window, so the per-5-minute levels colour what they were written for. */
const deadlocksRecent: PanelSpec = {
  type: 'stat',
  // Keeps the id the panel had as "Deadlocks" (dashboards/src/panelIds.lock), so embedded URLs still find it.
  key: 'prometheus/deadlocks',
  title: `Deadlocks (last ${holdFor('deadlocks')})`,
  description: `Deadlocks detected in the last ${holdFor('deadlocks')}, the window the alert counts over. The guide expects none: a single one is a warning and more than ${level('deadlocks', 'critical')} critical. Each one aborted a transaction; look for transactions that lock the same rows in different orders.`,
  unit: 'short',
  levels: 'deadlocks',
  targets: [
    prom(
      `floor(${sumBy(BY_INSTANCE, increase(sel('rustydb_deadlocks_total'), THRESHOLDS.deadlocks.for))})`,
      '{{instance}}',
      { instant: true }
    ),
  ],
};

const lockWaits: PanelSpec = {
  type: 'timeseries',
  title: 'Lock waits per second',
  description:
    'How often a transaction had to wait for a lock. Rising waits with flat throughput mean contention on hot rows or long transactions.',
  unit: 'ops',
  min: 0,
  targets: [prom(instanceRate('rustydb_lock_waits_total'), '{{instance}}')],
};

const queryThroughput: PanelSpec = {
  type: 'timeseries',
  title: 'Query throughput',
  description:
    'Queries executed per second. Read it with latency: throughput falling while latency rises is saturation.',
  unit: 'ops',
  min: 0,
  targets: [prom(instanceRate('rustydb_queries_total'), '{{instance}}')],
};

const locksHeld: PanelSpec = {
  type: 'timeseries',
  title: 'Locks held',
  description: `Locks held right now. The guide expects fewer than 100; above ${level('locksHeld', 'warning')} is a warning and above ${level('locksHeld', 'critical')} critical (for ${holdFor('locksHeld')}): long transactions are holding locks.`,
  unit: 'short',
  levels: 'locksHeld',
  min: 0,
  targets: [prom(instanceGauge('rustydb_locks_held'), '{{instance}}')],
};

const cacheHitOverTime: PanelSpec = {
  type: 'timeseries',
  title: 'Cache hit ratio',
  key: 'prometheus/cache-hit-ratio-over-time',
  description: `Buffer cache hit ratio as RustyDB reports it, and as computed from the hit and miss counters over each interval (the more honest figure: v0.6.5 reports a constant 95 %). Below ${level('cacheHitRatio', 'warning')} is a warning, below ${level('cacheHitRatio', 'critical')} for ${holdFor('cacheHitRatio')} critical.`,
  unit: 'percentunit',
  levels: 'cacheHitRatio',
  min: 0,
  max: 1,
  targets: [
    prom(instanceGauge('rustydb_cache_hit_ratio'), 'reported {{instance}}'),
    prom(
      ratio(
        instanceRate('rustydb_cache_hits_total'),
        `(${instanceRate('rustydb_cache_hits_total')} + ${instanceRate('rustydb_cache_misses_total')})`
      ),
      'from counters {{instance}}'
    ),
  ],
};

const bufferPoolHitRatio: PanelSpec = {
  type: 'timeseries',
  title: 'Buffer pool hit ratio',
  description:
    "The buffer pool's own hit ratio (the guide's Buffer Pool Efficiency). It should track the cache hit ratio; a gap means reads bypass the pool.",
  unit: 'percentunit',
  min: 0,
  max: 1,
  targets: [prom(instanceGauge('rustydb_buffer_pool_hit_ratio'), '{{instance}}')],
};

const walActivity: PanelSpec = {
  type: 'timeseries',
  title: 'WAL bytes written',
  description:
    'Write-ahead log volume per second: the write load that replicas must replay and the archive must store.',
  unit: 'Bps',
  min: 0,
  targets: [prom(instanceRate('rustydb_wal_bytes_total'), '{{instance}}')],
};

const walWrites: PanelSpec = {
  type: 'timeseries',
  title: 'WAL writes',
  description:
    'Write-ahead log writes per second. Many small writes for few bytes suggest many tiny transactions (consider batching).',
  unit: 'ops',
  min: 0,
  targets: [prom(instanceRate('rustydb_wal_writes_total'), '{{instance}}')],
};

export const performance: DashboardSpec = {
  uid: 'rustydb-performance',
  title: 'RustyDB / Performance',
  description: 'Query and transaction throughput, latency, locking, cache and WAL: where the time goes.',
  tag: 'performance',
  refresh: '15s', // the guide's Performance Dashboard
  rows: [
    { section: 'Health', panels: [livePerformance, deadlocksRecent, cacheHitGauge, lockCounts] },
    { section: 'Problems', panels: [slowQueries, runningQueries, requestErrorRatio, lockWaits] },
    {
      section: 'Performance',
      panels: [
        queryStats,
        queryThroughput,
        transactionsPerSecond,
        queryLatency,
        meanQueryLatency,
        latencyHeatmap,
        requestRate,
        meanResponseTime,
      ],
    },
    {
      section: 'Resources',
      panels: [cacheHitOverTime, bufferPoolHitRatio, locksHeld, activeTransactions, walActivity, walWrites],
    },
  ],
};
