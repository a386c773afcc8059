/**
 * UI strings of the grid's second column (Simplified / Original source / English), the
 * English editor and the attach dialog, English and Traditional Chinese, in the same
 * `{name}` format as i18n.ts and following its locale (own catalog: the shared one only
 * carries the command labels).
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'columns.switcher': 'Second column',
  'columns.hans': 'Simplified',
  'columns.source': 'Original source',
  'columns.english': 'English',
  'columns.cycleHint': 'Alt+O switches the second column',
  'columns.third': 'Third column',
  'columns.showThird': 'Show a third column',
  'columns.hideThird': 'Hide the third column',
  'columns.attach': 'Attach…',
  'columns.attachTitle': 'Attach original source or English',
  'columns.kind': 'Text',
  'columns.kindSource': 'Original source (the text it was converted or translated from)',
  'columns.kindEnglish': 'English rendering',
  'columns.file': 'File',
  'columns.chooseFile': 'Choose a file…',
  'columns.orPaste': 'or paste the text',
  'columns.pastePlaceholder': 'Paste the parallel text here: paragraphs on their own lines.',
  'columns.encoding': 'Encoding',
  'columns.encodingAuto': 'Detect',
  'columns.cancel': 'Cancel',
  'columns.attachSubmit': 'Attach and align',
  'columns.attached': '{kind} attached: {aligned} of {segments} segments aligned ({method}).',
  'columns.method.paragraphs': 'paragraphs, then sentences',
  'columns.method.sentences': 'sentences',
  'columns.empty': 'Choose a file or paste some text.',
  'columns.replaceWarning': 'Attaching again replaces the current {kind} column (its earlier edits stay in the history).',
  'columns.none': 'No {kind} attached to this document.',
  'columns.noneShort': '—',
  'columns.editEnglish': 'English of segment {n}',
  'columns.editHint': 'Enter saves · Ctrl/⌘+Enter saves and approves the English · Alt+S splits at the cursor · Esc cancels',
  'columns.englishDiscarded': 'Discarded your English of segment {row}.',
  'columns.restore': 'Restore',
  'columns.englishStatus': 'English: {status}',
  'columns.merge': "Join the next row's text onto this row (the next row is left empty)",
  'columns.split': 'Split at cursor',
  'columns.shiftUp': "Move this row's text up, to the end of the row above",
  'columns.shiftDown': "Move this row's text down, to the start of the row below",
  'columns.movedTo': 'Moved to row {n}',
  'columns.movedFrom': 'Moved here from row {n}',
  'columns.alignTools': 'Alignment of row {n}',
  'columns.saved': 'English saved.',
  'columns.splitSource': 'Split the source of this row…',
  'columns.splitSourceLabel': 'Original source of segment {n}: put the cursor where the next row should begin',
  'columns.splitHint': 'Move the cursor to where the next row should begin · Enter splits there · Esc cancels',
} as const;
export type ColumnsMessageKey = keyof typeof en;

const zhHant: Record<ColumnsMessageKey, string> = {
  'columns.switcher': '第二欄',
  'columns.hans': '簡體',
  'columns.source': '原文',
  'columns.english': '英文',
  'columns.cycleHint': 'Alt+O 切換第二欄',
  'columns.third': '第三欄',
  'columns.showThird': '顯示第三欄',
  'columns.hideThird': '隱藏第三欄',
  'columns.attach': '附加…',
  'columns.attachTitle': '附加原文或英文譯文',
  'columns.kind': '文本',
  'columns.kindSource': '原文（轉換或翻譯前的文本）',
  'columns.kindEnglish': '英文譯文',
  'columns.file': '檔案',
  'columns.chooseFile': '選擇檔案…',
  'columns.orPaste': '或貼上文字',
  'columns.pastePlaceholder': '在此貼上對照文本：每段一行。',
  'columns.encoding': '編碼',
  'columns.encodingAuto': '自動偵測',
  'columns.cancel': '取消',
  'columns.attachSubmit': '附加並對齊',
  'columns.attached': '已附加{kind}：{segments} 個段落中 {aligned} 個已對齊（{method}）。',
  'columns.method.paragraphs': '先段落後句子',
  'columns.method.sentences': '逐句',
  'columns.empty': '請選擇檔案或貼上文字。',
  'columns.replaceWarning': '再次附加會取代目前的{kind}欄（先前的修改仍保留在歷史中）。',
  'columns.none': '此文件尚未附加{kind}。',
  'columns.noneShort': '—',
  'columns.editEnglish': '第 {n} 段的英文',
  'columns.editHint': 'Enter 儲存 · Ctrl/⌘+Enter 儲存並核准英文 · Alt+S 在游標處分割 · Esc 取消',
  'columns.englishDiscarded': '已捨棄你對第 {row} 段英文的修改。',
  'columns.restore': '還原',
  'columns.englishStatus': '英文：{status}',
  'columns.merge': '把下一行的文字併入此行（下一行留空）',
  'columns.split': '在游標處分割',
  'columns.shiftUp': '把此行文字上移到上一行末尾',
  'columns.shiftDown': '把此行文字下移到下一行開頭',
  'columns.movedTo': '已移至第 {n} 行',
  'columns.movedFrom': '自第 {n} 行移來',
  'columns.alignTools': '第 {n} 行的對齊',
  'columns.saved': '已儲存英文。',
  'columns.splitSource': '分割此行的原文…',
  'columns.splitSourceLabel': '第 {n} 段的原文：將游標移到下一行開始的位置',
  'columns.splitHint': '將游標移到下一行開始的位置 · Enter 在此分割 · Esc 取消',
};

const catalog = defineCatalog(en, zhHant);
/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const COLUMNS_CATALOG = catalog.catalog;
export const translateColumns = catalog.translate;

export const useColumnsI18n = catalogHook('ct', translateColumns);
