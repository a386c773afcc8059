import { describe, expect, it } from 'vitest';
import { pageAnswer, sessionFromSetCookie, teamRequest, unreachableAnswer } from './team-http';

const target = { id: 'c-0123456789abcdef', origin: 'https://review.example.org', cookie: { name: '__Host-jiaodui-0123456789ab', value: 'S'.repeat(43) } };

describe('the request a call becomes', () => {
  it('carries the team origin, its cookie and the window id, and nothing of the page', () => {
    const r = teamRequest(target, { kind: 'api', method: 'editSegment', body: '{"segmentId":1}', windowId: 'w-1' });
    expect(r).toEqual({
      url: 'https://review.example.org/api/editSegment',
      method: 'POST',
      headers: { Origin: 'https://review.example.org', Accept: 'application/json', Cookie: `__Host-jiaodui-0123456789ab=${'S'.repeat(43)}`, 'x-jiaodui-client': 'w-1', 'Content-Type': 'application/json' },
      body: '{"segmentId":1}',
    });
    expect(teamRequest(target, { kind: 'feed', query: '?since=3' })).toMatchObject({ url: 'https://review.example.org/api/feed?since=3', method: 'GET', headers: { Cookie: expect.any(String), Accept: 'application/x-ndjson' } });
    // signing in sends the token in the body, and no old cookie
    const signIn = teamRequest(target, { kind: 'sign-in', token: 'T'.repeat(43) });
    expect(signIn.headers.Cookie).toBeUndefined();
    expect(signIn).toMatchObject({ url: 'https://review.example.org/api/session', method: 'POST', body: JSON.stringify({ token: 'T'.repeat(43) }) });
    expect(teamRequest(target, { kind: 'sign-out' })).toMatchObject({ method: 'DELETE', headers: { Cookie: expect.any(String) } });
  });
});

describe('the team session cookie', () => {
  it('is read from the sign-in answer, not a cleared one or another cookie', () => {
    const v = 'a'.repeat(43);
    expect(sessionFromSetCookie([`other=1; Path=/`, `jiaodui-0123456789ab=${v}; Path=/; HttpOnly; SameSite=Strict; Max-Age=100`])).toEqual({ name: 'jiaodui-0123456789ab', value: v });
    expect(sessionFromSetCookie(`__Host-jiaodui-0123456789ab=${v}; Path=/; HttpOnly; Secure`)).toEqual({ name: '__Host-jiaodui-0123456789ab', value: v });
    expect(sessionFromSetCookie('jiaodui-0123456789ab=x; Path=/; Max-Age=0')).toBeNull();
    expect(sessionFromSetCookie('jiaodui_session_5173=abc; Path=/')).toBeNull();
    expect(sessionFromSetCookie(undefined)).toBeNull();
  });
});

describe('the answer the page gets', () => {
  const body = (o: unknown) => Buffer.from(JSON.stringify(o));
  it('passes status and envelope through, keeping only Content-Type', () => {
    const conflict = body({ ok: false, error: { code: 'edit-conflict', message: 'changed', details: { base: 'a', theirs: 'b', mine: 'c' } } });
    const a = pageAnswer(target, 409, 'application/json; charset=utf-8', conflict);
    expect(a).toEqual({ status: 409, headers: { 'Content-Type': 'application/json; charset=utf-8', 'x-jiaodui-team': target.id }, body: conflict });
    expect(pageAnswer(target, 403, 'application/json', body({ ok: false, error: { code: 'forbidden', message: 'lead' } })).status).toBe(403);
  });
  it('turns a team 401 into team-signed-out naming the server', () => {
    const a = pageAnswer(target, 401, 'application/json', body({ ok: false, error: { code: 'unauthorized', message: 'Not signed in.' } }));
    expect(a.status).toBe(401);
    expect(JSON.parse(String(a.body))).toEqual({
      ok: false,
      error: {
        code: 'team-signed-out',
        message: expect.stringContaining('Signed out of the team server https://review.example.org (Not signed in.)'),
        // the key and parameters the page words in its UI language (shared/error-messages.ts); the
        // team's reason without message data (an older server) is quoted as its answer
        messageData: { key: 'team.signed-out.said', params: { origin: 'https://review.example.org', reason: 'Not signed in.' } },
      },
    });
  });
  it('treats a proxy error page as unreachable', () => {
    const a = pageAnswer(target, 504, 'text/html', Buffer.from('<h1>Gateway Timeout</h1>'));
    expect(a.status).toBe(502);
    expect(JSON.parse(String(a.body)).error.code).toBe('team-unreachable');
    expect(JSON.parse(String(unreachableAnswer(target, 'ECONNREFUSED').body)).error.message).toContain('https://review.example.org cannot be reached (ECONNREFUSED)');
  });
});
