/**
 * Small pieces on their own: serde-style JSON floats, the sliding-window limiter and the random streams.
 */
import fs from 'fs';
import { FLOAT_KEYS, toRustJson } from '../http/rustJson';
import { RateLimiter } from '../rateLimit';
import { smoothNoise, unitNoise } from '../model/prng';
import { FIXTURE_DIR, fixtureText } from './harness';

describe('toRustJson', () => {
  it('writes f64 fields with a decimal point and integers without', () => {
    expect(
      toRustJson({ value: 1251, unit: 'count', cpu_usage_percent: 0, total_requests: 5, list: [{ hit_ratio: 1 }] })
    ).toBe('{"value":1251.0,"unit":"count","cpu_usage_percent":0.0,"total_requests":5,"list":[{"hit_ratio":1.0}]}');
  });

  it('reproduces the fixtures byte for byte once compacted', () => {
    for (const name of fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json'))) {
      const text = fixtureText(name);
      // Compact the fixture's own text without re-serialising its numbers.
      const compact = text.replace(/("(?:[^"\\]|\\.)*")|\s+/g, (_, str: string | undefined) => str ?? '');
      expect({ name, json: toRustJson(JSON.parse(text)) }).toEqual({ name, json: compact });
    }
  });

  it('knows exactly the keys the fixtures write as floats', () => {
    const floats = new Set<string>();
    const integers = new Set<string>();
    for (const name of fs.readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json'))) {
      for (const [, key, number] of fixtureText(name).matchAll(/"(\w+)": (-?[\d.eE+-]+)/g)) {
        (/[.eE]/.test(number) ? floats : integers).add(key);
      }
    }
    expect([...floats].filter((k) => integers.has(k))).toEqual([]);
    expect([...FLOAT_KEYS].sort()).toEqual([...floats].sort());
  });
});

describe('RateLimiter', () => {
  it('allows `limit` requests per sliding second and key', () => {
    let now = 0;
    const limiter = new RateLimiter(3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.allow('a'))).toEqual([true, true, true, false]);
    expect(limiter.allow('b')).toBe(true);
    now = 999;
    expect(limiter.allow('a')).toBe(false);
    now = 1000;
    expect(limiter.allow('a')).toBe(true);
    expect(limiter.allow('a')).toBe(true);
  });
});

describe('random streams', () => {
  it('are fixed by seed, stream and index, and differ between them', () => {
    expect(unitNoise(1, 'x', 5)).toBe(unitNoise(1, 'x', 5));
    const values = new Set([unitNoise(1, 'x', 5), unitNoise(2, 'x', 5), unitNoise(1, 'y', 5), unitNoise(1, 'x', 6)]);
    expect(values.size).toBe(4);
  });

  it('are spread over [0, 1) and smooth noise over [-1, 1]', () => {
    const draws = Array.from({ length: 10_000 }, (_, i) => unitNoise(3, 'spread', i));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((a, b) => a + b, 0) / draws.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const smooth = Array.from({ length: 1000 }, (_, i) => smoothNoise(3, 'smooth', i * 7.3, 60));
    expect(Math.min(...smooth)).toBeGreaterThanOrEqual(-1);
    expect(Math.max(...smooth)).toBeLessThanOrEqual(1);
    // Continuous: neighbouring seconds differ little.
    expect(Math.abs(smoothNoise(3, 'smooth', 100, 60) - smoothNoise(3, 'smooth', 101, 60))).toBeLessThan(0.1);
  });
});
