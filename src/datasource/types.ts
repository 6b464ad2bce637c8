import { DataQuery, DataSourceJsonData } from '@grafana/schema';

/** One query type per monitoring area of the RustyDB REST API. */
export enum QueryType {
  Performance = 'performance',
}

export interface RustyDBQuery extends DataQuery {
  queryType: QueryType;
}

export const DEFAULT_QUERY: Partial<RustyDBQuery> = {
  queryType: QueryType.Performance,
};

/** How the data-source proxy authenticates to RustyDB; each mode is a route in plugin.json. */
export type AuthType = 'none' | 'bearer' | 'apiKey';

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
}

/** Only the data-source proxy reads these; the browser never sees them after saving. */
export interface RustyDBSecureJsonData {
  bearerToken?: string;
  apiKey?: string;
}
