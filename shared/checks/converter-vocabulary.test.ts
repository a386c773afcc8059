import { describe, expect, it } from 'vitest';
import { getConverter } from '../text/convert';
import { configs as presetConfigs } from 'opencc-js/preset';
import { Analysis } from './analysis';
import { convertedByOpenCC } from './conversion';
import { TW_SHARED_SOURCES } from './data/twPhrasesShared';
import { runChecks, runProjectRules } from './index';
import { HANT, places, segs } from './testkit';
import type { CheckSegment } from './types';

const doc = (documentId: number, ...texts: string[]) => ({ documentId, segments: segs(...texts).map((s) => ({ ...s, id: documentId * 100 + s.id })) as CheckSegment[] });
const vocabulary = (docs: ReturnType<typeof doc>[]) =>
  runProjectRules(docs, { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.messageData.key === 'conversion.vocabulary');
/** A Taiwan writer's sentence through OpenCC's round trip with Taiwan phrasing (s2twp). */
const s2twp = (t: string) => getConverter('s2twp').convert(getConverter('t2s').convert(t));

describe("conversion-ambiguity: the converter's Taiwan vocabulary across a project", () => {
  const release = '物流商今天表示，倉儲設備更新完成，出貨數據優於預期。';
  const story = '分析師認為倉儲設備更新後，出貨數據將持續改善。';

  it("reports the word s2twp wrote for the one another document writes (裝置 for 設備), fix to it", () => {
    // one such word only: the document's own evidence is an info, the project's a warning
    const localised = s2twp('物流商今天表示，倉儲設備更新完成，出貨量優於預期。');
    expect(localised).toContain('裝置');
    const f = vocabulary([doc(1, localised), doc(2, story)]);
    expect(f.map((x) => [x.text, x.documentId, x.fixes[0].replacement])).toEqual([['裝置', 1, '設備']]);
    expect(places(f[0])).toHaveLength(1);
  });

  it('is one finding per place, each with its own fix, no group and no fix all (a writer may have chosen the word)', () => {
    const localised = s2twp('物流商今天表示，倉儲設備更新完成，備用設備也已到貨，出貨量優於預期。');
    const f = vocabulary([doc(1, localised), doc(2, story)]);
    expect(f.map((x) => [x.text, x.start, x.related.length, x.group, x.fixes.map((y) => [y.start, y.replacement])])).toEqual([
      ['裝置', localised.indexOf('裝置'), 0, undefined, [[localised.indexOf('裝置'), '設備']]],
      ['裝置', localised.lastIndexOf('裝置'), 0, undefined, [[localised.lastIndexOf('裝置'), '設備']]],
    ]);
    expect(f[0].message).toContain('Each place is a finding of its own (2 here): check this one');
  });

  it('also where the other document writes both words, but the source in the same words around it', () => {
    const f = vocabulary([doc(1, s2twp('出貨數據優於預期。')), doc(2, '出貨數據優於預期，客戶資料也已更新。')]);
    expect(f.map((x) => [x.text, x.fixes[0].replacement])).toEqual([['資料', '數據']]);
  });

  it('leaves a document that writes any of the source words (not localised by s2twp), a lone document, and agreeing documents alone', () => {
    // the writer's own 資料 beside the writer's 設備: the converter would have replaced 設備 too
    expect(vocabulary([doc(1, '倉儲設備更新完成，出貨資料優於預期。'), doc(2, story)])).toEqual([]);
    expect(vocabulary([doc(1, s2twp(release))])).toEqual([]);
    expect(vocabulary([doc(1, s2twp(release)), doc(2, s2twp(story))])).toEqual([]);
    // the other document writes the Taiwan word too, in other words: no disagreement to see
    expect(vocabulary([doc(1, '客戶資料已更新。'), doc(2, '出貨數據優於預期，客戶資料也已更新。')])).toEqual([]);
  });
});

describe("conversion-ambiguity: the converter's Taiwan vocabulary inside one document", () => {
  /** Our own Taiwan writing: 設備, 數據, 項目 are a Taiwan writer's words; 台, 公布, 裡 are not what OpenCC writes. */
  const writer = [
    '新竹一家半導體設備商今天公布第三季財報，營收年增18%，主要來自先進封裝設備出貨。',
    '公司表示，客戶端的庫存數據已見改善，今年新建的廠房項目也按進度推進。',
    '財務長指出，台灣與日本的訂單數據顯示，工廠裡的設備明年仍需擴充。',
  ];
  const documentWords = (texts: string[]) =>
    runChecks(segs(...texts), { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.messageData.key === 'conversion.vocabulary.document' || f.messageData.key === 'conversion.vocabulary.hong-kong');
  const s2tw = (t: string) => getConverter('s2tw').convert(getConverter('t2s').convert(t));

  it('reports each word s2twp wrote for a word Taiwan writes too at every place, one finding per place with its own fix (warning: several such words)', () => {
    const texts = writer.map(s2twp);
    const f = documentWords(texts);
    // (runChecks lists findings in text order)
    const byWord = (w: string) => f.filter((x) => x.text === w).map((x) => [x.severity, x.fixes.map((y) => y.replacement)]);
    expect(f).toHaveLength(6);
    expect(byWord('裝置')).toEqual([['warning', ['設備']], ['warning', ['設備']], ['warning', ['設備']]]);
    // 資料 is as likely the writer's own (TW_SHARED_WEAK_SOURCES): information, and no evidence for the others
    expect(byWord('資料')).toEqual([['info', ['數據']], ['info', ['數據']]]);
    expect(byWord('專案')).toEqual([['warning', ['項目']]]);
    // no group and no related places: the panel offers Fix for the place and never Fix all
    expect(f.every((x) => x.group === undefined && x.related.length === 0)).toBe(true);
    // each fix is the place's own span (segment ids of segs() are 1, 2, …)
    for (const x of f) {
      expect(texts[x.segmentId - 1].slice(x.start, x.end)).toBe(x.text);
      expect(x.fixes.every((y) => y.start === x.start && y.end === x.end)).toBe(true);
    }
    expect(new Set(f.map((x) => `${x.segmentId}:${x.start}`)).size).toBe(6);
    expect(f.find((x) => x.text === '裝置')!.messageData.params).toMatchObject({ word: '裝置', source: '設備', count: 3 });
    // the message says each place must be checked
    expect(f[0].message).toContain('about 4 in 10 such places are the writer');
    expect(f[0].message).toContain('check this one in its sentence');
  });

  it('in a document written for Taiwan, the words its writers write in their own right (資料, 連線, 設定) are information', () => {
    const tw = ['電信業者今天公布第三季營收，年增5%，物聯網連線數達312萬個，5G設備投資持續。', '總經理說，全年用戶目標由年初設定的580萬戶上修，新建項目如期推進，資料中心營收成長。'];
    const f = documentWords(tw.map(s2twp));
    expect([...new Set(f.map((x) => `${x.text} ${x.severity}`))].sort()).toEqual(['使用者 warning', '專案 warning', '裝置 warning', '設定 info', '資料 info', '連線 info']);
    // money remitted in and out (外資匯出) is Taiwan's own 匯出, whatever s2twp writes for 導出
    const market = ['據證交所資料，外資本週賣超台股612億元，外資持續匯出，新台幣兌美元收在32.4元。', '外資本週淨匯出約18億美元，央行表示匯市穩定，台股成交值放大。'];
    expect([...new Set(documentWords(market.map(s2twp)).map((x) => `${x.text} ${x.severity}`))].sort()).toEqual(['匯出 info', '資料 info']);
  });

  it('a Hong Kong writer writes 數據 and 聯繫: in a document written for Hong Kong s2twp’s 資料 and 聯絡 stay as found', () => {
    const hk = ['集團今日公布全年業績，收入按年增長12%至86.5億港元，主要來自數據中心及設備租賃業務。', '行政總裁表示，香港的數據中心項目將如期完成，並會與客戶保持聯繫。'];
    const f = documentWords(hk.map(s2twp));
    expect([...new Set(f.map((x) => `${x.text} ${x.severity}`))].sort()).toEqual(['專案 warning', '聯絡 warning', '裝置 warning', '資料 warning']);
  });

  it('in a document written for Hong Kong, every word s2twp wrote where Hong Kong writes the mainland word (智慧 for 智能, 網路 for 網絡), but for its own (資訊科技)', () => {
    const hk = [
      '華澤智能科技控股有限公司（股份代號：2651）今日公布全年業績，收入按年增長12%至86.5億港元。',
      '集團於聯交所主板上市，智能家電業務收益增長，分銷網絡覆蓋香港及內地，並投資資訊科技系統。',
    ];
    const converted = hk.map(s2twp);
    expect(converted.join('')).toContain('智慧');
    const f = documentWords(converted);
    expect([...new Set(f.map((x) => `${x.text} ${x.severity}`))].sort()).toEqual(['主機板 warning', '智慧 warning', '網路 warning']);
    expect(f.find((x) => x.text === '智慧')?.fixes.map((x) => x.replacement)).toEqual(['智能']);
    expect(f.find((x) => x.text === '智慧')?.messageData.key).toBe('conversion.vocabulary.hong-kong');
    // the same words in a document written for Taiwan are Taiwan's own
    const tw = ['華澤智慧科技公司（2651）今（10）日公布10月合併營收新臺幣12億元，年增12%。', '公司表示，智慧家電業務成長，通路網路涵蓋全臺，並於上櫃主機板掛牌。'];
    expect(documentWords(tw.map(s2twp))).toEqual([]);
  });

  it('still recognises s2twp output holding a word that is a source of one entry and what s2twp writes for another (文件 for 文檔)', () => {
    const f = documentWords([...writer, '相關說明文檔已上傳至公司網站。'].map(s2twp));
    expect([...new Set(f.map((x) => x.text))]).toEqual(['裝置', '資料', '專案']);
  });

  it('is an info only where one such word stands (a short text: too little to tell s2twp from a writer)', () => {
    const f = documentWords([s2twp('公司表示，客戶端的庫存數據已見改善，訂單數據顯示需求回溫。')]);
    expect(f.map((x) => [x.text, x.severity])).toEqual([
      ['資料', 'info'],
      ['資料', 'info'],
    ]);
  });

  it("leaves the writer's own text, the other converters' output, and a text that keeps a source word alone", () => {
    // the writer's Taiwan words (資料, 專案, 軟體) in a text that is no converter's output
    const own = ['台北一家軟體公司今天公布上半年財報，營收年增12%。', '公司說，新的資料中心專案進度順利，店裡的客戶資料也已完成備份。'];
    expect(convertedByOpenCC(own.map((t) => new Analysis(segs(t)[0], HANT)))).toBe(false);
    expect(documentWords(own)).toEqual([]);
    // s2tw keeps the writer's 設備, 數據: nothing was replaced
    expect(documentWords(writer.map(s2tw))).toEqual([]);
    // a source word whose Taiwan word the document never writes: a writer's (s2twp would have replaced it)
    const withSource = writer.map(s2twp);
    withSource[2] = withSource[2].replace('。', '，用戶反應良好。');
    expect(documentWords(withSource)).toEqual([]);
  });

  it("keeps reporting the other places after the reviewer puts the source back at one (設備 for one 裝置)", () => {
    const edited = writer.map(s2twp);
    edited[2] = edited[2].replace('裝置', '設備');
    const f = documentWords(edited);
    expect(f.map((x) => x.text).sort()).toEqual(['裝置', '裝置', '資料', '資料', '專案'].sort());
  });

  it('never reports a word whose source is mainland usage with a Taiwan counterpart (伺服器 for 服務器, 晶片 for 芯片)', () => {
    const f = documentWords(
      ['桃園一家伺服器代工廠今天公布營收，晶片供應吃緊，AI伺服器出貨年增三成。', '公司表示，客戶端的庫存數據已見改善，新建的廠房項目按進度推進，設備採購不變。'].map(s2twp),
    );
    expect([...new Set(f.map((x) => x.text))]).toEqual(['資料', '專案', '裝置']);
  });

  it("takes s2tw's Taiwan variant forms as a sign, not s2t's (爲, 裏: OpenCC's standard forms)", () => {
    const text = ['公司表示，爲因應需求，工廠裏的設備將擴充，庫存數據也已改善，項目如期推進。'];
    const viaS2t = text.map((t) => getConverter('s2t').convert(getConverter('t2s').convert(t)));
    const as = (ts: string[]) => ts.map((t, i) => new Analysis({ ...segs(t)[0], id: i + 1 }, HANT));
    expect(convertedByOpenCC(as(viaS2t))).toBe(true);
    expect(convertedByOpenCC(as(viaS2t), ['s2tw'])).toBe(false);
    expect(convertedByOpenCC(as(text.map(s2twp)), ['s2tw'])).toBe(true);
  });

  it('the project check does not repeat a word the document warns about by itself', () => {
    const story = '分析師表示，設備採購與訂單數據都優於預期。';
    const f = vocabulary([doc(1, ...writer.map(s2twp)), doc(2, story)]);
    // 裝置 is the document's own warning; its 資料 only an information there, which the other document's 數據 makes a warning
    expect([...new Set(f.map((x) => [x.text, x.severity].join(' ')))]).toEqual(['資料 warning']);
  });

  it('every listed source is a key of s2twp’s phrase table (TWPhrases)', () => {
    const chain = (presetConfigs as unknown as Record<string, { conversionChain: readonly (readonly unknown[])[] }>).s2twp.conversionChain;
    const keys = new Set((chain[1] as readonly (string | readonly (readonly string[])[])[]).flatMap((d) => (typeof d === 'string' ? d.split('|').map((e) => e.split(' ')[0]) : d.map((e) => e[0]))));
    expect(TW_SHARED_SOURCES.filter((w) => !keys.has(w))).toEqual([]);
  });
});

describe("s2twp's phrase cutting across a word (零組件 → 零元件)", () => {
  const crossing = (...texts: string[]) =>
    runChecks(segs(...texts), { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.messageData.key === 'conversion.vocabulary.crosses-word');

  it('finds the Taiwan word that broke a longer word, grouped with fix all, in any document', () => {
    // (a document that keeps a source word, 數據: not s2twp's output as a whole, so only this rule speaks)
    const s2twp = getConverter('s2twp').convert('台湾相关零组件厂商的评价普遍上升，电子零组件出货增加。') + '另據統計數據顯示。';
    expect(s2twp).toContain('零元件');
    const found = crossing(s2twp);
    const [f] = found;
    expect(f).toMatchObject({ text: '元件', severity: 'warning', fixes: [{ replacement: '組件' }] });
    expect(f.messageData.params).toMatchObject({ word: '元件', source: '組件', whole: '零組件', broken: '零元件' });
    // one group (the panel's one card with fix all), a place each
    expect(found.map((p) => p.start)).toEqual([s2twp.indexOf('零元件') + 1, s2twp.lastIndexOf('零元件') + 1]);
    expect(new Set(found.map((p) => p.group)).size).toBe(1);
  });

  it("in s2twp's output as a whole, the place carries both reasons, as a warning", () => {
    const s2twp = getConverter('s2twp').convert('台湾相关零组件厂商的评价普遍上升，电子零组件出货增加。');
    const at = runChecks(segs(s2twp), { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.text === '元件');
    expect(at.map((f) => [f.severity, f.messageData.key])).toEqual([
      ['warning', 'place.reasons'],
      ['warning', 'place.reasons'],
    ]);
    expect((at[0].messageData.params.reasons as { key: string }[]).map((r) => r.key)).toEqual(['conversion.vocabulary.crosses-word', 'conversion.vocabulary.document']);
  });

  it('is quiet where the word stands on its own or the writer wrote the source', () => {
    expect(crossing('光纖被動元件廠嘉晴通訊表示，資料中心需求強勁。')).toEqual([]);
    expect(crossing('臺灣相關零組件廠商的評價普遍上升。')).toEqual([]);
    expect(crossing('公司擴建資料庫與資料中心。')).toEqual([]);
  });
});
