/**
 * RustyDB's `ApiMetrics`, kept by `request_logger_middleware`: HTTP requests that passed the rate limiter, split into
 * 2xx and everything else, and the running mean response time. The response time is modelled (a seeded base latency
 * plus injected latency) rather than measured, so that the same requests give the same numbers.
 */
import { unitNoise } from './model/prng';

export interface RequestCounters {
  total: number;
  successful: number;
  failed: number;
  avgResponseTimeMs: number;
}

export class RequestStats {
  private counters: RequestCounters = { total: 0, successful: 0, failed: 0, avgResponseTimeMs: 0 };

  constructor(private readonly seed: number) {}

  record(status: number, injectedLatencyMs: number): void {
    const { total, successful, failed, avgResponseTimeMs } = this.counters;
    const latency = 0.6 + 2.4 * unitNoise(this.seed, 'request-latency', total) + injectedLatencyMs;
    const ok = status >= 200 && status < 300;
    this.counters = {
      total: total + 1,
      successful: successful + (ok ? 1 : 0),
      failed: failed + (ok ? 0 : 1),
      avgResponseTimeMs: (avgResponseTimeMs * total + latency) / (total + 1),
    };
  }

  /** The counters before the request being answered, as RustyDB reports them. */
  current(): RequestCounters {
    return this.counters;
  }
}
