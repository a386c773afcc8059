import { describe, expect, it } from 'vitest';
import { createSessionStore } from './sessions';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('session store', () => {
  it('creates sessions with unguessable ids and finds them by id only', () => {
    const c = clock();
    const store = createSessionStore<{ user: string }>({ maxAgeMs: 60_000, now: c.now });
    const a = store.create({ user: 'a' });
    const b = store.create({ user: 'b' });
    expect(a.id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.id).not.toBe(b.id);
    expect(store.lookup(a.id)?.data).toEqual({ user: 'a' });
    expect(store.lookup(b.id)?.data).toEqual({ user: 'b' });
    expect(store.lookup(a.id.slice(0, -1) + (a.id.endsWith('A') ? 'B' : 'A'))).toBeNull();
    for (const bad of [null, undefined, '', 'short', 'has spaces in it, not an id', 'x'.repeat(500)]) expect(store.lookup(bad)).toBeNull();
    expect(store.size()).toBe(2);
  });

  it('ends a session at its absolute expiry, used or not', () => {
    const c = clock();
    const store = createSessionStore<string>({ maxAgeMs: 60_000, now: c.now });
    const s = store.create('x');
    expect(s.expiresAt).toBe(s.createdAt + 60_000);
    c.advance(59_999);
    expect(store.lookup(s.id)).not.toBeNull();
    c.advance(1);
    expect(store.lookup(s.id)).toBeNull();
    expect(store.size()).toBe(0);
  });

  it('with idleMs, ends a session not used for that long, and each lookup renews it (never past maxAge)', () => {
    const c = clock();
    const store = createSessionStore<string>({ maxAgeMs: 100_000, idleMs: 10_000, now: c.now });
    const s = store.create('x');
    expect(s.expiresAt).toBe(s.createdAt + 10_000);
    for (let i = 0; i < 9; i++) {
      c.advance(9_000);
      expect(store.lookup(s.id), `lookup ${i}`).not.toBeNull();
    }
    // 81 s in: renewed to 91 s; then the absolute limit (100 s) caps the renewal
    c.advance(9_000);
    expect(store.lookup(s.id)?.expiresAt).toBe(s.createdAt + 100_000);
    c.advance(10_000);
    expect(store.lookup(s.id)).toBeNull();

    const idle = store.create('y');
    c.advance(10_000);
    expect(store.lookup(idle.id)).toBeNull();
  });

  it('isLive says whether a session is live without renewing it (an open feed stream is no use of the session)', () => {
    const c = clock();
    const store = createSessionStore<string>({ maxAgeMs: 100_000, idleMs: 10_000, now: c.now });
    const s = store.create('x');
    c.advance(9_000);
    expect(store.isLive(s.id)).toBe(true);
    c.advance(1_000);
    expect(store.isLive(s.id)).toBe(false);
    expect(store.lookup(s.id)).toBeNull();
    const t = store.create('y');
    expect(store.isLive(t.id)).toBe(true);
    store.revoke(t.id);
    expect(store.isLive(t.id)).toBe(false);
    expect(store.isLive(null)).toBe(false);
    expect(store.isLive('short')).toBe(false);
  });

  it('revokes one session, or all whose data match', () => {
    const store = createSessionStore<{ user: string }>({ maxAgeMs: 60_000 });
    const a1 = store.create({ user: 'a' });
    const a2 = store.create({ user: 'a' });
    const b = store.create({ user: 'b' });
    expect(store.revoke(a1.id)).toBe(true);
    expect(store.revoke(a1.id)).toBe(false);
    expect(store.lookup(a1.id)).toBeNull();
    expect(store.revokeWhere((d) => d.user === 'a')).toBe(1);
    expect(store.lookup(a2.id)).toBeNull();
    expect(store.lookup(b.id)?.data.user).toBe('b');
  });

  it('keeps at most maxSessions, dropping the oldest, and prunes expired ones on create', () => {
    const c = clock();
    const store = createSessionStore<number>({ maxAgeMs: 1_000, maxSessions: 3, now: c.now });
    const ids = [0, 1, 2, 3].map((n) => store.create(n).id);
    expect(store.lookup(ids[0])).toBeNull();
    expect(ids.slice(1).map((id) => store.lookup(id)?.data)).toEqual([1, 2, 3]);
    c.advance(1_000);
    store.create(4);
    expect(store.size()).toBe(1);
  });

  it('refuses a lifetime that is not positive', () => {
    expect(() => createSessionStore({ maxAgeMs: 0 })).toThrow(/maxAgeMs/);
    expect(() => createSessionStore({ maxAgeMs: 10, idleMs: -1 })).toThrow(/idleMs/);
  });
});
