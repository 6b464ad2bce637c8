import {
  FieldColorModeId,
  FieldConfig,
  FieldType,
  formattedValueToString,
  getDisplayProcessor,
  GrafanaTheme2,
} from '@grafana/data';
import { UTILISATION_UNIT } from '../model/settings';
import type { Pool } from '../model/pools';

export interface Formatters {
  /** Utilisation as text with the panel's unit and decimals, and its colour (resolved for the theme). */
  utilisation(pool: Pool): { text: string; color: string } | null;
  /** Any threshold colour name resolved for the theme. */
  color(name: string): string;
  /** For lines without a level (no connections). */
  neutral: string;
}

const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const SHORT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** Counts of connections and requests: whole numbers with thousands separators; "—" when unknown. */
export function count(value: number | null): string {
  return value === null ? '—' : INTEGER.format(value);
}

export function rate(value: number): string {
  return SHORT.format(value);
}

export const CHURN_HELP = "Churn: connections created per connection acquired, over the pool's lifetime.";

export function percent(ratio: number): string {
  return `${SHORT.format(ratio * 100)}%`;
}

/**
 * Formatting through Grafana's display processor, so the standard options (unit, decimals, colour scheme) apply to
 * utilisation. With the default "From thresholds" colour scheme the colour is the pool's step, computed with the
 * panel's exactly-at-threshold rule (see model/levels.ts) rather than the processor's own lookup.
 */
export function makeFormatters(defaults: FieldConfig, theme: GrafanaTheme2): Formatters {
  const display = getDisplayProcessor({
    field: {
      type: FieldType.number,
      config: { ...defaults, unit: defaults.unit ?? UTILISATION_UNIT, min: 0, max: 1 },
    },
    theme,
  });
  const color = (name: string) => theme.visualization.getColorByName(name);
  const byThresholds = (defaults.color?.mode ?? FieldColorModeId.Thresholds) === FieldColorModeId.Thresholds;
  return {
    color,
    neutral: theme.colors.text.secondary,
    utilisation(pool) {
      if (pool.utilisation === null || !pool.utilisationLevel) {
        return null;
      }
      const shown = display(pool.utilisation);
      return {
        text: formattedValueToString(shown),
        color: byThresholds || !shown.color ? color(pool.utilisationLevel.color) : shown.color,
      };
    },
  };
}
