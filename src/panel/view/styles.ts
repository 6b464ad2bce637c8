import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { Level } from '../../rustydb/thresholds';
import { GAP } from '../model/layout';

/** Every colour is a theme token, so light and dark themes both work. */
export function getStyles(theme: GrafanaTheme2) {
  const levelTag = (color: { text: string; transparent: string; border: string }) =>
    css({ color: color.text, background: color.transparent, borderColor: color.border });
  const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  return {
    panel: css({ display: 'flex', flexDirection: 'column', height: '100%', gap: theme.spacing(1) }),
    toolbar: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), flexWrap: 'nowrap', minHeight: 32 }),
    summary: css({ display: 'flex', gap: theme.spacing(0.5), flexShrink: 0 }),
    summaryButton: css({
      ...theme.typography.bodySmall,
      border: `1px solid ${theme.colors.border.weak}`,
      borderRadius: theme.shape.radius.pill,
      background: 'transparent',
      color: theme.colors.text.primary,
      padding: theme.spacing(0.25, 1),
      cursor: 'pointer',
      whiteSpace: 'nowrap',
      '&[aria-pressed="true"]': {
        borderColor: theme.colors.primary.border,
        background: theme.colors.primary.transparent,
      },
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
    }),
    filter: css({ flex: '1 1 120px', minWidth: 80, maxWidth: 320 }),
    notices: css({ display: 'flex', flexDirection: 'column', gap: theme.spacing(0.25) }),
    notice: css({ ...theme.typography.bodySmall, ...ellipsis, color: theme.colors.text.secondary, height: 20 }),
    noticeError: css({ color: theme.colors.error.text }),
    body: css({ flex: '1 1 auto', minHeight: 0 }),
    scroller: css({
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: -2 },
    }),
    // The layout's gap, which card widths and row heights are computed with.
    cardRow: css({ display: 'grid', gap: GAP }),
    card: css({
      minWidth: 0,
      display: 'flex',
      flexDirection: 'column',
      gap: theme.spacing(0.75),
      padding: theme.spacing(1, 1.5),
      background: theme.colors.background.secondary,
      border: `1px solid ${theme.colors.border.weak}`,
      borderRadius: theme.shape.radius.default,
      overflow: 'hidden',
    }),
    cardHeader: css({ display: 'flex', alignItems: 'baseline', gap: theme.spacing(1), minWidth: 0 }),
    poolName: css({ ...theme.typography.h6, ...ellipsis, margin: 0, flex: '1 1 auto', minWidth: 0 }),
    rowPoolName: css({ ...ellipsis, fontWeight: theme.typography.fontWeightMedium }),
    link: css({
      color: theme.colors.text.link,
      textDecoration: 'none',
      '&:hover': { textDecoration: 'underline' },
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}`, outlineOffset: 1 },
    }),
    levelTag: css({
      ...theme.typography.bodySmall,
      fontWeight: theme.typography.fontWeightMedium,
      border: '1px solid',
      borderRadius: theme.shape.radius.default,
      padding: theme.spacing(0, 0.75),
      whiteSpace: 'nowrap',
      flexShrink: 0,
    }),
    level: {
      ok: levelTag(theme.colors.success),
      warning: levelTag(theme.colors.warning),
      critical: levelTag(theme.colors.error),
    } satisfies Record<Level, string>,
    levelText: {
      ok: css({ ...theme.typography.bodySmall, color: theme.colors.success.text }),
      warning: css({
        ...theme.typography.bodySmall,
        color: theme.colors.warning.text,
        fontWeight: theme.typography.fontWeightMedium,
      }),
      critical: css({
        ...theme.typography.bodySmall,
        color: theme.colors.error.text,
        fontWeight: theme.typography.fontWeightMedium,
      }),
    } satisfies Record<Level, string>,
    levelNone: css({ color: theme.colors.text.secondary, borderColor: theme.colors.border.medium }),
    meter: css({ display: 'flex', alignItems: 'center', gap: theme.spacing(1), minWidth: 0 }),
    meterTrack: css({
      flex: '1 1 auto',
      minWidth: 40,
      height: 8,
      borderRadius: theme.shape.radius.pill,
      background: theme.colors.background.canvas,
      border: `1px solid ${theme.colors.border.weak}`,
      overflow: 'hidden',
    }),
    meterFill: css({ height: '100%' }),
    meterText: css({ fontVariantNumeric: 'tabular-nums', whiteSpace: 'nowrap', minWidth: 48, textAlign: 'right' }),
    stats: css({
      display: 'grid',
      gridTemplateColumns: 'repeat(3, minmax(0, 1fr)) minmax(0, 1.8fr)',
      gap: theme.spacing(1),
      margin: 0,
    }),
    stat: css({ display: 'flex', flexDirection: 'column-reverse', minWidth: 0 }),
    statName: css({ ...theme.typography.bodySmall, ...ellipsis, color: theme.colors.text.secondary }),
    statValue: css({
      ...ellipsis,
      margin: 0,
      fontSize: theme.typography.h5.fontSize,
      lineHeight: 1.2,
      fontVariantNumeric: 'tabular-nums',
    }),
    secondary: css({ ...theme.typography.bodySmall, ...ellipsis, color: theme.colors.text.secondary }),
    trends: css({ display: 'flex', gap: theme.spacing(1), marginTop: 'auto' }),
    trend: css({ flex: '1 1 0', minWidth: 0 }),
    table: css({ display: 'flex', flexDirection: 'column', height: '100%' }),
    row: css({
      display: 'flex',
      alignItems: 'center',
      gap: theme.spacing(1),
      padding: theme.spacing(0, 1),
      borderBottom: `1px solid ${theme.colors.border.weak}`,
      fontVariantNumeric: 'tabular-nums',
    }),
    headerRow: css({ ...theme.typography.bodySmall, color: theme.colors.text.secondary, height: 28, flexShrink: 0 }),
    sortButton: css({
      all: 'unset',
      cursor: 'pointer',
      ...ellipsis,
      '&:focus-visible': { outline: `2px solid ${theme.colors.primary.main}` },
    }),
    cell: css({ ...ellipsis, minWidth: 0 }),
    numericCell: css({ ...ellipsis, minWidth: 0, textAlign: 'right' }),
    message: css({
      display: 'flex',
      flexDirection: 'column',
      alignItems: 'center',
      justifyContent: 'center',
      height: '100%',
      gap: theme.spacing(1),
      padding: theme.spacing(2),
      textAlign: 'center',
      overflow: 'auto',
    }),
    messageTitle: css({ ...theme.typography.h5, margin: 0 }),
    messageText: css({ color: theme.colors.text.secondary, margin: 0, maxWidth: 560 }),
    code: css({ fontFamily: theme.typography.fontFamilyMonospace, color: theme.colors.text.primary }),
  };
}

export type Styles = ReturnType<typeof getStyles>;
