import { describe, expect, it } from 'vitest';
import { getConverter } from '../text/convert';
import { Analysis } from './analysis';
import { findMentions, restoreOverConversion } from './entities';
import { runChecks, runProjectEntityCheck } from './index';
import { HANS, HANT, byRule, places, segs } from './testkit';
import type { CheckSegment } from './types';

const mentions = (text: string, ctx = HANT) =>
  findMentions(new Analysis({ id: 1, text, furniture: null, speaker: null }, ctx), 0).map((m) => m.text);

describe('finding person mentions', () => {
  it('finds names next to role titles, honorifics and speech verbs', () => {
    expect(mentions('董事長兼首席執行官張一鳴在會上表示,公司將繼續投入。')).toEqual(['張一鳴']);
    expect(mentions('交由CFO王某介紹後續的增長預期。')).toEqual(['王某']);
    expect(mentions('執行董事兼董事會秘書林冰稱,展望明年。')).toEqual(['林冰']);
    expect(mentions('謝謝李明先生。')).toEqual(['李明']);
    expect(mentions('歐陽娜娜女士出席了活動。')).toEqual(['歐陽娜娜']);
    expect(mentions('剛才周某介紹的現金流。')).toEqual(['周某']);
    expect(mentions('高立還稱,業務穩步發展。')).toEqual([]); // 高 is also an everyday word: a verb alone is not enough
    expect(mentions('徐某還稱,業務穩步發展。')).toEqual(['徐某']);
    expect(mentions('余光中表示,詩歌不死。')).toEqual(['余光中']);
  });

  it('finds names after the titles of analysts, strategists, councils and the professions (Hong Kong’s 分析員 too)', () => {
    expect(mentions('證券分析員何嘉文認為，息差仍受壓。')).toEqual(['何嘉文']);
    expect(mentions('首席策略師林子晴指出，資金回流。')).toEqual(['林子晴']);
    expect(mentions('公會理事長吳振宏說明，業界仍缺工。')).toEqual(['吳振宏']);
    expect(mentions('立法會議員陳志遠質疑收費過高。')).toEqual(['陳志遠']);
    expect(mentions('會計師事務所的報告指出，帳目無誤。')).toEqual([]);
    // 於 after a title before a time, a place or a document is the preposition, not the surname 于
    expect(mentions('律師於庭上表示，將上訴。')).toEqual([]);
    expect(mentions('議員於昨日表示，支持方案。')).toEqual([]);
    expect(mentions('會計師於報告中指出，帳目無誤。')).toEqual([]);
    expect(mentions('首席策略師於周一表示，美股反彈。')).toEqual([]);
  });

  it('does not take ordinary words for names (Intl.Segmenter splits only unknown names)', () => {
    expect(mentions('公司表示,收入增長。')).toEqual([]);
    expect(mentions('管理層一向表示非常高度的支持。')).toEqual([]);
    expect(mentions('財務總監管理層面的工作。')).toEqual([]);
    expect(mentions('董事會表示同意。')).toEqual([]);
    expect(mentions('王先生表示同意。')).toEqual([]); // a surname alone
    expect(mentions('他說,我們會繼續。分析師預計明年增長。')).toEqual([]);
  });

  it('finds the same names in a Simplified document and through S→T over-conversion', () => {
    expect(mentions('首席财务官王某介绍,现金充裕。', HANS)).toEqual(['王某']);
    expect(mentions('餘光中表示,詩歌不死。')).toEqual(['餘光中']); // 余 converted to 餘 is still the surname 余
  });

  it('uses the glossary', () => {
    const a = new Analysis({ id: 1, text: '今天朱某某來了。', furniture: null, speaker: null }, HANT);
    expect(findMentions(a, 0, [{ term: '朱某某', variants: [], type: 'person' }]).map((m) => m.text)).toEqual(['朱某某']);
  });
});

describe('restoreOverConversion', () => {
  it('undoes S→T defaults that names rarely want, keeps the usual name spellings', () => {
    expect(restoreOverConversion('王徵')).toBe('王征');
    expect(restoreOverConversion('陳餘')).toBe('陳余');
    expect(restoreOverConversion('張範')).toBe('張范');
    expect(restoreOverConversion('馬雲')).toBe('馬雲');
    expect(restoreOverConversion('葉某')).toBe('葉某');
  });
});

