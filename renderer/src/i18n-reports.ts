/**
 * UI strings of the Findings panel's notices (project-wide results out of date, the glossary
 * offer after a name group is fixed) and of its per-place cards, English and Traditional Chinese, in the same `{name}`
 * format as i18n.ts and following its locale.
 */
import { catalogHook } from './i18n';
import { defineCatalog } from './i18n-catalog';

const en = {
  'findings.projectStale': 'Project-wide results are out of date: texts changed since the project check of {time}.',
  'findings.projectRerun': 'Re-run project check',
  'findings.glossaryOffer': 'Add {term} to the glossary (forbid {variants})',
  'findings.glossaryOfferHint': 'A project glossary entry: the checks flag the forbidden spellings and Apply glossary replaces them.',
  'findings.glossaryOfferClose': 'No, thanks',
  'findings.glossaryAdded': '{term} added to the project glossary (forbidden: {variants}).',
  'findings.listSeparator': ', ',
  // a per-place family's card (state/finding-cards.ts): how many places it lists, the list's name
  'findings.places': '{count} places',
  'findings.places.one': '{count} place',
  'findings.placesLabel': 'Places, each a finding of its own with its own Fix and Dismiss',
} as const;

export type ReportsMessageKey = keyof typeof en;

const zhHant: Record<ReportsMessageKey, string> = {
  'findings.projectStale': '專案範圍的結果已過時：{time} 執行專案檢查後，文字已有修改。',
  'findings.projectRerun': '重新執行專案檢查',
  'findings.glossaryOffer': '將{term}加入詞彙表（禁用{variants}）',
  'findings.glossaryOfferHint': '專案詞彙表條目：檢查會標出禁用的寫法，「套用詞彙表」會將其取代。',
  'findings.glossaryOfferClose': '不用了',
  'findings.glossaryAdded': '已將{term}加入專案詞彙表（禁用：{variants}）。',
  'findings.listSeparator': '、',
  'findings.places': '{count} 處',
  'findings.places.one': '{count} 處',
  'findings.placesLabel': '各處：每處各為一項，各自修正或略過',
};

const catalog = defineCatalog(en, zhHant);
export const REPORTS_CATALOG = catalog.catalog;
export const translateReports = catalog.translate;
/** `const { rt } = useReportsI18n()`: these strings in the current UI language. */
export const useReportsI18n = catalogHook('rt', translateReports);
