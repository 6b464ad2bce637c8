import { FieldConfigSource } from '@grafana/data';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { PoolFieldConfig } from '../types';
import { thresholdsConfig } from '../../rustydb/fieldThresholds';
import type { LevelSettings } from './pools';

/** The guide's levels as the panel's default field config (users change them in the editor). */
export const DEFAULT_UTILISATION_THRESHOLDS = thresholdsConfig(THRESHOLDS.poolUtilisation);
export const DEFAULT_WAITING_THRESHOLDS = thresholdsConfig(THRESHOLDS.poolWaiting);
export const UTILISATION_UNIT = THRESHOLDS.poolUtilisation.unit;

/**
 * Utilisation and waiting are per pool, not per field, so their thresholds are the panel-wide field config
 * (`defaults`): overrides that target single fields do not apply to them.
 */
export function levelSettings(fieldConfig: FieldConfigSource<PoolFieldConfig> | undefined): LevelSettings {
  const defaults = fieldConfig?.defaults;
  return {
    utilisation: defaults?.thresholds?.steps?.length ? defaults.thresholds : DEFAULT_UTILISATION_THRESHOLDS,
    waiting: defaults?.custom?.waitingThresholds?.steps?.length
      ? defaults.custom.waitingThresholds
      : DEFAULT_WAITING_THRESHOLDS,
  };
}