describe('entity-consistency in one document', () => {
  const entity = (texts: string[], ctx = HANT) => byRule(runChecks(segs(...texts), ctx), 'entity-consistency');

  it('groups a misheard name and an over-converted one, fixing both to the restored form', () => {
    const f = entity(['對於後面財務的影響,交由CFO王震介紹生成式AI後續的增長預期。', '商湯的資產除了剛才王徵介紹的現金外,大量的資產在於算力。']);
    expect(f).toHaveLength(1);
    expect(f[0].group).toBe('entity:王:zheng');
    expect(places(f[0]).map((p) => [p.segmentId, p.text, p.fixes])).toEqual([
      [1, '王震', ['王征']],
      [2, '王徵', ['王征']],
    ]);
    expect(f[0].message).toContain('王征');
    expect(f[0].severity).toBe('warning');
  });

  it('groups same-sounding given names', () => {
    const f = entity(['首席財務官張偉表示,收入增長。', '張維指出,成本下降。', '張偉還稱,明年繼續。']);
    expect(f).toHaveLength(1);
    expect(f[0].text).toBe('張維'); // the primary location is the one to change
    expect(f[0].fixes.map((x) => x.replacement)).toEqual(['張偉']);
    expect(places(f[0]).map((p) => [p.segmentId, p.text, p.fixes[0] ?? null]).sort()).toEqual([
      [1, '張偉', null],
      [2, '張維', '張偉'],
      [3, '張偉', null],
    ]);
  });

  it('groups names one character apart in the same unique role, not in different roles', () => {
    expect(entity(['CFO李明表示,收入增長。', '首席財務官季明指出,成本下降。'])).toHaveLength(1);
    expect(entity(['CFO李明表示,收入增長。', '董事長季明指出,成本下降。'])).toHaveLength(0);
  });

  it('among thousands of other names (a list of recipients) still groups each kind of pair, and only those', () => {
    // 1,500 distinct people, each with a title, under ten surnames
    const crowd = Array.from({ length: 1500 }, (_, i) => `董事${'趙錢孫周吳鄭馮褚衛蔣'[i % 10]}${String.fromCharCode(0x5000 + ((i * 7919) % 8000))}${String.fromCharCode(0x5000 + ((i * 104729) % 8000))}表示同意。`);
    const f = entity([
      ...crowd.slice(0, 500),
      '交由CFO王震介紹增長預期。', // sounds alike (王徵 → 王征)
      ...crowd.slice(500, 1000),
      '剛才王徵介紹的現金。',
      'CFO李明表示,收入增長。', // one character apart in one unique role
      ...crowd.slice(1000),
      '首席財務官季明指出,成本下降。',
    ]);
    const groups = f.map((x) => [...new Set(places(x).map((p) => p.text))].sort().join('/'));
    expect(groups).toEqual(expect.arrayContaining(['季明/李明', '王徵/王震']));
    // (the crowd's own same-surname names that sound alike are grouped too, as in a short text; nothing else)
    for (const g of groups.filter((x) => x !== '季明/李明')) expect(new Set(g.split('/').map((n) => n[0])).size, g).toBe(1);
  });

  it('keeps different people apart', () => {
    expect(entity(['董事長兼首席執行官徐立在會上表示,集團實施了新的佈局。', '徐立指出,業務穩步發展。', '執行董事兼董事會秘書徐冰稱,展望明年。'])).toHaveLength(0);
    expect(entity(['CFO王某表示。', 'CEO李某表示。'])).toHaveLength(0);
  });

  it('needs one mention with strong evidence (a title, an honorific or the glossary)', () => {
    expect(entity(['徐某表示,收入增長。', '徐謀指出,成本下降。'])).toHaveLength(0);
    expect(entity(['徐某先生表示,收入增長。', '徐謀指出,成本下降。'])).toHaveLength(1);
  });

  it('uses the glossary term as the canonical form', () => {
    const glossary = [{ term: '王征', variants: ['王徵'], type: 'person' as const }];
    const f = byRule(runChecks(segs('交由CFO王震介紹。', '剛才王徵介紹的現金。'), { ...HANT, glossary }), 'entity-consistency');
    expect(f).toHaveLength(1);
    expect(places(f[0]).every((p) => p.fixes[0] === '王征')).toBe(true);
    // glossary variants alone are glossary-forbidden's business
    expect(byRule(runChecks(segs('剛才王徵介紹的現金。', 'CFO王征表示。'), { ...HANT, glossary }), 'entity-consistency')).toHaveLength(0);
  });

  it('works on Simplified documents', () => {
    const f = entity(['交由CFO王震介绍生成式AI后续的增长预期。', '刚才王征介绍的现金。', '王征还称,现金充裕。'], HANS);
    expect(f).toHaveLength(1);
    expect(places(f[0]).map((p) => [p.text, p.fixes[0] ?? null])).toEqual([
      ['王震', '王征'],
      ['王征', null],
      ['王征', null],
    ]);
  });
});

