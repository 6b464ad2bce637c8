import { ThresholdsConfig, ThresholdsMode } from '@grafana/data';
import { grafanaSteps, Threshold } from './thresholds';

/**
 * The guide's levels as a field config's thresholds: what the datasource puts on its fields and the pool panel takes
 * as its defaults. Grafana writes the base step as -Infinity in field config (null only in saved dashboards).
 */
export function thresholdsConfig(threshold: Threshold): ThresholdsConfig {
  return {
    mode: ThresholdsMode.Absolute,
    steps: grafanaSteps(threshold).map((step) => ({ value: step.value ?? -Infinity, color: step.color })),
  };
}
