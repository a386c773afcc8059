import { describe, expect, it } from 'vitest';
import { runChecks } from './index';
import { neighbourForm, neighbourVotes, neighbourWitness } from './phrase-context';
import { HANT, byRule, segs } from './testkit';
import type { CheckContext } from './types';

const amb = (texts: string[], ctx: CheckContext = HANT) =>
  byRule(runChecks(segs(...texts), { ...ctx, rules: ['conversion-ambiguity'] }), 'conversion-ambiguity').filter((f) => f.severity !== 'info');
const fixes = (texts: string[], ctx?: CheckContext) => amb(texts, ctx).map((f) => [f.text, f.fixes[0]?.replacement]);

describe('the phrase-context witness (OpenCC’s phrases, neighbour → form)', () => {
  it('counts the forms OpenCC’s phrases write next to a neighbour, the default’s phrases too', () => {
    // 发 after 洗: 洗髮精, 洗髮水 …; 发 before 展: 發展 …
    const wash = neighbourVotes('洗发', 1).left!;
    expect(wash[1]).toBeGreaterThanOrEqual(3);
    expect(wash[1]).toBeGreaterThan(wash[0] * 5);
    const develop = neighbourVotes('发展', 0).right!;
    expect(develop[0]).toBeGreaterThanOrEqual(3);
    expect(develop[1]).toBe(0);
    expect(neighbourVotes('发', 0)).toEqual({ left: null, right: null });
  });

  it('reads a string unit by unit: no votes off its ends, for a character that is not one-to-many, or beside half a surrogate pair', () => {
    expect(neighbourVotes('洗发', 2)).toEqual({ left: null, right: null });
    expect(neighbourVotes('洗发', -1)).toEqual({ left: null, right: null });
    expect(neighbourWitness('洗发', 5, '髮', 'L', 1)).toBe(false);
    expect(neighbourVotes('洗头', 1)).toEqual({ left: null, right: null }); // 头 has one Traditional form
    expect(neighbourVotes('𠀀发', 2)).toEqual({ left: null, right: null }); // 𠀀 is two units; no phrase has its half
    expect(neighbourVotes('洗发', 1).left).toEqual(neighbourVotes('洗发水', 1).left);
  });

  it('a neighbour speaks only when its phrases agree, and not against the other neighbour', () => {
    expect(neighbourWitness('洗发', 1, '髮', 'L', 3)).toBe(true);
    expect(neighbourWitness('洗发', 1, '發', 'L', 1)).toBe(false);
    expect(neighbourWitness('发展', 0, '髮', 'R', 1)).toBe(false);
    expect(neighbourForm('洗发', 1, '發', 3)).toMatchObject({ form: '髮', side: 'L' });
    expect(neighbourForm('洗发', 1, '發', 3)!.examples.every((p) => p.includes('髮'))).toBe(true);
    // 洗 says 髮, 展 says 發: no clear witness
    expect(neighbourForm('洗发展', 1, '發', 3)).toBeNull();
  });
});

describe('conversion-ambiguity with the phrase-context witness', () => {
  it('flags a kept default against a phrase whose form OpenCC’s other phrases write next to the same neighbour (卷發棒 → 捲髮棒)', () => {
    expect(fixes(['她新買的卷發棒很好用。'])).toEqual([
      ['卷', '捲'],
      ['發', '髮'],
    ]);
    expect(fixes(['她新買的捲髮棒很好用。'])).toEqual([]);
    // 卷 belongs to 試卷 here: the phrase 卷发 cuts across it and says nothing
    expect(fixes(['老師把試卷發給學生。'])).toEqual([]);
  });

  it('flags a kept default against a long phrase (雲吞面 → 雲吞麪) and not the correct form', () => {
    expect(fixes(['一碗雲吞面要價五十元。'])).toEqual([['面', '麪']]);
    expect(fixes(['一碗雲吞麵要價五十元。'])).toEqual([]);
  });

  it('lets a phrase crossing a word speak through the neighbour the word leaves it (三十|周年: 周年 → 週年)', () => {
    expect(fixes(['公司今年成立三十周年。'])).toEqual([['周', '週']]);
    expect(fixes(['公司今年成立三十週年。'])).toEqual([]);
  });

  it('takes the document’s own words for the phrase’s form as a witness for a kept default (第二周 among 本週, 週末, 每週)', () => {
    const week = '本週推出優惠，週末加碼，每週更新。';
    expect(fixes(['加權指數連續第二周收紅。', week])).toEqual([['周', '週']]);
    // alone, 第二|周 crosses the phrase 二周 and nothing else speaks for 週
    expect(fixes(['加權指數連續第二周收紅。'])).toEqual([]);
    // a document writing 周 in its own senses is not asked about them
    expect(fixes(['他們在周邊設下路障，周圍都是人。', week])).toEqual([]);
  });

  it('does not let the document’s sense overrule a phrase OpenCC’s other phrases back (洗發 among 開發, 發展, 發布 …), either way', () => {
    const develop = '公司開發新品，發展順利，並發布財報。';
    expect(fixes(['門市提供洗發服務。', develop])).toEqual([['發', '髮']]);
    // the correct 洗髮 is not a lone default against the document's 發 either
    expect(fixes(['門市提供洗髮服務。', develop])).toEqual([]);
  });

  it('lifts a lone default the lens shows to a warning where a lone neighbour’s phrases write another form (幹發帽 → 乾)', () => {
    const f = amb(['新款智慧型幹發帽上市。']);
    expect(f.map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([['幹', '乾']]);
    expect(f[0].messageData).toMatchObject({ key: 'conversion.neighbour-phrases', params: { c: '幹', y: '乾', neighbour: '發' } });
    expect(fixes(['新款智慧型乾髮帽上市。'])).toEqual([]);
    // the neighbour in a word of its own (發財) is that word's: the lens stays an info
    expect(fixes(['他們幹發財的夢。'])).toEqual([]);
    // nor for a function word among the defaults (並 after 合 of 結合)
    expect(fixes(['公司將研發與生產結合並加以優化。'])).toEqual([]);
  });
});
