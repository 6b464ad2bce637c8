import { DataFrame, FieldType } from '@grafana/data';
import { levelOf, Level, THRESHOLDS } from '../../rustydb/thresholds';

export interface PoolStats {
  id: string;
  active: number;
  idle: number;
  waiting: number;
  /** active / (active + idle); null when the pool holds no connections. */
  utilisation: number | null;
  utilisationLevel: Level;
  waitingLevel: Level;
}

const ROLE_NAMES = {
  id: ['pool_id', 'pool', 'id'],
  active: ['active_connections', 'active'],
  idle: ['idle_connections', 'idle'],
  waiting: ['waiting_requests', 'waiting'],
} as const;

function lastNumber(frame: DataFrame, names: readonly string[]): number | undefined {
  const field = frame.fields.find((f) => f.type === FieldType.number && names.includes(f.name));
  const value = field?.values[field.values.length - 1];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function lastString(frame: DataFrame, names: readonly string[]): string | undefined {
  const field = frame.fields.find((f) => names.includes(f.name));
  const value = field?.values[field.values.length - 1];
  return value === undefined || value === null ? undefined : String(value);
}

/** One pool per frame, from the last row; frames without the connection counts are skipped. */
export function poolsFromFrames(frames: DataFrame[]): PoolStats[] {
  return frames.flatMap((frame, index) => {
    const active = lastNumber(frame, ROLE_NAMES.active);
    const idle = lastNumber(frame, ROLE_NAMES.idle);
    if (active === undefined || idle === undefined) {
      return [];
    }
    const waiting = lastNumber(frame, ROLE_NAMES.waiting) ?? 0;
    const total = active + idle;
    const utilisation = total > 0 ? active / total : null;
    return [
      {
        id: lastString(frame, ROLE_NAMES.id) ?? frame.name ?? `pool ${index + 1}`,
        active,
        idle,
        waiting,
        utilisation,
        utilisationLevel: utilisation === null ? 'ok' : levelOf(THRESHOLDS.poolUtilisation, utilisation),
        waitingLevel: levelOf(THRESHOLDS.poolWaiting, waiting),
      },
    ];
  });
}
