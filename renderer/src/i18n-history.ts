/**
 * UI strings of the History panel, the document change log and the keyboard shortcuts sheet
 * (components/HistoryPanel.tsx, ChangeLogDialog.tsx, ShortcutsDialog.tsx), English and
 * Traditional Chinese, following i18n.ts's locale. A catalog of its own so that the strings load
 * with those chunks (lazy.tsx), not with the first screen (scripts/check-bundle-size.mjs).
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'history.title': 'History of segment {n}',
  'history.empty': 'This segment has not been changed.',
  'history.close': 'Close history',
  'history.field.zh': 'Text',
  'history.field.status': 'Status',
  'history.field.furniture': 'Furniture',
  'history.field.structure': 'Structure',
  'history.field.finding': 'Finding',
  'history.field.en': 'English',
  'history.field.en-status': 'English status',
  'history.field.source': 'Source',
  'history.none': 'none',
  'history.by': '{author} · {time}',
  'history.reason': 'Reason: {reason}',
  'shortcuts.title': 'Keyboard shortcuts',
  'shortcuts.grid': 'In the grid',
  'shortcuts.editing': 'While editing',
  'shortcuts.pageDown': 'Next page',
  'shortcuts.pageUp': 'Previous page',
  'shortcuts.home': 'First segment',
  'shortcuts.end': 'Last segment',
  'shortcuts.save': 'Save the correction',
  'shortcuts.saveApprove': 'Save and approve',
  'shortcuts.cancel': 'Close the editor (a changed text comes back with Alt+Z)',
  'shortcuts.redoAlt': 'Redo (alternative)',
  'shortcuts.doubleClick': 'Double-click',
  'history.revert': 'Revert to this',
  'history.revertLabel': 'Revert segment to this version',
  'history.machine': 'Machine text (as imported)',
  'history.reverted': 'Reverted segment {n}.',
  'history.current': 'current',
  'history.changelog': 'Change log…',
  'changelog.title': 'Change log',
  'changelog.summary': '{changed} of {total} segments changed · {chars} characters changed',
  'changelog.reason': 'Reason',
  'changelog.author': 'Author',
  'changelog.all': 'All',
  'changelog.empty': 'No changes match.',
  'changelog.row': 'Segment {n}',
  'changelog.retired': 'split or merged',
  'changelog.go': 'Go to segment {n}',
  'changelog.truncated': 'Showing the newest {count} changes.',
  'changelog.entries': '{count} changes',
  'shortcuts.review': 'Review workflow',
  'shortcuts.question': 'Show this sheet',
  'shortcuts.labelKey': 'With text selected: tag it with a label',
  'shortcuts.approveNext': 'Approve and go to the next unreviewed segment',
};

export type HistoryMessageKey = keyof typeof en;

const zhHant: Record<HistoryMessageKey, string> = {
  'history.title': '第 {n} 段的歷史',
  'history.empty': '這個段落尚未修改過。',
  'history.close': '關閉歷史',
  'history.field.zh': '文字',
  'history.field.status': '狀態',
  'history.field.furniture': '版面雜項',
  'history.field.structure': '結構',
  'history.field.finding': '檢查結果',
  'history.field.en': '英文',
  'history.field.en-status': '英文狀態',
  'history.field.source': '原文',
  'history.none': '無',
  'history.by': '{author} · {time}',
  'history.reason': '原因：{reason}',
  'shortcuts.title': '鍵盤快捷鍵',
  'shortcuts.grid': '在表格中',
  'shortcuts.editing': '編輯時',
  'shortcuts.pageDown': '下一頁',
  'shortcuts.pageUp': '上一頁',
  'shortcuts.home': '第一段',
  'shortcuts.end': '最後一段',
  'shortcuts.save': '儲存修正',
  'shortcuts.saveApprove': '儲存並核准',
  'shortcuts.cancel': '關閉編輯框（改過的文字可按 Alt+Z 還原）',
  'shortcuts.redoAlt': '重做（替代鍵）',
  'shortcuts.doubleClick': '按兩下',
  'history.revert': '還原到此版本',
  'history.revertLabel': '將段落還原到此版本',
  'history.machine': '機器文字（匯入時）',
  'history.reverted': '已還原第 {n} 段。',
  'history.current': '目前',
  'history.changelog': '變更記錄…',
  'changelog.title': '變更記錄',
  'changelog.summary': '{total} 個段落中有 {changed} 個已修改 · 共變更 {chars} 個字元',
  'changelog.reason': '原因',
  'changelog.author': '作者',
  'changelog.all': '全部',
  'changelog.empty': '沒有符合的變更。',
  'changelog.row': '第 {n} 段',
  'changelog.retired': '已分割或合併',
  'changelog.go': '前往第 {n} 段',
  'changelog.truncated': '只顯示最新的 {count} 筆變更。',
  'changelog.entries': '{count} 筆變更',
  'shortcuts.review': '審閱流程',
  'shortcuts.question': '顯示此說明',
  'shortcuts.labelKey': '選取文字時：以標籤標記',
  'shortcuts.approveNext': '核准並前往下一個未審閱段落',
};

const history = defineCatalog(en, zhHant);
/** Both tables (the catalog tests read them). */
export const HISTORY_CATALOG = history.catalog;

/** These strings in the current UI language (`ht`), plus the shared formatters. */
export const useHistoryI18n = catalogHook('ht', history.translate);
