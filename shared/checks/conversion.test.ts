import { describe, expect, it } from 'vitest';
import { runChecks, checkSegment } from './index';
import { Analysis } from './analysis';
import { convertedByOpenCC } from './conversion';
import { getConverter } from '../text/convert';
import { HANS, HANT, byRule, places, segs } from './testkit';
import type { CheckContext, CheckSegment, RuleId } from './types';

const run = (rule: RuleId, texts: string[], ctx: CheckContext = HANT) => byRule(runChecks(segs(...texts), { ...ctx, rules: [rule] }), rule);
const amb = (text: string, ctx: CheckContext = HANT) => run('conversion-ambiguity', [text], ctx);
const at = (text: string, ch: string, from = 0) => text.indexOf(ch, from);
const analysesFor = (segments: CheckSegment[], ctx: CheckContext = HANT) => segments.map((seg) => new Analysis(seg, ctx));
const analysesOf = (texts: string[], ctx: CheckContext = HANT) => analysesFor(segs(...texts), ctx);

describe('conversion-ambiguity', () => {
  it('gives the same advice on the same phrase one group key, across segments, and different advice another', () => {
    const t = '一個是公有云,一個是私有云。';
    const f = run('conversion-ambiguity', [t, t]).filter((x) => x.text === '云' && x.severity === 'warning');
    expect(f.length).toBeGreaterThanOrEqual(2);
    const firstSeg = f.filter((x) => x.segmentId === f[0].segmentId);
    const same = f.filter((x) => x.message === f[0].message);
    expect(new Set(same.map((x) => x.segmentId)).size).toBe(2);
    expect(new Set(same.map((x) => x.group)).size).toBe(1);
    expect(same[0].group).toMatch(/^conversion-ambiguity:云>/);
    const other = f.find((x) => x.message !== f[0].message);
    if (other) expect(other.group).not.toBe(f[0].group);
    expect(firstSeg.length).toBeGreaterThan(0);
  });

  it('flags an over-converted character in a person’s name and suggests the plain form', () => {
    const t = '交由CFO李徵介紹後續的增長預期。';
    const f = amb(t).filter((x) => x.severity !== 'info');
    expect(f).toHaveLength(1);
    expect([f[0].start, f[0].text, f[0].severity]).toEqual([at(t, '徵'), '徵', 'warning']);
    expect(f[0].fixes.map((x) => x.replacement)).toEqual(['征']);
    expect(f[0].message).toContain('李征');
  });

  it('flags 餘/範/於 in the surname position', () => {
    for (const [t, ch, want] of [
      ['董事長餘光中表示,詩歌不死。', '餘', '余'],
      ['首席執行官範偉表示,收入增長。', '範', '范'],
      // a Hong Kong analyst (分析員) named, then 認為: 于 over-converted to 於
      ['證券分析員於嘉文認為，息差仍受壓。', '於', '于'],
    ] as const) {
      const f = amb(t).filter((x) => x.start === at(t, ch));
      expect(f.map((x) => [x.severity, x.fixes[0]?.replacement])).toEqual([['warning', want]]);
    }
    // 於 after a title is the preposition before a time or place: no surname warning; 周一's 週 still found
    expect(amb('律師於庭上表示，將上訴。').filter((x) => x.severity === 'warning')).toEqual([]);
    expect(amb('首席策略師於周一表示，美股反彈。').filter((x) => x.severity === 'warning').map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([['周', '週']]);
  });

  it('flags a region’s form of an over-converted default in a name (s2tw’s 裡 for OpenCC’s 裏 in 沈里安), not outside names', () => {
    const t = getConverter('s2tw').convert(getConverter('t2s').convert('執行長沈里安表示，這裡的新廠明年量產。'));
    expect(t).toContain('沈裡安');
    const f = amb(t).filter((x) => x.severity === 'warning');
    expect(f.map((x) => [x.start, x.text, x.fixes[0]?.replacement, x.messageData?.key])).toEqual([[t.indexOf('裡'), '裡', '里', 'conversion.name.given']]);
    // the 裡 of 這裡 is no name's
    expect(amb('公司表示，這裡的新廠明年量產。').filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('leaves names alone that OpenCC’s phrase list knows (范冰冰, 魏徵)', () => {
    expect(amb('范冰冰表示,電影很好。').filter((f) => f.severity !== 'info')).toEqual([]);
    expect(amb('魏徵表示,以人爲鏡。').filter((f) => f.severity !== 'info')).toEqual([]);
    // …but the text going against the phrase list is flagged
    const t = '範冰冰表示,電影很好。';
    const f = amb(t);
    expect(f.map((x) => [x.start, x.severity, x.fixes[0]?.replacement])).toEqual([[0, 'warning', '范']]);
  });

  it('leaves usual Traditional name spellings alone (馬雲, 葉某)', () => {
    expect(amb('總裁兼CEO馬雲表示,公司很好。').filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('flags a phrase match that cuts across a word (公有云) and an overlapping word OpenCC passed over (有云端)', () => {
    const t = 'AI有云端的公有云模式,私有云的服務。';
    const f = amb(t);
    expect(f.map((x) => [x.start, x.text, x.severity, x.fixes[0]?.replacement])).toEqual([
      [at(t, '云'), '云', 'warning', '雲'],
      [at(t, '云', at(t, '云') + 1), '云', 'warning', '雲'],
      [at(t, '私有云') + 2, '云', 'warning', '雲'],
    ]);
  });

  it('leaves a phrase crossing a word where a shorter phrase of its own, clear of that word, writes the same form (签约|金额)', () => {
    // OpenCC's 签约金 → 簽約金 runs into 金額, but 签约 → 簽約 is a phrase of its own: 簽 stands
    const t = getConverter('s2t').convert('本季新签约户数1540户，签约金额约41亿元。');
    expect(t).toContain('簽約金額');
    expect(amb(t).filter((x) => x.severity !== 'info' && x.text === '簽')).toEqual([]);
    // the crossing phrase with no shorter phrase of its own is still flagged (公有云 across 有云)
    expect(amb('私有云的服務。').filter((x) => x.severity === 'warning').map((x) => x.text)).toEqual(['云']);
  });

  it('flags a phrase that took the first character of the next word (单月|历史: 月历 → 月曆 leaves 單月曆史), not the text once fixed', () => {
    const t = getConverter('s2t').convert('营收改写单月历史新高纪录，本月历史数据亦同。');
    expect(t).toContain('單月曆史');
    const f = amb(t).filter((x) => x.severity === 'warning');
    expect(f.map((x) => [x.start, x.text, x.fixes[0]?.replacement, x.messageData?.key])).toEqual([
      [t.indexOf('曆史'), '曆', '歷', 'conversion.overlapping-phrase'],
      [t.indexOf('曆史', t.indexOf('曆史') + 1), '曆', '歷', 'conversion.overlapping-phrase'],
    ]);
    expect(amb('營收改寫單月歷史新高紀錄，本月歷史數據亦同。').filter((x) => x.severity !== 'info')).toEqual([]);
    // a calendar is left alone: 月曆 is the word there, nothing after it is orphaned
    expect(amb('公司印製了新年月曆和桌曆。').filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('flags a passed-over phrase the text still spells in Simplified (新制|程 for 新|製程), not a Traditional word of its own (併行, 盡快)', () => {
    const t = getConverter('s2t').convert('主要受惠于产能利用率回升及新制程良率改善。');
    expect(t).toContain('新制程');
    expect(amb(t).filter((x) => x.severity === 'warning').map((x) => [x.text, x.fixes[0]?.replacement, x.messageData?.key])).toEqual([['制', '製', 'conversion.overlapping-phrase']]);
    expect(amb('主要受惠於產能利用率回升及新製程良率改善。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('採詢價圈購與公開申購併行方式辦理。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('董事會會盡快透過法律途徑處理。').filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('does not flag the fixed 有雲端 again: the classical 有云 cuts into the text’s 雲端, even where ICU reads the replay as 有|云|端的', () => {
    const t = '從商業模式上，生成式AI有云端的公有云模式。';
    expect(amb(t).filter((f) => f.severity !== 'info').map((f) => [f.start, f.fixes[0]?.replacement])).toEqual([
      [t.indexOf('有云端') + 1, '雲'],
      [t.indexOf('公有云') + 2, '雲'],
    ]);
    expect(amb('從商業模式上，生成式AI有雲端的公有雲模式。').filter((f) => f.severity !== 'info')).toEqual([]);
    // where 有云 is the phrase ('it is said'), the text going against it is still reported
    expect(amb('古人有雲，學無止境。').filter((f) => f.severity === 'warning').map((f) => f.fixes[0]?.replacement)).toEqual(['云']);
  });

  it('does not flag a correct fix again: once 云 is 雲, the phrase that cut across the word does not speak against it', () => {
    // OpenCC's own output: its phrase 有云 ('it is said') keeps 云 inside 公有云
    const t = getConverter('s2t').convert('这家公司把数据库迁到公有云以后，成本下降了。');
    const before = amb(t).filter((f) => f.severity !== 'info');
    expect(before.map((f) => [f.text, f.fixes[0]?.replacement])).toEqual([['云', '雲']]);
    const fixed = t.slice(0, before[0].start) + '雲' + t.slice(before[0].end);
    expect(amb(fixed).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(amb('我們的公有雲和私有雲收入都在擴張。').filter((f) => f.severity !== 'info')).toEqual([]);
    // where the phrase is the word, the text going against it is still reported
    const t2 = '古人有雲，學無止境。';
    expect(amb(t2).map((f) => [f.start, f.severity, f.fixes[0]?.replacement])).toEqual([[at(t2, '雲'), 'warning', '云']]);
  });

  it('a fix it suggests is not flagged again (converter output of sentences written for this test)', () => {
    const simplified = [
      '这家公司把数据库迁到公有云以后，成本下降了。',
      '公司的私有云和混合云方案都已上线。',
      '财务总监范小明介绍了公司的发展计划。',
      '董事长余建华表示，公司将继续扩大产能。',
      '首席执行官于立表示，收入增长很快。',
    ];
    let fixes = 0;
    for (const s of simplified) {
      const t = getConverter('s2t').convert(s);
      for (const f of amb(t).filter((x) => x.severity !== 'info' && x.fixes.length)) {
        const fx = f.fixes[0];
        const fixed = t.slice(0, fx.start) + fx.replacement + t.slice(fx.end);
        const again = amb(fixed).filter((y) => y.severity !== 'info' && y.start < fx.end && y.end > fx.start);
        expect(again, `${t}: ${f.text} → ${fx.replacement}`).toEqual([]);
        fixes++;
      }
    }
    expect(fixes).toBeGreaterThanOrEqual(4);
  });

  it('still flags text that goes against a phrase that is a word here (頭發 for 頭髮)', () => {
    const t = '她把頭發剪短了。';
    const f = amb(t).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.start, x.fixes[0]?.replacement])).toEqual([[at(t, '發'), '髮']]);
  });

  it('leaves 云 alone where OpenCC’s phrase is right (古人有云, 人云亦云)', () => {
    expect(amb('古人有云,人云亦云。')).toEqual([]);
  });

  it('errors where OpenCC’s usage notes give another form for the word', () => {
    const t = '他買了兩包面粉,並在網上發佈。';
    const f = amb(t);
    expect(f.map((x) => [x.start, x.severity, x.fixes[0]?.replacement])).toEqual([[at(t, '面'), 'error', '麪']]);
    expect(f[0].message).toContain('麪粉');
  });

  it('accepts Taiwan’s standard form against OpenCC’s usage notes and phrases (發布, 公布, 回流, 週邊, 槓桿)', () => {
    expect(amb('主計總處今日發布統計,金管會公布新制,外資回流,電腦週邊設備,避免過度使用槓桿。').filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('trusts OpenCC’s phrase entry for the very word over an odd usage-note example (幸運 not 倖運, 鑑定 not 鑒定, 反覆, 攻克)', () => {
    expect(amb('11月幸運博彩毛收入為184.6億澳門元。').filter((f) => f.severity !== 'info')).toEqual([]);
    expect(amb('公司委請鑑價機構鑑定資產，並借鑑同業經驗，反覆測試後攻克良率瓶頸。').filter((f) => f.severity !== 'info')).toEqual([]);
    // where no phrase decides the word, the note still tells the converter's default wrong (沖牛奶, not 衝牛奶)
    expect(amb('早餐時衝牛奶喝。').map((f) => [f.text, f.severity, f.fixes[0].replacement])).toEqual([['衝', 'error', '沖']]);
  });

  it('accepts Hong Kong’s 佔 against OpenCC’s phrase 应占 → 應占 (應佔溢利), in any document', () => {
    const hk = '本公司股東應佔溢利為52.6億港元，按年增長11.4%。';
    expect(amb(hk).filter((f) => f.severity !== 'info')).toEqual([]);
    expect(amb('本集團應佔代價約人民幣171億元。').filter((f) => f.severity !== 'info')).toEqual([]);
    // …while a converter's wrong form in the same sentence is still reported (the phrase 头发 wants 髮)
    expect(amb('本公司股東應佔溢利上升，主席頭發花白。').filter((f) => f.severity !== 'info').map((f) => f.text)).toEqual(['發']);
  });

  it('accepts Hong Kong’s 周 for the week (本周) in a document written for Hong Kong only: elsewhere it is what a converter without the phrase writes', () => {
    const hk = ['恒生指數收市報23,418點，主板成交額為1,582億港元。', '恒指本周累計上升412點，港股通淨流入78.6億港元。'];
    expect(run('conversion-ambiguity', hk).filter((f) => f.severity !== 'info')).toEqual([]);
    // one segment checked alone (an edit) reads its own wording
    expect(checkSegment(segs(hk[1])[0], HANT).filter((f) => f.rule === 'conversion-ambiguity' && f.severity !== 'info')).toEqual([]);
    // the project's variant says Hong Kong
    expect(amb('本周股價上漲。', { script: 'hant', variant: 'hk' }).filter((f) => f.severity !== 'info')).toEqual([]);
    const tw = ['加權指數收盤上漲182點，成交金額為新台幣5,286億元。', '加權指數本周累計上漲412點，外資買超新台幣118億元。'];
    expect(run('conversion-ambiguity', tw).map((f) => [f.text, f.fixes[0].replacement])).toEqual([['周', '週']]);
    expect(amb('本周股價上漲。').map((f) => [f.text, f.fixes[0].replacement])).toEqual([['周', '週']]);
  });

  it('accepts a character kept as Simplified writes it against a phrase cutting into a name (處長于…)', () => {
    expect(amb('業務處長于明德表示,新品下月上市。').filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('flags the character-table default another converter left against a phrase (托管 → 託管, 制程 → 製程): what any converter writes where its phrase table has a gap', () => {
    for (const [t, ch, want] of [
      ['資料中心托管營收成長三成。', '托', '託'],
      ['業者擴充先進制程產能。', '制', '製'],
      ['籌碼開始松動,外資在周五調節持股。', '松', '鬆'],
    ] as const) {
      const f = amb(t).filter((x) => x.severity === 'warning');
      expect(f.map((x) => [x.start, x.fixes[0]?.replacement])[0]).toEqual([at(t, ch), want]);
      expect(f[0].messageData.key).toBe('conversion.phrase');
    }
    expect(amb('外資在周五調節持股。').filter((x) => x.severity === 'warning').map((x) => x.fixes[0].replacement)).toEqual(['週']);
  });

  it('leaves a non-default form against a phrase writing the default where no phrase writes it there (自製, 日昇 in a company name): no converter wrote it', () => {
    expect(amb('本季自製晶片的比重提高至四成。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('光電廠日昇精密今日公布營收。').filter((x) => x.severity !== 'info')).toEqual([]);
    // another phrase over the place writes it (断发 → 斷髮, 电表 → 電錶): a converter's overlapping phrase, still flagged
    for (const [t, ch, want] of [
      ['觀光產業不斷髮展，帶動飯店投資。', '髮', '發'],
      ['萬用電錶的出貨量成長。', '錶', '表'],
    ] as const) {
      const f = amb(t).filter((x) => x.severity === 'warning');
      expect(f.map((x) => [x.start, x.fixes[0]?.replacement])).toEqual([[at(t, ch), want]]);
    }
  });

  it('leaves the text’s own word inside a phrase of the other sense alone (回復 restore against 回复’s 回覆 reply), unless another phrase writes it there', () => {
    expect(amb('投資收益率仍未回復至疫情前的水準。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('公司已恢復生產，產能回復八成。').filter((x) => x.severity !== 'info')).toEqual([]);
    // the form the phrase writes where the text's form makes no word of its own: still reported
    const f = amb('請在三個工作天內回複客戶的查詢。').filter((x) => x.severity === 'warning');
    expect(f.map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([['複', '覆']]);
    // 電錶 is a word, but the overlapping phrase 电表 → 電錶 is a converter's way to it: still reported
    expect(amb('萬用電錶的出貨量成長。').filter((x) => x.severity === 'warning').map((x) => x.fixes[0]?.replacement)).toEqual(['表']);
  });

  it('takes 周轉 as Taiwan writes it (the dictionary’s form), a given name’s 樑 (國樑, 嘉樑) as a name writes it, and 合作夥伴 against OpenCC’s odd 合作伙伴', () => {
    expect(amb('存貨周轉天數由上季的95天降至88天，周轉金充足。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('行政總裁鄧嘉樑表示，上半年新業務價值增長。').filter((x) => x.severity !== 'info')).toEqual([]);
    // Taiwan's 合作夥伴 against OpenCC's odd 合作伙伴 (its own 伙伴 writes 夥伴)
    expect(amb('集團與銀行保險合作夥伴續約。').filter((x) => x.severity !== 'info')).toEqual([]);
    // a name's over-converted character is still reported
    expect(amb('財務長李徵表示，毛利率改善。').filter((x) => x.severity === 'warning').map((x) => x.fixes[0]?.replacement)).toEqual(['征']);
  });

  it('finds a name’s over-converted character after thousands of names in one segment (a list pasted as one line)', () => {
    const names = Array.from({ length: 1500 }, (_, i) => `董事${'張陳林黃'[i % 4]}${'大小中'[i % 3]}明`).join('、');
    const t = `${names}、財務長李徵表示毛利率改善`;
    const f = amb(t).filter((x) => x.severity === 'warning' && x.text === '徵');
    expect(f.map((x) => [x.start, x.fixes[0]?.replacement])).toEqual([[t.lastIndexOf('徵'), '征']]);
  });

  it('leaves a kept default alone where the phrase’s form makes no word or the word is Taiwan’s (折合, not OpenCC’s 摺合), and a kept non-default (寶丰)', () => {
    expect(amb('新契約保費約折合新台幣61億元。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('寶丰證券投資顧問公司表示,下週震盪。').filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('with no phrase behind the default, flags it where another form makes a word and it makes none (預托 → 預託)', () => {
    const t = '相關款項已預托給銀行。';
    const f = amb(t).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.start, x.severity, x.fixes.map((y) => y.replacement)])).toEqual([[at(t, '托'), 'warning', ['託']]]);
    expect(f[0].messageData).toEqual({ key: 'conversion.other-form-word', params: { c: '托', s: '托', forms: '托/託', word: '預託' } });
  });

  it('the formal 係 (is, because) turned into 系 before 依/因, not a 系 that ends a word', () => {
    const t = '上述估計系依現有資料計算,價格上漲系因原料成本增加。';
    expect(amb(t).filter((f) => f.severity !== 'info').map((x) => [x.start, x.fixes[0].replacement])).toEqual([[at(t, '系'), '係'], [t.lastIndexOf('系'), '係']]);
    expect(amb('本集團體系依規定辦理,此一派系因利益分裂,資工系依規定招生。').filter((f) => f.severity !== 'info')).toEqual([]);
    // before a definition or an agent, and after the formal copula's adverbs (主要系 → 主要係)
    const u = '失業者增加主要系暑期畢業生投入職場，本辦法所稱收入系指薪資所得。';
    const g = amb(u).filter((f) => f.severity !== 'info');
    expect(g.map((x) => [x.start, x.fixes[0].replacement])).toEqual([[u.indexOf('系'), '係'], [u.lastIndexOf('系'), '係']]);
    expect(g[0].messageData).toEqual({ key: 'conversion.copula.after', params: { c: '系', adverb: '主要', word: '主要系', fixed: '主要係' } });
    // a department (本系, 該系) and a word of 系 (系統, 系列) are not the copula
    expect(amb('本系由三位教授組成，該系為全國第一；系統主要系列產品已上市。').filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('回覆 (reply), every converter’s 回复, before a level or trend recovered to is 回復; a reply stays', () => {
    const t = '旅客量已經回覆至疫情前約九成，同店銷售可回覆輕微增長，經濟逐步回覆正常。';
    const f = amb(t).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.start, x.text, x.fixes.map((y) => y.replacement)])).toEqual([
      [t.indexOf('覆'), '覆', ['復']],
      [t.indexOf('覆', t.indexOf('覆') + 1), '覆', ['復']],
      [t.lastIndexOf('覆'), '覆', ['復']],
    ]);
    expect(f[0].messageData).toEqual({ key: 'conversion.sense-cue', params: { word: '回覆', fixed: '回復', cue: '至' } });
    // replies, and a writer's own 回復
    expect(amb('公司已回覆查詢，並回覆記者提問，稱會於到期前回覆到期安排。').filter((x) => x.severity !== 'info')).toEqual([]);
    expect(amb('需求已回復至疫情前水平。').filter((x) => x.severity !== 'info')).toEqual([]);
  });

  it('accepts the Taiwan/Hong Kong form of a phrase (剛才 for OpenCC’s 剛纔)', () => {
    expect(amb('在剛才第一個能力談到。')).toEqual([]);
  });

  it('shows the character-table default as a low-ranked lens, with the alternatives', () => {
    const t = '怎樣在上面布好軟件。';
    const f = amb(t);
    expect(f.map((x) => [x.start, x.severity, x.fixes.map((y) => y.replacement)])).toEqual([[at(t, '布'), 'info', ['佈']]]);
  });

  it('shows no lens on a function word standing alone by grammar (須 "must", 於 "at", 並, 只 …): its other forms are a beard, a name', () => {
    expect(amb('公司須於三個月內提交報告。')).toEqual([]);
    expect(amb('集團於年結日持有現金，並只保留兩成。')).toEqual([]);
    // a name keeps its own rule (曾於芳 → 曾于芳), and 布 keeps its lens
    expect(amb('經濟部統計處長曾於芳在記者會上表示，出口增長。').map((f) => [f.text, f.severity])).toEqual([['於', 'warning']]);
  });

  it('is quiet on correct text whose ambiguous characters are settled by phrases or words', () => {
    expect(amb('憑藉集團在大裝置和雲端協同的能力,儘管面臨挑戰,我們依然佔據優勢,產業佈局完成。').filter((f) => f.severity !== 'info')).toEqual([]);
    expect(amb('隨後他頭髮變白,發展很快,面積很大,以後再說。')).toEqual([]);
  });

  it('does not run on Simplified documents', () => {
    expect(amb('交由CFO李征介绍。', HANS)).toEqual([]);
  });

  it('runs incrementally on one segment', () => {
    const f = checkSegment({ id: 7, text: '交由CFO李徵介紹。', furniture: null, speaker: null }, HANT).filter((x) => x.rule === 'conversion-ambiguity');
    expect(f.map((x) => [x.segmentId, x.text])).toEqual([[7, '徵']]);
  });
});

describe('simplified-in-traditional', () => {
  it('flags Simplified characters left in Traditional text, with the Traditional form in context', () => {
    const t = '集團的業務在这一年發展很快。';
    const f = run('simplified-in-traditional', [t]);
    expect(f.map((x) => [x.start, x.text, x.severity, x.fixes[0].replacement])).toEqual([[at(t, '这'), '这', 'error', '這']]);
  });

  it('suggests the phrase form for a one-to-many Simplified character', () => {
    const t = '他的头发白了,业務很好。';
    const f = run('simplified-in-traditional', [t]);
    const fa = f.find((x) => x.text === '发')!;
    expect(fa.fixes.map((x) => x.replacement)).toEqual(['髮', '發']);
  });

  it('reports a whole Simplified segment once, with the converted segment as the fix', () => {
    const t = '商汤科技业绩交流会:生成式AI业务为重点发展方向';
    const f = run('simplified-in-traditional', [t]);
    expect(f).toHaveLength(1);
    expect([f[0].start, f[0].end]).toEqual([0, t.length]);
    expect(f[0].fixes[0].replacement).toBe('商湯科技業績交流會:生成式AI業務爲重點發展方向');
  });

  it('is quiet on Traditional text, including characters valid in both scripts and regional forms', () => {
    expect(run('simplified-in-traditional', ['公有云的服務,我們一起努力。他的戶口和户籍。為了明天。'])).toEqual([]);
  });

  it('takes Hong Kong’s 恒 (恒生, 恒隆, a bank’s own name) for the standard form it is, not a leftover; a Simplified character next to it still counts', () => {
    expect(run('simplified-in-traditional', ['恒裕銀行公布全年業績，股東應佔溢利為186.5億港元。', '聯營公司恒嘉財險期內貢獻溢利2.8億港元。'])).toEqual([]);
    const t = '恒裕银行公布全年業績。';
    expect(run('simplified-in-traditional', [t]).map((x) => x.text)).toEqual(['银']);
  });

  it('takes the press’s 迹 (迹象, 事迹) for the Traditional form it also is, not a leftover', () => {
    expect(run('simplified-in-traditional', ['樓市有再度升溫的迹象，發展商加快推盤。'])).toEqual([]);
    expect(run('simplified-in-traditional', ['楼市有再度升溫的迹象。']).map((x) => x.text)).toEqual(['楼']);
  });

  it('follows the document’s variant for the suggestion', () => {
    const f = run('simplified-in-traditional', ['我们为此努力,集團很好。'], { script: 'hant', variant: 'tw' });
    expect(f.find((x) => x.text === '为')!.fixes[0].replacement).toBe('為');
  });
});

describe('conversion-ambiguity: 后 after a figure’s unit', () => {
  it('reports 后 where OpenCC’s 天后 or 元后 took a figure’s unit (10天后上市, 68.7億元后), fix to 後', () => {
    const t = ['新股將於10天后上市，扣除資本支出68.7億元后，自由現金流量為151.1億元。'];
    const f = run('conversion-ambiguity', t).filter((x) => x.text === '后');
    expect(f.map((x) => [x.start, x.fixes[0].replacement, x.severity, x.messageData.params.word])).toEqual([
      [t[0].indexOf('天后') + 1, '後', 'warning', '10天'],
      [t[0].indexOf('元后') + 1, '後', 'warning', '68.7億元'],
    ]);
  });

  it('leaves 天后, 影后 and 皇后 that follow no figure', () => {
    expect(run('conversion-ambiguity', ['歌手獲封天后，影后與皇后同台，天后宮香火鼎盛。']).filter((x) => x.text === '后')).toEqual([]);
  });
});

describe('variant-mixing', () => {
  it('reports the minority form of a variant pair, with a fix at every place', () => {
    const texts = ['集團成爲領先者。', '我們爲客戶服務。', '他們爲此努力。', '這是為了明天。'];
    const f = run('variant-mixing', texts);
    expect(f).toHaveLength(1);
    expect(places(f[0]).map((p) => [p.segmentId, p.text, p.fixes])).toEqual([[4, '為', ['爲']]]);
    expect(f[0].group).toBe('variant:為|爲');
    expect(f[0].message).toContain('爲 (3×)');
  });

  it('handles 戶/户 and groups several places', () => {
    const f = run('variant-mixing', ['客戶很多,用戶也多。', '住户不多。', '門户網站。']);
    expect(f).toHaveLength(1);
    expect(places(f[0]).map((p) => [p.text, p.fixes[0]])).toEqual([
      ['户', '戶'],
      ['户', '戶'],
    ]);
  });

  it('does not confuse characters the standard distinguishes (着 in 預示着, 著 in 顯著)', () => {
    expect(run('variant-mixing', ['這預示着新週期。', '結果比較顯著。', '他穿着外套。'])).toEqual([]);
  });

  it('uses the document’s variant: in a Taiwan document 為 is the standard form', () => {
    const f = run('variant-mixing', ['這是為了明天。', '我們為客戶服務。', '集團成爲領先者。'], { script: 'hant', variant: 'tw' });
    expect(places(f[0]).map((p) => [p.text, p.fixes[0]])).toEqual([['爲', '為']]);
  });

  it('is quiet on a consistent document', () => {
    expect(run('variant-mixing', ['集團成爲領先者。', '我們爲客戶服務。'])).toEqual([]);
  });
});

describe('variant-mixing: the Taiwan standard of a document written for Taiwan', () => {
  // A Taiwan writer's text (台, 為, 說, 稅, 戶, 裡) and what OpenCC's round trips make of it.
  const writer = ['南港一家連鎖書店今天公布10月營收，以新台幣計約3.2億元，年增9%。', '財務長林文說，會員戶數增加，店裡的稅後利益為單月新高。'];
  const via = (target: 's2t' | 's2tw' | 's2hk') => writer.map((t) => getConverter(target).convert(getConverter('t2s').convert(t)));
  const variants = (texts: string[]) => run('variant-mixing', texts);
  const pairs = (texts: string[]) => variants(texts).map((f) => [f.text, places(f).length, f.fixes[0].replacement, f.messageData.key]);

  it("reports OpenCC's standard forms in a Taiwan document consistent with itself (an s2t feed: 爲, 裏)", () => {
    const got = pairs(via('s2t'));
    expect(got).toContainEqual(['爲', 1, '為', 'variant.regional']);
    expect(got).toContainEqual(['裏', 1, '裡', 'variant.regional']);
  });

  it("reports Hong Kong's forms in a Taiwan document (an s2hk feed: 説, 税, 户), each to Taiwan's", () => {
    const got = pairs(via('s2hk'));
    expect(got).toContainEqual(['説', 1, '說', 'variant.regional']);
    expect(got).toContainEqual(['税', 1, '稅', 'variant.regional']);
    expect(got).toContainEqual(['户', 1, '戶', 'variant.regional']);
  });

  it('in text a converter wrote, wants the press form 台 for its 臺 (新臺幣); never in a writer’s own 臺', () => {
    // worded as the official form a converter keeps, not as a form Taiwan lacks
    expect(pairs(via('s2tw'))).toEqual([['臺', 1, '台', 'variant.regional.press']]);
    expect(convertedByOpenCC(analysesOf(via('s2tw')))).toBe(true);
    // a writer who writes 臺 (and 公布, 裡: not what OpenCC writes) is left alone
    const own = ['臺北一家連鎖書店今天公布10月營收，以新台幣計約3.2億元，年增9%。', '財務長林文說，店裡的稅後利益為單月新高。'];
    expect(convertedByOpenCC(analysesOf(own))).toBe(false);
    expect(variants(own)).toEqual([]);
  });

  it("is quiet on the writer's own text", () => {
    expect(variants(writer)).toEqual([]);
  });

  it('reads a segment a reviewer changed as it was imported: corrections never make a converted document a writer’s own', () => {
    const imported = via('s2tw');
    // the reviewer rewrites each segment in a writer's forms (臺北, 公布, 裡: not what OpenCC writes)
    const own = ['臺北一家連鎖書店今天公布10月營收，以新台幣計約3.2億元，年增9%。', '財務長林文說，店裡的稅後利益為單月新高。'];
    const edited = (segs: CheckSegment[]) => segs.map((s, i) => ({ ...s, text: own[i % own.length], machineText: s.text }));
    expect(convertedByOpenCC(analysesOf(own))).toBe(false);
    expect(convertedByOpenCC(analysesFor(edited(segs(...imported))))).toBe(true);
    // a writer's text the reviewer changed stays a writer's
    expect(convertedByOpenCC(analysesFor(segs(...own).map((s) => ({ ...s, text: imported[0], machineText: s.text }))))).toBe(false);
  });
});

describe('variant-mixing: what neither region writes, in a document written for Hong Kong', () => {
  // a Hong Kong writer's text through OpenCC's s2t: 爲 (neither region writes it) but 裏 and 着 (Hong Kong's own)
  const hk = ['本港一家連鎖藥房今天公布中期業績，收入為12億港元，按年增長5%。', '主席在香港表示，店裏人流着實回升，恒生指數亦見支持，新店為數不少。'];
  const s2t = hk.map((t) => getConverter('s2t').convert(getConverter('t2s').convert(t)));

  it('reports 爲 with the form both regions write, leaves Hong Kong’s 裏 and 着', () => {
    const f = run('variant-mixing', s2t);
    expect(f.map((x) => [x.text, places(x).length, x.fixes[0].replacement, x.messageData.key])).toEqual([['爲', 2, '為', 'variant.regional.hk']]);
  });

  it('is quiet on the writer’s own text, on its s2hk conversion, and on a text that names no region (爲 throughout)', () => {
    expect(run('variant-mixing', hk)).toEqual([]);
    expect(run('variant-mixing', hk.map((t) => getConverter('s2hk').convert(getConverter('t2s').convert(t))))).toEqual([]);
    expect(run('variant-mixing', ['集團今天公佈業績，收入按年增長4%，以人民幣計價。', '管理層認爲零售已見底，我們爲客戶服務。'])).toEqual([]);
  });

  it('asks the press form of 啓 and 羣 (Hong Kong’s standard list keeps them) only of what a converter wrote', () => {
    const named = ['本港一家物業管理公司今天公布全年業績，收入為38億港元，按年增長12%。', '行政總裁余啓樑在香港表示，集團會繼續擴展。'];
    expect(run('variant-mixing', named)).toEqual([]);
    const converted = named.map((t) => getConverter('s2t').convert(getConverter('t2s').convert(t)));
    expect(run('variant-mixing', converted).map((x) => x.text)).toEqual(['爲', '啓']);
    // 爲 is a form neither region writes; 啓 is one Hong Kong's list keeps, which its papers write 啟
    expect(run('variant-mixing', converted).map((x) => x.messageData!.key)).toEqual(['variant.regional.hk', 'variant.regional.press']);
    // another converter's output (not OpenCC's fixed point: a few places differ) carries its 爲 all the same
    const other = [...converted, '店裡的人說，新店的布局着重體驗，佈置由設計師負責，門面也翻新了。'];
    expect(convertedByOpenCC(analysesOf(other))).toBe(false);
    expect(run('variant-mixing', other).map((x) => x.text)).toEqual(['爲', '啓']);
  });

  it('takes Hong Kong’s 着 (the particle) and 著 (顯著) for two readings, whatever variant the document was given', () => {
    const text = ['本港零售業總銷貨價值以港元計，訪港旅客人數顯著增加。', '分析員表示，隨着減息周期展開，恒生指數可望向好。'];
    expect(run('variant-mixing', text, { script: 'hant', variant: 'tw' })).toEqual([]);
  });
});

describe('conversion-ambiguity: one sense per discourse', () => {
  // correct Traditional → Simplified → OpenCC s2t: the converter's own output
  const roundTrip = (t: string) => getConverter('s2t').convert(getConverter('t2s').convert(t));
  const doc = (texts: string[]) => {
    const converted = texts.map(roundTrip);
    return { converted, findings: run('conversion-ambiguity', converted).filter((f) => f.severity !== 'info') };
  };

  it('reports the table default standing alone where the document writes the sibling in three or more words (發品 among 洗髮, 護髮, 染髮)', () => {
    const { converted, findings } = doc(['美髮沙龍提供洗髮、護髮與染髮服務。', '新款髮品上市後，頭髮保養的客人增加。']);
    expect(converted[1]).toContain('發品');
    expect(findings).toHaveLength(1);
    expect([findings[0].segmentId, findings[0].text, findings[0].start]).toEqual([2, '發', converted[1].indexOf('發品')]);
    expect(findings[0].fixes.map((x) => x.replacement)).toEqual(['髮']);
    expect(findings[0].messageData?.key).toBe('conversion.discourse');
  });

  it('reports a phrase that is no word here against the document’s sense (游出 in 團體遊出團, among 旅遊, 遊客, 遊程)', () => {
    const { converted, findings } = doc(['旅遊業者指出，遊客人數增加，郵輪遊程與自由行產品熱賣。', '日本團體遊出團人數大增。']);
    expect(converted[1]).toContain('團體游出團');
    expect(findings.map((f) => [f.segmentId, f.text, f.fixes[0]?.replacement])).toEqual([[2, '游', '遊']]);
  });

  it('is quiet where the document has no sense of its own for the character (one sentence, or one word of the sibling)', () => {
    expect(doc(['新款髮品上市後，客人增加。']).findings).toEqual([]);
    expect(doc(['頭髮保養的客人增加。', '新款髮品上市。']).findings).toEqual([]);
  });

  it('is quiet on function words, which stand alone by grammar (並 among 合併, 併購, 兼併)', () => {
    const { converted, findings } = doc(['兩家公司完成合併，併購後的集團規模擴大，也將兼併其他同業。', '公司將研發與生產結合並加以優化，並擴大產能。']);
    expect(converted[1]).toContain('結合並');
    expect(findings).toEqual([]);
  });

  it('is quiet on correct text and on the converter’s words (游泳, 上游)', () => {
    expect(doc(['他在泳池裡游泳，也喜歡到上游溯溪。', '夏天去游泳的人變多。']).findings).toEqual([]);
    const correct = ['美髮沙龍提供洗髮、護髮與染髮服務。', '新款髮品上市後，頭髮保養的客人增加。'];
    expect(run('conversion-ambiguity', correct).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('does not let an odd phrase entry (发的 → 發的) speak against the document’s sense: 傷髮的 among 洗髮, 護髮, 染髮', () => {
    const alone = run('conversion-ambiguity', ['這款吹風機更不傷髮的設計受到好評。']).filter((f) => f.severity !== 'info');
    // one sentence alone: no phrase over the place writes 髮 and the default is 發, so no converter wrote it (session 8)
    expect(alone.map((f) => f.text)).toEqual([]);
    expect(run('conversion-ambiguity', ['美髮沙龍提供洗髮、護髮與染髮服務。', '這款吹風機更不傷髮的設計受到好評。']).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('counts the regions’ forms as their candidates (麵 for OpenCC’s 麪 in an s2tw text)', () => {
    const tw = (t: string) => getConverter('s2tw').convert(getConverter('t2s').convert(t));
    const converted = ['本店的手工麵條以高筋麵粉製作，湯麵與拌麵每日現煮。', '每天日產鮮麵兩噸。'].map(tw);
    expect(converted[0]).toContain('麵粉');
    expect(converted[1]).toContain('鮮面');
    const f = run('conversion-ambiguity', converted, { ...HANT, variant: 'tw' }).filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.text, x.fixes[0]?.replacement])).toEqual([['面', '麵']]);
  });

  it('is a document-level judgement: checkSegment alone leaves the place at most an info', () => {
    const converted = ['美髮沙龍提供洗髮、護髮與染髮服務。', '新款髮品上市後，頭髮保養的客人增加。'].map(roundTrip);
    const [, second] = segs(...converted);
    expect(checkSegment(second, { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});
