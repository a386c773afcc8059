/**
 * UI strings of the conflict view (issue 16: a save refused because someone else changed the
 * field since), English and Traditional Chinese, in the `{name}` format of i18n.ts and
 * following its locale.
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'conflict.title': 'Someone else changed this since you read it',
  'conflict.intro': 'Row {row}: {author} saved a change to the {field} after you opened it, so your save was not stored. Choose what to keep; the result is a new revision.',
  'conflict.introAnon': 'Row {row}: the {field} was changed after you opened it, so your save was not stored. Choose what to keep; the result is a new revision.',
  'conflict.field.text': 'text',
  'conflict.field.status': 'status',
  'conflict.field.furniture': 'furniture mark',
  'conflict.field.en': 'English',
  'conflict.field.enStatus': 'English status',
  'conflict.base': 'What you started from',
  'conflict.theirs': 'Theirs (stored now, by {author})',
  'conflict.theirsAnon': 'Theirs (stored now)',
  'conflict.mine': 'Yours (not saved)',
  'conflict.vsBase': 'changes against what you started from',
  'conflict.keepTheirs': 'Keep theirs',
  'conflict.keepMine': 'Keep mine',
  'conflict.merge': 'Merge by hand…',
  'conflict.mergeLabel': 'Merged text (starts with both changes where they do not overlap)',
  'conflict.saveMerge': 'Save merged text',
  'conflict.back': 'Back',
  'conflict.none': '(none)',
  'conflict.more': '{count} more change(s) were refused too; they stay as stored.',
  'conflict.keptTheirs': 'Kept their version.',
  'conflict.keptMine': 'Saved your version over theirs.',
  'conflict.merged': 'Saved the merged text.',
};

const zhHant: Record<keyof typeof en, string> = {
  'conflict.title': '你讀取之後，別人改動了這裡',
  'conflict.intro': '第 {row} 行：{author} 在你開啟後儲存了{field}的改動，所以你的儲存沒有寫入。請選擇保留哪一份；結果會成為一筆新的修訂。',
  'conflict.introAnon': '第 {row} 行：你開啟後{field}被改動了，所以你的儲存沒有寫入。請選擇保留哪一份；結果會成為一筆新的修訂。',
  'conflict.field.text': '文字',
  'conflict.field.status': '狀態',
  'conflict.field.furniture': '頁面雜項標記',
  'conflict.field.en': '英文',
  'conflict.field.enStatus': '英文狀態',
  'conflict.base': '你開始時的版本',
  'conflict.theirs': '對方的版本（目前儲存的，{author}）',
  'conflict.theirsAnon': '對方的版本（目前儲存的）',
  'conflict.mine': '你的版本（未儲存）',
  'conflict.vsBase': '相對於你開始時版本的改動',
  'conflict.keepTheirs': '保留對方的',
  'conflict.keepMine': '保留我的',
  'conflict.merge': '手動合併…',
  'conflict.mergeLabel': '合併後的文字（兩邊不重疊的改動已一併帶入）',
  'conflict.saveMerge': '儲存合併後的文字',
  'conflict.back': '返回',
  'conflict.none': '（無）',
  'conflict.more': '另有 {count} 項改動也被拒絕，維持目前儲存的內容。',
  'conflict.keptTheirs': '已保留對方的版本。',
  'conflict.keptMine': '已用你的版本覆蓋對方的。',
  'conflict.merged': '已儲存合併後的文字。',
};

const catalog = defineCatalog(en, zhHant);
/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const CONFLICT_CATALOG = catalog.catalog;
export const translateConflict = catalog.translate;

export const useConflictI18n = catalogHook('xt', translateConflict);
