/**
 * The documented server's slow growth, so capacity panels and forecast rules have a trend to show: its query volume
 * and its data grow a little every day from an epoch. Both are pure functions of time, like the daily curve, so a
 * simulator restarted at any instant shows the same history. The rates keep every resource months away from its limit
 * (the forecast alerts stay silent on the healthy server) while a quarter's graph still shows the slope.
 */
const DAY_SEC = 86400;

/** Growth starts here: 2026-01-01 UTC, before the calibration week (simulator/test/calibration.test.ts). */
export const GROWTH_EPOCH_SEC = Date.UTC(2026, 0, 1) / 1000;
/** Query volume (and with it transactions and WAL) grows 0.1 % a day: about 9 % a quarter. */
export const QUERY_GROWTH_PER_DAY = 0.001;
/** Data files grow 1 GiB a day on top of the WAL checkpointed into them. */
export const DATA_GROWTH_BYTES_PER_DAY = 2 ** 30;

const daysSinceEpoch = (tSec: number) => Math.max(0, (tSec - GROWTH_EPOCH_SEC) / DAY_SEC);

/** The factor the day's query volume is multiplied by: 1 at the epoch. */
export function queryVolumeFactor(tSec: number): number {
  return 1 + QUERY_GROWTH_PER_DAY * daysSinceEpoch(tSec);
}

/** Bytes the data has grown by since the epoch. */
export function dataGrowthBytes(tSec: number): number {
  return Math.floor(DATA_GROWTH_BYTES_PER_DAY * daysSinceEpoch(tSec));
}
