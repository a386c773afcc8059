/**
 * One JSON POST to a translation provider, with what every provider needs: a timeout
 * (AbortController), retry with exponential backoff on 429, 5xx, network errors and
 * timeouts (honouring Retry-After), cancellation from outside, and a rate limiter every
 * attempt goes through. Uses the global fetch (Node 20+).
 */
import type { ErrorMessageRef, KeyedMessage } from '../../shared/error-messages';

export type MtErrorKind = 'http' | 'timeout' | 'network' | 'bad-response' | 'cancelled' | 'config';

export class MtError extends Error {
  /** The message as data (shared/error-messages.ts), for a refusal the app shows in its language ('config'). */
  readonly messageData?: ErrorMessageRef;
  constructor(
    readonly kind: MtErrorKind,
    message: string | KeyedMessage,
    readonly status?: number,
  ) {
    super(typeof message === 'string' ? message : message.message);
    this.name = 'MtError';
    if (typeof message !== 'string') this.messageData = message.messageData;
  }
}

export interface RetryPolicy {
  maxRetries: number;
  timeoutMs: number;
  /** first backoff; doubles on each retry */
  baseDelayMs: number;
  /** longest wait between attempts (also caps Retry-After) */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxRetries: 3, timeoutMs: 60_000, baseDelayMs: 500, maxDelayMs: 30_000 };

/** Waits so that request starts are at least 1/rps seconds apart. */
export class RateLimiter {
  private next = 0;
  constructor(private readonly requestsPerSecond: number) {}
  async take(signal?: AbortSignal): Promise<void> {
    const interval = 1000 / Math.max(0.001, this.requestsPerSecond);
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + interval;
    if (at > now) await sleep(at - now, signal);
  }
}

/** Sleep that ends early (rejecting with MtError 'cancelled') when the signal aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new MtError('cancelled', 'Cancelled.'));
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new MtError('cancelled', 'Cancelled.'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 1000);
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - now);
}

export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599 && status !== 501);
}

export function backoffDelay(attempt: number, policy: RetryPolicy, retryAfterMs: number | null): number {
  const exp = policy.baseDelayMs * 2 ** attempt;
  return Math.min(policy.maxDelayMs, Math.max(exp, retryAfterMs ?? 0));
}

export interface PostJsonOptions {
  headers?: Record<string, string>;
  policy: RetryPolicy;
  limiter?: RateLimiter;
  signal?: AbortSignal;
  /** called before each retry (tests, logs) */
  onRetry?: (attempt: number, delayMs: number, reason: string) => void;
}

function describe(e: unknown): string {
  const err = e as { cause?: { code?: string; message?: string }; message?: string };
  return err.cause?.code ?? err.cause?.message ?? err.message ?? String(e);
}

/** POST `body` as JSON; resolves to the parsed JSON of a 2xx answer, or throws MtError. */
export async function postJson(url: string, body: unknown, opts: PostJsonOptions): Promise<unknown> {
  const { policy } = opts;
  for (let attempt = 0; ; attempt++) {
    if (opts.signal?.aborted) throw new MtError('cancelled', 'Cancelled.');
    await opts.limiter?.take(opts.signal);
    const ctl = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctl.abort();
    }, policy.timeoutMs);
    const onAbort = () => ctl.abort();
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    let failure!: MtError;
    let retryAfter: number | null = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...opts.headers },
        body: JSON.stringify(body),
        signal: ctl.signal,
      });
      const text = await res.text();
      if (res.ok) {
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw new MtError('bad-response', `The provider's answer is not JSON (${text.slice(0, 80).replace(/\s+/g, ' ') || 'empty'}).`, res.status);
        }
      }
      const detail = text.slice(0, 200).replace(/\s+/g, ' ');
      failure = new MtError('http', `HTTP ${res.status}${detail ? `: ${detail}` : ''}`, res.status);
      if (!isRetryableStatus(res.status)) throw failure;
      retryAfter = parseRetryAfter(res.headers.get('retry-after'));
    } catch (e) {
      if (e instanceof MtError && (e.kind === 'bad-response' || (e.kind === 'http' && !isRetryableStatus(e.status ?? 0)))) throw e;
      if (opts.signal?.aborted) throw new MtError('cancelled', 'Cancelled.');
      if (e instanceof MtError) failure = e;
      else if (timedOut) failure = new MtError('timeout', `No answer within ${Math.round(policy.timeoutMs / 100) / 10} s.`);
      else failure = new MtError('network', `Could not reach the provider (${describe(e)}).`);
    } finally {
      clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
    }
    if (attempt >= policy.maxRetries) {
      throw new MtError(failure.kind, attempt ? `${failure.message} (after ${attempt + 1} attempts)` : failure.message, failure.status);
    }
    const delay = backoffDelay(attempt, policy, retryAfter);
    opts.onRetry?.(attempt + 1, delay, failure.message);
    await sleep(delay, opts.signal);
  }
}
