/** Runs `task`s with at most `limit` of them in flight; the rest wait their turn in the order they were given. */
export type Limiter = <T>(task: () => Promise<T>) => Promise<T>;

export function limitConcurrency(limit: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  const next = () => {
    running--;
    waiting.shift()?.();
  };
  return (task) =>
    new Promise((resolve, reject) => {
      const start = () => {
        running++;
        // A task that throws synchronously still frees its slot.
        Promise.resolve().then(task).then(resolve, reject).finally(next);
      };
      if (running < limit) {
        start();
      } else {
        waiting.push(start);
      }
    });
}
