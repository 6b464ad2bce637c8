import type { IncidentSummary } from '../../rustydb/api/types';
import { singleView } from './area';
import { listParser } from './parse/parsers';
import { fieldTable } from './parse/read';

const parseIncidents = listParser(
  'incidents',
  fieldTable<IncidentSummary>((f) => [
    f.time('created_at', 'Opened'),
    f.str('id', 'Incident'),
    f.str('severity', 'Severity'),
    f.str('status', 'Status'),
    f.str('title', 'Title'),
    f.str('description', 'Description'),
    f.list('affected_components', 'Components'),
    f.str('assignee', 'Assignee', { nullable: true }),
    f.time('updated_at', 'Updated'),
    f.time('resolved_at', 'Resolved', { nullable: true }),
  ]),
  { name: 'incidents', listKey: 'incidents', filterKey: 'severity' }
);

export const runIncidents = singleView({ endpoint: 'incidents', parse: parseIncidents });
