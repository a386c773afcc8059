/**
 * UI strings of machine translation, dictionary glosses and the About / Licences dialog,
 * English and Traditional Chinese, in the same `{name}` format as i18n.ts and following
 * its locale (own catalog: the shared one only carries the command labels `command.mt.*`
 * and `command.help.licences`).
 */
import { useMemo } from 'react';
import { useI18n, type Params } from './i18n';

const en = {
  'gloss.title': 'Dictionary',
  'gloss.glossary': 'Glossary',
  'gloss.cedict': 'CC-CEDICT',
  'gloss.none': 'No dictionary entry for {word}.',
  'gloss.loading': 'Looking up {word}…',
  'gloss.error': 'The dictionary is not available: {error}',
  'gloss.dialog': 'Dictionary: {word}',
  'gloss.noWord': 'No Chinese word to look up in this segment.',
  'gloss.escHint': 'Esc closes',

  'mt.settings.title': 'Machine translation settings',
  'mt.settings.provider': 'Provider',
  'mt.provider.openai': 'OpenAI-compatible (OpenAI, llama.cpp, Ollama…)',
  'mt.provider.libretranslate': 'LibreTranslate',
  'mt.settings.url': 'Address',
  'mt.settings.urlHintOpenai': 'e.g. http://127.0.0.1:8080/v1 (llama.cpp), http://127.0.0.1:11434/v1 (Ollama), https://api.openai.com/v1',
  'mt.settings.urlHintLibre': 'e.g. http://127.0.0.1:5000',
  'mt.settings.model': 'Model',
  'mt.settings.sourceLang': 'Source language code',
  'mt.settings.targetLang': 'Target language code',
  'mt.settings.rps': 'Requests per second',
  'mt.settings.timeout': 'Timeout (seconds)',
  'mt.settings.retries': 'Retries',
  'mt.settings.key': 'API key',
  'mt.settings.keySet': 'A key is set. Type a new one to replace it.',
  'mt.settings.keyNotSet': 'No key set (local servers usually need none).',
  'mt.settings.keyEncrypted': 'The key is stored encrypted by the operating system’s keychain.',
  'mt.settings.keySession': 'No secure keychain is available (or this is browser mode): the key is kept in memory for this session only and must be entered again next time. It is never written to the database.',
  'mt.settings.forgetKey': 'Forget key',
  'mt.settings.save': 'Save',
  'mt.settings.cancel': 'Cancel',
  'mt.settings.saved': 'Machine translation settings saved.',
  'mt.settings.privacy': 'Segments are sent to this address for translation.',

  'mt.notConfigured': 'Set up machine translation first (provider address and model).',
  'mt.nothing': 'Nothing to translate: every segment has English.',
  'mt.progress.title': 'Machine translation',
  'mt.progress.label': '{done} of {total} segments',
  'mt.progress.counts': '{translated} translated · {skipped} kept (reviewer English) · {failed} failed',
  'mt.progress.cancel': 'Cancel',
  'mt.progress.close': 'Close',
  'mt.progress.done': 'Finished.',
  'mt.progress.cancelled': 'Cancelled. Translations made so far are kept.',
  'mt.progress.failed': 'Stopped: {error}',
  'mt.progress.failures': 'Failures',
  'mt.progress.failure': 'Segment {n}: {message}',
  'mt.progress.missing': 'Glossary terms missing',
  'mt.progress.missingItem': 'Segment {n}: {terms}',

  'about.title': 'About Jiaodui and licences',
  'about.version': 'Version {version}',
  'about.intro': 'Jiaodui bundles the following data sets and libraries. Their licences apply to them.',
  'about.name': 'Name',
  'about.licence': 'Licence',
  'about.use': 'Used for',
  'about.kind.dataset': 'data set',
  'about.kind.library': 'library',
  'about.kind.runtime': 'runtime',
  'about.kind.font': 'font',
  'about.system': 'system, not bundled',
  'about.cedict': 'Dictionary glosses use CC-CEDICT, © MDBG and the CC-CEDICT contributors, licensed under Creative Commons Attribution-ShareAlike 4.0.',
  'about.close': 'Close',
} as const;
export type MtMessageKey = keyof typeof en;

