interface Entry {
  promise: Promise<unknown>;
  /** When the answer arrived; undefined while in flight. */
  settledAt?: number;
  /** Aborts the request once every caller waiting for it has gone. */
  controller: AbortController;
  /** Callers waiting with a signal; a caller without one keeps the request alive until it ends. */
  waiters: number;
  pinned: boolean;
}

/**
 * Identical GETs share one HTTP call: while one is in flight, and for `ttlMs` after its answer, so that the panels of
 * one dashboard refresh (which Grafana starts within a few milliseconds of each other) cost one request per endpoint.
 * Failures are not kept: the next caller tries again. A shared request is aborted when the last caller waiting for it
 * goes away, never while another still waits.
 */
export class SharedRequests {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** `maxAgeMs` lets a caller that polls (live mode) accept only answers younger than its own interval. */
  get<T>(
    key: string,
    load: (signal: AbortSignal) => Promise<T>,
    maxAgeMs = this.ttlMs,
    signal?: AbortSignal
  ): Promise<T> {
    if (signal?.aborted) {
      return Promise.reject(signal.reason);
    }
    const existing = this.entries.get(key);
    const entry =
      existing && (existing.settledAt === undefined || this.now() - existing.settledAt < maxAgeMs)
        ? existing
        : this.start(key, load);
    if (entry.settledAt !== undefined) {
      return entry.promise as Promise<T>;
    }
    if (!signal) {
      entry.pinned = true;
      return entry.promise as Promise<T>;
    }
    entry.waiters++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        entry.waiters--;
        if (entry.waiters === 0 && !entry.pinned && entry.settledAt === undefined) {
          entry.controller.abort(signal.reason);
          if (this.entries.get(key) === entry) {
            this.entries.delete(key);
          }
        }
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      (entry.promise as Promise<T>).then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        }
      );
    });
  }

  private start<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Entry {
    const controller = new AbortController();
    const entry: Entry = { promise: load(controller.signal), controller, waiters: 0, pinned: false };
    this.entries.set(key, entry);
    entry.promise.then(
      () => {
        entry.settledAt = this.now();
        this.prune();
      },
      () => {
        if (this.entries.get(key) === entry) {
          this.entries.delete(key);
        }
      }
    );
    return entry;
  }

  /** Answers older than the TTL are of no use to anyone; dropping them keeps the map as small as the dashboard. */
  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) {
      if (entry.settledAt !== undefined && now - entry.settledAt >= this.ttlMs) {
        this.entries.delete(key);
      }
    }
  }
}
