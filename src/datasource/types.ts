import { DataQuery, DataSourceJsonData } from '@grafana/schema';

/** One query type per monitoring area of RustyDB's REST API (see `queryTypes.ts` for what each one reads). */
export enum QueryType {
  Health = 'health',
  Performance = 'performance',
  RequestMetrics = 'requestMetrics',
  Pools = 'pools',
  PoolStats = 'poolStats',
  Sessions = 'sessions',
  Queries = 'queries',
  Transactions = 'transactions',
  WalMvcc = 'walMvcc',
  BufferMemory = 'bufferMemory',
  Replication = 'replication',
  Cluster = 'cluster',
  Security = 'security',
  Alerts = 'alerts',
  Incidents = 'incidents',
  Logs = 'logs',
  ServerInfo = 'serverInfo',
  Events = 'events',
  Raw = 'raw',
}

/** Where annotation-style events come from (the `events` query type). */
export type EventSource = 'alerts' | 'incidents' | 'threatHistory' | 'deadlocks';

export interface AuditFilter {
  userId?: string;
  sessionId?: string;
  objectName?: string;
  /** RustyDB caps it at 1000; its default is 100. */
  limit?: number;
  /** Only these `AuditAction` names (RustyDB ignores its own `action` parameter, so this filters here). */
  action?: string;
  /** `success` or `failure` (filtered here). */
  result?: string;
  /** Only entries that are this security signal (`AuditSignal` of src/rustydb/audit.ts; filtered here). */
  signal?: string;
}

/** A condition on a log line's label: Explore's "filter for value" (`=`) and "filter out value" (`!=`) buttons. */
export interface LabelFilter {
  key: string;
  /** Compared as text, exactly: never a pattern or a template variable. */
  value: string;
  op: '=' | '!=';
}

/**
 * A panel query. Every string (and every entry of the id lists) may hold template variables; multi-value and All
 * variables expand into several values, and list parameters then fan out into one request per value.
 */
export interface RustyDBQuery extends DataQuery {
  /** A `QueryType`, or a template variable that resolves to one. */
  queryType?: string;
  /** The area's sub-view (e.g. `locks` for transactions); each type lists its views in `queryTypes.ts`. */
  view?: string;
  /** Pool stats: pool ids; empty means every pool `/api/v1/pools` lists. */
  poolIds?: string[];
  /** Cluster views: only these node ids (empty: all). */
  nodeIds?: string[];
  /** Replication views: only these replica or node ids (empty: all). */
  replicaIds?: string[];
  /** Logs: only these levels (empty: all). Alerts and incidents: only these severities. */
  levels?: string[];
  /** Log lines (Logs, Audit logs): keep only lines whose labels pass every filter (`datasource/labelFilters/`). */
  labelFilters?: LabelFilter[];
  /** Security audit logs: filters RustyDB applies server-side. */
  audit?: AuditFilter;
  /** The `events` query type. */
  eventSource?: EventSource;
  /** The `raw` query type: any `/api/v1/...` GET path, with an optional query string. */
  path?: string;
  /** Poll at `intervalMs` and stream a growing time series instead of answering once. */
  live?: boolean;
  intervalMs?: number;
  /** The schema version the query was saved in (`migration.ts`); unset means saved before versions existed. */
  queryVersion?: number;
}

/** How the data-source proxy authenticates to RustyDB; each mode is a route in plugin.json. */
export type AuthType = 'none' | 'bearer' | 'apiKey';

/** How each way of authenticating is named in the data source settings and the app's setup page. */
export const AUTH_LABEL: Record<AuthType, string> = {
  none: 'None',
  bearer: 'Bearer token',
  apiKey: 'API key',
};

export const AUTH_OPTIONS: Array<{ label: string; value: AuthType }> = (['none', 'bearer', 'apiKey'] as const).map(
  (value) => ({ label: AUTH_LABEL[value], value })
);

export const PROXY_ROUTE: Record<AuthType, string> = {
  none: 'anon',
  bearer: 'bearer',
  apiKey: 'apikey',
};

export interface RustyDBOptions extends DataSourceJsonData {
  /** RustyDB's REST root as Grafana's server reaches it, e.g. http://rustydb:8080. */
  serverUrl?: string;
  authType?: AuthType;
  timeoutSeconds?: number;
  /** The polling interval live queries use unless they set their own. */
  liveIntervalMs?: number;
  /**
   * This server's Prometheus identity: the Prometheus data source that scrapes it and the `job` and `instance`
   * labels of its series. The bundled dashboards filter every Prometheus panel by them, so the REST and the
   * Prometheus panels of a dashboard always describe the same server.
   */
  prometheusUid?: string;
  job?: string;
  instance?: string;
}

/** Only the data-source proxy reads these; the browser never sees them after saving. */
export interface RustyDBSecureJsonData {
  bearerToken?: string;
  apiKey?: string;
}

export const DEFAULT_TIMEOUT_SECONDS = 10;
export const DEFAULT_LIVE_INTERVAL_MS = 5000;
/** RustyDB v0.6.5 shares 100 requests/s among all clients: polling faster than this would eat the budget. */
export const MIN_LIVE_INTERVAL_MS = 1000;

export const DEFAULT_QUERY: Partial<RustyDBQuery> = {
  queryType: QueryType.Performance,
};

/**
 * The query of a variable (`CustomVariableSupport`): which list of names to offer. `identityJob` and
 * `identityInstance` answer this data source's own Prometheus label, escaped as a regular expression: the bundled
 * dashboards use it as the regex of their Prometheus `job` and `instance` variables, narrowing them to this server.
 */
export type VariableTarget = 'pools' | 'clusterNodes' | 'replicas' | 'queryTypes' | 'identityJob' | 'identityInstance';

export interface RustyDBVariableQuery extends DataQuery {
  target: VariableTarget;
}
