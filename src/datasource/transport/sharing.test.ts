import { SharedRequests } from './sharing';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

describe('SharedRequests', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 0));

  it('shares an identical request while it is in flight', async () => {
    const shared = new SharedRequests(1000, now);
    const answer = deferred<string>();
    const load = jest.fn(() => answer.promise);
    const all = Promise.all([shared.get('/a', load), shared.get('/a', load), shared.get('/a', load)]);
    answer.resolve('body');
    expect(await all).toEqual(['body', 'body', 'body']);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('shares an answer for the TTL after it arrived, then asks again', async () => {
    const shared = new SharedRequests(1000, now);
    const load = jest.fn(async () => `body@${clock}`);
    await shared.get('/a', load);
    clock = 999;
    expect(await shared.get('/a', load)).toBe('body@0');
    clock = 1000;
    expect(await shared.get('/a', load)).toBe('body@1000');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('lets a poller demand a younger answer than the TTL', async () => {
    const shared = new SharedRequests(1000, now);
    const load = jest.fn(async () => 'body');
    await shared.get('/a', load);
    clock = 300;
    await shared.get('/a', load, 250);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep failures: the next caller tries again', async () => {
    const shared = new SharedRequests(1000, now);
    const load = jest.fn().mockRejectedValueOnce(new Error('down')).mockResolvedValue('body');
    await expect(shared.get('/a', load)).rejects.toThrow('down');
    await expect(shared.get('/a', load)).resolves.toBe('body');
  });

  it('keeps different paths apart', async () => {
    const shared = new SharedRequests(1000, now);
    const load = jest.fn(async () => 'x');
    await Promise.all([shared.get('/a', load), shared.get('/b', load)]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('aborts a shared request only when the last caller waiting for it has gone', async () => {
    const shared = new SharedRequests(1000, now);
    let loadSignal: AbortSignal | undefined;
    const load = (signal: AbortSignal) => {
      loadSignal = signal;
      return new Promise<string>(() => undefined);
    };
    const [a, b] = [new AbortController(), new AbortController()];
    const first = shared.get('/a', load, undefined, a.signal).catch((e: unknown) => e);
    const second = shared.get('/a', load, undefined, b.signal).catch((e: unknown) => e);
    a.abort('a gone');
    expect(await first).toBe('a gone');
    expect(loadSignal?.aborted).toBe(false);
    b.abort('b gone');
    expect(await second).toBe('b gone');
    expect(loadSignal?.aborted).toBe(true);
  });
});
