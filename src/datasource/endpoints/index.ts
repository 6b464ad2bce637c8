import { QueryType } from '../types';
import { runAlerts } from './alerts';
import { AreaRunner } from './area';
import { runBufferMemory } from './bufferMemory';
import { runCluster } from './cluster';
import { runEvents } from './events';
import { runHealth } from './health';
import { runIncidents } from './incidents';
import { runLogs } from './logs';
import { runPerformance, runRequestMetrics } from './performance';
import { runPoolStats, runPools } from './pools';
import { runQueries } from './queries';
import { runRaw } from './raw';
import { runReplication } from './replication';
import { runSecurity } from './security';
import { runServerInfo } from './serverInfo';
import { runSessions } from './sessions';
import { runTransactions } from './transactions';
import { runWalMvcc } from './walMvcc';

/** Which code runs each query type. */
export const RUNNERS: Record<QueryType, AreaRunner> = {
  [QueryType.Health]: runHealth,
  [QueryType.Performance]: runPerformance,
  [QueryType.RequestMetrics]: runRequestMetrics,
  [QueryType.Pools]: runPools,
  [QueryType.PoolStats]: runPoolStats,
  [QueryType.Sessions]: runSessions,
  [QueryType.Queries]: runQueries,
  [QueryType.Transactions]: runTransactions,
  [QueryType.WalMvcc]: runWalMvcc,
  [QueryType.BufferMemory]: runBufferMemory,
  [QueryType.Replication]: runReplication,
  [QueryType.Cluster]: runCluster,
  [QueryType.Security]: runSecurity,
  [QueryType.Alerts]: runAlerts,
  [QueryType.Incidents]: runIncidents,
  [QueryType.Logs]: runLogs,
  [QueryType.ServerInfo]: runServerInfo,
  [QueryType.Events]: runEvents,
  [QueryType.Raw]: runRaw,
};
