/**
 * The session-ended screen's words for a refused sign-in (i18n-session.ts): a refusal with message
 * data in the screen's language, an older server's English quoted as its answer, a bare status
 * worded by what it means, a local out-of-date address in the screen's own words.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { em, keyedError } from '../../shared/error-messages';
import { unwrap } from '../../shared/contract/client';
import { errorText, loadChineseErrors } from './i18n-errors';
import { sessionProblemText, signInRefusalText } from './i18n-session';
import type { Locale } from './i18n-catalog';
import type { SignInRefusal } from './state/session';

/** A refused answer as the page reads it (api.ts refusalOf): the envelope through the client's unwrap. */
function refusal(status: number, body: unknown): SignInRefusal {
  try {
    unwrap(body);
  } catch (e) {
    return { status, error: e as Error };
  }
  throw new Error('not refused');
}
const keyed = (status: number, code: string, m: ReturnType<typeof em>) => refusal(status, { ok: false, error: keyedError(code, m) });
const word = (locale: Locale) => (e: Error) => errorText(locale, e);

describe('a refused sign-in on the session-ended screen', () => {
  beforeAll(() => loadChineseErrors());

  it("words a refusal's message data in the screen's language", () => {
    const used = keyed(401, 'unauthorized', em('sign-in.used'));
    expect(signInRefusalText('zh-Hant', used, true, word('zh-Hant'))).toBe('這個登入網址已經用過了。請向團隊管理員索取新的網址（jiaodui users revoke，再 users add）。');
    expect(signInRefusalText('en', used, true, word('en'))).toBe('This sign-in address was already used. Ask a team admin for a new one (jiaodui users revoke, then users add).');
    const origin = keyed(403, 'forbidden', em('http.sign-in-origin'));
    expect(signInRefusalText('zh-Hant', origin, false, word('zh-Hant'))).toBe('登入必須來自本程式的頁面（缺少 Origin 標頭，或來自其他網站）。');
    const limited = keyed(429, 'rate-limited', em('http.rate-limited', { seconds: 42 }));
    expect(signInRefusalText('zh-Hant', limited, true, word('zh-Hant'))).toBe('這個位址的登入嘗試太多次；請在 42 秒後再試。');
  });

  it("keeps the screen's own words for a local address out of date (401)", () => {
    const stale = keyed(401, 'unauthorized', em('http.sign-in-stale'));
    expect(signInRefusalText('zh-Hant', stale, false, word('zh-Hant'))).toBe('這個網址已過期：伺服器之後已重新啟動。請使用它最後印出的網址。');
    expect(sessionProblemText('en', { kind: 'refused', refusal: stale, team: false }, word('en'))).toBe('That address is out of date: the server has been restarted since. Use the one it printed last.');
  });

  it("quotes an older server's English as its answer, and words a bare status", () => {
    const older = refusal(401, { ok: false, error: { code: 'unauthorized', message: 'This sign-in address was already used.' } });
    expect(signInRefusalText('zh-Hant', older, true, word('zh-Hant'))).toBe('伺服器拒絕了登入。伺服器回覆：This sign-in address was already used.');
    expect(signInRefusalText('en', older, true, word('en'))).toBe('The server refused the sign-in: This sign-in address was already used.');
    expect(signInRefusalText('zh-Hant', { status: 429, error: null }, true, word('zh-Hant'))).toBe('登入嘗試太多次；請過一分鐘再試。');
    expect(signInRefusalText('zh-Hant', { status: 401, error: null }, true, word('zh-Hant'))).toBe('這個登入網址無效。請向團隊管理員索取新的網址。');
    expect(signInRefusalText('zh-Hant', { status: 502, error: null }, true, word('zh-Hant'))).toBe('登入失敗（HTTP 502）。');
    expect(signInRefusalText('en', { status: 502, error: null }, false, word('en'))).toBe('Signing in failed (HTTP 502).');
  });

  it('says which server could not be reached', () => {
    expect(sessionProblemText('zh-Hant', { kind: 'unreachable', message: 'Failed to fetch', team: true }, word('zh-Hant'))).toBe('無法連線到團隊伺服器以登入：Failed to fetch');
    expect(sessionProblemText('zh-Hant', { kind: 'unreachable', message: 'Failed to fetch', team: false }, word('zh-Hant'))).toBe('無法連線到校對伺服器：Failed to fetch');
  });
});
