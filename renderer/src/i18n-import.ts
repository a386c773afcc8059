/**
 * UI strings of the import and paste dialogs (components/ImportDialog.tsx, PasteDialog.tsx),
 * English and Traditional Chinese, following i18n.ts's locale. A catalog of its own so that the
 * strings load with those dialogs' chunks (lazy.tsx), not with the first screen
 * (scripts/check-bundle-size.mjs). What the first screen says about an import (its Cancel, the
 * "imported" notice, a pasted text's file name) stays in i18n.ts.
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'import.title': 'Import “{name}”',
  'import.encoding': 'Encoding',
  'import.detected': 'Detected {encoding} ({confidence})',
  'import.bom': 'byte order mark',
  'import.candidates': 'Candidates',
  'import.confidence.certain': 'certain',
  'import.confidence.high': 'high confidence',
  'import.confidence.low': 'low confidence — check the preview',
  'import.auto': 'As detected ({encoding})',
  'import.preview': 'Preview',
  'import.facts': '{size} · {segments} segments · {script} ({variant})',
  'import.project': 'Project',
  'import.newProjectOption': 'Inbox (default)',
  'import.docTitle': 'Title',
  'import.submit': 'Import',
  'import.previewing': 'Reading the file…',
  'import.importing': 'Importing…',
  'import.queue': '{count} more files waiting',
  'import.script.hant': 'Traditional',
  'import.script.hans': 'Simplified',
  'paste.title': 'Import pasted text',
  'paste.label': 'Text to import',
  'paste.placeholder': 'Paste the Traditional Chinese text here…',
  'paste.next': 'Preview',
  'paste.empty': 'Paste some text first.',
};

export type ImportMessageKey = keyof typeof en;

const zhHant: Record<ImportMessageKey, string> = {
  'import.title': '匯入「{name}」',
  'import.encoding': '編碼',
  'import.detected': '偵測為 {encoding}（{confidence}）',
  'import.bom': '位元組順序標記',
  'import.candidates': '候選編碼',
  'import.confidence.certain': '確定',
  'import.confidence.high': '可信度高',
  'import.confidence.low': '可信度低，請檢查預覽',
  'import.auto': '依偵測結果（{encoding}）',
  'import.preview': '預覽',
  'import.facts': '{size} · {segments} 段 · {script}（{variant}）',
  'import.project': '專案',
  'import.newProjectOption': '收件匣（預設）',
  'import.docTitle': '標題',
  'import.submit': '匯入',
  'import.previewing': '正在讀取檔案…',
  'import.importing': '匯入中…',
  'import.queue': '還有 {count} 個檔案等待匯入',
  'import.script.hant': '繁體',
  'import.script.hans': '簡體',
  'paste.title': '匯入貼上的文字',
  'paste.label': '要匯入的文字',
  'paste.placeholder': '在此貼上繁體中文文字…',
  'paste.next': '預覽',
  'paste.empty': '請先貼上文字。',
};

const imports = defineCatalog(en, zhHant);
/** Both tables (the catalog tests read them). */
export const IMPORT_CATALOG = imports.catalog;

/** These strings in the current UI language (`it`), plus the shared formatters. */
export const useImportI18n = catalogHook('it', imports.translate);
