/**
 * Which faults were active when: the documented model integrates rates over time, so a counter must know that
 * failed logins were forced to 50/min from 10:00 to 10:05 even when it is read at 10:30.
 */
import type { Faults } from '../types';

interface Period {
  fromSec: number;
  faults: Faults;
}

export class FaultHistory {
  private periods: Period[] = [{ fromSec: -Infinity, faults: {} }];

  /** Faults from `fromSec` on; a clock that went backwards replaces whatever was recorded after it. */
  set(fromSec: number, faults: Faults): void {
    this.periods = this.periods.filter((p) => p.fromSec < fromSec);
    this.periods.push({ fromSec, faults });
  }

  at(tSec: number): Faults {
    for (let i = this.periods.length - 1; i >= 0; i--) {
      if (this.periods[i].fromSec <= tSec) {
        return this.periods[i].faults;
      }
    }
    return {};
  }
}
