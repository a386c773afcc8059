/**
 * The UI catalogs of the second column (i18n-columns.ts) and of machine translation,
 * glosses and About (i18n-mt.ts): every key has a Traditional Chinese string, with the same
 * {placeholders} as the English one, actually translated (only names and symbols may stay
 * as they are); the command labels of these features too (i18n.ts), and the revision
 * reasons they write (i18n-review.ts).
 */
import { describe, expect, it } from 'vitest';
import { COLUMNS_CATALOG, translateColumns } from './i18n-columns';
import { MT_CATALOG, translateMt } from './i18n-mt';
import { commandKey, translate } from './i18n';
import { translateReview, type ReviewMessageKey } from './i18n-review';
import { COMMANDS } from '../../shared/commands';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

/** Keys whose text is a name, a symbol or a URL list, the same in both languages. */
const SAME = new Set(['columns.noneShort', 'gloss.cedict', 'mt.provider.libretranslate']);

describe.each([
  ['i18n-columns', COLUMNS_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
  ['i18n-mt', MT_CATALOG as { en: Record<string, string>; 'zh-Hant': Record<string, string> }],
])('%s', (_name, catalog) => {
  const keys = Object.keys(catalog.en);

  it('has a Traditional Chinese string for every key, and no key English lacks', () => {
    expect(keys.length).toBeGreaterThan(10);
    expect(keys.filter((k) => !catalog['zh-Hant'][k]?.trim())).toEqual([]);
    expect(Object.keys(catalog['zh-Hant']).filter((k) => !(k in catalog.en))).toEqual([]);
  });

  it('keeps the placeholders', () => {
    expect(keys.filter((k) => placeholders(catalog.en[k]).join() !== placeholders(catalog['zh-Hant'][k]).join())).toEqual([]);
  });

  it('translates (the Chinese string is not the English one, and has Chinese in it)', () => {
    const untranslated = keys.filter((k) => !SAME.has(k) && (catalog['zh-Hant'][k] === catalog.en[k] || !/\p{Script=Han}/u.test(catalog['zh-Hant'][k])));
    expect(untranslated).toEqual([]);
  });
});

describe('labels of the column, machine translation and licence features', () => {
  it('translates their commands', () => {
    const ids = COMMANDS.map((c) => c.id).filter((id) => /^(mt\.|help\.licences|view\.cycleColumn|segment\.editEnglish|file\.attachParallel)/.test(id));
    expect(ids.length).toBeGreaterThanOrEqual(8);
    for (const id of ids) {
      const zh = translate('zh-Hant', commandKey(id));
      expect(zh, id).not.toBe(translate('en', commandKey(id)));
      expect(zh, id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('names the revision reasons of English and alignment edits', () => {
    for (const r of ['mt', 'align:merge', 'align:split', 'align:shift']) {
      const key = `reason.${r}` as ReviewMessageKey;
      expect(translateReview('en', key)).not.toBe(key);
      expect(translateReview('zh-Hant', key)).toMatch(/\p{Script=Han}/u);
    }
  });

  it('fills placeholders', () => {
    expect(translateColumns('zh-Hant', 'columns.editEnglish', { n: 5 })).toBe('第 5 段的英文');
    expect(translateMt('zh-Hant', 'mt.progress.label', { done: 3, total: 9 })).toBe('3 / 9 段');
  });
});