/**
 * Generated documents: other names substituted into a Simplified template, converted to
 * Traditional by OpenCC (so over-conversion happens as in real life), with one mention
 * misheard. The group must come out with the original name as the canonical spelling.
 */
describe('entity-consistency on generated documents', () => {
  const s2t = getConverter('s2t');
  const template = (chair: string, secretary: string, cfoHeard: string, cfo: string) =>
    [
      `近日,某科技公司召开业绩交流会。董事长兼首席执行官${chair}在会上表示,集团实施了新的产业布局。`,
      `${chair}指出,在新的业务分类下,集团以新业务为重点。`,
      `执行董事兼董事会秘书${secretary}称,展望明年,集团有三大目标。`,
      `对于后面财务的影响,交由首席财务官${cfoHeard}介绍后续的增长预期。`,
      `公司的资产除了刚才${cfo}介绍的现金外,大量的资产在于设备。`,
    ].map((t) => s2t.convert(t));

  const cases: { cfo: string; heard: string; canonical: string; sound: string }[] = [
    { cfo: '李征', heard: '李震', canonical: '李征', sound: 'entity:李:zheng' },
    { cfo: '陈余', heard: '陈宇', canonical: '陳余', sound: 'entity:陈:yu' },
    { cfo: '张范', heard: '张帆', canonical: '張范', sound: 'entity:张:fan' },
    { cfo: '何后', heard: '何厚', canonical: '何后', sound: 'entity:何:hou' },
    { cfo: '周于', heard: '周宇', canonical: '周于', sound: 'entity:周:yu' },
    { cfo: '孙征', heard: '孙正', canonical: '孫征', sound: 'entity:孙:zheng' },
  ];
  for (const c of cases) {
    it(`groups ${c.heard} / ${c.cfo} (after S→T) and suggests ${c.canonical}`, () => {
      const texts = template('黄立', '黄冰', c.heard, c.cfo);
      const converted = s2t.convert(c.cfo);
      expect(texts[4]).toContain(converted); // OpenCC over-converted the name
      const f = byRule(runChecks(segs(...texts), HANT), 'entity-consistency');
      expect(f).toHaveLength(1);
      expect(f[0].group).toBe(c.sound);
      const ps = places(f[0]);
      expect(ps.map((p) => p.text).sort()).toEqual([s2t.convert(c.heard), converted].sort());
      for (const p of ps) expect(p.fixes).toEqual([c.canonical]);
    });
  }

  it('finds the group when the over-converted spelling carries the title instead', () => {
    const texts = template('黄立', '黄冰', '李征', '李震');
    const f = byRule(runChecks(segs(...texts), HANT), 'entity-consistency');
    expect(f).toHaveLength(1);
    expect(places(f[0]).map((p) => p.fixes[0])).toEqual(['李征', '李征']);
  });
});

describe('runProjectEntityCheck', () => {
  const doc = (documentId: number, ...texts: string[]) => ({ documentId, segments: segs(...texts).map((s) => ({ ...s, id: documentId * 100 + s.id })) as CheckSegment[] });

  it('groups one person spelled differently in two documents', () => {
    const f = runProjectEntityCheck([doc(1, '首席執行官張明表示,收入增長。'), doc(2, '首席執行官張銘表示,成本下降。')], HANT);
    expect(f).toHaveLength(1);
    expect(places(f[0]).map((p) => p.text).sort()).toEqual(['張明', '張銘']);
    expect([f[0].documentId, ...f[0].related.map((r) => r.documentId)].sort()).toEqual([1, 2]);
  });

  it('reports one unique role held by differently named people in two documents', () => {
    const f = runProjectEntityCheck([doc(1, '首席財務官王某表示,收入增長。'), doc(2, 'CFO李強表示,成本下降。')], HANT);
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain('CFO');
    expect(f[0].fixes).toEqual([]);
    expect(f[0].related.map((r) => r.documentId)).toEqual([2]);
  });

  it('does not compare the roles of different companies, nor non-unique roles', () => {
    expect(runProjectEntityCheck([doc(1, '甲公司首席財務官王某表示,收入增長。'), doc(2, '乙集團首席財務官李強表示。')], HANT)).toHaveLength(0);
    expect(runProjectEntityCheck([doc(1, '執行董事王某表示,收入增長。'), doc(2, '執行董事李強表示。')], HANT)).toHaveLength(0);
  });

  it('is quiet when the documents agree', () => {
    expect(runProjectEntityCheck([doc(1, '首席執行官張明表示。'), doc(2, '首席執行官張明指出。')], HANT)).toHaveLength(0);
  });
});
