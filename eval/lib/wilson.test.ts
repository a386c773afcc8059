import { describe, expect, it } from 'vitest';
import { formatProportion, wilson } from './wilson';

describe('wilson', () => {
  it('matches the textbook 95% intervals', () => {
    const half = wilson(5, 10);
    expect(half.p).toBe(0.5);
    expect(half.lo).toBeCloseTo(0.2366, 4);
    expect(half.hi).toBeCloseTo(0.7634, 4);
    const none = wilson(0, 10);
    expect(none.lo).toBe(0);
    expect(none.hi).toBeCloseTo(0.2775, 4);
    const all = wilson(10, 10);
    expect(all.lo).toBeCloseTo(0.7225, 4);
    expect(all.hi).toBeCloseTo(1, 10);
    const some = wilson(81, 263);
    expect(some.lo).toBeCloseTo(0.2553, 3);
    expect(some.hi).toBeCloseTo(0.3662, 3);
  });
  it('narrows as n grows and always contains p', () => {
    for (const n of [1, 3, 20, 500]) {
      const w = wilson(Math.floor(n / 3), n);
      expect(w.lo).toBeLessThanOrEqual(w.p!);
      expect(w.hi).toBeGreaterThanOrEqual(w.p!);
    }
    expect(wilson(300, 1000).hi - wilson(300, 1000).lo).toBeLessThan(wilson(3, 10).hi - wilson(3, 10).lo);
  });
  it('says nothing about an empty sample and refuses impossible counts', () => {
    expect(wilson(0, 0)).toEqual({ k: 0, n: 0, p: null, lo: 0, hi: 1 });
    expect(formatProportion(wilson(0, 0))).toContain('0/0');
    expect(() => wilson(3, 2)).toThrow(/k <= n/);
    expect(() => wilson(-1, 2)).toThrow();
  });
  it('formats value, interval and counts', () => {
    expect(formatProportion(wilson(5, 10))).toBe('0.50 [0.24–0.76] 5/10');
  });
});
