/**
 * A token-bucket rate limiter, pure (the clock is passed in): each key (a client address) may
 * make `burst` attempts at once, then one more every `refillMs`. The team server limits sign-in
 * attempts with it, so sign-in addresses cannot be guessed at speed (they cannot be guessed at
 * all, at 256 bits, but a flood of attempts still costs database reads and log lines).
 * At most `maxKeys` keys are kept: the least recently seen are forgotten first.
 */
export interface RateLimitOptions {
  burst: number;
  refillMs: number;
  maxKeys?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly opts: RateLimitOptions) {
    if (!(opts.burst >= 1) || !(opts.refillMs > 0)) throw new Error('RateLimiter: burst ≥ 1 and refillMs > 0.');
  }

  /** Take one attempt for `key` at time `now` (ms). */
  take(key: string, now: number): RateDecision {
    const { burst, refillMs } = this.opts;
    const b = this.buckets.get(key) ?? { tokens: burst, at: now };
    const elapsed = Math.max(0, now - b.at);
    const tokens = Math.min(burst, b.tokens + elapsed / refillMs);
    this.buckets.delete(key); // re-inserted below: Map order is recency
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      this.prune();
      return { allowed: true };
    }
    this.buckets.set(key, b); // unchanged: refusals neither spend nor reset the refill
    this.prune();
    return { allowed: false, retryAfterMs: Math.ceil((1 - tokens) * refillMs) };
  }

  get size(): number {
    return this.buckets.size;
  }

  private prune(): void {
    const max = this.opts.maxKeys ?? 10_000;
    while (this.buckets.size > max) this.buckets.delete(this.buckets.keys().next().value!);
  }
}

/** The team server's sign-in limit: 10 attempts at once per address, then one every 6 s (10 a minute). */
export const SIGN_IN_LIMIT: RateLimitOptions = { burst: 10, refillMs: 6_000, maxKeys: 10_000 };
