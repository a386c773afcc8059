import { describe, expect, it } from 'vitest';
import { isClientId, parseFeedMessage, type ChangeEvent } from './changes';

const event: ChangeEvent = {
  type: 'change',
  seq: 12,
  at: '2026-01-01T00:00:00.000Z',
  client: { kind: 'cli', id: '4242' },
  reviewer: 'Ana',
  ids: { projects: [1], documents: [2], segments: [3, 4], topics: ['library'] },
};

describe('feed messages across a process boundary', () => {
  it('passes valid messages through unchanged', () => {
    expect(parseFeedMessage(JSON.parse(JSON.stringify(event)))).toEqual(event);
    expect(parseFeedMessage({ type: 'resync', seq: 3 })).toEqual({ type: 'resync', seq: 3 });
    expect(parseFeedMessage({ type: 'heartbeat', seq: 0 })).toEqual({ type: 'heartbeat', seq: 0 });
    expect(parseFeedMessage({ ...event, client: { kind: null, id: null }, reviewer: null })).not.toBeNull();
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      null,
      'x',
      { type: 'resync' },
      { type: 'resync', seq: -1 },
      { type: 'nope', seq: 1 },
      { ...event, seq: 1.5 },
      { ...event, client: { kind: 'admin', id: '1' } },
      { ...event, ids: { segments: ['3'] } },
      { ...event, ids: { segments: [0] } },
      { ...event, ids: { secrets: [1] } },
      { ...event, ids: { topics: ['everything'] } },
      { ...event, reviewer: 5 },
      { ...event, at: 'x'.repeat(501) },
    ];
    for (const b of bad) expect(parseFeedMessage(b), JSON.stringify(b)?.slice(0, 80)).toBeNull();
  });

  it('a client id is short and header-safe', () => {
    expect(isClientId('w-1_A')).toBe(true);
    for (const b of ['', 'a b', 'x'.repeat(65), 'a\nb', 3]) expect(isClientId(b)).toBe(false);
  });
});
