import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limit';

describe('RateLimiter', () => {
  it('allows a burst, then one attempt per refill interval, per key', () => {
    const l = new RateLimiter({ burst: 3, refillMs: 1000 });
    expect([1, 2, 3].map(() => l.take('a', 0).allowed)).toEqual([true, true, true]);
    expect(l.take('a', 0)).toEqual({ allowed: false, retryAfterMs: 1000 });
    expect(l.take('b', 0).allowed).toBe(true); // another address is not held up
    expect(l.take('a', 400)).toEqual({ allowed: false, retryAfterMs: 600 });
    expect(l.take('a', 1000).allowed).toBe(true);
    expect(l.take('a', 1000).allowed).toBe(false);
    // a long pause refills to the burst, never beyond
    expect([1, 2, 3, 4].map(() => l.take('a', 100_000).allowed)).toEqual([true, true, true, false]);
  });

  it('refused attempts do not extend the wait', () => {
    const l = new RateLimiter({ burst: 1, refillMs: 1000 });
    expect(l.take('a', 0).allowed).toBe(true);
    for (let t = 100; t < 1000; t += 100) expect(l.take('a', t).allowed).toBe(false);
    expect(l.take('a', 1000).allowed).toBe(true);
  });

  it('forgets the least recently seen keys beyond maxKeys', () => {
    const l = new RateLimiter({ burst: 1, refillMs: 1000, maxKeys: 2 });
    l.take('a', 0);
    l.take('b', 0);
    l.take('a', 1); // a is now the most recent
    l.take('c', 2); // b goes
    expect(l.size).toBe(2);
    expect(l.take('b', 3).allowed).toBe(true); // forgotten: a full bucket again
    expect(l.take('c', 3).allowed).toBe(false);
  });

  it('refuses a limiter that could never allow anything', () => {
    expect(() => new RateLimiter({ burst: 0, refillMs: 1000 })).toThrow();
    expect(() => new RateLimiter({ burst: 1, refillMs: 0 })).toThrow();
  });
});
