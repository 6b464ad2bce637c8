import type {
  ClusterNodeInfo,
  ClusterNodeStatus,
  RacClusterStatusResponse,
  TopologyResponse,
} from '../../rustydb/api/types';
import { QueryType } from '../types';
import { THRESHOLDS } from '../../rustydb/thresholds';
import { viewRunner } from './area';
import { listParser, seriesParser, snapshotParser } from './parse/parsers';
import { fieldTable } from './parse/read';

const NODE_FIELDS = fieldTable<ClusterNodeInfo>((f) => [
  f.str('node_id', 'Node'),
  f.str('address', 'Address'),
  f.str('role', 'Role'),
  f.str('status', 'Status'),
  f.str('version', 'Version'),
  f.num('uptime_seconds', 'Uptime', 's'),
  f.time('last_heartbeat', 'Last heartbeat'),
]);

const parseClusterNodes = listParser('clusterNodes', NODE_FIELDS, {
  name: 'cluster nodes',
  filterKey: 'node_id',
});

const parseTopology = snapshotParser(
  'clusterTopology',
  fieldTable<TopologyResponse>((f) => [
    f.str('cluster_id', 'Cluster'),
    f.str('leader_node', 'Leader', { nullable: true }),
    f.num('total_nodes', 'Nodes'),
    f.num('quorum_size', 'Quorum size'),
  ]),
  { name: 'cluster topology' }
);

const parseTopologyNodes = listParser('clusterTopology', NODE_FIELDS, {
  name: 'topology nodes',
  listKey: 'nodes',
  filterKey: 'node_id',
});

const parseNodeStatus = seriesParser(
  'clusteringStatus',
  fieldTable<ClusterNodeStatus>((f) => [
    f.str('role', 'Role'),
    f.str('status', 'Status'),
    f.num('cpu_usage_percent', 'CPU usage', 'percent', { threshold: THRESHOLDS.cpuPercent }),
    f.num('memory_usage_percent', 'Memory usage', 'percent', { threshold: THRESHOLDS.memoryPercent }),
    f.num('disk_usage_percent', 'Disk usage', 'percent'),
    f.num('queries_per_second', 'Queries per second', 'ops'),
    f.num('uptime_seconds', 'Uptime', 's'),
  ]),
  { name: 'node', listKey: 'nodes', idKey: 'node_id', label: 'node' }
);

const parseRacStatus = snapshotParser(
  'racClusterStatus',
  fieldTable<RacClusterStatusResponse>((f) => [
    f.str('state', 'State'),
    f.bool('is_healthy', 'Healthy'),
    f.bool('has_quorum', 'Quorum'),
    f.num('total_nodes', 'Nodes'),
    f.num('healthy_nodes', 'Healthy nodes'),
    f.num('suspected_nodes', 'Suspected nodes'),
    f.num('down_nodes', 'Down nodes'),
    f.num('active_recoveries', 'Active recoveries'),
  ]),
  { name: 'rac cluster' }
);

export const runCluster = viewRunner(QueryType.Cluster, {
  nodes: { endpoint: 'clusterNodes', parse: parseClusterNodes },
  topology: { endpoint: 'clusterTopology', parse: parseTopology },
  topologyNodes: { endpoint: 'clusterTopology', parse: parseTopologyNodes },
  status: { endpoint: 'clusteringStatus', parse: parseNodeStatus },
  rac: { endpoint: 'racClusterStatus', parse: parseRacStatus },
});
