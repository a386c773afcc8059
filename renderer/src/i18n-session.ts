/**
 * UI strings of browser mode's session-ended screen (components/SessionScreen.tsx) and of the
 * unsaved edit it keeps, English and Traditional Chinese. The screen shows before (or
 * instead of) the app, outside its I18nContext: it picks the language itself
 * (state/session.ts `sessionLocale`).
 */
import { defineCatalog, type Locale } from './i18n-catalog';
import type { SessionProblem, SignInRefusal } from './state/session';

const en = {
  'session.title': 'This session has ended',
  'session.why': 'The Jiaodui server no longer knows this page: it was restarted or stopped, or the address this page was opened with is out of date. Nothing you saved is lost.',
  'session.howTitle': 'To reopen Jiaodui',
  'session.howStart': 'Run {command} in the Jiaodui folder (or {serve}). It opens your browser, or prints an address ending in #token=… for you to open.',
  'session.howRunning': 'If it is still running, open the address it printed when it started ({address}), or paste that address here:',
  'session.howTeam': 'This is a team server: open the sign-in address a team admin gave you ({address}), or ask them for a new one. You can paste it here:',
  'session.pasteLabel': 'Address printed by Jiaodui',
  'session.signIn': 'Sign in',
  'session.checkAgain': 'Check again',
  'session.checking': 'Checking…',
  'session.badAddress': 'That is not an address printed by Jiaodui (it ends in #token=…).',
  'session.otherServer': 'That address belongs to another Jiaodui server ({origin}): open it in the address bar.',
  'session.stale': 'That address is out of date: the server has been restarted since. Use the one it printed last.',
  'session.stillEnded': 'Still no session: open the address printed by Jiaodui.',
  'session.unreachable': 'Could not reach the Jiaodui server: {message}',
  'session.draftLive': "Your unsaved edit of row {row} is kept: in this window's editor, and in this browser for this address. Sign in again here and it is still in the editor; reopen Jiaodui at this address and it comes back in the editor, unsaved.",
  'session.draft': 'Your unsaved edit of row {row} is kept in this browser for this address. When you reopen Jiaodui here it comes back in the editor, unsaved.',
  'session.draftText': 'Unsaved text of row {row}',
  // a team server's page
  'session.whyTeam': 'The team server no longer knows this page: your session there ended (it expired, or a team admin revoked it). Nothing you saved is lost.',
  'session.pasteLabelTeam': 'Sign-in address from a team admin',
  'session.badAddressTeam': 'That is not a sign-in address (it ends in #signin=…).',
  'session.stillEndedTeam': 'Still no session: open a sign-in address from a team admin.',
  'signin.title': 'Could not sign in',
  'signin.why': 'This team server did not accept the sign-in address this page was opened with. Nothing saved on the server is lost.',
  // a refused sign-in whose answer has no message data (an older server; its English quoted), or no message at all
  'signin.said': 'The server refused the sign-in: {message}',
  'signin.invalid': 'This sign-in address is not valid. Ask a team admin for a new one.',
  'signin.tooMany': 'Too many sign-in attempts; try again in a minute.',
  'signin.failed': 'Signing in failed (HTTP {status}).',
  'signin.teamUnreachable': 'Could not reach the team server to sign in: {message}',
};

