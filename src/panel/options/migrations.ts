import { PanelMigrationHandler } from '@grafana/data';
import { ROLES } from '../model/roles';
import { FieldMapping, PoolStatsOptions, Role } from '../types';

/**
 * Options of earlier versions of the panel and the role each one maps now (git history of `src/panel/types.ts`):
 * the first panel had one option, `poolField`, which became `fields.poolId` when every role got a field picker.
 */
const RENAMED_FIELD_OPTIONS: Record<string, Role> = {
  poolField: 'poolId',
};

type Saved = Record<string, unknown>;

const isRecord = (value: unknown): value is Saved =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The field mapping with only the roles the panel knows, each a field name. */
function fieldMapping(saved: unknown): FieldMapping {
  const mapping: FieldMapping = {};
  if (isRecord(saved)) {
    for (const role of ROLES) {
      const name = saved[role];
      if (typeof name === 'string' && name !== '') {
        mapping[role] = name;
      }
    }
  }
  return mapping;
}

/**
 * Saved options in today's shape: renamed options moved (a value saved under the new name wins), a field mapping
 * that is not one dropped. Options it leaves unset get their defaults from Grafana afterwards.
 */
export function migratePoolOptions(saved: unknown): Partial<PoolStatsOptions> {
  const options: Saved = isRecord(saved) ? { ...saved } : {};
  const fields = fieldMapping(options.fields);
  for (const [old, role] of Object.entries(RENAMED_FIELD_OPTIONS)) {
    const name = options[old];
    delete options[old];
    if (typeof name === 'string' && name !== '' && fields[role] === undefined) {
      fields[role] = name;
    }
  }
  return { ...options, fields };
}

/**
 * Grafana runs this when a dashboard was saved with another version of the panel (or none), before it applies the
 * options' defaults (`pluginLoaded` in `public/app/features/dashboard/state/PanelModel.ts`, and scenes' `VizPanel`).
 */
export const poolOptionsMigration: PanelMigrationHandler<PoolStatsOptions> = (panel) =>
  migratePoolOptions(panel.options);
