/**
 * UI strings of browser mode's session-ended screen (components/SessionScreen.tsx) and of the
 * unsaved edit it keeps, English and Traditional Chinese. The screen shows before (or
 * instead of) the app, outside its I18nContext: it picks the language itself
 * (state/session.ts `sessionLocale`).
 */
import { defineCatalog } from './i18n-catalog';

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
};

export const { catalog: SESSION_CATALOG, translate: translateSession } = defineCatalog(en, zhHant);
export type SessionMessageKey = keyof typeof en;
