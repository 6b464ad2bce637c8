import type { ValueMapping } from '@grafana/schema';
import type { DashboardSpec } from '../lib/dashboard';
import type { PanelSpec } from '../lib/panels';
import { increase, ratio, recorded, sel, sumBy } from '../lib/promql';
import { prom } from '../lib/targets';
import { labelVariable } from '../lib/variables';
import { queryLatency, requestRate } from './common';
import { requestMetricsLive } from './live';

/**
 * The SLO series come from the project's recording rules (monitoring/rules/rustydb-slo.yml): each objective is
 * written there once as `slo:objective:ratio`, so this dashboard holds no objective, budget or window of its own.
 */
const SLO = 'slo=~"$slo"';
const SLO_JOB = `${SLO}, job=~"$job"`;
const objective = recorded('slo:objective:ratio', SLO);
const errorRatio = (window: string) => recorded(`slo:sli_error:ratio_rate${window}`, SLO_JOB);
/** Error ratio over the budget the objective allows: 1 spends the budget exactly over the SLO period. */
const burnRate = (window: string) => `${errorRatio(window)}\n/ on (slo) group_left ()\n(1 - ${objective})`;

/** Colour only (the value stays readable): an exhausted budget is red. */
const BUDGET_EXHAUSTED: ValueMapping[] = [
  { type: 'range', options: { from: null, to: 0, result: { color: 'red', index: 0 } } } as unknown as ValueMapping,
];

const objectiveStat: PanelSpec = {
  type: 'stat',
  title: 'Objective',
  description:
    'The target share of good events per SLO over its window (availability, 30 days: time up and REST requests that succeed; latency, 7 days: queries faster than 0.1 s and than 1 s; freshness, 1 day: minutes with every replica at most 10 s behind). One place sets it: `slo:objective:ratio` in the rules.',
  unit: 'percentunit',
  decimals: 2,
  targets: [prom(objective, '{{slo}}', { instant: true })],
};

const budgetRemaining: PanelSpec = {
  type: 'stat',
  title: 'Error budget remaining',
  description:
    'Share of the 30-day error budget left (1 = untouched, 0 = spent, below 0 = the SLO is broken; red). When it runs low, slow down risky changes and work on reliability.',
  unit: 'percentunit',
  mappings: BUDGET_EXHAUSTED,
  targets: [prom(recorded('slo:error_budget_remaining:ratio', SLO_JOB), '{{slo}} {{job}}', { instant: true })],
};

const sliInRange: PanelSpec = {
  type: 'stat',
  title: 'SLI over the time range',
  description:
    'Share of good events in the selected time range (mean of the 5-minute SLI), to compare with the objective beside it.',
  unit: 'percentunit',
  decimals: 3,
  targets: [prom(`1 - avg_over_time(${errorRatio('5m')}[$__range])`, '{{slo}} {{job}}', { instant: true })],
};

const availabilityInRange: PanelSpec = {
  type: 'stat',
  title: 'Request availability over the time range',
  description:
    'Share of REST requests that succeeded in the selected range, counted directly from the request counters v0.6.5 exports (no recording rules needed).',
  unit: 'percentunit',
  decimals: 3,
  targets: [
    prom(
      `1 - (${ratio(sumBy('job', increase(sel('rustydb_failed_requests'), '$__range')), sumBy('job', increase(sel('rustydb_total_requests'), '$__range')))})`,
      '{{job}}',
      { instant: true }
    ),
  ],
};

const burnAlerts: PanelSpec = {
  type: 'stat',
  title: 'Firing burn-rate alerts',
  description:
    'RustyDB budget-burn alerts firing now. Critical ones page: the budget would be gone within days at this rate.',
  unit: 'short',
  targets: [
    prom(
      'count(ALERTS{alertstate="firing", alertname=~"RustyDB.+BudgetBurn", job=~"$job", slo=~"$slo"}) or vector(0)',
      'firing',
      { instant: true }
    ),
  ],
};

const BURN_WINDOWS = ['1h', '6h', '1d', '3d'];

const burnRates: PanelSpec = {
  type: 'timeseries',
  title: 'Burn rate',
  description:
    "How fast each SLO spends its error budget, over the alerts' long windows (1 = exactly the budget over the SLO's window). The rules page when a fast window and its short companion both burn far above 1, and open a ticket for slower sustained burns; see the factors in monitoring/rules/rustydb-slo.yml.",
  unit: 'short',
  min: 0,
  targets: BURN_WINDOWS.map((w) => prom(burnRate(w), `{{slo}} ${w}`)),
};

const errorRatioVsBudget: PanelSpec = {
  type: 'timeseries',
  title: 'Error ratio against the budget',
  description:
    "The 5-minute share of bad events per SLO, with the objective's allowed share (dashed). Above the dashed line the budget is being spent faster than it accrues.",
  unit: 'percentunit',
  min: 0,
  targets: [prom(errorRatio('5m'), '{{slo}} {{job}}'), prom(`1 - ${objective}`, 'allowed {{slo}}')],
  overrides: [
    {
      matcher: { id: 'byFrameRefID', options: 'B' },
      properties: [
        { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } },
        { id: 'custom.fillOpacity', value: 0 },
      ],
    },
  ],
};

const budgetOverTime: PanelSpec = {
  type: 'timeseries',
  title: 'Error budget remaining over time',
  description:
    'How the 30-day budget has been spent. A steep drop marks an incident; a steady slide a chronic problem.',
  unit: 'percentunit',
  targets: [prom(recorded('slo:error_budget_remaining:ratio', SLO_JOB), '{{slo}} {{job}}')],
};

export const slo: DashboardSpec = {
  uid: 'rustydb-slo',
  title: 'RustyDB / SLO',
  description:
    'Availability and latency SLOs: objective, error budget and burn rates from the project recording rules.',
  tag: 'slo',
  refresh: '1m',
  time: { from: 'now-7d', to: 'now' },
  variables: [
    labelVariable(
      'slo',
      'SLO',
      'label_values(slo:objective:ratio, slo)',
      'The SLO(s) to show (from the recording rules).'
    ),
  ],
  rows: [
    {
      section: 'Health',
      panels: [
        objectiveStat,
        budgetRemaining,
        { ...sliInRange, width: 5 },
        { ...availabilityInRange, width: 5 },
        { ...burnAlerts, width: 6 },
      ],
    },
    { section: 'Problems', panels: [burnRates, errorRatioVsBudget] },
    { section: 'Performance', panels: [budgetOverTime, requestRate, requestMetricsLive, queryLatency] },
  ],
};
