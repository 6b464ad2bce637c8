import type { ValueMapping } from '@grafana/schema';
import {
  DAYS_UNTIL_LIMIT_LEVELS,
  DAYS_UNTIL_LIMIT_RECORD,
  FORECAST_DAYS,
  FORECAST_RECORD,
} from '../../../src/rustydb/capacity';
import type { DashboardSpec } from '../lib/dashboard';
import type { PanelSpec } from '../lib/panels';
import { BY_INSTANCE, instanceGauge, instanceRate, ratio, recordedSel, sel, sumBy } from '../lib/promql';
import { prom } from '../lib/targets';
import { cacheEvictionRate, connectionChurn, connectionsInUse, memoryGauge, memoryGrowthRate } from './common';
import { diskSpace } from './resources';

/**
 * Capacity planning, as the guide's best practices ask: use against each limit, growth per day and per week, the
 * 90-day forecast with its limit, days until each limit, and the trends behind them. Every forecast and growth
 * series is a recording rule of monitoring/rules/rustydb-capacity.yml (limits in src/rustydb/capacity.ts), so this
 * dashboard and the forecast alerts cannot disagree. They need a week of history before they show anything.
 */

const WEEK_NOTE =
  'Empty until Prometheus holds a week of history (the growth compares the last day with the same day a week earlier).';