const zhHant: Record<keyof typeof en, string> = {
  'session.title': '此工作階段已結束',
  'session.why': '校對的伺服器已不認得這個頁面：它已重新啟動或停止，或開啟此頁面所用的網址已過期。已儲存的內容都沒有遺失。',
  'session.howTitle': '重新開啟校對',
  'session.howStart': '在校對的資料夾中執行 {command}（或 {serve}）。它會開啟瀏覽器，或印出以 #token=… 結尾的網址供你開啟。',
  'session.howRunning': '如果它仍在執行，請開啟它啟動時印出的網址（{address}），或把該網址貼在這裡：',
  'session.howTeam': '這是團隊伺服器：請開啟團隊管理員給你的登入網址（{address}），或向他們索取新的網址。也可以把它貼在這裡：',
  'session.pasteLabel': '校對印出的網址',
  'session.signIn': '登入',
  'session.checkAgain': '再檢查一次',
  'session.checking': '檢查中…',
  'session.badAddress': '這不是校對印出的網址（它以 #token=… 結尾）。',
  'session.otherServer': '這個網址屬於另一個校對伺服器（{origin}）：請在網址列開啟它。',
  'session.stale': '這個網址已過期：伺服器之後已重新啟動。請使用它最後印出的網址。',
  'session.stillEnded': '仍然沒有工作階段：請開啟校對印出的網址。',
  'session.unreachable': '無法連線到校對伺服器：{message}',
  'session.draftLive': '你在第 {row} 行尚未儲存的修改已保留：在這個視窗的編輯器中，也存在這個瀏覽器裡（此網址）。在這裡重新登入，它仍在編輯器中；在此網址重新開啟校對，它會回到編輯器，仍未儲存。',
  'session.draft': '你在第 {row} 行尚未儲存的修改已保留在這個瀏覽器裡（此網址）。在這裡重新開啟校對時，它會回到編輯器，仍未儲存。',
  'session.draftText': '第 {row} 行尚未儲存的文字',
  'session.whyTeam': '團隊伺服器已不認得這個頁面：你在那裡的工作階段已結束（已過期，或被團隊管理員撤銷）。已儲存的內容都沒有遺失。',
  'session.pasteLabelTeam': '團隊管理員給你的登入網址',
  'session.badAddressTeam': '這不是登入網址（它以 #signin=… 結尾）。',
  'session.stillEndedTeam': '仍然沒有工作階段：請開啟團隊管理員給你的登入網址。',
  'signin.title': '無法登入',
  'signin.why': '這個團隊伺服器沒有接受開啟此頁面所用的登入網址。伺服器上已儲存的內容都沒有遺失。',
  'signin.said': '伺服器拒絕了登入。伺服器回覆：{message}',
  'signin.invalid': '這個登入網址無效。請向團隊管理員索取新的網址。',
  'signin.tooMany': '登入嘗試太多次；請過一分鐘再試。',
  'signin.failed': '登入失敗（HTTP {status}）。',
  'signin.teamUnreachable': '無法連線到團隊伺服器以登入：{message}',
};

export const { catalog: SESSION_CATALOG, translate: translateSession } = defineCatalog(en, zhHant);
export type SessionMessageKey = keyof typeof en;

/**
 * What the session-ended screen says about a problem, in its language. A refusal with message data
 * (this version's servers: core/http-policy.ts, a team server's sign-in address refusals) is worded
 * by `wordError` (i18n-errors.ts errorText: the Chinese template of its key, the English message in
 * English); one without (an older server) quotes the server's English as its answer, or says what
 * the status means. A local address refused as out of date (401) keeps the screen's own words.
 */
export function sessionProblemText(locale: Locale, problem: NonNullable<SessionProblem>, wordError: (e: Error) => string): string {
  if (problem.kind === 'unreachable') return translateSession(locale, problem.team ? 'signin.teamUnreachable' : 'session.unreachable', { message: problem.message });
  return signInRefusalText(locale, problem.refusal, problem.team, wordError);
}

export function signInRefusalText(locale: Locale, { status, error }: SignInRefusal, team: boolean, wordError: (e: Error) => string): string {
  const s = (key: SessionMessageKey, params?: Record<string, string | number>) => translateSession(locale, key, params);
  if (!team && status === 401) return s('session.stale');
  if (error && (error as { messageData?: unknown }).messageData !== undefined) return wordError(error);
  if (error) return s('signin.said', { message: error.message });
  return status === 429 ? s('signin.tooMany') : status === 401 ? s('signin.invalid') : s('signin.failed', { status });
}
