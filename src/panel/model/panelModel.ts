import { DataFrame } from '@grafana/data';
import { FieldMapping, Role } from '../types';
import { extractPools } from './extract';
import { buildPools, LevelSettings, PoolModel } from './pools';

export type PanelModel =
  | { kind: 'noData' }
  /** Rows arrived without the fields utilisation needs: which roles are missing and which fields there were. */
  | { kind: 'missingFields'; missing: Role[]; found: string[] }
  /** Possibly no pools at all, when every entry lacks values (then `incomplete` says why). */
  | ({ kind: 'pools' } & PoolModel);

/** Utilisation needs two of active, idle and total; the message names active and idle, the usual pair. */
function missingRoles(found: ReadonlySet<Role>): Role[] {
  const counts = (['active', 'idle', 'total'] as const).filter((r) => found.has(r));
  if (counts.length >= 2) {
    return [];
  }
  return (['active', 'idle'] as const).filter((r) => !found.has(r));
}

export function panelModel(frames: DataFrame[], mapping: FieldMapping, settings: LevelSettings): PanelModel {
  const extraction = extractPools(frames, mapping);
  if (extraction.rowCount === 0) {
    return { kind: 'noData' };
  }
  const missing = missingRoles(extraction.rolesFound);
  if (missing.length) {
    return { kind: 'missingFields', missing, found: extraction.unmatchedFields };
  }
  return { kind: 'pools', ...buildPools(extraction.pools, settings) };
}
