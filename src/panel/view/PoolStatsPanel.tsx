import React, { useCallback, useMemo } from 'react';
import { FieldConfigSource, LoadingState, PanelProps } from '@grafana/data';
import { useStyles2, useTheme2 } from '@grafana/ui';
import { compactLayout } from '../model/layout';
import { panelModel } from '../model/panelModel';
import type { Pool } from '../model/pools';
import { levelSettings } from '../model/settings';
import { FieldMapping, PoolFieldConfig, PoolStatsOptions } from '../types';
import { CompactPools } from './compact/CompactPools';
import { makeFormatters } from './format';
import { poolLinks } from './links';
import { MissingFields, PanelMessage, queryErrors } from './PanelMessage';
import { PoolBrowser } from './PoolBrowser';
import { getStyles } from './styles';

type Props = PanelProps<PoolStatsOptions>;

/** Stable, so the model is not rebuilt on every render of a panel with no field mapping. */
const NO_MAPPING: FieldMapping = {};

export function PoolStatsPanel({ data, options, fieldConfig, width, height, replaceVariables }: Props) {
  const theme = useTheme2();
  const styles = useStyles2(getStyles);
  const settings = useMemo(() => levelSettings(fieldConfig as FieldConfigSource<PoolFieldConfig>), [fieldConfig]);
  const model = useMemo(
    () => panelModel(data.series, options.fields ?? NO_MAPPING, settings),
    [data.series, options.fields, settings]
  );
  const fmt = useMemo(() => makeFormatters(fieldConfig.defaults, theme), [fieldConfig.defaults, theme]);
  const linkTemplate = options.poolLinkUrl ?? '';
  const linksFor = useCallback(
    (pool: Pool) => poolLinks(pool, linkTemplate, replaceVariables),
    [linkTemplate, replaceVariables]
  );
  const entry = useMemo(
    () => ({ fmt, linksFor, showTrend: options.showTrend ?? true }),
    [fmt, linksFor, options.showTrend]
  );
  const errors = queryErrors(data);

  if (model.kind !== 'pools') {
    if (errors.length) {
      return (
        <PanelMessage title="The query failed" styles={styles} role="alert">
          {errors.map((e) => (
            <p key={e} className={styles.messageText}>
              {e}
            </p>
          ))}
        </PanelMessage>
      );
    }
    if (model.kind === 'missingFields') {
      return <MissingFields missing={model.missing} found={model.found} styles={styles} />;
    }
    const loading = data.state === LoadingState.Loading || data.state === LoadingState.NotStarted;
    return (
      <PanelMessage title={loading ? 'Loading pools…' : 'No data'} styles={styles}>
        {!loading && (
          <p className={styles.messageText}>
            The queries returned no rows. Query RustyDB pool stats, Prometheus{' '}
            <code className={styles.code}>rustydb_connection_pool_*</code> series with a{' '}
            <code className={styles.code}>pool</code> label, or any table with a row per pool.
          </p>
        )}
      </PanelMessage>
    );
  }

  const compact = compactLayout(options.layout ?? 'auto', { width, height });
  if (compact) {
    return <CompactPools model={model} errors={errors} layout={compact} entry={entry} />;
  }

  return (
    <PoolBrowser
      model={model}
      errors={errors}
      width={width}
      height={height}
      initialFilter={replaceVariables(options.filter ?? '')}
      initialSort={options.sortBy ?? 'worst'}
      showFilter={options.showFilter ?? true}
      layoutChoice={options.layout ?? 'auto'}
      entry={entry}
    />
  );
}
