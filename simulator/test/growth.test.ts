import { DISK_TOTAL_BYTES } from '../model/catalogue';
import {
  DATA_GROWTH_BYTES_PER_DAY,
  dataGrowthBytes,
  GROWTH_EPOCH_SEC,
  QUERY_GROWTH_PER_DAY,
  queryVolumeFactor,
} from '../model/growth';
import { DISK_BASE_BYTES } from '../profiles/documented/storage';
import { CAPACITY_LIMITS, FORECAST_DAYS } from '../../src/rustydb/capacity';

const DAY_SEC = 86400;
const diskLimit = CAPACITY_LIMITS.find((l) => l.resource === 'disk')!.limit / 100;

describe('the documented profile grows slowly', () => {
  it('has not grown before its epoch, and grows linearly after it', () => {
    expect(queryVolumeFactor(GROWTH_EPOCH_SEC - 30 * DAY_SEC)).toBe(1);
    expect(dataGrowthBytes(GROWTH_EPOCH_SEC - DAY_SEC)).toBe(0);
    expect(queryVolumeFactor(GROWTH_EPOCH_SEC + 90 * DAY_SEC)).toBeCloseTo(1 + 90 * QUERY_GROWTH_PER_DAY, 9);
    expect(dataGrowthBytes(GROWTH_EPOCH_SEC + 10 * DAY_SEC)).toBe(Math.floor(10 * DATA_GROWTH_BYTES_PER_DAY));
  });

  it('shows on a quarter: queries up by several percent, data by more than 80 GiB', () => {
    const start = GROWTH_EPOCH_SEC + 200 * DAY_SEC;
    const end = start + 91 * DAY_SEC;
    expect(queryVolumeFactor(end) / queryVolumeFactor(start)).toBeGreaterThan(1.05);
    expect(dataGrowthBytes(end) - dataGrowthBytes(start)).toBeGreaterThan(80 * 2 ** 30);
  });

  it('keeps the disk more than the forecast horizon away from its limit for two years, so no forecast alert fires', () => {
    const twoYears = GROWTH_EPOCH_SEC + 730 * DAY_SEC;
    // The WAL share (0.5 % of WAL bytes since the server started) is under 1.5 GiB a day even at peak: count 2.
    const generous = DATA_GROWTH_BYTES_PER_DAY + 2 * 2 ** 30;
    const inHorizon = DISK_BASE_BYTES + dataGrowthBytes(twoYears) + FORECAST_DAYS * generous;
    expect(inHorizon / DISK_TOTAL_BYTES).toBeLessThan(diskLimit);
  });
});
