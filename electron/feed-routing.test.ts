import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../shared/contract/changes';
import { feedMessageFor, parseSubscription } from './feed-routing';

const change = (kind: ChangeEvent['client']['kind'], id: string | null): ChangeEvent => ({
  type: 'change',
  seq: 9,
  at: '2026-01-01T00:00:00.000Z',
  client: { kind, id },
  reviewer: null,
  ids: { segments: [1] },
});

describe('feed routing (main process)', () => {
  it("sends a window every change except its own writes", () => {
    expect(feedMessageFor(change('window', '3'), 3)).toBeNull();
    expect(feedMessageFor(change('window', '4'), 3)).toEqual(change('window', '4'));
    expect(feedMessageFor(change('cli', '3'), 3)).toEqual(change('cli', '3')); // a CLI whose pid happens to be 3
    expect(feedMessageFor(change(null, null), 3)).not.toBeNull();
    expect(feedMessageFor({ type: 'resync', seq: 5 }, 3)).toEqual({ type: 'resync', seq: 5 });
  });

  it('accepts a seq or null as a subscription, refuses anything else', () => {
    expect(parseSubscription(0)).toBe(0);
    expect(parseSubscription(12)).toBe(12);
    expect(parseSubscription(null)).toBeNull();
    for (const bad of [-1, 1.5, '3', undefined, {}, Number.MAX_VALUE, NaN]) expect(parseSubscription(bad)).toBeUndefined();
  });
});
