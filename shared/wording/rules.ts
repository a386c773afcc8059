/**
 * Check rule titles in both UI languages (English, Traditional Chinese): the Findings panel,
 * its rule filter, operation labels ("Dismiss doubled" → 略過重複的字詞或標點) and the change
 * report read them; the service's `listRules` gives the English titles the CLI prints.
 * Pure and zod-free: the renderer imports it (eslint/layering.mjs), so does shared/export.
 */
export type UiLocale = 'en' | 'zh-Hant';

const en = {
  'entity-consistency': 'Name spelled inconsistently',
  'conversion-ambiguity': 'Ambiguous Simplified→Traditional conversion',
  'simplified-in-traditional': 'Simplified character in Traditional text',
  'variant-mixing': 'Variant forms mixed',
  'number-format': 'Malformed number',
  'number-mismatch': 'Number differs from its counterpart',
  'glossary-forbidden': 'Glossary variant used',
  'glossary-english': 'Glossary English form missing',
  'halfwidth-punctuation': 'Half-width punctuation in Chinese text',
  'unbalanced-brackets': 'Unbalanced brackets or quotes',
  doubled: 'Doubled word or punctuation',
  'stray-space': 'Stray space',
  'source-divergence': 'Differs from the original source',
  'english-empty': 'English missing',
  'claims-crosscheck': 'Claims cross-check',
  'repeated-sentence': 'Sentence repeated',
  'period-label': 'Period label repeated or mismatched',
  'taiwan-standard': "Not Taiwan's standard form",
  'hong-kong-standard': "Not Hong Kong's form",
  'number-scale': 'Figure off by a power of ten',
  'number-unit': 'Count with a wrong unit',
};
export type RuleId = keyof typeof en;

const zhHant: Record<RuleId, string> = {
  'entity-consistency': '人名寫法不一致',
  'conversion-ambiguity': '簡轉繁一對多可能轉錯',
  'simplified-in-traditional': '繁體文字中的簡體字',
  'variant-mixing': '異體字混用',
  'number-format': '數字格式有誤',
  'number-mismatch': '數字與對應處不符',
  'glossary-forbidden': '使用了詞彙表禁用的寫法',
  'glossary-english': '英文缺少詞彙表譯名',
  'halfwidth-punctuation': '中文裡的半形標點',
  'unbalanced-brackets': '括號或引號不成對',
  doubled: '重複的字詞或標點',
  'stray-space': '多餘的空格',
  'source-divergence': '與原文不同',
  'english-empty': '缺少英文',
  'claims-crosscheck': '聲明交叉核對',
  'repeated-sentence': '句子重複',
  'period-label': '比較期間標示重複或不符',
  'taiwan-standard': '不是臺灣的標準寫法',
  'hong-kong-standard': '不是香港的寫法',
  'number-scale': '數字差了十倍以上',
  'number-unit': '計數的單位有誤',
};

/** Both tables (the renderer's catalog test checks every rule is translated). */
export const RULE_TITLES = { en, 'zh-Hant': zhHant } as const;

/** A rule's title in `locale`; `fallback` (the service's title), else the id, for a rule the tables lack. */
export function ruleTitle(locale: UiLocale, id: string, fallback?: string): string {
  if (id in en) return RULE_TITLES[locale][id as RuleId];
  return fallback ?? id;
}
