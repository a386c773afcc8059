/**
 * Source words of OpenCC's Taiwan phrasing (TWPhrases, the s2twp config: 數據 → 資料, 設備 → 裝置)
 * that Taiwan writes too, in a sense of their own: standard Taiwan vocabulary (Ministry of
 * Education's 國語辭典, Taiwan's press), not mainland usage with a Taiwan counterpart (服務器 →
 * 伺服器, 芯片 → 晶片, 信息 → 資訊, 智能 → 智慧 are left out: there the replacement is what a
 * Taiwan writer writes anyway). Where one of these stands in a Taiwan writer's text, s2twp's
 * replacement changes the writer's word — 景氣循環 becomes 景氣迴圈, 刷新紀錄 becomes 重新整理紀錄,
 * 發表聲明 becomes 發表宣告.
 *
 * Hand-written general knowledge, chosen over the whole TWPhrases table of opencc-js (770
 * entries), not from any text; written as the table's keys (OpenCC's s2t forms: 發佈, 審覈).
 * `converter-vocabulary.test.ts` holds every entry to be a TWPhrases key.
 */
export const TW_SHARED_SOURCES: readonly string[] = [
  // data, equipment, projects, users, support, import and export, running, targets, codes, releases
  '數據', '設備', '項目', '用戶', '支持', '導入', '導出', '運行', '對象', '代碼', '發佈',
  // documents, procedures, components, communities, types, settings, keeping, connecting, dispatching
  '文件', '程序', '組件', '社區', '類型', '設置', '保存', '連接', '調度', '參數', '分區', '局部',
  '實例', '權限', '擴展', '進程', '打開', '查看',
  // news, signals, statements, registration and its cancellation, review, contact, sending
  '消息', '信號', '聲明', '登錄', '註銷', '審覈', '聯繫', '發送',
  // cycles, records broken, shares sold off, cargo unloaded, scripts, menus, service windows, idioms
  '循環', '刷新', '拋出', '卸載', '腳本', '菜單', '窗口', '萬象', '自行車',
];

/**
 * Sources among TW_SHARED_SOURCES whose Taiwan word Taiwan's own writers write in the same sense,
 * as often as the source or more (資料 for data and information, 聯絡 for contact, 元件 for a component,
 * 檢視 for review, 執行 for execute, 連線 for a connection, 設定 for a setting): in an s2twp fixed point the word is as likely the writer's as the
 * converter's, so it is reported as information only and does not make the document's other words
 * warnings. (Measured on the proxy's s2twp output of our own texts: 資料 was the writer's own in 35 of 44
 * places, 聯絡, 檢視 and 執行 in 6 of 7, 連線 and 設定 in 4 of 4 (half G); 裝置, 使用者, 專案, 支援 the converter's in 35 of 36.)
 */
// (導入, 導出: s2twp's 匯入, 匯出 are also Taiwan's own words for money remitted in and out, 外資匯出, whatever a converter did)
export const TW_SHARED_WEAK_SOURCES: readonly string[] = ['數據', '聯繫', '組件', '查看', '運行', '連接', '設置', '導入', '導出'];
