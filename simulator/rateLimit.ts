/**
 * RustyDB's `RateLimiter` (`middleware.rs:86-111`): a sliding window per key, where the key is the raw
 * `X-Forwarded-For` value or `"unknown"`. Rejected requests are not recorded, so a client that keeps hammering gets
 * through again as soon as its oldest accepted request leaves the window.
 */

export const RATE_LIMIT_WINDOW_MS = 1000;

export class RateLimiter {
  private readonly windows = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    /** Monotonic milliseconds: the window is about real request pacing, not the simulated clock. */
    private readonly clock: () => number = () => performance.now()
  ) {}

  /** Records the request and says whether it is within the limit. */
  allow(key: string): boolean {
    const now = this.clock();
    const recent = (this.windows.get(key) ?? []).filter((t) => now - t < RATE_LIMIT_WINDOW_MS);
    const allowed = recent.length < this.limit;
    if (allowed) {
      recent.push(now);
    }
    this.windows.set(key, recent);
    return allowed;
  }
}

export function clientKey(forwardedFor: string | string[] | undefined): string {
  if (forwardedFor === undefined) {
    return 'unknown';
  }
  return Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
}
