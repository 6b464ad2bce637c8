import { useCallback, useEffect, useRef, useState } from 'react';
import type { RustyDBInstanceSettings } from '../../components/rustydbInstances';
import { rustydbReader } from '../../components/rustydbReader';
import { limitConcurrency } from './concurrency';
import type { InstanceReport } from './instanceReport';
import { queryPrometheus } from './prometheusQuery';
import { FleetDeps, readFleet } from './readFleet';
import { RefreshLoop } from './refreshLoop';

/** Reports arriving within this window are applied together: 200 answers cost a handful of renders, not 200. */
const BATCH_MS = 150;

/** REST requests in flight at once across the fleet: RustyDB v0.6.5 shares 100 requests/s among all its clients. */
export const MAX_REST_IN_FLIGHT = 6;

export interface Fleet {
  /** Each instance's latest report by uid; missing until its first round of reads completes. */
  reports: ReadonlyMap<string, InstanceReport>;
  /** When the last report arrived (epoch ms). */
  updatedAt?: number;
  /** Reads every instance now (or right after the round under way) and restarts the interval. */
  refresh: () => void;
}

const grafanaDeps = (): FleetDeps => ({
  reader: rustydbReader,
  prometheus: queryPrometheus,
  limit: limitConcurrency(MAX_REST_IN_FLIGHT),
  now: Date.now,
});

/** The previous report when nothing changed, so its row keeps its identity and is not rendered again. */
function keepIfSame(previous: InstanceReport | undefined, next: InstanceReport): InstanceReport {
  return previous && JSON.stringify(previous) === JSON.stringify(next) ? previous : next;
}

/**
 * Reads every instance now and then every `intervalMs`, one round at a time (`RefreshLoop`), until unmounted.
 * Reports that arrive within `BATCH_MS` are applied together.
 * `instances` must keep its identity between renders.
 */
export function useFleet(
  instances: RustyDBInstanceSettings[],
  intervalMs: number,
  deps: () => FleetDeps = grafanaDeps
): Fleet {
  const [reports, setReports] = useState<ReadonlyMap<string, InstanceReport>>(() => new Map());
  const [updatedAt, setUpdatedAt] = useState<number>();
  const loop = useRef<RefreshLoop>();

  useEffect(() => {
    let live = true;
    let pending = new Map<string, InstanceReport>();
    let batch: ReturnType<typeof setTimeout> | undefined;
    const flush = () => {
      batch = undefined;
      const arrived = pending;
      pending = new Map();
      setReports((previous) => {
        const next = new Map(previous);
        arrived.forEach((report, uid) => next.set(uid, keepIfSame(previous.get(uid), report)));
        return next;
      });
      setUpdatedAt(Date.now());
    };
    const onReport = (report: InstanceReport) => {
      if (!live) {
        return;
      }
      pending.set(report.uid, report);
      batch ??= setTimeout(flush, BATCH_MS);
    };
    const fleetDeps = deps();
    const refreshLoop = new RefreshLoop(() => readFleet(instances, fleetDeps, onReport), intervalMs);
    loop.current = refreshLoop;
    refreshLoop.start();
    return () => {
      live = false;
      refreshLoop.stop();
      clearTimeout(batch);
    };
  }, [instances, intervalMs, deps]);

  const refresh = useCallback(() => loop.current?.refreshNow(), []);
  return { reports, updatedAt, refresh };
}
