import type {
  ASHSample,
  QueryProfile,
  QueryStatsResponse,
  QueryStatusResponse,
  SlowQueryInfo,
  TopQueryInfo,
} from '../../rustydb/api/types';
import { QueryType } from '../types';
import { viewRunner } from './area';
import { listParser, snapshotParser } from './parse/parsers';
import { fieldTable } from './parse/read';

const parseQuerySummary = snapshotParser(
  'statsQueries',
  fieldTable<QueryStatsResponse>((f) => [
    f.num('total_queries', 'Queries (HTTP requests)'),
    f.num('queries_per_second', 'Queries per second', 'ops'),
    f.num('avg_execution_time_ms', 'Average execution time', 'ms'),
  ]),
  { name: 'query stats' }
);

const parseSlowQueries = listParser(
  'statsQueries',
  fieldTable<SlowQueryInfo>((f) => [
    f.time('timestamp', 'Time'),
    f.str('query', 'Query'),
    f.num('execution_time_ms', 'Execution time', 'ms'),
    f.str('user', 'User'),
  ]),
  { name: 'slow queries', listKey: 'slow_queries', timeKey: 'timestamp' }
);

const parseTopQueries = listParser(
  'statsQueries',
  fieldTable<TopQueryInfo>((f) => [
    f.str('query_pattern', 'Query pattern'),
    f.num('execution_count', 'Executions'),
    f.num('total_time_ms', 'Total time', 'ms'),
    f.num('avg_time_ms', 'Average time', 'ms'),
  ]),
  { name: 'top queries', listKey: 'top_queries' }
);

const parseActiveQueries = listParser(
  'queryActive',
  fieldTable<QueryStatusResponse>((f) => [
    f.str('query_id', 'Query'),
    f.str('status', 'Status'),
    f.num('progress_percent', 'Progress', 'percent'),
    f.num('rows_scanned', 'Rows scanned'),
    f.num('rows_returned', 'Rows returned'),
    f.num('elapsed_ms', 'Elapsed', 'ms'),
    f.num('estimated_remaining_ms', 'Remaining (estimate)', 'ms', { nullable: true }),
    f.str('current_operation', 'Operation'),
  ]),
  { name: 'active queries' }
);

const parseQueryProfiles = listParser(
  'profilingQueries',
  fieldTable<QueryProfile>((f) => [
    f.str('query_id', 'Query'),
    f.str('query_text', 'Text'),
    f.num('execution_count', 'Executions'),
    f.num('total_time_ms', 'Total time', 'ms'),
    f.num('avg_time_ms', 'Average time', 'ms'),
    f.num('min_time_ms', 'Min time', 'ms'),
    f.num('max_time_ms', 'Max time', 'ms'),
    f.num('total_rows_returned', 'Rows returned'),
    f.num('avg_rows_returned', 'Rows per execution'),
    f.num('cache_hit_ratio', 'Cache hit ratio', 'percentunit'),
    f.time('last_executed', 'Last executed'),
    f.str('execution_plan', 'Plan', { nullable: true }),
  ]),
  { name: 'query profiles', listKey: 'profiles' }
);

const parseSessionHistory = listParser(
  'monitoringAsh',
  fieldTable<ASHSample>((f) => [
    f.time('sample_time', 'Time'),
    f.num('session_id', 'Session', 'none'),
    f.str('user_name', 'User'),
    f.str('sql_id', 'SQL id', { nullable: true }),
    f.str('sql_text', 'SQL', { nullable: true }),
    f.str('wait_event', 'Wait event', { nullable: true }),
    f.num('wait_time_ms', 'Wait time', 'ms', { nullable: true }),
    f.num('blocking_session', 'Blocked by', 'none', { nullable: true }),
    f.num('cpu_time_ms', 'CPU time', 'ms'),
    f.str('program', 'Program', { nullable: true }),
    f.str('module', 'Module', { nullable: true }),
    f.str('action', 'Action', { nullable: true }),
  ]),
  { name: 'active session history', listKey: 'samples', timeKey: 'sample_time' }
);

export const runQueries = viewRunner(QueryType.Queries, {
  summary: { endpoint: 'statsQueries', parse: parseQuerySummary },
  slow: { endpoint: 'statsQueries', parse: parseSlowQueries },
  top: { endpoint: 'statsQueries', parse: parseTopQueries },
  active: { endpoint: 'queryActive', parse: parseActiveQueries },
  profiles: { endpoint: 'profilingQueries', parse: parseQueryProfiles },
  history: { endpoint: 'monitoringAsh', parse: parseSessionHistory },
});
