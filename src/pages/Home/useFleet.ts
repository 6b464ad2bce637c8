import { useCallback, useEffect, useState } from 'react';
import { RustyDBInstanceSettings, rustydbGetter } from '../../components/rustydbInstances';
import { InstanceReport, reportInstance } from './instanceReport';
import { readInstance } from './readInstance';

export interface Fleet {
  /** One entry per instance, in the order given; undefined until its first round of reads completes. */
  reports: Array<InstanceReport | undefined>;
  /** When the last report arrived (epoch ms). */
  updatedAt?: number;
  /** Reads every instance now and restarts the interval. */
  refresh: () => void;
}

/**
 * Reads every instance now and then every `intervalMs`, until unmounted. An instance whose previous round is still
 * running (a slow or unreachable server waits out its timeout) is skipped rather than asked twice.
 * `instances` must keep its identity between renders.
 */
export function useFleet(instances: RustyDBInstanceSettings[], intervalMs: number): Fleet {
  const [byUid, setByUid] = useState<Record<string, InstanceReport>>({});
  const [updatedAt, setUpdatedAt] = useState<number>();
  const [round, setRound] = useState(0);

  useEffect(() => {
    let mounted = true;
    const inFlight = new Set<string>();
    const getters = instances.map(rustydbGetter);
    const readAll = () => {
      instances.forEach((settings, i) => {
        if (inFlight.has(settings.uid)) {
          return;
        }
        inFlight.add(settings.uid);
        readInstance(getters[i], Date.now()).then((reading) => {
          inFlight.delete(settings.uid);
          if (mounted) {
            setByUid((previous) => ({ ...previous, [settings.uid]: reportInstance(settings, reading) }));
            setUpdatedAt(Date.now());
          }
        });
      });
    };
    readAll();
    const timer = setInterval(readAll, intervalMs);
    return () => {
      mounted = false;
      clearInterval(timer);
    };
  }, [instances, intervalMs, round]);

  const refresh = useCallback(() => setRound((r) => r + 1), []);
  return { reports: instances.map((settings) => byUid[settings.uid]), updatedAt, refresh };
}
