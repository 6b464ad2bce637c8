/**
 * Seeded, stateless randomness: every value is a hash of (seed, stream name, index), so any value can be recomputed
 * at any time without replaying a generator, and two simulators with the same seed agree.
 */

// Module-level aliases: under Jest, code runs in a vm context where every `Math.` lookup is slow, and the simulator
// hashes millions of times when a test runs its model over weeks.
const { imul, floor } = Math;

function mix(h: number): number {
  // murmur3's 32-bit finaliser: good avalanche for consecutive indices.
  h ^= h >>> 16;
  h = imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const streamHashes = new Map<string, number>();

/** FNV-1a of a stream name, memoised: stream names are a bounded set (kinds, pool and session ids). */
function hashString(s: string): number {
  let h = streamHashes.get(s);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) {
      h = imul(h ^ s.charCodeAt(i), 0x01000193);
    }
    h >>>= 0;
    streamHashes.set(s, h);
  }
  return h;
}

/** A number in [0, 1) fixed by seed, stream and index. */
export function unitNoise(seed: number, stream: string, index: number): number {
  const lo = index >>> 0;
  const hi = floor(index / 2 ** 32) >>> 0;
  const h = mix(mix(mix(seed >>> 0) ^ hashString(stream)) ^ lo) ^ mix(hi + 0x9e3779b9);
  return mix(h) / 2 ** 32;
}

/** An integer in [min, max]. */
export function pickInt(seed: number, stream: string, index: number, min: number, max: number): number {
  return min + floor(unitNoise(seed, stream, index) * (max - min + 1));
}

export function pick<T>(seed: number, stream: string, index: number, items: readonly T[]): T {
  return items[pickInt(seed, stream, index, 0, items.length - 1)];
}

/** Smooth noise in [-1, 1]: seeded knots every `periodSec`, eased in between. */
export function smoothNoise(seed: number, stream: string, tSec: number, periodSec: number): number {
  const x = tSec / periodSec;
  const k = floor(x);
  const f = x - k;
  const ease = f * f * (3 - 2 * f);
  const a = unitNoise(seed, stream, k);
  const b = unitNoise(seed, stream, k + 1);
  return 2 * (a + (b - a) * ease) - 1;
}
