/** The Findings panel's notices (i18n-reports.ts): every key in both languages, same placeholders, translated. */
import { describe, expect, it } from 'vitest';
import { REPORTS_CATALOG, translateReports } from './i18n-reports';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join();
const keys = Object.keys(REPORTS_CATALOG.en) as (keyof typeof REPORTS_CATALOG.en)[];

describe('i18n-reports', () => {
  it('has a Traditional Chinese string for every key, with the same placeholders, translated', () => {
    expect(Object.keys(REPORTS_CATALOG['zh-Hant']).sort()).toEqual([...keys].sort());
    for (const k of keys) {
      expect(placeholders(REPORTS_CATALOG['zh-Hant'][k]), k).toBe(placeholders(REPORTS_CATALOG.en[k]));
      expect(REPORTS_CATALOG['zh-Hant'][k], k).not.toBe(REPORTS_CATALOG.en[k]);
      // the list separator is punctuation only
      if (k !== 'findings.listSeparator') expect(REPORTS_CATALOG['zh-Hant'][k], k).toMatch(/\p{Script=Han}/u);
    }
  });

  it('words the glossary offer in both languages', () => {
    expect(translateReports('en', 'findings.glossaryOffer', { term: '王征', variants: '王震, 王徵' })).toBe('Add 王征 to the glossary (forbid 王震, 王徵)');
    expect(translateReports('zh-Hant', 'findings.glossaryOffer', { term: '王征', variants: '王震、王徵' })).toBe('將王征加入詞彙表（禁用王震、王徵）');
  });
});
