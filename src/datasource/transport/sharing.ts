interface Entry {
  promise: Promise<unknown>;
  /** When the answer arrived; undefined while in flight. */
  settledAt?: number;
}

/**
 * Identical GETs share one HTTP call: while one is in flight, and for `ttlMs` after its answer, so that the panels of
 * one dashboard refresh (which Grafana starts within a few milliseconds of each other) cost one request per endpoint.
 * Failures are not kept: the next caller tries again.
 */
export class SharedRequests {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now
  ) {}

  /** `maxAgeMs` lets a caller that polls (live mode) accept only answers younger than its own interval. */
  get<T>(key: string, load: () => Promise<T>, maxAgeMs = this.ttlMs): Promise<T> {
    const existing = this.entries.get(key);
    if (existing && (existing.settledAt === undefined || this.now() - existing.settledAt < maxAgeMs)) {
      return existing.promise as Promise<T>;
    }
    const entry: Entry = { promise: load() };
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
    return entry.promise as Promise<T>;
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
