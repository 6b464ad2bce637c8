/**
 * The baseline of bench/panel.bench.ts: Grafana's Table panel fed the pool panel's pools. Since Grafana 12.2 the Table
 * panel renders `TableNG` (public/app/plugins/panel/table/table-new/TablePanel.tsx in grafana/grafana) after caching
 * field display names. (`Table`, the older react-table one, does not load in this harness: esbuild hands its
 * CustomScrollbar the react-custom-scrollbars-2 module object instead of its default export.) A user who wants the
 * pool panel's threshold colouring in a table adds utilisation (an "Add field from calculation" transformation, done
 * here before timing as Grafana does before the panel), colours its cells by thresholds and sorts by it, worst first.
 */
import React, { useMemo } from 'react';
import {
  applyFieldOverrides,
  cacheFieldDisplayNames,
  createDataFrame,
  DataFrame,
  FieldConfigSource,
  FieldMatcherID,
  FieldType,
  GrafanaTheme2,
  identityOverrideProcessor,
  PanelPlugin,
} from '@grafana/data';
import { TableCellDisplayMode } from '@grafana/schema';
import { TableNG } from '@grafana/ui/unstable';
import type { PoolStatsResponse } from '../../../src/rustydb/api/types';
import { DEFAULT_UTILISATION_THRESHOLDS, DEFAULT_WAITING_THRESHOLDS } from '../../../src/panel/model/settings';
import { registerStandardOptions } from '../../../src/panel/testing/standardOptions';

registerStandardOptions();

const noEditor = () => null;
/** The Table panel's one custom option these props use, so `applyFieldOverrides` merges it as Grafana does. */
const tablePlugin = new PanelPlugin(() => null).useFieldConfig({
  useCustomConfig: (builder) =>
    builder.addCustomEditor({
      id: 'cellOptions',
      path: 'cellOptions',
      name: 'Cell type',
      editor: noEditor,
      override: noEditor,
      process: identityOverrideProcessor,
      shouldApply: () => true,
    }),
});

const override = (name: string, properties: Array<{ id: string; value: unknown }>) => ({
  matcher: { id: FieldMatcherID.byName, options: name },
  properties,
});

const FIELD_CONFIG: FieldConfigSource = {
  defaults: {},
  overrides: [
    override('utilisation', [
      { id: 'unit', value: 'percentunit' },
      { id: 'decimals', value: 1 },
      { id: 'thresholds', value: DEFAULT_UTILISATION_THRESHOLDS },
      { id: 'custom.cellOptions', value: { type: TableCellDisplayMode.ColorBackground } },
    ]),
    override('waiting_requests', [
      { id: 'thresholds', value: DEFAULT_WAITING_THRESHOLDS },
      { id: 'custom.cellOptions', value: { type: TableCellDisplayMode.ColorText } },
    ]),
  ],
};

/** The pools as the Table panel receives them: the stats table plus utilisation, field config applied. */
export function tableFrame(rows: PoolStatsResponse[], theme: GrafanaTheme2): DataFrame {
  const number = (name: keyof PoolStatsResponse) => ({
    name,
    type: FieldType.number,
    values: rows.map((r) => r[name] as number),
  });
  const frame = createDataFrame({
    refId: 'A',
    fields: [
      { name: 'pool_id', type: FieldType.string, values: rows.map((r) => r.pool_id) },
      {
        name: 'utilisation',
        type: FieldType.number,
        values: rows.map((r) => r.active_connections / Math.max(1, r.active_connections + r.idle_connections)),
      },
      number('active_connections'),
      number('idle_connections'),
      number('total_connections'),
      number('waiting_requests'),
      number('total_acquired'),
      number('total_created'),
      number('total_destroyed'),
    ],
  });
  const [processed] = applyFieldOverrides({
    data: [frame],
    fieldConfig: FIELD_CONFIG,
    fieldConfigRegistry: tablePlugin.fieldConfigRegistry,
    replaceVariables: (value) => value,
    theme,
    timeZone: 'utc',
  });
  return processed;
}

const SORT = [{ displayName: 'utilisation', desc: true }];

export function TableBaseline({ frame, width, height }: { frame: DataFrame; width: number; height: number }) {
  // As the Table panel does once per data change, before TableNG reads the names.
  const data = useMemo(() => {
    cacheFieldDisplayNames([frame]);
    return frame;
  }, [frame]);
  return (
    <TableNG
      data={data}
      width={width}
      height={height}
      resizable
      sortBy={SORT}
      fieldConfig={FIELD_CONFIG}
      structureRev={1}
    />
  );
}
