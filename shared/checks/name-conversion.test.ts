import { describe, expect, it } from 'vitest';
import { runChecks } from './index';
import { byRule, segs } from './testkit';
import type { CheckContext } from './types';

const TW: CheckContext = { script: 'hant', variant: 'tw' };
/** conversion-ambiguity warnings (names) as [character, suggested fix] */
const nameWarnings = (...texts: string[]) =>
  byRule(runChecks(segs(...texts), TW), 'conversion-ambiguity')
    .filter((f) => f.severity !== 'info')
    .map((f) => [f.text, f.fixes[0]?.replacement]);

describe('name conversion artifacts', () => {
  it('finds an over-converted surname addressed by its title alone', () => {
    expect(nameWarnings('範總經理強調，訂單充足。')).toEqual([['範', '范']]);
    expect(nameWarnings('會後，遊執行長也提到成本下降。')).toEqual([['遊', '游']]);
    expect(nameWarnings('餘董事長表示，營收成長。')).toEqual([['餘', '余']]);
  });

  it('finds an over-converted surname after a public-office title, also when every place agrees', () => {
    expect(nameWarnings('統計處處長於明台指出，物價平穩。', '於明台並說，明年將再檢討。')).toEqual([
      ['於', '于'],
      ['於', '于'],
    ]);
    expect(nameWarnings('主任委員範立中表示，放款穩定。')).toEqual([['範', '范']]);
  });

  it('reads 于 as the first of two given-name characters (曾于芳 → 曾於芳), not where 曾于 is "once at"', () => {
    expect(nameWarnings('經濟部統計處長曾於芳在記者會上表示，出口增長。', '曾於芳指出，鋼品需求回升。')).toEqual([
      ['於', '于'],
      ['於', '于'],
    ]);
    // the preposition before a time, an occasion, a place (a one-character one too) or a place that is no boundary
    expect(
      nameWarnings('處長曾於昨日表示，出口增長。', '總經理曾於會上指出，訂單增加。', '處長曾於港表示，出口增長。', '董事長曾於香港表示，需求回溫。', '執行長曾於2019年表示，將擴產。'),
    ).toEqual([]);
  });

  it('knows the rare surnames conversion turns into words (松 → 鬆, 干 → 乾)', () => {
    expect(nameWarnings('執行長鬆明德表示，需求回溫。')).toEqual([['鬆', '松']]);
    expect(nameWarnings('發言人乾文傑指出，訂單增加。')).toEqual([['乾', '干']]);
    expect(nameWarnings('總經理乾杯致詞。')).toEqual([]);
  });

  it('reads names after the titles of the courts, the newsroom and shareholders, in credit lines and wire datelines', () => {
    // two characters of one name: one finding over the name, restoring both (not one card per character, each half right)
    expect(nameWarnings('高等法院原訟法庭法官範雲徵上週三裁定，前主席須退還款項。')).toEqual([['範雲徵', '范雲征']]);
    expect(nameWarnings('持股21.8%的大股東塗志松透過其全資公司持股。')).toEqual([['塗', '涂']]);
    expect(nameWarnings('（編輯：遊松傑）1131219')).toEqual([['遊', '游']]);
    // a dateline ends the name at its place and day: a given name 于庭 is no preposition there
    expect(nameWarnings('（中央社記者曾於庭臺北19日電）中央銀行今天召開理監事會。')).toEqual([['於', '于']]);
    expect(nameWarnings('（中央社記者王小明、餘佩雲東京18日專電）日圓走貶。')).toEqual([['餘', '余']]);
    expect(nameWarnings('（中央社記者曾於庭屏東縣１９日電）縣府今天表示。')).toEqual([['於', '于']]);
    expect(nameWarnings('（中央社記者曾於庭台北2025年11月18日綜合外電報導）美股收高。')).toEqual([['於', '于']]);
    // 於 after those titles where they speak is the preposition
    expect(nameWarnings('法官於判詞中指出，被告須賠償。', '立委於質詢時表示，預算不足。', '檢察官於起訴書中指出，金額龐大。', '校長於開學典禮致詞。', '主播於節目中表示。')).toEqual([]);
    // shareholders alone are no title; a press conference is no reporter
    expect(nameWarnings('股東應佔溢利為12.6億港元，按年上升8%。', '記者會上，於董事會決議後宣布。', '（本報記者台北報導）')).toEqual([]);
  });

  it('reports a name with two over-converted characters once per place, one group over the document, fixed whole', () => {
    const texts = ['總經理範雲徵表示，公司營收成長。', '範雲徵說，明年會更好。'];
    const f = byRule(runChecks(segs(...texts), TW), 'conversion-ambiguity').filter((x) => x.severity !== 'info');
    expect(f.map((x) => [x.segmentId, x.text, x.fixes.map((y) => y.replacement)])).toEqual([
      [1, '範雲徵', ['范雲征']],
      [2, '範雲徵', ['范雲征']],
    ]);
    expect(new Set(f.map((x) => x.group)).size).toBe(1);
    expect(f[0].messageData).toEqual({ key: 'conversion.name.chars', params: { name: '範雲徵', fixed: '范雲征', chars: '範、徵', s: '范、征' } });
    // the fix gives the whole name
    const fx = f[0].fixes[0];
    expect(texts[0].slice(0, fx.start) + fx.replacement + texts[0].slice(fx.end)).toBe('總經理范雲征表示，公司營收成長。');
  });

  it('suspects a given name of a converter’s forms, not of a name’s own (昇)', () => {
    // 征 → 徵 is the character table's default: a converter's doing
    expect(nameWarnings('董事長鍾啟徵表示，訂單增加。')).toEqual([['徵', '征']]);
    // 昇 is a name's own character (鍾昇傑, 陳昇); 鬆 and 誌 in a given name are a converter's, whichever converter
    expect(nameWarnings('董事長鍾昇傑表示，訂單增加。', '執行董事鍾昇傑先生')).toEqual([]);
    expect(nameWarnings('董事長陳鬆齡表示，訂單增加。')).toEqual([['鬆', '松']]);
    // a surname no one bears in that form stays suspect whoever wrote it
    expect(nameWarnings('執行長鬆明德表示，需求回溫。')).toEqual([['鬆', '松']]);
  });

  it('leaves prepositions, words and bodies that only look like a surname and a title', () => {
    expect(nameWarnings('他於總經理任內完成改組。')).toEqual([]);
    expect(nameWarnings('於董事會決議後，股價上漲。')).toEqual([]);
    expect(nameWarnings('這是示範總經理的做法。')).toEqual([]);
    expect(nameWarnings('其餘董事均出席。')).toEqual([]);
    expect(nameWarnings('規範處長的職權。')).toEqual([]);
  });
});
