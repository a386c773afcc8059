import { describe, expect, it } from 'vitest';
import { getConverter } from '../text/convert';
import { formatFindingMessage } from '../finding-messages';
import { runChecks } from './index';
import { applyAll, HANT, places, segs } from './testkit';
import type { CheckContext, Finding } from './types';

/** A writer's Traditional text through a converter's round trip (t2s, then s2t). */
const converted = (t: string) => getConverter('s2t').convert(getConverter('t2s').convert(t));
const brands = (texts: string[], ctx: CheckContext = HANT): Finding[] =>
  runChecks(segs(...texts), ctx).filter((f) => f.messageData.key.startsWith('conversion.brand'));

// a Taiwan report on a company whose name holds 樑 and 昇 (Simplified 梁, 升: a converter writes 梁, 升)
const report = [
  '宏樑開發今天公布上半年財報，營收為新台幣12億元，住宅占營收三成，較去年同期增加一成二，毛利率也同步改善。',
  '公司表示，新建案銷售順利，宏樑明年將再推出兩個住宅計畫，預計全年營收可望創新高。',
  '另一家建商雲昇（6791）則表示，原物料價格上漲，獲利恐將受到壓縮。',
];

describe('conversion-ambiguity: company names a converter cannot spell', () => {
  it("reports a company's name holding the converter's form of a merged character, every place of it in one card, fix all to the name form", () => {
    const texts = report.map(converted);
    expect(texts.join('')).toContain('宏梁開發');
    const f = brands(texts);
    const hong = f.find((x) => x.text === '宏梁')!;
    expect(hong.severity).toBe('warning');
    expect(places(hong).map((p) => [p.segmentId, p.text, p.fixes])).toEqual([
      [1, '宏梁', ['宏樑']],
      [2, '宏梁', ['宏樑']],
    ]);
    expect(hong.messageData.params).toMatchObject({ name: '宏梁', chars: '梁', s: '梁', forms: '樑' });
    expect(applyAll(segs(...texts), hong).join('')).toContain('宏樑開發');
    // the name before a stock code
    expect(f.find((x) => x.text === '雲升')?.fixes.map((x) => x.replacement)).toEqual(['雲昇']);
    expect(formatFindingMessage(hong.messageData)).toContain("a company's name, machine-converted");
  });

  it("leaves a writer's own text alone: it spells a name as the company does", () => {
    // a company that writes its name 宏梁, in Taiwan's own forms (公布, 占, 計畫: every converter writes 公佈, 佔, 計劃)
    const own = report.map((t) => t.replaceAll('樑', '梁').replaceAll('昇', '升'));
    expect(brands(own.map(converted)).map((f) => f.text)).toEqual(['宏梁', '雲升']);
    expect(brands(own)).toEqual([]);
  });

  it("leaves a name the reviewer has corrected (no longer the converter's form) and one the glossary lists", () => {
    const texts = report.map(converted);
    const fixed = texts.map((t) => t.replaceAll('宏梁', '宏樑'));
    expect(brands(fixed).map((f) => f.text)).toEqual(['雲升']);
    const glossary = [{ term: '雲升', variants: [], type: 'organisation' as const }];
    expect(brands(fixed, { ...HANT, glossary })).toEqual([]);
  });

  it("a name put right at its trade word (宏樑開發) still holds its other places, fixed to the reviewer's spelling", () => {
    const texts = report.map(converted);
    // the reviewer fixed the first place only: the anchor before 開發 now reads 宏樑
    texts[0] = texts[0].replace('宏梁', '宏樑');
    const f = brands(texts).find((x) => x.text === '宏梁')!;
    expect(f.messageData.key).toBe('conversion.brand.settled');
    expect(places(f).map((p) => [p.segmentId, p.fixes])).toEqual([[2, ['宏樑']]]);
    expect(formatFindingMessage(f.messageData)).toContain('is written 宏樑 where it was corrected');
    // every place put right: nothing left
    texts[1] = texts[1].replace('宏梁', '宏樑');
    expect(brands(texts).map((x) => x.text)).toEqual(['雲升']);
  });

  it("fixing a name leaves the document a converter's output for the other rules (their cards stay)", () => {
    const texts = report.map(converted);
    const others = (t: string[]) => runChecks(segs(...t), HANT).filter((f) => f.rule !== 'conversion-ambiguity').map((f) => f.messageData.key).sort();
    const before = others(texts);
    expect(before.length).toBeGreaterThan(0);
    expect(others(texts.map((t) => t.replaceAll('宏梁', '宏樑').replace('雲升', '雲昇')))).toEqual(before);
  });

  it('reads words before a trade as words (提升, 上升, 採購), and leaves names whose characters names rarely write otherwise (匯豐, 雲豐)', () => {
    const texts = [
      '該集團積極提升醫療服務品質，並擴大採購電子零件，帶動營收上升科技類股也同步走高。',
      '匯豐銀行與雲豐科技今天宣布合作，雙方將共同開發新的支付平臺，預計明年上線。',
    ].map(converted);
    expect(brands(texts)).toEqual([]);
  });

  it('names each doubtful character of a name, its forms and the name with all of them restored', () => {
    const texts = ['昇杰科技今天公布第三季財報，營收與獲利雙雙創下歷年同期新高，法人看好後市表現。', '昇杰表示，明年將持續擴充產能。'].map(converted);
    const f = brands(texts);
    expect(f.map((x) => [x.text, x.messageData.params.chars, x.messageData.params.forms, x.fixes.map((y) => y.replacement), places(x).length])).toEqual([
      ['升傑', '升、傑', '昇、杰', ['昇杰'], 2],
    ]);
  });
});
