import { MetricFindValue } from '@grafana/data';
import { ENDPOINTS, EndpointKey } from '../../rustydb/api/endpoints';
import { POOL_ID_KEY } from '../../rustydb/pools';
import { listRows } from '../endpoints/parse/parsers';
import { Issues, rowsWithIds } from '../endpoints/parse/read';
import { QUERY_TYPES } from '../queryTypes';
import type { VariableTarget } from '../types';

interface Source {
  endpoint: EndpointKey;
  listKey?: string;
  idKey: string;
}

/** Where each variable's names come from (`queryTypes` needs no request). */
export const VARIABLE_SOURCES: Record<
  Exclude<VariableTarget, 'queryTypes' | 'identityJob' | 'identityInstance'>,
  Source
> = {
  pools: { endpoint: 'pools', idKey: POOL_ID_KEY },
  clusterNodes: { endpoint: 'clusterNodes', idKey: 'node_id' },
  replicas: { endpoint: 'replicationStatus', listKey: 'replicas', idKey: 'replica_id' },
};

export const VARIABLE_TARGETS: Array<{ value: VariableTarget; label: string; description: string }> = [
  { value: 'pools', label: 'Pools', description: 'Pool ids from /api/v1/pools' },
  { value: 'clusterNodes', label: 'Cluster nodes', description: 'Node ids from /api/v1/cluster/nodes' },
  { value: 'replicas', label: 'Replicas', description: 'Replica ids from /api/v1/replication/status' },
  { value: 'queryTypes', label: 'Query types', description: 'The query types of this data source' },
  { value: 'identityJob', label: 'Prometheus job', description: "This server's Prometheus job, as a regex" },
  {
    value: 'identityInstance',
    label: 'Prometheus instance',
    description: "This server's Prometheus instance, as a regex",
  },
];

/** The distinct ids of a list body, sorted (RustyDB's own order is random: it comes from a hash map). */
export function idValues(source: Source, body: unknown): MetricFindValue[] {
  const path = ENDPOINTS[source.endpoint].path;
  const issues = new Issues(path);
  const ids = rowsWithIds(listRows(body, path, source.listKey, issues), source.idKey, issues).map(({ id }) => id);
  return [...new Set(ids)].sort((a, b) => a.localeCompare(b)).map((id) => ({ text: id, value: id }));
}

export const queryTypeValues = (): MetricFindValue[] =>
  QUERY_TYPES.map((info) => ({ text: info.label, value: info.value }));
