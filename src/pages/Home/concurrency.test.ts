import { limitConcurrency } from './concurrency';

/** A task that finishes when the test says so, recording how many tasks were running when it started. */
function controlled() {
  let inFlight = 0;
  let most = 0;
  const finishers: Array<() => void> = [];
  const task = (value: string) => () =>
    new Promise<string>((resolve) => {
      inFlight++;
      most = Math.max(most, inFlight);
      finishers.push(() => {
        inFlight--;
        resolve(value);
      });
    });
  return { task, finishers, most: () => most };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('limitConcurrency', () => {
  it('keeps at most `limit` tasks in flight and starts the rest in order as slots free', async () => {
    const limit = limitConcurrency(2);
    const { task, finishers, most } = controlled();
    const results = ['a', 'b', 'c', 'd', 'e'].map((v) => limit(task(v)));
    await settle();
    expect(finishers).toHaveLength(2);
    while (finishers.length) {
      finishers.shift()!();
      await settle();
    }
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(most()).toBe(2);
  });

  it('frees the slot of a task that fails, even synchronously, and passes the failure on', async () => {
    const limit = limitConcurrency(1);
    const failing = limit(() => {
      throw new Error('boom');
    });
    const rejecting = limit(() => Promise.reject(new Error('no')));
    const next = limit(async () => 'ran');
    await expect(failing).rejects.toThrow('boom');
    await expect(rejecting).rejects.toThrow('no');
    await expect(next).resolves.toBe('ran');
  });
});
