/**
 * Runs `round` now and then every `intervalMs` from the start of the last round, never two at once: a round that
 * outlasts the interval delays the next, and "refresh now" during a round queues one more round right after it.
 */
export class RefreshLoop {
  private timer?: ReturnType<typeof setTimeout>;
  private running = false;
  private queued = false;
  private stopped = false;

  constructor(
    private readonly round: () => Promise<void>,
    private readonly intervalMs: number,
    private readonly now: () => number = Date.now
  ) {}

  start(): void {
    this.run();
  }

  refreshNow(): void {
    if (this.running) {
      this.queued = true;
      return;
    }
    this.run();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  private run(): void {
    if (this.stopped) {
      return;
    }
    clearTimeout(this.timer);
    this.running = true;
    const started = this.now();
    // A round reports its own failures; a rejection here must still not stop the loop.
    this.round()
      .catch(() => undefined)
      .then(() => {
        this.running = false;
        if (this.queued) {
          this.queued = false;
          this.run();
          return;
        }
        if (!this.stopped) {
          this.timer = setTimeout(() => this.run(), Math.max(0, started + this.intervalMs - this.now()));
        }
      });
  }
}
