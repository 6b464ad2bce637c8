/**
 * Timing page for bench/panel.bench.ts: `window.__panelBench.run(count)` renders the panel with `count` pools from
 * nothing, then with changed values (a refresh), then scrolls it, and returns the times. Props (frames processed by
 * applyFieldOverrides) are prepared before each timing, so only the panel's own work is measured.
 */
import React, { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { PanelProps } from '@grafana/data';
import { useTheme2 } from '@grafana/ui';
import { manyPools, statsTable } from '../../../src/panel/testing/frames';
import { panelProps } from '../../../src/panel/testing/panelProps';
import { PoolStatsOptions } from '../../../src/panel/types';
import { PoolStatsPanel } from '../../../src/panel/view/PoolStatsPanel';

export interface Timing {
  /** React render and commit, then style and layout (forced): the panel's synchronous work. */
  layoutMs: number;
  /** Until the next frame after that was painted (rounded up to the display's frame rate). */
  paintedMs: number;
}

export interface BenchResult {
  layout: string;
  firstRender: Timing;
  update: Timing;
  /** Frame times while scrolling the list by one row per frame (list layout only). */
  scrollFrameMs: number[];
}

declare global {
  interface Window {
    __panelBench?: { run(count: number): Promise<BenchResult> };
  }
}

const nextFrame = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

async function timed(change: () => void): Promise<Timing> {
  const start = performance.now();
  flushSync(change);
  document.body.getBoundingClientRect();
  const layoutMs = performance.now() - start;
  return { layoutMs, paintedMs: (await nextFrame()) - start };
}

async function scrollFrames(): Promise<number[]> {
  const scroller = document.querySelector<HTMLElement>('[role="rowgroup"]');
  if (!scroller) {
    return [];
  }
  const frames: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < 120; i++) {
    scroller.scrollTop += 36 * 3;
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return frames;
}

export default function PanelBench() {
  const theme = useTheme2();
  const [props, setProps] = useState<PanelProps<PoolStatsOptions> | null>(null);
  useEffect(() => {
    const size = { width: window.innerWidth - 32, height: window.innerHeight - 32, theme };
    window.__panelBench = {
      async run(count) {
        const first = panelProps({ ...size, series: [statsTable(manyPools(count, 1))] });
        const refreshed = panelProps({ ...size, series: [statsTable(manyPools(count, 2))] });
        await timed(() => setProps(null));
        const firstRender = await timed(() => setProps(first));
        const update = await timed(() => setProps(refreshed));
        const layout = document.querySelector('[role="table"]') ? 'list' : 'cards';
        return { layout, firstRender, update, scrollFrameMs: await scrollFrames() };
      },
    };
  }, [theme]);
  return props ? <PoolStatsPanel {...props} /> : null;
}
