/**
 * Timing page for bench/panel.bench.ts: `window.__panelBench.run(subject, count)` renders the pool panel or Grafana's
 * table (panelBenchTable.tsx) with `count` pools from nothing, then with changed values (a refresh), then
 * scrolls it, and returns the times. Props (frames processed by applyFieldOverrides) are prepared before each timing,
 * so only the component's own work is measured.
 */
import React, { useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTheme2 } from '@grafana/ui';
import { manyPools, statsTable } from '../../../src/panel/testing/frames';
import { panelProps } from '../../../src/panel/testing/panelProps';
import { PoolStatsPanel } from '../../../src/panel/view/PoolStatsPanel';
import { TableBaseline, tableFrame } from './panelBenchTable';

/** The pool panel, or Grafana's table as the Table panel renders it. */
export type Subject = 'panel' | 'TableNG';

export interface Timing {
  /** React render and commit, then style and layout (forced): the component's synchronous work. */
  layoutMs: number;
  /** Until the next frame after that was painted (rounded up to the display's frame rate). */
  paintedMs: number;
}

export interface BenchResult {
  /** The panel's layout (cards or list), or TableNG. */
  layout: string;
  firstRender: Timing;
  update: Timing;
  /** Frame times while scrolling by three 36 px rows per frame. */
  scrollFrameMs: number[];
}

declare global {
  interface Window {
    __panelBench?: { run(subject: Subject, count: number): Promise<BenchResult> };
  }
}

/** Scrolled by the same distance per frame in every subject. */
const SCROLL_STEP = 36 * 3;
const SCROLL_FRAMES = 120;

const nextFrame = () =>
  new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))));

async function timed(change: () => void): Promise<Timing> {
  const start = performance.now();
  flushSync(change);
  document.body.getBoundingClientRect();
  const layoutMs = performance.now() - start;
  return { layoutMs, paintedMs: (await nextFrame()) - start };
}

/** The element that scrolls the rows, whichever component made it: the tallest scrollable one. */
function scrollerIn(root: HTMLElement): HTMLElement | undefined {
  const scrollable = [...root.querySelectorAll<HTMLElement>('*')].filter(
    (el) => el.scrollHeight > el.clientHeight + 1 && /auto|scroll/.test(getComputedStyle(el).overflowY)
  );
  return scrollable.sort((a, b) => b.scrollHeight - a.scrollHeight)[0];
}

async function scrollFrames(root: HTMLElement): Promise<number[]> {
  const scroller = scrollerIn(root);
  if (!scroller) {
    return [];
  }
  const frames: number[] = [];
  let last = await nextFrame();
  for (let i = 0; i < SCROLL_FRAMES; i++) {
    scroller.scrollTop += SCROLL_STEP;
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  return frames;
}

type Shown = { subject: 'panel'; props: ReturnType<typeof panelProps> } | { subject: 'TableNG'; props: TableProps };
interface TableProps {
  frame: ReturnType<typeof tableFrame>;
  width: number;
  height: number;
}

export default function PanelBench() {
  const theme = useTheme2();
  const root = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState<Shown | null>(null);
  const width = window.innerWidth - 32;
  const height = window.innerHeight - 32;
  useEffect(() => {
    const propsFor = (subject: Subject, seed: number, count: number): Shown => {
      const rows = manyPools(count, seed);
      return subject === 'panel'
        ? { subject, props: panelProps({ width, height, theme, series: [statsTable(rows)] }) }
        : { subject, props: { frame: tableFrame(rows, theme), width, height } };
    };
    window.__panelBench = {
      async run(subject, count) {
        const first = propsFor(subject, 1, count);
        const refreshed = propsFor(subject, 2, count);
        await timed(() => setShown(null));
        const firstRender = await timed(() => setShown(first));
        const update = await timed(() => setShown(refreshed));
        const layout = subject !== 'panel' ? subject : root.current!.querySelector('[role="table"]') ? 'list' : 'cards';
        return { layout, firstRender, update, scrollFrameMs: await scrollFrames(root.current!) };
      },
    };
  }, [theme, width, height]);
  return (
    <div ref={root} style={{ width, height }}>
      {shown?.subject === 'panel' && <PoolStatsPanel {...shown.props} />}
      {shown && shown.subject !== 'panel' && <TableBaseline {...shown.props} />}
    </div>
  );
}
