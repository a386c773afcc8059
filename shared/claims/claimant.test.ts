import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { handover, reportedClaimant, resolveClaimants } from './claimant';

describe('reported claimants', () => {
  const who = (text: string) => reportedClaimant(text)?.name ?? null;
  it('the name, past its title and what stands between it and the verb (where, when, an interview, an adverb)', () => {
    expect(who('行政總裁林嘉文在業績記者會上表示，收益上升。')).toBe('林嘉文');
    expect(who('董事長陳志明昨（12）日表示，訂單回溫。')).toBe('陳志明');
    expect(who('總經理吳家豪會後受訪時表示，毛利率持穩。')).toBe('吳家豪');
    expect(who('次長許文德會後在記者會上說，電價不調。')).toBe('許文德');
    expect(who('執行長張偉（David Chang）接受本報訪問時表示，產能滿載。')).toBe('張偉');
    expect(who('財務長黃怡君說明，匯損來自美元。')).toBe('黃怡君');
    expect(who('」黃怡君並指出，明年資本支出持平。')).toBe('黃怡君');
    expect(who('主席鄭立行今日在股東會上指出，派息不變。')).toBe('鄭立行');
    expect(who('「這裡明年併網。」執行長陳立安（Andrew Chen）指著螢幕說。')).toBe('陳立安');
    expect(who('總經理余家銘、財務長鍾雅筑出席說明上半年營運。')).toBe('鍾雅筑');
    expect(who('董事長林志明笑著說，訂單很滿。')).toBe('林志明');
  });
  it('an organisation speaking keeps its whole name past a clause’s first words, not its last three characters', () => {
    expect(who('另據寶聯證券表示，台股將回檔。')).toBe('寶聯證券');
    expect(who('此外寶聯證券指出，外資續賣。')).toBe('寶聯證券');
    expect(who('國泰世華銀行指出，房貸成長。')).toBe('國泰世華銀行');
    expect(who('中油昇油品公司表示，油價調漲。')).toBe('中油昇油品公司');
    // a person's name after other words stays cut to it
    expect(who('本報訪問的執行長張偉表示，產能滿載。')).toBe('張偉');
  });
  it('people named by what they are keep their qualifier', () => {
    expect(who('市場人士指出，資金持續流入。')).toBe('市場人士');
    expect(who('政府發言人表示，措施下月生效。')).toBe('政府發言人');
    expect(who('一位建商幹部表示，成交放緩。')).toBe('建商幹部');
    expect(who('昨日勞工處發言人表示，失業率回落。')).toBe('勞工處發言人');
    expect(who('主計總處官員表示，菜價一至兩個月內回落。')).toBe('主計總處官員');
    expect(who('農業部長表示，補助款下月撥付。')).toBe('農業部長');
    expect(who('」谷董事長說。')).toBe('谷董事長');
    expect(who('而董事長表示，將擴產。')).toBe('董事長');
    expect(who('不過總理說，預算不變。')).toBe('總理');
    expect(who('他的律師說，將上訴。')).toBe('律師');
    expect(who('有銀行表示，利率不變。')).toBeNull();
    expect(who('市場上有分析師表示，金價見頂。')).toBe('分析師');
    expect(who('「好。」看著大螢幕的陳立安說。')).toBe('陳立安');
    expect(who('陳立安面對著台下股東說，明年擴產。')).toBe('陳立安');
    expect(who('市長柯文哲在現場表示，工程如期。')).toBe('柯文哲');
  });
  it('no name where 說, 稱 or 強調 is part of another word, or a pronoun or a clause stands before the verb', () => {
    expect(who('公司昨日舉行法說會，公布第三季財報。')).toBeNull();
    expect(who('光華電子股份有限公司（以下簡稱「本公司」）公告。')).toBeNull();
    expect(who('連同其附屬公司統稱「集團」。')).toBeNull();
    expect(who('投資人申購前應詳閱公開說明書。')).toBeNull();
    expect(who('公司將舉行說明會。')).toBeNull();
    expect(who('他亦表示，明年審慎。')).toBeNull();
    expect(who('並將定期對外說明。')).toBeNull();
    expect(who('政府已責成各地農會加強調查。')).toBeNull();
  });
  it('a one-character adverb is a given name when only a surname would stay, or a three-character name would not', () => {
    expect(who('陳亦表示，將擴產。')).toBe('陳亦');
    expect(who('王明亦表示，將擴產。')).toBe('王明');
    expect(who('陳怡均表示，將擴產。')).toBe('陳怡均');
    expect(who('總經理林均表示，將擴產。')).toBe('林均');
    expect(who('董事長張今表示，將擴產。')).toBe('張今');
  });
  it('說 followed by 會 or 法 is still a verb (說會 "says it will"); a place phrase never runs across 的', () => {
    expect(who('執行長張偉說會擴大投資。')).toBe('張偉');
    expect(who('經濟部長王美花說法規將修訂。')).toBe('王美花');
    expect(who('公司在台灣的總經理王建中表示，訂單穩定。')).toBe('王建中');
    expect(who('任職於晶圓廠的工程師王建中表示，良率提升。')).toBe('王建中');
  });
  it('a group keeps no 的, 位 or 名 before it', () => {
    expect(who('一位接近公司的人士透露，併購在談。')).toBe('人士');
    expect(who('其中一位交易員說，買盤轉強。')).toBe('交易員');
    expect(who('財政部官員也說，稅收穩定。')).toBe('財政部官員');
  });
});

