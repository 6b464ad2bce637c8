/**
 * How long the documented server's queries take: a log-normal population of short OLTP statements and a small tail
 * of reports and analytics that produces the slow-query list. Calibrated so that a healthy server keeps 99 % of its
 * queries under 0.1 s (the latency SLO) at its busiest, with room to spare, and only contention (a pool under
 * pressure) pushes the 99th percentile past it.
 */
import { logNormalCdf, logNormalMean } from './signals';

/** Share of queries that are short statements; the rest are reports (about one in 300). */
const FAST_SHARE = 0.9967;
const FAST_SIGMA = 1.0;
const SLOW_SIGMA = 0.9;
/** Medians at no load and no contention, seconds. */
const FAST_MEDIAN_SEC = 0.0025;
const SLOW_MEDIAN_SEC = 0.4;

export interface LatencyMix {
  fastMedianSec: number;
  slowMedianSec: number;
}

/** Busier servers are slower; contention (0..1) slows short statements four-fold at most and reports two-fold. */
export function latencyMix(load: number, pressure: number): LatencyMix {
  return {
    fastMedianSec: FAST_MEDIAN_SEC * (1 + 1.5 * load * load) * (1 + 3 * pressure),
    slowMedianSec: SLOW_MEDIAN_SEC * (1 + pressure),
  };
}

/** The share of queries that finish within `seconds` (a histogram bucket's fraction). */
export function shareWithin(mix: LatencyMix, seconds: number): number {
  return (
    FAST_SHARE * logNormalCdf(seconds, mix.fastMedianSec, FAST_SIGMA) +
    (1 - FAST_SHARE) * logNormalCdf(seconds, mix.slowMedianSec, SLOW_SIGMA)
  );
}

export function meanSec(mix: LatencyMix): number {
  return (
    FAST_SHARE * logNormalMean(mix.fastMedianSec, FAST_SIGMA) +
    (1 - FAST_SHARE) * logNormalMean(mix.slowMedianSec, SLOW_SIGMA)
  );
}
