import {
  FieldColorModeId,
  FieldConfigProperty,
  FieldType,
  PanelPlugin,
  thresholdsOverrideProcessor,
} from '@grafana/data';
import { ROLE_LABEL, ROLE_NAMES, ROLES } from './model/roles';
import { DEFAULT_UTILISATION_THRESHOLDS, DEFAULT_WAITING_THRESHOLDS, UTILISATION_UNIT } from './model/settings';
import { poolOptionsMigration } from './options/migrations';
import { WaitingThresholdsEditor } from './options/WaitingThresholdsEditor';
import { DEFAULT_OPTIONS, LayoutChoice, PoolFieldConfig, PoolStatsOptions, SORT_OPTIONS } from './types';
import { PoolStatsPanel } from './view/PoolStatsPanel';

const LAYOUT_OPTIONS: Array<{ value: LayoutChoice; label: string; description: string }> = [
  { value: 'auto', label: 'Auto', description: 'Cards while every pool fits, a dense list otherwise' },
  { value: 'cards', label: 'Cards', description: 'One card per pool' },
  { value: 'list', label: 'List', description: 'One row per pool' },
];

export const plugin = new PanelPlugin<PoolStatsOptions, PoolFieldConfig>(PoolStatsPanel)
  .setMigrationHandler(poolOptionsMigration)
  .useFieldConfig({
    standardOptions: {
      [FieldConfigProperty.Unit]: { defaultValue: UTILISATION_UNIT },
      // One decimal everywhere, so a column of utilisations lines up and 80.4 % does not read as "80 %, warning".
      [FieldConfigProperty.Decimals]: { defaultValue: 1 },
      [FieldConfigProperty.Thresholds]: { defaultValue: DEFAULT_UTILISATION_THRESHOLDS },
      [FieldConfigProperty.Color]: { defaultValue: { mode: FieldColorModeId.Thresholds } },
    },
    disableStandardOptions: [
      FieldConfigProperty.Min,
      FieldConfigProperty.Max,
      FieldConfigProperty.Mappings,
      FieldConfigProperty.DisplayName,
      FieldConfigProperty.NoValue,
      FieldConfigProperty.FieldMinMax,
    ],
    useCustomConfig: (builder) =>
      builder.addCustomEditor({
        id: 'waitingThresholds',
        path: 'waitingThresholds',
        name: 'Waiting request thresholds',
        description:
          'Levels for requests waiting for a connection. The standard Thresholds above apply to utilisation. ' +
          'A value exactly at a threshold stays below it (the guide: above 5 warning, above 20 critical).',
        category: ['Pool levels'],
        editor: WaitingThresholdsEditor,
        override: WaitingThresholdsEditor,
        process: thresholdsOverrideProcessor,
        shouldApply: (field) => field.type === FieldType.number,
        defaultValue: DEFAULT_WAITING_THRESHOLDS,
        hideFromOverrides: true,
      }),
  })
  .setPanelOptions((builder) => {
    builder
      .addRadio({
        path: 'layout',
        name: 'Layout',
        category: ['Pools'],
        defaultValue: DEFAULT_OPTIONS.layout,
        settings: { options: LAYOUT_OPTIONS },
      })
      .addSelect({
        path: 'sortBy',
        name: 'Sort by',
        description: 'Worst first: critical, then warning, then ok; within a level, most waiting requests first.',
        category: ['Pools'],
        defaultValue: DEFAULT_OPTIONS.sortBy,
        settings: { options: SORT_OPTIONS },
      })
      .addBooleanSwitch({
        path: 'showFilter',
        name: 'Show filter box',
        category: ['Pools'],
        defaultValue: DEFAULT_OPTIONS.showFilter,
      })
      .addTextInput({
        path: 'filter',
        name: 'Filter',
        description: 'Initial filter: words matched against pool ids and labels. Dashboard variables work, e.g. $pool.',
        category: ['Pools'],
        defaultValue: DEFAULT_OPTIONS.filter,
      })
      .addBooleanSwitch({
        path: 'showTrend',
        name: 'Show trends',
        description: 'Utilisation and waiting sparklines when the data is a time series.',
        category: ['Pools'],
        defaultValue: DEFAULT_OPTIONS.showTrend,
      })
      .addTextInput({
        path: 'poolLinkUrl',
        name: 'Pool link URL',
        description:
          'Opens when a pool name is clicked; ${pool} becomes the URL-encoded pool id, e.g. /d/rustydb-pool?var-pool=${pool}. ' +
          'Data links from the field config (Data links section) are offered as well.',
        category: ['Links'],
        defaultValue: DEFAULT_OPTIONS.poolLinkUrl,
      });
    for (const role of ROLES) {
      builder.addFieldNamePicker({
        path: `fields.${role}`,
        name: ROLE_LABEL[role],
        description: `Automatic: a field named ${ROLE_NAMES[role].slice(0, 3).join(', ')} or similar.`,
        category: ['Field mapping'],
        settings: { placeholderText: 'Automatic', isClearable: true },
      });
    }
    return builder;
  });
