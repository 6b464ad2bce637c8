import React, { MouseEvent, useMemo } from 'react';
import { cx } from '@emotion/css';
import { Field, FieldColorModeId, FieldConfig, FieldType } from '@grafana/data';
import { GraphFieldConfig } from '@grafana/schema';
import { Sparkline, useTheme2 } from '@grafana/ui';
import { Level } from '../../rustydb/thresholds';
import type { Sample } from '../model/extract';
import type { Pool } from '../model/pools';
import { count, Formatters, percent } from './format';
import type { PoolLink } from './links';
import { Styles } from './styles';

/** What every pool entry needs, passed through the virtualised list. */
export interface EntryContext {
  styles: Styles;
  fmt: Formatters;
  linksFor(pool: Pool): PoolLink[];
  showTrend: boolean;
}

/** Ctrl/Cmd/Shift-click keeps the browser's own behaviour (new tab); a plain click lets Grafana route internally. */
function onLinkClick(link: PoolLink) {
  return link.onClick
    ? (event: MouseEvent<HTMLAnchorElement>) => {
        if (!(event.ctrlKey || event.metaKey || event.shiftKey)) {
          event.preventDefault();
          link.onClick!(event);
        }
      }
    : undefined;
}

/** The pool id as text (`bdi` keeps right-to-left ids from reordering what is around them), a link when it has one. */
export function PoolName({ pool, ctx, className }: { pool: Pool; ctx: EntryContext; className: string }) {
  const [link] = ctx.linksFor(pool);
  const name = <bdi>{pool.id}</bdi>;
  return (
    <span className={className} title={pool.id}>
      {link ? (
        <a className={ctx.styles.link} href={link.href} target={link.target} onClick={onLinkClick(link)}>
          {name}
        </a>
      ) : (
        name
      )}
    </span>
  );
}

export function LevelTag({ level, styles, text }: { level: Level | null; styles: Styles; text?: string }) {
  return (
    <span className={cx(styles.levelTag, level ? styles.level[level] : styles.levelNone)}>
      {text ?? level ?? 'no data'}
    </span>
  );
}

export function labelsText(pool: Pool): string {
  return Object.entries(pool.labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');
}

/** A meter (ARIA) whose text says value and level, so colour is never the only cue. */
export function UtilisationMeter({ pool, ctx }: { pool: Pool; ctx: EntryContext }) {
  const { styles } = ctx;
  const shown = ctx.fmt.utilisation(pool);
  const level = pool.utilisationLevel?.level ?? null;
  const valueText = shown ? `${shown.text}, ${level}` : 'no connections';
  return (
    <div
      className={styles.meter}
      role="meter"
      aria-label={`Utilisation of ${pool.id}`}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={pool.utilisation ?? 0}
      aria-valuetext={valueText}
    >
      <div className={styles.meterTrack}>
        {shown && (
          <div
            className={styles.meterFill}
            data-testid="utilisation-fill"
            style={{ width: `${Math.min(1, pool.utilisation!) * 100}%`, background: shown.color }}
          />
        )}
      </div>
      <span className={styles.meterText}>{shown ? shown.text : 'no connections'}</span>
    </div>
  );
}

/** The count of waiting requests, with its level in words (and colour) when it is not ok. */
export function WaitingValue({ pool, styles }: { pool: Pool; styles: Styles }) {
  const level = pool.waitingLevel?.level;
  return (
    <>
      {count(pool.waiting)}
      {level && level !== 'ok' && <span className={styles.levelText[level]}> {level}</span>}
    </>
  );
}

function trendSummary(samples: Sample[], format: (v: number) => string): string {
  const values = samples.map((s) => s.value);
  return `from ${format(values[0])} to ${format(values[values.length - 1])}, highest ${format(Math.max(...values))}`;
}

export interface TrendSpec {
  kind: 'utilisation' | 'waiting';
  label: string;
  samples: Sample[];
  color: string;
  /** Utilisation is drawn on 0..1; waiting from zero to its highest value. */
  max?: number;
  format(value: number): string;
}

/** A pool's trends that have data, each in the colour of its current level. */
export function trendsOf(pool: Pool, fmt: Formatters): TrendSpec[] {
  const specs: TrendSpec[] = [
    {
      kind: 'utilisation',
      label: 'Utilisation',
      samples: pool.trend.utilisation,
      color: fmt.utilisation(pool)?.color ?? fmt.neutral,
      max: 1,
      format: percent,
    },
    {
      kind: 'waiting',
      label: 'Waiting requests',
      samples: pool.trend.waiting,
      color: pool.waitingLevel ? fmt.color(pool.waitingLevel.color) : fmt.neutral,
      format: count,
    },
  ];
  return specs.filter((spec) => spec.samples.length > 0);
}

export function Trend({ spec, width, height }: { spec: TrendSpec; width: number; height: number }) {
  const { label, samples, color, max, format } = spec;
  const theme = useTheme2();
  const sparkline = useMemo(() => {
    const values = samples.map((s) => s.value);
    const top = max ?? Math.max(1, ...values);
    const x: Field = { name: 'time', type: FieldType.time, config: {}, values: samples.map((s) => s.time) };
    const y: Field = {
      name: label,
      type: FieldType.number,
      config: {},
      values,
      state: { range: { min: 0, max: top, delta: top } },
    };
    return { x, y };
  }, [samples, label, max]);
  const config = useMemo<FieldConfig<GraphFieldConfig>>(
    () => ({ color: { mode: FieldColorModeId.Fixed, fixedColor: color }, custom: { lineWidth: 1, fillOpacity: 20 } }),
    [color]
  );
  return (
    <div role="img" aria-label={`${label} trend ${trendSummary(samples, format)}`}>
      <Sparkline theme={theme} width={width} height={height} sparkline={sparkline} config={config} />
    </div>
  );
}