const zhHant: Record<MtMessageKey, string> = {
  'gloss.title': '辭典',
  'gloss.glossary': '詞彙表',
  'gloss.cedict': 'CC-CEDICT',
  'gloss.none': '辭典中沒有「{word}」。',
  'gloss.loading': '正在查詢「{word}」…',
  'gloss.error': '無法使用辭典：{error}',
  'gloss.dialog': '辭典：{word}',
  'gloss.noWord': '此段沒有可查詢的中文字詞。',
  'gloss.escHint': '按 Esc 關閉',

  'mt.settings.title': '機器翻譯設定',
  'mt.settings.provider': '服務',
  'mt.provider.openai': '相容 OpenAI（OpenAI、llama.cpp、Ollama…）',
  'mt.provider.libretranslate': 'LibreTranslate',
  'mt.settings.url': '網址',
  'mt.settings.urlHintOpenai': '例如 http://127.0.0.1:8080/v1（llama.cpp）、http://127.0.0.1:11434/v1（Ollama）、https://api.openai.com/v1',
  'mt.settings.urlHintLibre': '例如 http://127.0.0.1:5000',
  'mt.settings.model': '模型',
  'mt.settings.sourceLang': '來源語言代碼',
  'mt.settings.targetLang': '目標語言代碼',
  'mt.settings.rps': '每秒請求數',
  'mt.settings.timeout': '逾時（秒）',
  'mt.settings.retries': '重試次數',
  'mt.settings.key': 'API 金鑰',
  'mt.settings.keySet': '已設定金鑰。輸入新金鑰即可取代。',
  'mt.settings.keyNotSet': '尚未設定金鑰（本機伺服器通常不需要）。',
  'mt.settings.keyEncrypted': '金鑰由作業系統的鑰匙圈加密保存。',
  'mt.settings.keySession': '沒有可用的安全鑰匙圈（或為瀏覽器模式）：金鑰只在本次工作階段保存在記憶體中，下次需重新輸入。金鑰絕不寫入資料庫。',
  'mt.settings.forgetKey': '清除金鑰',
  'mt.settings.save': '儲存',
  'mt.settings.cancel': '取消',
  'mt.settings.saved': '已儲存機器翻譯設定。',
  'mt.settings.privacy': '段落會傳送到此網址進行翻譯。',

  'mt.notConfigured': '請先設定機器翻譯（服務網址與模型）。',
  'mt.nothing': '沒有需要翻譯的段落：每段都已有英文。',
  'mt.progress.title': '機器翻譯',
  'mt.progress.label': '{done} / {total} 段',
  'mt.progress.counts': '已翻譯 {translated} · 保留審閱者英文 {skipped} · 失敗 {failed}',
  'mt.progress.cancel': '取消',
  'mt.progress.close': '關閉',
  'mt.progress.done': '已完成。',
  'mt.progress.cancelled': '已取消。已完成的翻譯會保留。',
  'mt.progress.failed': '已停止：{error}',
  'mt.progress.failures': '失敗',
  'mt.progress.failure': '第 {n} 段：{message}',
  'mt.progress.missing': '缺少的詞彙表用語',
  'mt.progress.missingItem': '第 {n} 段：{terms}',

  'about.title': '關於校對與授權',
  'about.version': '版本 {version}',
  'about.intro': '校對隨附下列資料集與程式庫，各依其授權條款使用。',
  'about.name': '名稱',
  'about.licence': '授權',
  'about.use': '用途',
  'about.kind.dataset': '資料集',
  'about.kind.library': '程式庫',
  'about.kind.runtime': '執行環境',
  'about.kind.font': '字型',
  'about.system': '系統提供，未隨附',
  'about.cedict': '辭典釋義採用 CC-CEDICT，© MDBG 及 CC-CEDICT 貢獻者，依創用 CC 姓名標示─相同方式分享 4.0 授權。',
  'about.close': '關閉',
};

const CATALOG = { en, 'zh-Hant': zhHant } as const;
/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const MT_CATALOG = CATALOG;

export function translateMt(locale: 'en' | 'zh-Hant', key: MtMessageKey, params?: Params): string {
  const template = CATALOG[locale][key] ?? en[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function useMtI18n() {
  const i18n = useI18n();
  return useMemo(() => ({ ...i18n, mt: (key: MtMessageKey, params?: Params) => translateMt(i18n.locale, key, params) }), [i18n]);
}
