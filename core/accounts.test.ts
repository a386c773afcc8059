import { describe, expect, it } from 'vitest';
import { endSession, exchangeSignIn, hashSecret, isSecretShaped, newSecret, sessionAccount, SESSION_TTL_MS, SignInRefused, SIGN_IN_TTL_MS, signInUrl, PUBLIC_URL_SETTING } from './accounts';
import { freshService, useFreshService } from './test-helpers';
import { openService } from './context';
import { dispatch } from '../shared/contract/dispatch';

const fresh = useFreshService();

const at = (iso: string, ms = 0) => new Date(Date.parse(iso) + ms).toISOString();

describe('team accounts', () => {
  it('adds a reviewer with a one-time token stored only as its hash', () => {
    const r = fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    expect(isSecretShaped(r.token)).toBe(true);
    expect(r.account).toMatchObject({ name: 'Ann', role: 'reviewer', revokedAt: null, sessions: 0, signedInAt: null });
    expect(r.signInUrl).toBeNull(); // no team server has recorded its address yet
    const stored = fresh.service.db.prepare(`SELECT token_hash FROM account_tokens`).pluck().all() as string[];
    expect(stored).toEqual([hashSecret(r.token)]);
    expect(JSON.stringify(fresh.service.db.prepare(`SELECT * FROM account_tokens`).all())).not.toContain(r.token);
  });

  it('prints the sign-in address on the public URL a team server recorded; the token in the fragment', () => {
    fresh.service.engine.tx(() => fresh.service.store.setSetting(PUBLIC_URL_SETTING, 'https://team.example.org/'));
    const r = fresh.service.addUser({ name: 'Ann', role: 'lead' });
    expect(r.signInUrl).toBe(`https://team.example.org/#signin=${r.token}`);
    expect(signInUrl('http://10.0.0.1:8080', 'T')).toBe('http://10.0.0.1:8080/#signin=T');
  });

  it('refuses a second active account of the same name (any case), reactivates a revoked one', () => {
    fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    expect(() => fresh.service.addUser({ name: 'ann', role: 'lead' })).toThrow(/already a reviewer named Ann/);
    fresh.service.revokeUser({ name: 'ANN' });
    const again = fresh.service.addUser({ name: 'ann', role: 'lead' });
    expect(again.account).toMatchObject({ name: 'Ann', role: 'lead', revokedAt: null });
    expect(fresh.service.listUsers().map((u) => u.name)).toEqual(['Ann']);
  });

  it('refuses names that are not names', () => {
    for (const name of ['', '   ', '-x', 'a\nb', 'x'.repeat(65), '<script>']) expect(() => dispatch(fresh.service, 'addUser', { name, role: 'reviewer' }), name).toThrow(/Invalid arguments for addUser: name: /);
    expect(dispatch(fresh.service, 'addUser', { name: ' 王小明 ', role: 'reviewer' })).toMatchObject({ account: { name: '王小明' } });
    expect(() => dispatch(fresh.service, 'addUser', { name: 'Ann', role: 'boss' })).toThrow(/role/);
  });

  it('exchanges the token once for a session; the session names the account', () => {
    const { token } = fresh.service.addUser({ name: 'Ann', role: 'lead' });
    const { store, engine } = fresh.service;
    const now = engine.now();
    const s = engine.tx(() => exchangeSignIn(store, token, now));
    expect(s.account).toEqual({ name: 'Ann', role: 'lead' });
    expect(isSecretShaped(s.session)).toBe(true);
    expect(s.expiresAt).toBe(at(now, SESSION_TTL_MS));
    expect(sessionAccount(store, s.session, now)).toEqual({ name: 'Ann', role: 'lead' });
    expect(() => engine.tx(() => exchangeSignIn(store, token, now))).toThrow(/already used/);
    expect(fresh.service.listUsers()[0]).toMatchObject({ sessions: 1, signedInAt: now, pendingSignInUntil: null });
    // the session secret is not a sign-in token, nor the reverse
    expect(() => engine.tx(() => exchangeSignIn(store, s.session, now))).toThrow(SignInRefused);
    expect(sessionAccount(store, token, now)).toBeNull();
  });

  it('refuses malformed, unknown and expired tokens, and expired sessions', () => {
    const { token } = fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    const { store, engine } = fresh.service;
    const now = engine.now();
    for (const bad of [undefined, 42, '', 'x', token + 'x', token.slice(0, 42) + (token[42] === 'A' ? 'B' : 'A')]) {
      expect(() => engine.tx(() => exchangeSignIn(store, bad, now))).toThrow(/not valid/);
    }
    expect(() => engine.tx(() => exchangeSignIn(store, token, at(now, SIGN_IN_TTL_MS + 1)))).toThrow(/expired/);
    const s = engine.tx(() => exchangeSignIn(store, token, now));
    expect(sessionAccount(store, s.session, at(now, SESSION_TTL_MS - 1))).not.toBeNull();
    expect(sessionAccount(store, s.session, at(now, SESSION_TTL_MS))).toBeNull();
  });

  it('revoking ends every session and the unused sign-in address at once', () => {
    const { store, engine } = fresh.service;
    const first = fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    const now = engine.now();
    const a = engine.tx(() => exchangeSignIn(store, first.token, now));
    const r = fresh.service.revokeUser({ name: 'Ann' });
    expect(r.sessionsEnded).toBe(1);
    expect(r.account.revokedAt).not.toBeNull();
    expect(sessionAccount(store, a.session, engine.now())).toBeNull();
    // re-added: a new address; the old session stays ended
    const second = fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    fresh.service.revokeUser({ name: 'Ann' });
    expect(() => engine.tx(() => exchangeSignIn(store, second.token, engine.now()))).toThrow(SignInRefused);
    expect(() => fresh.service.revokeUser({ name: 'Bob' })).toThrow(/no reviewer named Bob/);
  });

  it('a revocation by another process (the CLI beside the server) applies to the next request', async () => {
    const { store, engine } = fresh.service;
    const { token } = fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    const s = engine.tx(() => exchangeSignIn(store, token, engine.now()));
    const other = await openService(fresh.dbPath);
    try {
      other.revokeUser({ name: 'Ann' });
    } finally {
      other.db.close();
    }
    expect(sessionAccount(store, s.session, engine.now())).toBeNull();
  });

  it('signing out ends that session only', () => {
    const { store, engine } = fresh.service;
    const one = engine.tx(() => exchangeSignIn(store, fresh.service.addUser({ name: 'Ann', role: 'reviewer' }).token, engine.now()));
    const two = engine.tx(() => exchangeSignIn(store, fresh.service.addUser({ name: 'Bo', role: 'reviewer' }).token, engine.now()));
    expect(engine.tx(() => endSession(store, one.session, engine.now()))).toBe(true);
    expect(sessionAccount(store, one.session, engine.now())).toBeNull();
    expect(sessionAccount(store, two.session, engine.now())).toEqual({ name: 'Bo', role: 'reviewer' });
  });

  it('forgets ended sessions and expired unused addresses, keeps when a reviewer signed in', () => {
    const { store, engine, db } = fresh.service;
    const ann = fresh.service.addUser({ name: 'Ann', role: 'reviewer' });
    fresh.service.addUser({ name: 'Bo', role: 'reviewer' }); // never used
    const s = engine.tx(() => exchangeSignIn(store, ann.token, engine.now()));
    engine.tx(() => endSession(store, s.session, engine.now()));
    const count = () => db.prepare(`SELECT kind || ':' || coalesce(used_at IS NOT NULL, 0) FROM account_tokens ORDER BY id`).pluck().all();
    expect(count()).toEqual(['sign-in:1', 'sign-in:0', 'session:0']);
    engine.tx(() => store.pruneTokens(at(engine.now(), SIGN_IN_TTL_MS + 1)));
    expect(count()).toEqual(['sign-in:1']);
    expect(fresh.service.listUsers().find((u) => u.name === 'Ann')?.signedInAt).not.toBeNull();
  });

  it('keeps accounts across a reopen (migration 014 on a fresh file)', async () => {
    const f = await freshService();
    try {
      f.service.addUser({ name: 'Ann', role: 'admin' });
      const again = await f.reopen();
      expect(again.listUsers()).toMatchObject([{ name: 'Ann', role: 'admin' }]);
    } finally {
      f.cleanup();
    }
  });
});

describe('newSecret', () => {
  it('is secret-shaped and never starts with a dash (a command line would read it as an option)', () => {
    // without the rule, 1 draw in 64 starts with '-': 2,000 draws all clean would happen about once in 10^14
    const drawn = Array.from({ length: 2000 }, () => newSecret());
    expect(drawn.every((s) => isSecretShaped(s))).toBe(true);
    expect(drawn.filter((s) => s.startsWith('-'))).toEqual([]);
  });
});
