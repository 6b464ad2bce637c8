export interface PoolStatsOptions {
  /** Field names that hold each role; empty means matched automatically by name. */
  poolField?: string;
}
