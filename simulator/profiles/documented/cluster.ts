/**
 * The documented server is a primary with two replicas. Cluster, replication, RAC and networking views all read the
 * same replica states, so a lagging replica shows as `catchup` in `/cluster/replication`, as its lag in
 * `/replication/lag` and as `rustydb_replication_lag_seconds{replica}`.
 */
import type {
  ClusterNodeInfo,
  ClusterNodeStatus,
  ClusterStatusResponse,
  NetworkHealthResponse,
  NetworkStatsResponse,
  RacClusterStatsResponse,
  RacClusterStatusResponse,
  ReplicationLagResponse,
  ReplicationStatusInfoResponse,
  ReplicationStatusResponse,
  TopologyResponse,
} from '../../../src/rustydb/api/types';
import { levelOf, THRESHOLDS } from '../../../src/rustydb/thresholds';
import { CLUSTER_ID, PRIMARY_ADDRESS, PRIMARY_NODE, SERVER_VERSION } from '../../model/catalogue';
import type { ReplicaState } from '../../model/world';
import { systemTimeDebug } from '../common';
import { diskUsagePercent, lsn, walPosition } from './storage';
import type { View } from './view';

const lagMs = (r: ReplicaState) => Math.round(r.lagSeconds * 1000);
const lastSync = (v: View, r: ReplicaState) => Math.floor(v.snap.tSec - r.lagSeconds);

function replicaStatus(r: ReplicaState): string {
  if (!r.up) {
    return 'unhealthy';
  }
  return levelOf(THRESHOLDS.replicationLagSeconds, r.lagSeconds) === 'ok' ? 'healthy' : 'degraded';
}

export function clusterNodes(v: View): ClusterNodeInfo[] {
  const { snap } = v;
  const primary: ClusterNodeInfo = {
    node_id: PRIMARY_NODE,
    address: PRIMARY_ADDRESS,
    role: 'leader',
    status: snap.gauges.health,
    version: SERVER_VERSION,
    uptime_seconds: snap.uptimeSec,
    last_heartbeat: snap.nowSec,
  };
  const followers = snap.gauges.replicas.map((r): ClusterNodeInfo => ({
    node_id: r.spec.nodeId,
    address: r.spec.address,
    role: 'follower',
    status: replicaStatus(r),
    version: SERVER_VERSION,
    uptime_seconds: snap.uptimeSec,
    last_heartbeat: r.up ? snap.nowSec : lastSync(v, r),
  }));
  return [primary, ...followers];
}

export function topology(v: View): TopologyResponse {
  const nodes = clusterNodes(v);
  return {
    cluster_id: CLUSTER_ID,
    nodes,
    leader_node: PRIMARY_NODE,
    quorum_size: Math.floor(nodes.length / 2) + 1,
    total_nodes: nodes.length,
  };
}

export function clusterReplication(v: View): ReplicationStatusResponse {
  const replicas = v.snap.gauges.replicas;
  return {
    primary_node: PRIMARY_NODE,
    replicas: replicas.map((r) => ({
      node_id: r.spec.nodeId,
      state: r.state,
      lag_bytes: r.lagBytes,
      lag_ms: lagMs(r),
      last_sync: lastSync(v, r),
    })),
    replication_lag_ms: Math.max(0, ...replicas.map(lagMs)),
    sync_state: 'asynchronous',
  };
}

export function clusteringStatus(v: View): ClusterStatusResponse {
  const g = v.snap.gauges;
  const nodes: ClusterNodeStatus[] = clusterNodes(v).map((n, i) => {
    const share = i === 0 ? 1 : 0.45;
    return {
      ...n,
      cpu_usage_percent: Math.round(g.cpuPercent * share * 10) / 10,
      memory_usage_percent: Math.round(g.memoryPercent * (i === 0 ? 1 : 0.8) * 10) / 10,
      disk_usage_percent: Math.round(diskUsagePercent(v) * 10) / 10,
      queries_per_second: n.status === 'unhealthy' ? 0 : Math.round(g.qps * (i === 0 ? 0.7 : 0.15)),
    };
  });
  const healthy = nodes.filter((n) => n.status !== 'unhealthy').length;
  const quorum = Math.floor(nodes.length / 2) + 1;
  return {
    cluster_id: CLUSTER_ID,
    cluster_name: 'RustyDB Primary Cluster',
    enabled: true,
    nodes,
    total_nodes: nodes.length,
    healthy_nodes: healthy,
    quorum_size: quorum,
    has_quorum: healthy >= quorum,
    leader_node: PRIMARY_NODE,
    consensus_protocol: 'raft',
    replication_factor: nodes.length,
  };
}