/** The dashed line a panel's second query draws: the limit or the previous period. */
const dashedSecondQuery = [
  {
    matcher: { id: 'byFrameRefID', options: 'B' },
    properties: [
      { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
      { id: 'custom.fillOpacity', value: 0 },
      { id: 'color', value: { mode: 'fixed', fixedColor: 'red' } },
    ],
  },
];

/** Days until a limit, coloured by urgency: value mappings, because these are not the guide's alert levels. */
const urgency: ValueMapping[] = [
  {
    type: 'range',
    options: { from: 0, to: DAYS_UNTIL_LIMIT_LEVELS.critical, result: { color: 'red', index: 0 } },
  },
  {
    type: 'range',
    options: {
      from: DAYS_UNTIL_LIMIT_LEVELS.critical,
      to: DAYS_UNTIL_LIMIT_LEVELS.warning,
      result: { color: 'orange', index: 1 },
    },
  },
  {
    type: 'range',
    options: { from: DAYS_UNTIL_LIMIT_LEVELS.warning, to: 1e9, result: { color: 'green', index: 2 } },
  },
] as ValueMapping[];

const daysUntilLimit: PanelSpec = {
  type: 'stat',
  title: 'Days until the limit',
  description: `For each growing resource, days until its busy level (the day's 95th percentile) reaches its limit at the last week's growth: disk 90 %, memory 90 %, connections max_connections, each pool its size. Red within ${DAYS_UNTIL_LIMIT_LEVELS.critical} days, orange within ${DAYS_UNTIL_LIMIT_LEVELS.warning} (the forecast alerts' horizon). A resource that is not growing is not listed. ${WEEK_NOTE}`,
  unit: 'd',
  decimals: 0,
  width: 12,
  targets: [
    prom(`sort(${recordedSel(DAYS_UNTIL_LIMIT_RECORD)})`, '{{resource}} {{pool}} {{instance}}', { instant: true }),
  ],
  mappings: urgency,
  options: { graphMode: 'none', textMode: 'value_and_name' },
};

const forecast: PanelSpec = {
  type: 'timeseries',
  title: `${FORECAST_DAYS}-day forecast against the limit`,
  description: `Where each resource's busy level will be in ${FORECAST_DAYS} days at the last week's growth, as a share of its limit (100 % = the limit, the dashed line). Each point is the forecast made at that time; a line that crosses 100 % for 6 hours raises the resource's forecast alert (a ticket). ${WEEK_NOTE}`,
  unit: 'percentunit',
  min: 0,
  width: 24,
  targets: [prom(recordedSel(FORECAST_RECORD), '{{resource}} {{pool}} {{instance}}'), prom('vector(1)', 'limit')],
  overrides: dashedSecondQuery,
};

/** A growth rule per day, with the same per week. */
function growth(title: string, record: string, unit: string, what: string, legend = '{{instance}}'): PanelSpec {
  return {
    type: 'timeseries',
    title,
    description: `${what} per day (solid) and per week (dashed): the mean of the last day against the same day a week earlier, so daily and weekly rhythms cancel out. A steady line is steady growth; a step is a one-off (a bulk load, a new application). ${WEEK_NOTE}`,
    unit,
    width: 8,
    targets: [prom(recordedSel(record), `per day ${legend}`), prom(`7 * ${recordedSel(record)}`, `per week ${legend}`)],
    overrides: [
      {
        matcher: { id: 'byFrameRefID', options: 'B' },
        properties: [{ id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }],
      },
    ],
  };
}

const diskGrowth = growth(
  'Database size growth',
  'instance:rustydb_disk_usage_bytes:growth_per_day',
  'bytes',
  'Bytes the data volume grows by'
);
const memoryGrowth = growth(
  'Memory growth',
  'instance:rustydb_memory_usage_bytes:growth_per_day',
  'bytes',
  'Bytes of memory in use added'
);
const connectionsGrowth = growth(
  'Connections growth',
  'instance:rustydb_active_connections:growth_per_day',
  'short',
  'Active connections added'
);
const poolGrowth = growth(
  'Pool use growth',
  'instance_pool:rustydb_connection_pool_active:growth_per_day',
  'short',
  'Active connections added in each pool',
  '{{pool}} {{instance}}'
);
const queryGrowth = growth(
  'Query volume growth',
  'instance:rustydb_queries:growth_per_day',
  'ops',
  'Queries per second (daily mean) added'
);

const diskTrend: PanelSpec = {
  type: 'timeseries',
  title: 'Disk space used',
  key: 'prometheus/disk-space-used-over-time',
  description:
    'Share of the data volume in use over the range. The forecast limit is 90 %: a full disk stops writes and the WAL.',
  unit: 'percent',
  min: 0,
  max: 100,
  targets: [prom(instanceGauge('rustydb_disk_usage_percent'), '{{instance}}')],
};

const queryVolume: PanelSpec = {
  type: 'timeseries',
  title: 'Query volume',
  description:
    'Queries per second (thin) and their mean over the last day (thick): the daily mean is the trend the growth panel measures.',
  unit: 'ops',
  min: 0,
  targets: [
    prom(instanceRate('rustydb_queries_total'), '{{instance}}'),
    prom(recordedSel('instance:rustydb_queries:rate1d'), 'daily mean {{instance}}'),
  ],
  overrides: [
    {
      matcher: { id: 'byFrameRefID', options: 'B' },
      properties: [{ id: 'custom.lineWidth', value: 3 }],
    },
  ],
};

const poolUseTrend: PanelSpec = {
  type: 'timeseries',
  title: 'Pool use',
  description:
    "Each pool's active connections as a share of its size over the range. Busy hours that climb week after week are what the pool forecast extrapolates.",
  unit: 'percentunit',
  min: 0,
  targets: [
    prom(
      ratio(
        sumBy(`${BY_INSTANCE}, pool`, sel('rustydb_connection_pool_active')),
        sumBy(`${BY_INSTANCE}, pool`, sel('rustydb_connection_pool_size'))
      ),
      '{{pool}} {{instance}}'
    ),
  ],
};

export const capacity: DashboardSpec = {
  uid: 'rustydb-capacity',
  title: 'RustyDB / Capacity',
  description:
    'Capacity planning: use against each limit, growth per day and week, the 90-day forecast and days until each limit, for the quarterly review.',
  tag: 'capacity',
  refresh: '5m',
  time: { from: 'now-90d', to: 'now' },
  rows: [
    {
      section: 'Health',
      panels: [
        daysUntilLimit,
        { ...diskSpace, width: 3 },
        { ...memoryGauge, width: 3 },
        { ...connectionsInUse, width: 6 },
      ],
    },
    { section: 'Problems', topic: 'forecast', panels: [forecast] },
    {
      section: 'Resources',
      topic: 'growth',
      panels: [diskGrowth, memoryGrowth, queryGrowth, connectionsGrowth, poolGrowth, memoryGrowthRate],
    },
    {
      section: 'Resources',
      topic: 'trends',
      panels: [diskTrend, queryVolume, poolUseTrend, cacheEvictionRate, { ...connectionChurn(), width: 24 }],
    },
  ],
};
