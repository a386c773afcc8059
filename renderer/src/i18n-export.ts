/**
 * UI strings of the Export dialog (components/ExportDialog.tsx; the Glossary panel's export says
 * where it saved with them too), English and Traditional Chinese, following
 * i18n.ts's locale. A catalog of its own so that the strings load with those chunks
 * (lazy.tsx), not with the first screen (scripts/check-bundle-size.mjs).
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'export.title': 'Export “{title}”',
  'export.script': 'Script',
  'export.hant': 'Traditional (as corrected)',
  'export.hans': 'Simplified',
  'export.submit': 'Download',
  'export.submitShell': 'Save…',
  'export.saved': 'Saved {path}.',
  'export.downloaded': 'Downloaded {fileName}.',
  'export.format': 'Format',
  'export.format.txt': 'Plain text',
  'export.format.md': 'Markdown',
  'export.format.html': 'HTML page',
  'export.format.docx': 'Word document (DOCX; marked: tracked changes)',
  'export.format.csv': 'Bilingual table (CSV)',
  'export.format.docx-bilingual': 'Bilingual table (Word, DOCX)',
  'export.format.report-html': 'Change report (HTML, printable)',
  'export.format.report-json': 'Change report (JSON)',
  'export.format.xliff': 'XLIFF 2.0 (for CAT tools)',
  'export.format.xliff12': 'XLIFF 1.2 (older CAT tools, translate-toolkit)',
  'export.format.annotations': 'Annotations (W3C Web Annotation JSON-LD)',
  'export.changes': 'Changes',
  'export.clean': 'Clean (corrected text only)',
  'export.marked': 'Marked (insertions and deletions shown)',
  'export.furniture': 'Include page furniture',
  'export.claims': 'Append claims (verdicts and evidence) as notes',
};

const zhHant: Record<keyof typeof en, string> = {
  'export.title': '匯出「{title}」',
  'export.script': '字體',
  'export.hant': '繁體（修正後）',
  'export.hans': '簡體',
  'export.submit': '下載',
  'export.submitShell': '儲存…',
  'export.saved': '已儲存 {path}。',
  'export.downloaded': '已下載 {fileName}。',
  'export.format': '格式',
  'export.format.txt': '純文字',
  'export.format.md': 'Markdown',
  'export.format.html': 'HTML 網頁',
  'export.format.docx': 'Word 文件（DOCX；標示：追蹤修訂）',
  'export.format.csv': '雙語對照表（CSV）',
  'export.format.docx-bilingual': '雙語對照表（Word，DOCX）',
  'export.format.report-html': '修改報告（HTML，可列印）',
  'export.format.report-json': '修改報告（JSON）',
  'export.format.xliff': 'XLIFF 2.0（供電腦輔助翻譯工具）',
  'export.format.xliff12': 'XLIFF 1.2（供較舊的電腦輔助翻譯工具、translate-toolkit）',
  'export.format.annotations': '註解（W3C Web Annotation JSON-LD）',
  'export.changes': '修改',
  'export.clean': '乾淨（僅修正後文字）',
  'export.marked': '標示（顯示增刪）',
  'export.furniture': '包含版面雜項',
  'export.claims': '附上事實查核（結果與證據）為註釋',
};

export type ExportKey = keyof typeof en;

const catalog = defineCatalog(en, zhHant);
/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const EXPORT_CATALOG = catalog.catalog;
export const translateExport = catalog.translate;

export const useExportI18n = catalogHook('et', translateExport);
