import { viewRunner } from './area';
import { listParser } from './parse/parsers';
import { f } from './parse/read';

/** A logs frame: Grafana's logs panel takes the time field, `level` and the first string field after it as the line. */
const parseLogs = listParser(
  'logs',
  [f.time('timestamp', 'Time'), f.str('message', 'Message'), f.str('level', 'Level'), f.json('context', 'Context')],
  { name: 'logs', listKey: 'entries', filterKey: 'level', timeKey: 'timestamp', visualisation: 'logs' }
);

export const runLogs = viewRunner({ list: { endpoint: 'logs', parse: parseLogs } });
