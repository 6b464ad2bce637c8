import { RustyDBError } from './errors';
import { backoffDelay, retryRateLimited, RetryPolicy } from './retry';

const throttled = () => new RustyDBError('rateLimited', 'throttled', 500);
const policy = (random = () => 0.5): RetryPolicy => ({ retries: 3, baseDelayMs: 100, maxDelayMs: 1000, random });

describe('backoffDelay', () => {
  it('grows exponentially, with jitter between half and all of the ceiling, capped', () => {
    expect(
      [0, 1, 2, 3, 4, 5].map((n) =>
        backoffDelay(
          policy(() => 0),
          n
        )
      )
    ).toEqual([50, 100, 200, 400, 500, 500]);
    expect(
      [0, 1, 2, 3, 4, 5].map((n) =>
        backoffDelay(
          policy(() => 1),
          n
        )
      )
    ).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe('retryRateLimited', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('retries RATE_LIMIT_EXCEEDED after backoff waits and returns the first success', async () => {
    const attempt = jest
      .fn()
      .mockRejectedValueOnce(throttled())
      .mockRejectedValueOnce(throttled())
      .mockResolvedValue('body');
    const result = retryRateLimited(attempt, policy());
    await jest.advanceTimersByTimeAsync(0);
    expect(attempt).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(74);
    expect(attempt).toHaveBeenCalledTimes(1);
    await jest.advanceTimersByTimeAsync(1);
    expect(attempt).toHaveBeenCalledTimes(2);
    await jest.advanceTimersByTimeAsync(150);
    expect(attempt).toHaveBeenCalledTimes(3);
    await expect(result).resolves.toBe('body');
  });

  it('gives up after the bounded number of retries with the throttling error', async () => {
    const attempt = jest.fn().mockRejectedValue(throttled());
    const result = retryRateLimited(attempt, policy()).catch((e: unknown) => e);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(attempt).toHaveBeenCalledTimes(4);
    expect(await result).toMatchObject({ kind: 'rateLimited' });
  });

  it('does not retry other failures', async () => {
    const attempt = jest.fn().mockRejectedValue(new RustyDBError('server', 'boom', 500));
    await expect(retryRateLimited(attempt, policy())).rejects.toMatchObject({ kind: 'server' });
    expect(attempt).toHaveBeenCalledTimes(1);
  });

  it('spends a shared budget: no retry once it says no, whatever the policy allows', async () => {
    const attempt = jest.fn().mockRejectedValue(throttled());
    const takeRetry = jest.fn().mockReturnValueOnce(true).mockReturnValue(false);
    const result = retryRateLimited(attempt, policy(), { signal: new AbortController().signal, takeRetry }).catch(
      (e: unknown) => e
    );
    await jest.advanceTimersByTimeAsync(10_000);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(await result).toMatchObject({ kind: 'rateLimited' });
  });

  it('stops sleeping when the query goes away', async () => {
    const attempt = jest.fn().mockRejectedValue(throttled());
    const controller = new AbortController();
    const result = retryRateLimited(attempt, policy(), { signal: controller.signal, takeRetry: () => true }).catch(
      (e: unknown) => e
    );
    await jest.advanceTimersByTimeAsync(0);
    controller.abort(new RustyDBError('cancelled', 'gone'));
    expect(await result).toMatchObject({ kind: 'cancelled' });
    expect(jest.getTimerCount()).toBe(0);
    expect(attempt).toHaveBeenCalledTimes(1);
  });
});
