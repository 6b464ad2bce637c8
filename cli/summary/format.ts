import { DAYS_UNTIL_LIMIT_LEVELS } from '../../src/rustydb/capacity';
import type { DailySummary, WorstResource } from './summary';

/** The summary as text, as JSON, or as the body of a Slack message (the Lightning guide's daily summary). */

export const SUMMARY_FORMATS = ['text', 'json', 'slack'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

const NO_DATA = 'no data';
/** The guide's Slack colour: good while under 1 % of requests fail. */
const ERROR_RATE_LIMIT = 0.01;

const percent = (v: number | null, digits = 2) => (v === null ? NO_DATA : `${(v * 100).toFixed(digits)}%`);
const latency = (seconds: number | null) => (seconds === null ? NO_DATA : `${Math.round(seconds * 1000)} ms`);
const rate = (v: number | null) => (v === null ? NO_DATA : v >= 100 ? v.toFixed(0) : v.toFixed(1));

function capacity(w: WorstResource | null): string {
  if (!w) {
    return 'no resource is growing';
  }
  const what = w.pool ? `pool ${w.pool}` : w.resource;
  return `${what} on ${w.instance} reaches its limit in ${Math.floor(w.daysUntilLimit)} days`;
}

const timestamp = (d: Date) =>
  d
    .toISOString()
    .replace(/:\d\d\.\d+Z$/, 'Z')
    .replace('T', ' ');

function fields(s: DailySummary): Array<[string, string]> {
  return [
    ['Availability', percent(s.availability)],
    ['Error rate', percent(s.errorRate)],
    ['P95 latency', latency(s.p95LatencySeconds)],
    ['Queries/sec', rate(s.queriesPerSecond)],
    ['Error budget left', percent(s.errorBudgetRemaining, 1)],
    ['Capacity', capacity(s.worstResource)],
  ];
}

/** Slack's attachment colour: danger when requests fail or a limit is a month away, warning within the horizon. */
export function colour(s: DailySummary): 'good' | 'warning' | 'danger' {
  const days = s.worstResource?.daysUntilLimit;
  if ((s.errorRate ?? 0) >= ERROR_RATE_LIMIT || (days !== undefined && days <= DAYS_UNTIL_LIMIT_LEVELS.critical)) {
    return 'danger';
  }
  return days !== undefined && days <= DAYS_UNTIL_LIMIT_LEVELS.warning ? 'warning' : 'good';
}

const title = (s: DailySummary) =>
  `RustyDB daily summary: job ${s.scope.job}, ${timestamp(s.from)} to ${timestamp(s.to)}`;

export function slackMessage(s: DailySummary): Record<string, unknown> {
  return {
    text: title(s),
    attachments: [
      { color: colour(s), fields: fields(s).map(([t, value]) => ({ title: t, value, short: t !== 'Capacity' })) },
    ],
  };
}

export function formatSummary(s: DailySummary, format: SummaryFormat): string {
  switch (format) {
    case 'text': {
      const width = Math.max(...fields(s).map(([t]) => t.length));
      return [title(s), ...fields(s).map(([t, v]) => `${t.padEnd(width)}  ${v}`)].join('\n') + '\n';
    }
    case 'json':
      return JSON.stringify({ ...s, from: s.from.toISOString(), to: s.to.toISOString() }, null, 2) + '\n';
    case 'slack':
      return JSON.stringify(slackMessage(s), null, 2) + '\n';
  }
}
