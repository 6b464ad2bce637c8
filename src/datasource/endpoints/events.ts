import { createDataFrame, DataFrame, FieldType } from '@grafana/data';
import { ENDPOINTS, EndpointKey } from '../../rustydb/api/endpoints';
import { RustyDBError } from '../transport/errors';
import type { EventSource } from '../types';
import { AreaRunner, ParseContext } from './area';
import { emptyNotices, keptRows, listRows } from './parse/parsers';
import { Row } from '../../rustydb/json';
import { epochMs, Issues, textOf } from './parse/read';

/** One annotation: Grafana's annotation support reads the fields `time`, `timeEnd`, `title`, `text` and `tags`. */
interface Event {
  time: number;
  timeEnd: number | null;
  title: string;
  text: string;
  tags: string[];
}

interface EventSpec {
  endpoint: EndpointKey;
  listKey?: string;
  timeKey: string;
  toEvent: (row: Row) => Omit<Event, 'time'>;
}

const s = textOf;
const strings = (value: unknown) => (Array.isArray(value) ? value.map(s) : []);
const secondsToMs = epochMs;

const EVENT_SOURCES: Record<EventSource, EventSpec> = {
  alerts: {
    endpoint: 'alerts',
    listKey: 'alerts',
    timeKey: 'triggered_at',
    toEvent: (row) => ({
      timeEnd: null,
      title: s(row.title),
      text: `${s(row.description)}${row.acknowledged === true ? ' (acknowledged)' : ''}`,
      tags: ['alert', s(row.severity)].filter(Boolean),
    }),
  },
  incidents: {
    endpoint: 'incidents',
    listKey: 'incidents',
    timeKey: 'created_at',
    toEvent: (row) => ({
      timeEnd: secondsToMs(row.resolved_at),
      title: `${s(row.id)} ${s(row.title)}`.trim(),
      text: `${s(row.description)} [${s(row.status)}]`,
      tags: ['incident', s(row.severity), s(row.status), ...strings(row.affected_components)].filter(Boolean),
    }),
  },
  threatHistory: {
    endpoint: 'securityThreatHistory',
    timeKey: 'timestamp',
    toEvent: (row) => ({
      timeEnd: null,
      title: `${s(row.threat_level)} threat by ${s(row.user_id)} (score ${s(row.total_score)})`,
      text: `${s(row.query_text)}; action: ${s(row.action)}; risk factors: ${strings(row.risk_factors).join(', ') || 'none'}`,
      tags: ['threat', s(row.threat_level), s(row.action), ...strings(row.risk_factors)].filter(Boolean),
    }),
  },
  deadlocks: {
    endpoint: 'deadlocks',
    timeKey: 'detected_at',
    toEvent: (row) => ({
      timeEnd: null,
      title: `Deadlock ${s(row.deadlock_id)}`,
      text: `Transactions ${strings(row.transactions).join(', ')}; victim ${s(row.victim_transaction)}; ${s(row.resolution)}`,
      tags: ['deadlock', s(row.resolution)].filter(Boolean),
    }),
  },
};

/** Events of one source inside the dashboard's range, as an annotation-ready frame. */
function parseEvents(source: EventSource, body: unknown, ctx: ParseContext): DataFrame {
  const spec = EVENT_SOURCES[source];
  const path = ENDPOINTS[spec.endpoint].path;
  const issues = new Issues(path);
  const all = listRows(body, path, spec.listKey, issues);
  const events = keptRows(all, ctx, { timeKey: spec.timeKey }).flatMap((row): Event[] => {
    const time = secondsToMs(row[spec.timeKey]);
    if (time === null) {
      issues.add('wrongType', spec.timeKey, row[spec.timeKey]);
      return [];
    }
    return [{ time, ...spec.toEvent(row) }];
  });
  const notices = [...issues.notices(), ...emptyNotices(path, all.length, events.length)];
  return createDataFrame({
    refId: ctx.refId,
    name: `${source} events`,
    meta: { executedQueryString: `GET ${path}`, ...(notices.length ? { notices } : {}) },
    fields: [
      { name: 'time', type: FieldType.time, values: events.map((e) => e.time) },
      { name: 'timeEnd', type: FieldType.time, values: events.map((e) => e.timeEnd) },
      { name: 'title', type: FieldType.string, values: events.map((e) => e.title) },
      { name: 'text', type: FieldType.string, values: events.map((e) => e.text) },
      { name: 'tags', type: FieldType.other, values: events.map((e) => e.tags) },
    ],
  });
}

const EVENT_SOURCE_NAMES = Object.keys(EVENT_SOURCES) as EventSource[];

export const runEvents: AreaRunner = async (query, ctx) => {
  const source = query.eventSource ?? 'alerts';
  const spec = EVENT_SOURCES[source];
  if (!spec) {
    throw new RustyDBError(
      'invalidQuery',
      `Unknown event source "${String(source)}"; choose one of: ${EVENT_SOURCE_NAMES.join(', ')}.`
    );
  }
  return { frames: [parseEvents(source, await ctx.get(ENDPOINTS[spec.endpoint].path), ctx)] };
};