describe('hand-overs', () => {
  it('finds the person a turn is handed to, with the title written before the name', () => {
    expect(handover('對於財務的預測,交由CFO張明介紹後續的增長預期。')).toMatchObject({ name: '張明', role: 'CFO' });
    expect(handover('這個問題由首席財務官李華來回答。')).toMatchObject({ name: '李華', role: '首席財務官' });
    expect(handover('下面請我們的總裁趙強爲大家補充一下。')).toMatchObject({ name: '趙強', role: '總裁' });
    expect(handover('这部分交给王芳女士说明。')).toMatchObject({ name: '王芳', role: null });
  });
  it('is not fooled by look-alikes', () => {
    expect(handover('股權由他的家人繼承。')).toBeNull();
    expect(handover('除了剛才張明介紹的現金外')).toBeNull();
    expect(handover('由我來介紹一下。')).toBeNull();
    expect(handover('請大家介紹一下。')).toBeNull();
    expect(handover('由我們來回答。')).toBeNull();
  });
});

describe('resolveClaimants', () => {
  const turn = (text: string, speaker: string | null, t: number | null, paragraph: number) => ({ text, speaker, turn: t, paragraph });
  it('the speaker by default; after a hand-over the rest of the turn is the person handed it; the next turn is its speaker again', () => {
    const r = resolveClaimants([
      turn('Q:收入預期怎樣?', 'Q', 0, 0),
      turn('A:商業模式有三種。', 'A', 1, 1),
      turn('財務的預測交由CFO張明介紹。', 'A', 1, 1),
      turn('我們從22到23收入翻了三倍。', 'A', 1, 2),
      turn('毛利率在40到45之間。', 'A', 1, 3),
      turn('Q:股權由誰繼承?', 'Q', 2, 4),
      turn('A:收入增長了30%。', 'A', 3, 5),
    ]);
    expect(r.map((x) => [x.claimant, x.source, x.role])).toEqual([
      // the turn markers Q and A are not people: no claimant until a name is given
      [null, null, null],
      [null, null, null],
      [null, null, null],
      ['張明', 'handover', 'CFO'],
      ['張明', 'handover', 'CFO'],
      [null, null, null],
      [null, null, null],
    ]);
  });
  it('a reporting verb wins over the turn and lasts for its paragraph; a second hand-over replaces the first', () => {
    const r = resolveClaimants([
      turn('A:請李華來回答。', 'A', 1, 0),
      turn('收入增長了30%。', 'A', 1, 1),
      turn('王明指出,今年目標很高。', 'A', 1, 2),
      turn('收入增長了30%。', 'A', 1, 2),
      turn('接下來交由CEO趙強補充。', 'A', 1, 3),
      turn('收入增長了30%。', 'A', 1, 4),
    ]);
    expect(r.map((x) => x.claimant)).toEqual([null, '李華', '王明', '王明', '李華', '趙強']);
  });
  it('without turn numbers, a change of speaker ends a hand-over', () => {
    const r = resolveClaimants([
      { text: '由李華來回答。', speaker: 'A', paragraph: 0 },
      { text: '收入增長了30%。', speaker: 'A', paragraph: 1 },
      { text: '收入增長了30%。', speaker: 'B', paragraph: 2 },
    ]);
    expect(r.map((x) => x.claimant)).toEqual([null, '李華', 'B']);
  });
});

describe('rule code', () => {
  it('contains no strings of the sample (names, products, the hand-over phrase)', () => {
    const dir = new URL('./', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(files.length).toBeGreaterThan(3);
    const sampleStrings = ['王震', '王徵', '王征', '徐立', '徐冰', '商湯', '商汤', '絕影', '日日新', '湯老師', '交由CFO', '11.8億', '18.4億', '12000P', '45000'];
    for (const f of files) {
      const src = readFileSync(new URL(f, dir), 'utf8');
      for (const s of sampleStrings) expect(src.includes(s), `${f} contains ${s}`).toBe(false);
    }
  });
});
