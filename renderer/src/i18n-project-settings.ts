/**
 * UI strings of the project settings dialog (components/ProjectSettingsDialog.tsx): the house style
 * for standard forms (shared/checks/house-style.ts). English and Traditional Chinese, following
 * i18n.ts's locale; its own catalog, loaded with the dialog's chunk. The library's button label
 * (`library.projectSettings`) is in i18n.ts.
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'projectSettings.title': 'Project settings: {name}',
  'projectSettings.standardForms': 'Standard forms (house style)',
  'projectSettings.standardFormsHelp':
    "Professional writers write some words both ways: 佔/占 and 拼/拚 in Taiwan, 公佈/公布 and 宣佈/宣布 in Hong Kong. Which one is right is this project's house style; the checks follow it.",
  'projectSettings.unset': 'Not set',
  'projectSettings.unsetHelp': "These forms are shown as information only, unless the project's own documents (not a converter's output) keep one form.",
  'projectSettings.ministry': 'Standard (Ministry of Education; Hong Kong government)',
  'projectSettings.ministryHelp': "Write 占, 拚 (Taiwan) and 公布, 宣布 (Hong Kong): a converter's 佔, 拼, 公佈, 宣佈 are warnings.",
  'projectSettings.press': 'Press usage (either form)',
  'projectSettings.pressHelp': 'Both forms are fine: these pairs are not reported. Other standard forms (公布 in Taiwan, 計畫) still are.',
  'projectSettings.version': 'Version {version}, set by {by} at {at}.',
  'projectSettings.never': 'Nobody has set it yet.',
  'projectSettings.loading': 'Reading the settings…',
  'projectSettings.save': 'Save',
  'projectSettings.cancel': 'Cancel',
  'projectSettings.saved': 'Standard forms of {name}: {value}. Checks re-run in {count} documents.',
  'projectSettings.saved1': 'Standard forms of {name}: {value}. Checks re-run in 1 document.',
  'projectSettings.savedNone': 'Standard forms of {name}: {value}.',
} as const;
export type ProjectSettingsMessageKey = keyof typeof en;

const zhHant: Record<ProjectSettingsMessageKey, string> = {
  'projectSettings.title': '專案設定：{name}',
  'projectSettings.standardForms': '標準用字（用字慣例）',
  'projectSettings.standardFormsHelp': '有些詞專業寫作者兩種寫法都用：臺灣的佔／占、拼／拚，香港的公佈／公布、宣佈／宣布。何者正確取決於本專案的用字慣例，檢查會依此設定。',
  'projectSettings.unset': '未設定',
  'projectSettings.unsetHelp': '這些寫法只以資訊提示，除非專案中本身的文件（並非轉換結果）一貫採用其中一種。',
  'projectSettings.ministry': '教育部／政府標準',
  'projectSettings.ministryHelp': '寫作占、拚（臺灣）及公布、宣布（香港）：轉換產生的佔、拼、公佈、宣佈會列為警告。',
  'projectSettings.press': '報章慣用（兩種寫法皆可）',
  'projectSettings.pressHelp': '兩種寫法皆可：這幾組不會提示。其他標準寫法（臺灣的公布、計畫）仍會提示。',
  'projectSettings.version': '第 {version} 版，由 {by} 於 {at} 設定。',
  'projectSettings.never': '尚未有人設定。',
  'projectSettings.loading': '正在讀取設定…',
  'projectSettings.save': '儲存',
  'projectSettings.cancel': '取消',
  'projectSettings.saved': '{name} 的標準用字：{value}。已重新檢查 {count} 份文件。',
  'projectSettings.saved1': '{name} 的標準用字：{value}。已重新檢查 1 份文件。',
  'projectSettings.savedNone': '{name} 的標準用字：{value}。',
};

const catalog = defineCatalog(en, zhHant);
/** Both catalogs, for the test that every key is translated (i18n-catalogs.test.ts). */
export const PROJECT_SETTINGS_CATALOG = catalog.catalog;
export const translateProjectSettings = catalog.translate;

export const useProjectSettingsI18n = catalogHook('ps', translateProjectSettings);
