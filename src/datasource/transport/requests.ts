import { RustyDBError } from './errors';
import { proxyGet, ProxySettings } from './http';
import { retryRateLimited, RetryPolicy } from './retry';
import { QueryScope } from './scope';
import { SharedRequests } from './sharing';
import { RequestSlots } from './slots';

/**
 * The way every JSON GET reaches RustyDB: shared with identical requests, at most 5 in flight, retried while rate
 * limited, errors classified. Within a query's scope a request spends the query's budgets and stops when it ends.
 */
export class RustyDBRequests {
  private readonly shared: SharedRequests;
  private readonly slots = new RequestSlots();

  constructor(
    readonly proxy: ProxySettings,
    readonly retry: RetryPolicy,
    sharingTtlMs: number,
    now: () => number
  ) {
    this.shared = new SharedRequests(sharingTtlMs, now);
  }

  async get(path: string, maxAgeMs?: number, scope?: QueryScope): Promise<unknown> {
    if (!this.proxy.serverUrl) {
      throw new RustyDBError(
        'invalidQuery',
        "The data source has no server URL. Set RustyDB's REST address (e.g. http://rustydb:8080) in its settings."
      );
    }
    if (scope && !scope.takeRequest()) {
      throw new RustyDBError(
        'invalidQuery',
        `This query needs more than ${scope.limits.maxRequests} requests to RustyDB (v0.6.5 allows 100 per second for ` +
          'all clients together), so it stopped there. Select fewer values in the variables it uses.'
      );
    }
    let throttled: unknown;
    const attempt = () =>
      this.shared
        .get(
          path,
          (signal) => this.slots.run(() => proxyGet(this.proxy, path, signal), signal),
          maxAgeMs,
          scope?.signal
        )
        .catch((err: unknown) => {
          throttled = err instanceof RustyDBError && err.kind === 'rateLimited' ? err : throttled;
          throw err;
        });
    try {
      return await retryRateLimited(attempt, this.retry, scope);
    } catch (err) {
      if (scope && err === scope.timeout) {
        // Out of time while retrying a throttled request: the throttling is the cause worth naming.
        throw (
          throttled ??
          new RustyDBError(
            'timeout',
            `RustyDB did not answer ${path} within ${this.proxy.timeoutMs / 1000} s, the data source's timeout. Check ` +
              "RustyDB's load, or raise the timeout in the data source settings."
          )
        );
      }
      throw err;
    }
  }
}
