/**
 * At most `max` requests of this data source in flight at once. Grafana's own `FetchQueueWorker`
 * (public/app/core/services/FetchQueueWorker.ts) lets 5 data requests run over HTTP/1.1 and queues the rest for every
 * panel together; holding ours to the same number keeps one panel's fan-out from filling Grafana's queue ahead of the
 * other panels, and keeps a request's timeout from running while it merely waits in that queue.
 */
export class RequestSlots {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly max = 5) {}

  /** Runs `task` in a free slot; a signal that aborts while it waits drops it from the queue. */
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = () => {
        signal?.removeEventListener('abort', onAbort);
        this.running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.waiting.shift()?.();
          });
      };
      const onAbort = () => {
        const at = this.waiting.indexOf(start);
        if (at >= 0) {
          this.waiting.splice(at, 1);
          reject(signal?.reason);
        }
      };
      if (signal?.aborted) {
        reject(signal.reason);
      } else if (this.running < this.max) {
        start();
      } else {
        signal?.addEventListener('abort', onAbort, { once: true });
        this.waiting.push(start);
      }
    });
  }
}
