import { ThresholdsMode } from '@grafana/data';
import { thresholdsConfig } from './fieldThresholds';
import { THRESHOLDS } from './thresholds';

it("turns the guide's levels into absolute field-config steps with -Infinity as the base", () => {
  expect(thresholdsConfig(THRESHOLDS.poolUtilisation)).toEqual({
    mode: ThresholdsMode.Absolute,
    steps: [
      { value: -Infinity, color: 'green' },
      { value: 0.8, color: 'orange' },
      { value: 0.95, color: 'red' },
    ],
  });
});
