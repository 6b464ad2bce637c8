import type { ConnectionInfo, SessionInfo, SessionStatsResponse } from '../../rustydb/api/types';
import { QueryType } from '../types';
import { viewRunner } from './area';
import { listParser, snapshotParser } from './parse/parsers';
import { fieldTable } from './parse/read';

const SESSION_FIELDS = fieldTable<SessionInfo>((f) => [
  f.num('session_id', 'Session'),
  f.str('username', 'User'),
  f.str('database', 'Database'),
  f.str('client_address', 'Client', { nullable: true }),
  f.str('state', 'State'),
  f.time('created_at', 'Connected'),
  f.time('last_activity', 'Last activity'),
  f.str('current_query', 'Current query', { nullable: true }),
  f.num('transaction_id', 'Transaction', 'none', { nullable: true }),
]);

const CONNECTION_FIELDS = fieldTable<ConnectionInfo>((f) => [
  f.num('connection_id', 'Connection', 'none'),
  f.str('pool_id', 'Pool'),
  f.num('session_id', 'Session', 'none'),
  f.str('username', 'User'),
  f.str('database', 'Database'),
  f.str('client_address', 'Client'),
  f.str('state', 'State'),
  f.time('created_at', 'Connected'),
  f.time('last_activity', 'Last activity'),
  f.num('queries_executed', 'Queries executed'),
  f.num('idle_time_secs', 'Idle for', 's'),
]);

const parseSessionSummary = snapshotParser(
  'statsSessions',
  fieldTable<SessionStatsResponse>((f) => [
    f.num('active_sessions', 'Active sessions'),
    f.num('idle_sessions', 'Idle sessions'),
    f.num('total_connections', 'Connections'),
    f.num('peak_connections', 'Peak connections'),
  ]),
  { name: 'sessions' }
);

export const parseSessions = listParser('sessions', SESSION_FIELDS, { name: 'sessions', listKey: 'data' });
const parseConnections = listParser('connections', CONNECTION_FIELDS, { name: 'connections', listKey: 'data' });

export const runSessions = viewRunner(QueryType.Sessions, {
  summary: { endpoint: 'statsSessions', parse: parseSessionSummary },
  sessions: { endpoint: 'sessions', parse: parseSessions },
  connections: { endpoint: 'connections', parse: parseConnections },
});
