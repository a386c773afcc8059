/**
 * Revision reasons (`revisions.reason`: why a text changed) in both UI languages: the History
 * panel, the change log and the change report show them. A check fix (`fix:<rule>`) is worded
 * with its rule's name (檢查修正：人名寫法不一致); a reason the tables lack (an `editSegment`
 * caller's own words) is shown as stored.
 * Pure and zod-free: the renderer imports it (eslint/layering.mjs), so does shared/export.
 */
import { ruleTitle, type UiLocale } from './rules';

const en = {
  'manual': 'manual edit',
  'review': 'review',
  'replace': 'find and replace',
  'propagate': 'repetition',
  'revert': 'revert',
  'glossary': 'glossary',
  'fix': 'check fix',
  'import': 'import',
  'undo': 'undo',
  'redo': 'redo',
  'split': 'split',
  'merge': 'merge',
  'mt': 'machine translation',
  'align:merge': 'alignment: merge',
  'align:split': 'alignment: split',
  'align:shift': 'alignment: move',
  'attach': 'parallel text attached',
  'xliff-import': 'XLIFF import',
} as const;
export type ReasonKey = keyof typeof en;

const zhHant: Record<ReasonKey, string> = {
  'manual': '手動修改',
  'review': '審閱',
  'replace': '尋找與取代',
  'propagate': '重複段落',
  'revert': '還原',
  'glossary': '詞彙表',
  'fix': '檢查修正',
  'import': '匯入',
  'undo': '復原',
  'redo': '重做',
  'split': '分割',
  'merge': '合併',
  'mt': '機器翻譯',
  'align:merge': '對齊：合併',
  'align:split': '對齊：分割',
  'align:shift': '對齊：移動',
  'attach': '附加平行文本',
  'xliff-import': '匯入 XLIFF',
};

/** Both tables (the renderer's catalog test checks every reason is translated). */
export const REVISION_REASONS = { en, 'zh-Hant': zhHant } as const;

const RULE_SEP: Record<UiLocale, string> = { en: ': ', 'zh-Hant': '：' };

/** A stored reason in words in `locale` (a check fix with its rule's name); a reason the tables lack as stored. */
export function reasonWords(locale: UiLocale, reason: string): string {
  if (reason.startsWith('fix:')) return `${REVISION_REASONS[locale].fix}${RULE_SEP[locale]}${ruleTitle(locale, reason.slice(4))}`;
  return reason in en ? REVISION_REASONS[locale][reason as ReasonKey] : reason;
}
