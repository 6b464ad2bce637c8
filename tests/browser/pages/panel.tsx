/**
 * The connection-pool panel inside Grafana's own PanelChrome, as on a dashboard. `?scenario=` picks the data:
 * - `cards`: a few pools in every state (ok, warning, critical, no connections, hostile ids) as live time series,
 *   joined with the pools config for max and headroom;
 * - `list`: 1,000 pools from one RustyDB stats table.
 * The panel fills the viewport less the page padding.
 */
import React from 'react';
import { DataFrame } from '@grafana/data';
import { PanelChrome, useTheme2 } from '@grafana/ui';
import { configTable, liveFrame, manyPools, statsTable } from '../../../src/panel/testing/frames';
import { panelProps } from '../../../src/panel/testing/panelProps';
import { PoolStatsPanel } from '../../../src/panel/view/PoolStatsPanel';
import { HOSTILE_ID, LONG_ID, RTL_ID } from './panelIds';

const MINUTE = 60_000;
const START = Date.UTC(2026, 0, 1, 12);

/** A pool whose connections and waiting requests drift towards the given end state over 30 minutes. */
function drifting(id: string, end: { active: number; idle: number; waiting: number }) {
  const held = end.active + end.idle;
  return liveFrame(
    id,
    Array.from({ length: 30 }, (_, i) => {
      const f = (i + 1) / 30;
      const wobble = Math.round(Math.sin(i / 2) * held * 0.05);
      const active = Math.max(0, Math.min(held, Math.round(end.active * (0.5 + 0.5 * f)) + (i === 29 ? 0 : wobble)));
      return {
        time: START + i * MINUTE,
        active,
        idle: held - active,
        waiting: Math.round(end.waiting * f),
        created: 40 + i * 2,
      };
    })
  );
}

function cards(): DataFrame[] {
  return [
    drifting('orders', { active: 97, idle: 3, waiting: 24 }),
    drifting('readonly', { active: 43, idle: 7, waiting: 6 }),
    drifting('default', { active: 25, idle: 15, waiting: 2 }),
    drifting('batch', { active: 0, idle: 0, waiting: 0 }),
    drifting(HOSTILE_ID, { active: 10, idle: 30, waiting: 0 }),
    drifting(RTL_ID, { active: 12, idle: 8, waiting: 0 }),
    drifting(LONG_ID, { active: 5, idle: 45, waiting: 0 }),
    configTable(),
  ];
}

const SCENARIOS: Record<string, () => DataFrame[]> = {
  cards,
  list: () => [statsTable(manyPools(1000))],
};

export default function PanelPage() {
  const theme = useTheme2();
  const scenario = new URLSearchParams(window.location.search).get('scenario') ?? 'cards';
  const width = window.innerWidth - 32;
  const height = window.innerHeight - 32;
  return (
    <PanelChrome title="Connection pools" width={width} height={height}>
      {(innerWidth, innerHeight) => (
        <PoolStatsPanel
          {...panelProps({
            series: SCENARIOS[scenario](),
            width: innerWidth,
            height: innerHeight,
            theme,
            options: { poolLinkUrl: '/d/rustydb-pool?var-pool=${pool}' },
          })}
        />
      )}
    </PanelChrome>
  );
}
