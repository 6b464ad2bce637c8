import { RefreshLoop } from './refreshLoop';

/** Rounds that end when the test ends them; counts how many ran and the most at once. */
function rounds() {
  let running = 0;
  let most = 0;
  const ends: Array<() => void> = [];
  const round = jest.fn(
    () =>
      new Promise<void>((resolve) => {
        running++;
        most = Math.max(most, running);
        ends.push(() => {
          running--;
          resolve();
        });
      })
  );
  const endCurrent = async () => {
    ends.shift()!();
    await Promise.resolve();
    await Promise.resolve();
    await Promise.resolve();
  };
  return { round, endCurrent, most: () => most };
}

afterEach(() => jest.useRealTimers());

describe('RefreshLoop', () => {
  beforeEach(() => jest.useFakeTimers());

  it('starts the next round an interval after the last one started, never while one is running', async () => {
    const { round, endCurrent, most } = rounds();
    const loop = new RefreshLoop(round, 10_000, Date.now);
    loop.start();
    expect(round).toHaveBeenCalledTimes(1);
    // The round outlasts the interval: nothing else starts meanwhile.
    jest.advanceTimersByTime(25_000);
    expect(round).toHaveBeenCalledTimes(1);
    await endCurrent();
    jest.advanceTimersByTime(0);
    expect(round).toHaveBeenCalledTimes(2);
    await endCurrent();
    jest.advanceTimersByTime(9_999);
    expect(round).toHaveBeenCalledTimes(2);
    jest.advanceTimersByTime(1);
    expect(round).toHaveBeenCalledTimes(3);
    expect(most()).toBe(1);
    loop.stop();
  });

  it('"refresh now" during a round queues one round right after it, however often it is asked', async () => {
    const { round, endCurrent, most } = rounds();
    const loop = new RefreshLoop(round, 10_000, Date.now);
    loop.start();
    loop.refreshNow();
    loop.refreshNow();
    expect(round).toHaveBeenCalledTimes(1);
    await endCurrent();
    expect(round).toHaveBeenCalledTimes(2);
    await endCurrent();
    expect(round).toHaveBeenCalledTimes(2);
    // Idle: it runs at once and restarts the interval.
    jest.advanceTimersByTime(4_000);
    loop.refreshNow();
    expect(round).toHaveBeenCalledTimes(3);
    await endCurrent();
    jest.advanceTimersByTime(9_999);
    expect(round).toHaveBeenCalledTimes(3);
    expect(most()).toBe(1);
    loop.stop();
  });

  it('keeps going after a failed round, and stops for good', async () => {
    const round = jest.fn().mockRejectedValueOnce(new Error('x')).mockResolvedValue(undefined);
    const loop = new RefreshLoop(round, 1_000, Date.now);
    loop.start();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(round).toHaveBeenCalledTimes(2);
    loop.stop();
    loop.refreshNow();
    await jest.advanceTimersByTimeAsync(10_000);
    expect(round).toHaveBeenCalledTimes(2);
    expect(jest.getTimerCount()).toBe(0);
  });
});
