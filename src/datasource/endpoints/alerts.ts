import type { Alert, AlertResponse } from '../../rustydb/api/types';
import { QueryType } from '../types';
import { viewRunner } from './area';
import { listParser, snapshotParser } from './parse/parsers';
import { fieldTable } from './parse/read';

const parseAlerts = listParser(
  'alerts',
  fieldTable<Alert>((f) => [
    f.time('triggered_at', 'Triggered'),
    f.str('alert_id', 'Alert'),
    f.str('severity', 'Severity'),
    f.str('title', 'Title'),
    f.str('description', 'Description'),
    f.bool('acknowledged', 'Acknowledged'),
  ]),
  { name: 'alerts', listKey: 'alerts', filterKey: 'severity' }
);

const parseAlertCount = snapshotParser(
  'alerts',
  fieldTable<AlertResponse>((f) => [f.num('active_count', 'Active alerts')]),
  {
    name: 'alert count',
  }
);

export const runAlerts = viewRunner(QueryType.Alerts, {
  list: { endpoint: 'alerts', parse: parseAlerts },
  count: { endpoint: 'alerts', parse: parseAlertCount },
});
