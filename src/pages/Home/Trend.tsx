import React, { memo } from 'react';
import { useTheme2 } from '@grafana/ui';

const WIDTH = 64;
const HEIGHT = 16;

/**
 * A short line of recent values, drawn as one SVG path: at 200 rows @grafana/ui's Sparkline (a uPlot chart each)
 * would cost a canvas and a chart instance per row, where a trend this small needs neither.
 */
export const Trend = memo(function Trend({ values, label }: { values: number[]; label: string }) {
  const theme = useTheme2();
  if (values.length < 2) {
    return null;
  }
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const points = values
    .map((v, i) => {
      const x = (i / (values.length - 1)) * WIDTH;
      const y = HEIGHT - 1 - ((v - min) / span) * (HEIGHT - 2);
      return `${x.toFixed(1)},${y.toFixed(1)}`;
    })
    .join(' ');
  return (
    <svg width={WIDTH} height={HEIGHT} role="img" aria-label={label}>
      <polyline points={points} fill="none" stroke={theme.colors.text.secondary} strokeWidth={1.5} />
    </svg>
  );
});
