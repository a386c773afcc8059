import { describe, expect, it } from 'vitest';
import { FINDING_MESSAGES_EN, formatFindingMessage, part, type FindingMessageKey, type FindingMessageRef, type MessageCatalog } from './finding-messages';
import { FINDING_MESSAGES_ZH } from './wording/findings';

// the wording as it was built before templates were cut once: a regular expression over the template at each call
function reference(ref: FindingMessageRef, catalog: MessageCatalog): string {
  const template = catalog.templates[ref.key] ?? FINDING_MESSAGES_EN[ref.key] ?? ref.key;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = ref.params[name];
    if (v === undefined) return whole;
    return Array.isArray(v) ? v.map((r) => reference(r, catalog)).join(catalog.join) : String(v);
  });
}

describe('formatFindingMessage', () => {
  const catalogs: MessageCatalog[] = [
    { templates: FINDING_MESSAGES_EN, join: ' ' },
    { templates: FINDING_MESSAGES_ZH, join: '' },
  ];
  const keys = Object.keys(FINDING_MESSAGES_EN) as FindingMessageKey[];

  it('words every template of both catalogs as the placeholder-by-placeholder replacement did: every parameter, some missing, numbers, $ signs, nested parts', () => {
    for (const catalog of catalogs) {
      for (const [i, key] of keys.entries()) {
        const names = [...(catalog.templates[key] ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
        const all = Object.fromEntries(names.map((n, j) => [n, j % 3 === 0 ? 12.5 : `值$&${n}`]));
        const some = Object.fromEntries(names.filter((_, j) => (i + j) % 2 === 0).map((n) => [n, `「${n}」`]));
        const nested = Object.fromEntries(names.map((n) => [n, [part(keys[(i + 1) % keys.length], all), part(key, {})]]));
        for (const params of [all, some, {}, nested]) {
          const ref = { key, params } as FindingMessageRef;
          expect(formatFindingMessage(ref, catalog)).toBe(reference(ref, catalog));
        }
      }
    }
  });

  it('leaves an unknown placeholder as written and a template without any as it is', () => {
    const catalog: MessageCatalog = { templates: { ...FINDING_MESSAGES_EN, 'halfwidth.many': '{count} {nope} end {count}' }, join: ' ' };
    expect(formatFindingMessage({ key: 'halfwidth.many', params: { count: 3 } } as FindingMessageRef, catalog)).toBe('3 {nope} end 3');
    const plain: MessageCatalog = { templates: { ...FINDING_MESSAGES_EN, 'halfwidth.many': 'no placeholder' }, join: ' ' };
    expect(formatFindingMessage({ key: 'halfwidth.many', params: { count: 3 } } as FindingMessageRef, plain)).toBe('no placeholder');
  });
});

describe('the converter-output Taiwan standard message (taiwan-standard.converted)', () => {
  const ref = { key: 'taiwan-standard.converted', params: { word: '佔', count: 3, standard: '占' } } as FindingMessageRef;
  it('is one sentence in each UI language, with the converter’s form, the standard form and the house style', () => {
    const en = formatFindingMessage(ref, { templates: FINDING_MESSAGES_EN, join: ' ' });
    const zh = formatFindingMessage(ref, { templates: FINDING_MESSAGES_ZH, join: '' });
    expect(en.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(zh.match(/[。！？]/g)).toHaveLength(1);
    expect(en).toMatch(/^佔 \(3×\) is the form the converter \(OpenCC\) writes; .*standard is 占: write 占 unless the house style keeps 佔\.$/);
    expect(zh).toMatch(/^「佔」（3 處）是轉換器（OpenCC）的寫法，臺灣標準為「占」：除非用字慣例保留「佔」/);
    // short enough for two lines of the findings panel
    expect(en.length).toBeLessThanOrEqual(140);
    expect(zh.length).toBeLessThanOrEqual(70);
  });
});
