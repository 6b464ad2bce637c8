import { DataFrame, DataQueryError, DataQueryResponse, LoadingState } from '@grafana/data';
import { Observable } from 'rxjs';
import { SeriesBuffers } from './buffers';

export interface PollResult {
  frames: DataFrame[];
  errors: DataQueryError[];
}

export interface LiveOptions {
  /** Stable for the life of the stream; Grafana replaces the previous packet of the same key. */
  key: string;
  intervalMs: number;
  buffers: SeriesBuffers;
  /** One poll; it must not throw (failures come back as errors). The signal aborts when the stream ends. */
  poll: (signal: AbortSignal) => Promise<PollResult>;
}

/**
 * Polls every `intervalMs` (after the previous poll ends, so a slow server never gets overlapping polls) and emits
 * the growing series as a streaming response. Unsubscribing (panel closed, query changed, time range changed)
 * clears the timer and aborts the poll in flight: its requests, and its waits before a retry.
 */
export function liveStream({ key, intervalMs, buffers, poll }: LiveOptions): Observable<DataQueryResponse> {
  return new Observable<DataQueryResponse>((subscriber) => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const controller = new AbortController();

    const tick = async () => {
      const { frames, errors } = await poll(controller.signal);
      if (stopped) {
        return;
      }
      const data = frames.length || !errors.length ? buffers.update(frames) : buffers.current();
      subscriber.next({ key, state: LoadingState.Streaming, data, ...(errors.length ? { errors } : {}) });
      timer = setTimeout(tick, intervalMs);
    };

    tick();
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller.abort();
    };
  });
}
