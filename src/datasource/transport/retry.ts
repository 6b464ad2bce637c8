import { RustyDBError } from './errors';
import { sleep } from './scope';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** Math.random, replaceable for tests. */
  random: () => number;
}

export const RATE_LIMIT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 300, maxDelayMs: 3000, random: Math.random };

/** Exponential backoff with full jitter: a random wait up to base·2^attempt, so panels that collided spread out. */
export function backoffDelay(policy: RetryPolicy, attempt: number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (policy.random() * ceiling) / 2);
}

/** A query's share of retries: whether one more wait of `delayMs` fits, and the signal that ends the waits. */
export interface RetryBudget {
  signal: AbortSignal;
  takeRetry: (delayMs: number) => boolean;
}

/**
 * Runs `attempt`, retrying while RustyDB answers 500 RATE_LIMIT_EXCEEDED (its shared 100 requests/s bucket is full).
 * With a budget, the retries are the query's (shared by all its requests, none past its deadline) and a query that
 * goes away interrupts the wait. After the last retry the throttling error goes to the caller; every other failure
 * goes at once.
 */
export async function retryRateLimited<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy = RATE_LIMIT_RETRY,
  budget?: RetryBudget
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof RustyDBError) || err.kind !== 'rateLimited' || n >= policy.retries) {
        throw err;
      }
      const delay = backoffDelay(policy, n);
      if (budget && !budget.takeRetry(delay)) {
        throw err;
      }
      await sleep(delay, budget?.signal);
    }
  }
}
