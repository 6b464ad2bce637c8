import { RustyDBError } from './errors';

/** How much one query may ask of RustyDB. */
export interface ScopeLimits {
  /** The data source's timeout: the whole query (waits for a slot, requests, retries, their sleeps) ends within it. */
  timeoutMs: number;
  /** Retries of throttled requests, for the whole query together. */
  retries: number;
  /** Requests one query may make, so one panel never floods RustyDB's shared 100 requests/s. */
  maxRequests: number;
}

/**
 * The life of one query run (a panel's query, one live poll): one deadline, one retry budget and one request budget
 * for every request it makes, and one abort signal that fires when the query goes away (panel closed, query edited,
 * dashboard left) or its time is up, so requests still waiting, in flight or sleeping before a retry all stop.
 */
export class QueryScope {
  private readonly controller = new AbortController();
  private readonly startedAt: number;
  private readonly timer: ReturnType<typeof setTimeout>;
  private retriesLeft: number;
  private requestsLeft: number;
  readonly signal: AbortSignal = this.controller.signal;
  /** The reason the signal carries when the deadline passed. */
  readonly timeout: RustyDBError;

  constructor(
    readonly limits: ScopeLimits,
    parent?: AbortSignal,
    private readonly clock: () => number = Date.now
  ) {
    this.startedAt = clock();
    this.retriesLeft = limits.retries;
    this.requestsLeft = limits.maxRequests;
    this.timeout = new RustyDBError(
      'timeout',
      `The query did not finish within ${limits.timeoutMs / 1000} s, the data source's timeout. Check RustyDB's load, ` +
        'or raise the timeout in the data source settings.'
    );
    this.timer = setTimeout(() => this.controller.abort(this.timeout), limits.timeoutMs);
    if (parent) {
      if (parent.aborted) {
        this.cancel();
      } else {
        parent.addEventListener('abort', this.cancel, { once: true });
        this.detach = () => parent.removeEventListener('abort', this.cancel);
      }
    }
  }

  private detach = () => {};

  private readonly cancel = () => {
    clearTimeout(this.timer);
    this.controller.abort(new RustyDBError('cancelled', 'The query was cancelled before RustyDB answered.'));
  };

  /** Whether one more request fits the budget. */
  takeRequest(): boolean {
    return this.requestsLeft-- > 0;
  }

  /** Whether a retry after `delayMs` fits: retries left, and the wait ends before the deadline. */
  takeRetry(delayMs: number): boolean {
    if (this.retriesLeft <= 0 || this.clock() - this.startedAt + delayMs >= this.limits.timeoutMs) {
      return false;
    }
    this.retriesLeft--;
    return true;
  }

  /** Ends the scope: no timer or listener outlives the query. */
  close(): void {
    clearTimeout(this.timer);
    this.detach();
  }
}

/** setTimeout as a promise that a signal interrupts (its timer cleared, rejecting with the signal's reason). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
