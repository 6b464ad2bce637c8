import { DataQueryRequest, DataQueryResponse, LoadingState } from '@grafana/data';
import { merge, Observable, of } from 'rxjs';
import { LiveHistories } from './live/buffers';
import { liveStream, PollResult } from './live/stream';
import { streamKey } from './live/streamKey';
import { Replace } from './interpolation';
import { MIN_LIVE_INTERVAL_MS, RustyDBQuery } from './types';

const MAX_LIVE_POINTS = 10_000;
const DEFAULT_LIVE_POINTS = 1000;

/** One run of a target; `maxAgeMs` is the oldest shared answer a live poll accepts. It never throws. */
export type Poll = (
  target: RustyDBQuery,
  request: DataQueryRequest<RustyDBQuery>,
  maxAgeMs: number | undefined,
  signal?: AbortSignal
) => Promise<PollResult>;

export interface ResponseDeps {
  poll: Poll;
  datasourceUid?: string;
  replace: Replace;
  liveIntervalMs: number;
  /** How long an answer is shared: a live poll accepts none older than this or half its interval. */
  sharingTtlMs: number;
  /** True while the page is captured (image rendering): live queries then run once and end. */
  renderMode: () => boolean;
}

/**
 * Grafana's side of running queries: one response per target (keyed by refId), or a growing stream per live target.
 * Unsubscribing (panel gone, query replaced) aborts the requests and retry waits of what is still running.
 */
export class QueryResponses {
  private readonly histories = new LiveHistories();

  constructor(private readonly deps: ResponseDeps) {}

  query(request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    const targets = request.targets.filter((target) => !target.hide);
    if (targets.length === 0) {
      return of({ data: [], state: LoadingState.Done });
    }
    return merge(
      ...targets.map((target) =>
        target.live && !this.deps.renderMode() ? this.live(target, request) : this.once(target, request)
      )
    );
  }

  private once(target: RustyDBQuery, request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    return new Observable<DataQueryResponse>((subscriber) => {
      const controller = new AbortController();
      this.deps.poll(target, request, undefined, controller.signal).then(({ frames, errors }) => {
        subscriber.next({
          key: target.refId,
          data: frames,
          state: errors.length && !frames.length ? LoadingState.Error : LoadingState.Done,
          ...(errors.length ? { errors } : {}),
        });
        subscriber.complete();
      });
      return () => controller.abort();
    });
  }

  private live(target: RustyDBQuery, request: DataQueryRequest<RustyDBQuery>): Observable<DataQueryResponse> {
    const intervalMs = Math.max(MIN_LIVE_INTERVAL_MS, target.intervalMs || this.deps.liveIntervalMs);
    const capacity = Math.min(MAX_LIVE_POINTS, request.maxDataPoints || DEFAULT_LIVE_POINTS);
    const key = streamKey(this.deps.datasourceUid, target, request, intervalMs, this.deps.replace);
    // Polls accept only answers younger than half their interval, yet still share one request between live panels.
    const maxAgeMs = Math.min(this.deps.sharingTtlMs, intervalMs / 2);
    return liveStream({
      key,
      intervalMs,
      buffers: this.histories.get(key, capacity),
      poll: (signal) => this.deps.poll(target, request, maxAgeMs, signal),
    });
  }
}
