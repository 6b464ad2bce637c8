/**
 * The connection-pool panel as a `d-solo` iframe shows it: Grafana's PanelChrome filling the whole viewport (the
 * iframe), seven pools in every level. The test sets the viewport to iframe sizes (300×150, 200×100).
 */
import React from 'react';
import { PanelChrome, useTheme2 } from '@grafana/ui';
import { SEVEN_POOLS_EVERY_LEVEL, statsTable } from '../../../src/panel/testing/frames';
import { panelProps } from '../../../src/panel/testing/panelProps';
import { PoolStatsPanel } from '../../../src/panel/view/PoolStatsPanel';

export default function PanelCompactPage() {
  const theme = useTheme2();
  const { innerWidth: width, innerHeight: height } = window;
  return (
    <div style={{ position: 'fixed', inset: 0 }}>
      <PanelChrome title="Connection pools" width={width} height={height}>
        {(innerWidth, innerHeight) => (
          <PoolStatsPanel
            {...panelProps({
              series: [statsTable(SEVEN_POOLS_EVERY_LEVEL)],
              width: innerWidth,
              height: innerHeight,
              theme,
            })}
          />
        )}
      </PanelChrome>
    </div>
  );
}
