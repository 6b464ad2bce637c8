/**
 * Timing page for bench/panel.bench.ts: `window.__panelBench` prepares the pool panel or Grafana's table
 * (panelBenchTable.tsx) with `count` pools, then renders it from nothing, then with changed values (a refresh: new
 * data, the same options and field config, as Grafana passes them), then scrolls it, each step timed. Props (frames
 * processed by applyFieldOverrides) are prepared before, and the bench collects garbage between the steps, so only
 * the component's own work is measured.
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

export interface Scrolled {
  /** The panel's layout (cards or list), or TableNG. */
  layout: string;
  /** Frame times while scrolling by three 36 px rows per frame. */
  frameMs: number[];
}

interface PanelBenchApi {
  prepare(subject: Subject, count: number): Promise<void>;
  firstRender(): Promise<Timing>;
  update(): Promise<Timing>;
  scroll(): Promise<Scrolled>;
}

declare global {
  interface Window {
    __panelBench?: PanelBenchApi;
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
    let steps: { subject: Subject; first: Shown; refreshed: Shown } | null = null;
    const prepared = () => {
      if (!steps) {
        throw new Error('__panelBench.prepare first');
      }
      return steps;
    };
    window.__panelBench = {
      async prepare(subject, count) {
        await timed(() => setShown(null));
        const first = manyPools(count, 1);
        const refreshed = manyPools(count, 2);
        if (subject === 'panel') {
          const props = panelProps({ width, height, theme, series: [statsTable(first)] });
          const { data } = panelProps({ width, height, theme, series: [statsTable(refreshed)] });
          steps = { subject, first: { subject, props }, refreshed: { subject, props: { ...props, data } } };
        } else {
          const table = (frame: TableProps['frame']) => ({ subject, props: { frame, width, height } });
          steps = { subject, first: table(tableFrame(first, theme)), refreshed: table(tableFrame(refreshed, theme)) };
        }
      },
      firstRender: () => timed(() => setShown(prepared().first)),
      update: () => timed(() => setShown(prepared().refreshed)),
      async scroll() {
        const { subject } = prepared();
        const layout = subject !== 'panel' ? subject : root.current!.querySelector('[role="table"]') ? 'list' : 'cards';
        return { layout, frameMs: await scrollFrames(root.current!) };
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
