import { css } from '@emotion/css';
import { GrafanaTheme2 } from '@grafana/data';
import { COMPACT_COUNTS_HEIGHT, COMPACT_ROW_HEIGHT } from '../../model/layout';

/** Small text on fixed line heights, the ones compactLayout counts with, so what it counts is what fits. */
export function getCompactStyles(theme: GrafanaTheme2) {
  const ellipsis = { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' } as const;
  const line = { ...theme.typography.bodySmall, lineHeight: `${COMPACT_ROW_HEIGHT}px`, height: COMPACT_ROW_HEIGHT };
  return {
    root: css({ display: 'flex', flexDirection: 'column', height: '100%', overflow: 'hidden', minWidth: 0 }),
    counts: css({
      ...theme.typography.bodySmall,
      ...ellipsis,
      display: 'flex',
      gap: theme.spacing(1),
      height: COMPACT_COUNTS_HEIGHT,
      lineHeight: `${COMPACT_COUNTS_HEIGHT}px`,
      fontWeight: theme.typography.fontWeightMedium,
    }),
    none: css({ color: theme.colors.text.secondary }),
    error: css({ ...line, ...ellipsis, color: theme.colors.error.text }),
    list: css({ listStyle: 'none', margin: 0, padding: 0 }),
    line: css({
      ...line,
      display: 'grid',
      gridTemplateColumns: 'minmax(0, 1fr) auto auto',
      gap: theme.spacing(0.75),
      alignItems: 'center',
      overflow: 'hidden',
    }),
    name: css({ ...ellipsis, minWidth: 0 }),
    value: css({ fontVariantNumeric: 'tabular-nums', color: theme.colors.text.primary }),
  };
}

export type CompactStyles = ReturnType<typeof getCompactStyles>;
