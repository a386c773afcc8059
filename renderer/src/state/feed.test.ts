import { afterEach, describe, expect, it, vi } from 'vitest';
import { splitFeedLines as readLines } from '../../../shared/contract/changes';
import { followHttp } from './feed';

describe('reading the NDJSON feed stream', () => {
  it('splits complete lines, keeps the unfinished rest, skips garbled and invalid lines', () => {
    const change = { type: 'change', seq: 3, at: 'now', client: { kind: 'cli', id: '9' }, reviewer: null, ids: { segments: [4] } };
    const text = `{"type":"heartbeat","seq":2}\n${JSON.stringify(change)}\n{oops\n{"type":"nope","seq":1}\n\n{"type":"resy`;
    const { messages, rest } = readLines(text);
    expect(messages).toEqual([{ type: 'heartbeat', seq: 2 }, change]);
    expect(rest).toBe('{"type":"resy');
    expect(readLines(rest + 'nc","seq":9}\n').messages).toEqual([{ type: 'resync', seq: 9 }]);
  });
});

describe('following a feed over HTTP (followHttp)', () => {
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });
  const stream = (lines: object[]) => new Response(lines.map((l) => JSON.stringify(l) + '\n').join(''), { status: 200, headers: { 'Content-Type': 'application/x-ndjson' } });
  const refusal = () => new Response(JSON.stringify({ ok: false, error: { code: 'forbidden', message: 'No.' } }), { status: 403, headers: { 'Content-Type': 'application/json' } });
  const change = { type: 'change', seq: 8, at: 'now', client: { kind: 'cli', id: '1' }, reviewer: null, ids: { segments: [4] } };

  it('after a refusal waits the slowest delay, tries at once when woken, and reads everything again when it opens only then', async () => {
    vi.useFakeTimers();
    const answers = [refusal(), stream([{ type: 'heartbeat', seq: 7 }, change]), refusal()];
    const fetched: string[] = [];
    vi.stubGlobal('fetch', (url: string) => {
      fetched.push(url);
      return Promise.resolve(answers.shift() ?? refusal());
    });
    let wake: (() => void) | null = null;
    const seen: unknown[] = [];
    const stop = followHttp('/remote/c-1/api/feed', (m) => seen.push(m), {
      refused: () => 'slowest',
      wake: (retry) => {
        wake = retry;
        return () => (wake = null);
      },
    });
    await vi.advanceTimersByTimeAsync(9_000);
    expect(fetched).toHaveLength(1); // refused: no quick retries
    wake!();
    await vi.advanceTimersByTimeAsync(0);
    expect(fetched).toHaveLength(2);
    // what changed while it was refused cannot be replayed: a resync first
    expect(seen).toEqual([{ type: 'resync', seq: 7 }, { type: 'heartbeat', seq: 7 }, change]);
    // the stream ended: the next attempt resumes from the last change seen
    await vi.advanceTimersByTimeAsync(300);
    expect(fetched[2]).toMatch(/&since=8$/);
    stop();
    expect(wake).toBeNull();
  });

  it('opening at once needs no resync; a refusal left to the default backoff retries soon', async () => {
    vi.useFakeTimers();
    const answers = [stream([{ type: 'heartbeat', seq: 3 }]), refusal(), stream([{ type: 'heartbeat', seq: 3 }])];
    let count = 0;
    vi.stubGlobal('fetch', () => {
      count++;
      return Promise.resolve(answers.shift() ?? refusal());
    });
    const seen: unknown[] = [];
    const stop = followHttp('/api/feed', (m) => seen.push(m), { refused: () => undefined });
    await vi.advanceTimersByTimeAsync(0);
    expect(seen).toEqual([{ type: 'heartbeat', seq: 3 }]);
    await vi.advanceTimersByTimeAsync(250 + 1000);
    expect(count).toBe(3);
    expect(seen).toEqual([{ type: 'heartbeat', seq: 3 }, { type: 'heartbeat', seq: 3 }]);
    stop();
  });
});
