/** RustyDB v0.6.5's constants: answers that look like measurements but are hard-coded (CONTRACT §3). */

interface Placeholder {
  /** The values RustyDB v0.6.5 hard-codes in this answer (CONTRACT §3). */
  values: Record<string, unknown>;
  text: string;
}

/** Answers of RustyDB v0.6.5 that look like measurements but are constants; recognised by their exact values. */
export const V065_PLACEHOLDERS = {
  performance: {
    values: { cache_hit_ratio: 0.95, disk_io_read_bytes: 0, disk_io_write_bytes: 0, locks_held: 0, deadlocks: 0 },
    text:
      'These look like RustyDB v0.6.5 placeholders: cache hit ratio 0.95, disk I/O, locks and deadlocks are constants, ' +
      'and "transactions per second" is HTTP requests since start ÷ 60. Only CPU and memory are measured.',
  },
  poolStats: {
    values: {
      active_connections: 25,
      idle_connections: 15,
      total_connections: 40,
      waiting_requests: 2,
      total_acquired: 5000,
      total_created: 50,
      total_destroyed: 10,
    },
    text: '25 active, 15 idle, 2 waiting are the constants RustyDB v0.6.5 answers for every pool, not measurements.',
  },
  health: {
    values: { version: '1.0.0', uptime_seconds: 3600 },
    text: 'RustyDB v0.6.5 hard-codes this answer (always healthy, version 1.0.0, uptime 3600 s): it proves the server answers, nothing more.',
  },
  memory: {
    values: { total_bytes: 8589934592, buffer_pool_bytes: 2147483648, cache_bytes: 0, temp_bytes: 0 },
    text: "RustyDB v0.6.5 reports a handler-local 8 GiB memory manager here, not the database's memory: use Performance for host memory.",
  },
  bufferPool: {
    values: { total_pages: 10000, used_pages: 7500, dirty_pages: 500, hit_ratio: 0.95 },
    text: 'These are constants of RustyDB v0.6.5 (10,000 pages, 7,500 used, hit ratio 0.95), not measurements.',
  },
} satisfies Record<string, Placeholder>;

export type PlaceholderKey = keyof typeof V065_PLACEHOLDERS;

/** True when a record carries every one of v0.6.5's constants for this answer. */
export function isV065Placeholder(key: PlaceholderKey, record: Record<string, unknown>): boolean {
  return Object.entries(V065_PLACEHOLDERS[key].values).every(([field, value]) => record[field] === value);
}
