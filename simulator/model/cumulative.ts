/**
 * Counters as integrals of rates. Rates are integrated on a fixed grid anchored at the server's start (trapezoids of
 * `stepSec`), so a counter's value depends only on the rates, never on when or how often it was read: that keeps
 * counters deterministic, and monotonic whenever rates are non-negative. Grid sums are cached, with the last few
 * hours kept for look-backs (what the WAL position was at the last checkpoint, which deadlocks happened this hour).
 */

const RETAINED_POINTS = 1440;

export class Cumulative {
  /** points[i]: the integral up to grid index firstIndex + i. */
  private points: Float64Array[] = [];
  private firstIndex = 0;
  private lastRate: Float64Array | null = null;

  constructor(
    private readonly originSec: number,
    private readonly stepSec: number,
    private readonly dims: number,
    private readonly rates: (tSec: number) => Float64Array
  ) {
    this.reset();
  }

  private reset(): void {
    this.points = [new Float64Array(this.dims)];
    this.firstIndex = 0;
    this.lastRate = null;
  }

  private get lastIndex(): number {
    return this.firstIndex + this.points.length - 1;
  }

  private gridTime(index: number): number {
    return this.originSec + index * this.stepSec;
  }

  private extendTo(index: number): void {
    if (index < this.firstIndex) {
      this.reset();
    }
    let rate = this.lastRate ?? this.rates(this.gridTime(this.lastIndex));
    while (this.lastIndex < index) {
      const next = this.rates(this.gridTime(this.lastIndex + 1));
      const prev = this.points[this.points.length - 1];
      const sum = new Float64Array(this.dims);
      for (let d = 0; d < this.dims; d++) {
        sum[d] = prev[d] + ((rate[d] + next[d]) / 2) * this.stepSec;
      }
      this.points.push(sum);
      rate = next;
    }
    this.lastRate = rate;
    if (this.points.length > 2 * RETAINED_POINTS) {
      this.firstIndex += this.points.length - RETAINED_POINTS;
      this.points = this.points.slice(-RETAINED_POINTS);
    }
  }

  /** The integral of every rate from the origin to `tSec`. */
  at(tSec: number): Float64Array {
    if (tSec <= this.originSec) {
      return new Float64Array(this.dims);
    }
    const index = Math.floor((tSec - this.originSec) / this.stepSec);
    if (index > this.lastIndex || index < this.firstIndex) {
      this.extendTo(index);
    }
    const base = this.points[index - this.firstIndex];
    const gridT = this.gridTime(index);
    if (tSec === gridT) {
      return base;
    }
    const r0 = this.rates(gridT);
    const r1 = this.rates(tSec);
    const out = new Float64Array(this.dims);
    for (let d = 0; d < this.dims; d++) {
      out[d] = base[d] + ((r0[d] + r1[d]) / 2) * (tSec - gridT);
    }
    return out;
  }

  /** Forgets grid sums after `tSec`: the rates from then on have changed (new faults). */
  forgetAfter(tSec: number): void {
    const keep = Math.floor((tSec - this.originSec) / this.stepSec);
    if (keep < this.firstIndex) {
      this.reset();
    } else if (keep < this.lastIndex) {
      this.points = this.points.slice(0, keep - this.firstIndex + 1);
      this.lastRate = null;
    }
  }
}
