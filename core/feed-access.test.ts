import { describe, expect, it } from 'vitest';
import { asksAgainBefore, FEED_ROLE, FeedStreams, streamVerdict } from './feed-access';
import type { ChangeEvent } from '../shared/contract/changes';

const change = (ids: ChangeEvent['ids']): ChangeEvent => ({ type: 'change', seq: 7, at: '2026-12-04T00:00:00.000Z', client: { kind: 'cli', id: '1' }, reviewer: null, ids });

describe('asksAgainBefore', () => {
  it('asks before a change to accounts, an unnamed write and a resync; not before other changes or heartbeats', () => {
    expect(asksAgainBefore(change({ topics: ['accounts'] }))).toBe(true);
    expect(asksAgainBefore(change({ topics: ['library', 'accounts'] }))).toBe(true);
    expect(asksAgainBefore(change({ topics: ['unknown'] }))).toBe(true);
    expect(asksAgainBefore({ type: 'resync', seq: 3 })).toBe(true);
    expect(asksAgainBefore(change({ segments: [1, 2], documents: [1] }))).toBe(false);
    expect(asksAgainBefore(change({ topics: ['settings'] }))).toBe(false);
    expect(asksAgainBefore({ type: 'heartbeat', seq: 3 })).toBe(false);
  });
});

describe('streamVerdict', () => {
  it('ends a stream whose session has no account now (signed out, expired, revoked); keeps every role that reads', () => {
    expect(streamVerdict(null)).toBe('end');
    expect(FEED_ROLE).toBe('reviewer');
    for (const role of ['reviewer', 'lead', 'admin'] as const) expect(streamVerdict({ name: 'Ann', role })).toBe('keep');
  });
});

describe('FeedStreams', () => {
  function stream(registry: FeedStreams, session: string | null, log: string[], name: string) {
    let forget = () => {};
    const s = {
      session,
      end: () => {
        log.push(name);
        forget();
      },
    };
    forget = registry.add(s);
    return s;
  }

  it("ends the streams of one session only, and all when closing; a forgotten stream is not ended again", () => {
    const registry = new FeedStreams();
    const log: string[] = [];
    stream(registry, 'ann', log, 'ann-1');
    stream(registry, 'bo', log, 'bo');
    stream(registry, 'ann', log, 'ann-2');
    stream(registry, null, log, 'token');
    expect(registry.endSession('ann')).toBe(2);
    expect(log).toEqual(['ann-1', 'ann-2']);
    expect(registry.size).toBe(2);
    expect(registry.endSession('ann')).toBe(0);
    expect(registry.endSession(null)).toBe(0);
    registry.endAll();
    expect(log).toEqual(['ann-1', 'ann-2', 'bo', 'token']);
    expect(registry.size).toBe(0);
  });
});