export function replicationStatus(v: View): ReplicationStatusInfoResponse {
  const replicas = v.snap.gauges.replicas;
  const position = walPosition(v.snap.totals.walBytes);
  return {
    enabled: true,
    primary_node: PRIMARY_NODE,
    replicas: replicas.map((r) => ({
      replica_id: r.spec.replicaId,
      node_id: r.spec.nodeId,
      address: r.spec.address,
      state: r.state,
      sync_state: r.spec.syncState,
      lag_bytes: r.lagBytes,
      lag_ms: lagMs(r),
      last_sync: lastSync(v, r),
      wal_position: lsn(Math.max(0, position - r.lagBytes)),
      priority: r.spec.priority,
    })),
    replication_mode: 'async',
    max_replication_lag_ms: Math.max(0, ...replicas.map(lagMs)),
    sync_replicas_count: replicas.filter((r) => r.spec.syncState === 'sync').length,
    async_replicas_count: replicas.filter((r) => r.spec.syncState === 'async').length,
    all_synced: replicas.every((r) => r.state === 'streaming'),
    wal_archiving_enabled: true,
    slots_active: replicas.filter((r) => r.up).length,
    current_wal_lsn: lsn(position),
  };
}

export function replicationLag(v: View): ReplicationLagResponse {
  const replicas = v.snap.gauges.replicas;
  const lags = replicas.map(lagMs);
  return {
    replicas: replicas.map((r) => ({
      replica_id: r.spec.replicaId,
      node_id: r.spec.nodeId,
      lag_ms: lagMs(r),
      lag_bytes: r.lagBytes,
      state: r.state,
      last_sync: lastSync(v, r),
    })),
    max_lag_ms: Math.max(0, ...lags),
    // RustyDB divides integers here.
    avg_lag_ms: lags.length === 0 ? 0 : Math.floor(lags.reduce((a, b) => a + b, 0) / lags.length),
  };
}

export function racStatus(v: View): RacClusterStatusResponse {
  const replicas = v.snap.gauges.replicas;
  const down = replicas.filter((r) => !r.up).length;
  const suspected = replicas.filter((r) => r.up && r.state === 'catchup').length;
  const total = replicas.length + 1;
  return {
    state: down > 0 ? 'Degraded' : 'Operational',
    has_quorum: total - down >= Math.floor(total / 2) + 1,
    healthy_nodes: total - down - suspected,
    total_nodes: total,
    suspected_nodes: suspected,
    down_nodes: down,
    active_recoveries: down,
    is_healthy: down === 0 && suspected === 0,
    timestamp: v.snap.nowSec,
  };
}

export function racStats(v: View): RacClusterStatsResponse {
  const { totals } = v.snap;
  const status = racStatus(v);
  const messages = totals.replicationMessages;
  const hits = Math.floor(messages * 0.9);
  return {
    total_nodes: status.total_nodes,
    active_nodes: status.total_nodes - status.down_nodes,
    failed_nodes: status.down_nodes,
    uptime_seconds: v.snap.uptimeSec,
    total_transactions: totals.transactions,
    total_queries: totals.queries,
    cache_fusion: {
      total_requests: messages,
      successful_grants: hits,
      failed_requests: totals.connectionErrors,
      cache_hits: hits,
      cache_misses: messages - hits,
      bytes_transferred: totals.replicationBytes,
      avg_transfer_latency_us: 120 + Math.round(200 * v.snap.gauges.load),
      write_backs: Math.floor(messages * 0.05),
      downgrades: Math.floor(messages * 0.01),
      hit_rate_percent: messages === 0 ? 0 : (100 * hits) / messages,
    },
    grd: {
      total_resources: 4096,
      resources_per_master: Object.fromEntries(clusterNodes(v).map((n, i) => [n.node_id, i === 0 ? 2048 : 1024])),
      total_remasters: Math.floor(v.snap.uptimeSec / 3600),
      avg_remaster_latency_ms: 12,
      affinity_updates: Math.floor(v.snap.uptimeSec / 600),
      load_balances: Math.floor(v.snap.uptimeSec / 1800),
    },
    interconnect: {
      messages_sent: messages,
      messages_received: messages,
      bytes_sent: totals.replicationBytes,
      bytes_received: Math.floor(totals.replicationBytes * 0.02),
      avg_message_latency_us: 180 + Math.round(150 * v.snap.gauges.load),
      failed_sends: totals.connectionErrors,
      heartbeat_failures: totals.connectionErrors,
      avg_throughput_mbps: Math.round((v.snap.gauges.walBytesPerSec * 8) / 1e4) / 100,
    },
  };
}

export function networkStats(v: View): NetworkStatsResponse {
  const { totals, gauges } = v.snap;
  return {
    messages_sent: totals.replicationMessages,
    messages_received: Math.floor(totals.replicationMessages * 0.99),
    bytes_sent: totals.replicationBytes,
    bytes_received: Math.floor(totals.replicationBytes * 0.02),
    active_connections: gauges.replicas.filter((r) => r.up).length,
    connection_errors: totals.connectionErrors,
    avg_latency_ms: Math.round((0.3 + 0.4 * gauges.load) * 100) / 100,
  };
}

const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function networkHealth(v: View): NetworkHealthResponse {
  const nodes = clusterNodes(v).slice(1);
  const unhealthy = nodes.filter((n) => n.status === 'unhealthy').length;
  return {
    status: unhealthy > 0 ? 'Degraded' : 'Healthy',
    healthy_nodes: nodes.length - unhealthy,
    unhealthy_nodes: unhealthy,
    nodes: nodes.map((n) => ({
      node_id: n.node_id,
      status: capitalised(n.status),
      last_check: systemTimeDebug(v.snap.tSec * 1000),
    })),
  };
}
