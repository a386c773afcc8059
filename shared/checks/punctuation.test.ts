import { describe, expect, it } from 'vitest';
import { runChecks, checkSegment } from './index';
import { HANS, HANT, applyAll, byRule, places, segs } from './testkit';
import type { RuleId } from './types';

const run = (rule: RuleId, texts: string[], ctx = HANT) => byRule(runChecks(segs(...texts), { ...ctx, rules: [rule] }), rule);

describe('halfwidth-punctuation', () => {
  it('groups every half-width mark of a document into one finding with a fix-all', () => {
    const texts = ['近日,商湯科技(00020)召開業績交流會:算力突破了12000P,P即Petaflops,相較於23年初提高了一倍。', 'Q:公司如何看待?', 'A:首先, 我們有優勢;其次,效果很好!'];
    const f = run('halfwidth-punctuation', texts);
    expect(f).toHaveLength(1);
    expect(f[0].group).toBe('halfwidth-punctuation');
    expect(f[0].message).toMatch(/^13 half-width punctuation marks/);
    expect(applyAll(segs(...texts), f[0])).toEqual([
      '近日，商湯科技（00020）召開業績交流會：算力突破了12000P，P即Petaflops，相較於23年初提高了一倍。',
      'Q：公司如何看待？',
      'A：首先，我們有優勢；其次，效果很好！',
    ]);
  });

  it('leaves English phrases, numbers, times, URLs and Latin-only lines alone', () => {
    expect(run('halfwidth-punctuation', ['他說 Hello, world 然後離開。', '收入1,000萬,增長2.5倍'.replace(',增', '，增'), '會議15:58開始,見https://example.com。'.replace(',見', '，見'), 'Q&A:', 'scaling law的實踐。'])).toEqual([]);
  });

  it('converts a full stop and an ellipsis after Chinese, and ASCII quotes by script', () => {
    const f = run('halfwidth-punctuation', ['他說"很好"...然後走了.']);
    expect(applyAll(segs('他說"很好"...然後走了.'), f[0])).toEqual(['他說「很好」……然後走了。']);
    const g = run('halfwidth-punctuation', ['他说"很好"。'], HANS);
    expect(applyAll(segs('他说"很好"。'), g[0])).toEqual(['他说“很好”。']);
  });

  it('checkSegment returns the segment’s marks under the same group key', () => {
    const f = checkSegment({ id: 3, text: '首先,我們看待算力。', furniture: null, speaker: null }, HANT).filter((x) => x.rule === 'halfwidth-punctuation');
    expect(f.map((x) => [x.group, x.text, x.related.length])).toEqual([['halfwidth-punctuation', ',', 0]]);
  });
});

describe('unbalanced-brackets', () => {
  it('accepts quotes spanning sentences of one paragraph', () => {
    expect(run('unbalanced-brackets', ['他說:「我們會繼續。', '明年會更好。」', '（附註）《報告》【重要】'])).toEqual([]);
  });

  it('flags an opener never closed in its paragraph and a stray closer', () => {
    const s = segs('他說:「我們會繼續。', '新段落。）');
    s[1].paragraph = 1;
    const f = byRule(runChecks(s, { ...HANT, rules: ['unbalanced-brackets'] }), 'unbalanced-brackets');
    expect(f.map((x) => [x.segmentId, x.text])).toEqual([
      [1, '「'],
      [2, '）'],
    ]);
    expect(f[0].message).toContain('」');
  });

  it('pairs mixed-width parentheses and reports a mismatch', () => {
    expect(run('unbalanced-brackets', ['商湯(00020）召開會議。'])).toEqual([]);
    // an ASCII parenthesis closed after a percent sign and before an ASCII comma
    expect(run('unbalanced-brackets', ['出口成長為4.5%(上月預估為4.8%),優於預期。'])).toEqual([]);
    expect(run('unbalanced-brackets', ['出口成長為4.5%(上月預估為4.8%,優於預期。']).map((x) => x.text)).toEqual(['(']);
    expect(run('unbalanced-brackets', ['「他說『好」。']).map((x) => x.text)).toEqual(['『']);
  });
});

describe('doubled', () => {
  const d = (t: string) => run('doubled', [t]).map((x) => [x.text, x.fixes[0].start, x.fixes[0].end]);

  it('flags doubled punctuation, function words and repeated words', () => {
    expect(d('我們，，繼續。')).toEqual([['，，', 2, 3]]);
    expect(d('這是我們的的目標。')).toEqual([['的的', 5, 6]]);
    expect(d('我們我們會繼續。')).toEqual([['我們我們', 2, 4]]);
    expect(d('生成式生成式AI。')).toEqual([['生成式生成式', 3, 6]]);
    expect(d('好的，。')).toEqual([['，。', 2, 3]]);
  });

  it('leaves normal reduplication alone', () => {
    for (const t of ['日日新大模型', '天天向上', '研究研究再說', '一個一個地解決', '不了了之', '是是非非', '越來越好', '各行各業', '慢慢來', '謝謝大家', '哈哈哈哈', '刚刚好', '……——']) {
      expect(d(t), t).toEqual([]);
    }
  });
});

describe('stray-space', () => {
  const s = (t: string) => run('stray-space', [t]).map((x) => [x.start, x.end, x.message]);

  it('flags a space inside a word or a name', () => {
    const [a] = s('我們的客 戶需求很大。');
    expect(a.slice(0, 2)).toEqual([4, 5]);
    expect(a[2]).toContain('客戶');
    const [b] = s('交由CFO王 震介紹後續預期。');
    expect(b.slice(0, 2)).toEqual([6, 7]);
    expect(b[2]).toContain('王震');
  });

  it('leaves separators and mixed-script spacing alone', () => {
    expect(s('上線GPU達45000個 生成式AI業務爲重點')).toEqual([]);
    expect(s('GPU 數量達到 45000 個。')).toEqual([]);
    // a headline's two parts: the character after the figure is its unit, not a surname
    expect(s('晟宇電子去年每股盈餘8.42元　擬配發現金股利5.2元')).toEqual([]);
  });

  it('takes a headline’s space, full-width or not, for the separator it is, even where the characters around it make a word (元　年, 點 收)', () => {
    expect(s('購置住宅貸款餘額10.7兆元　年增10.9%')).toEqual([]);
    expect(s('恒裕銀行全年盈利增6%　派息每股1.15元')).toEqual([]);
    expect(s('台股大漲312點 收22,486點')).toEqual([]);
    expect(s('長海法說會 余征帆：紅海繞航效應')).toEqual([]);
    // a name split by it is still reported; in a sentence the word still counts, whatever the space
    expect(s('晶采科技董事長王　震出席法說會').map((x) => x[2])).toEqual([expect.stringContaining('王震')]);
    expect(s('貸款餘額10.7兆元　年增10.9%，創新高。').map((x) => x[2])).toEqual([expect.stringContaining('元年')]);
    expect(s('台股今天大漲312點 收22,486點，成交量放大。').map((x) => x[2])).toEqual([expect.stringContaining('點收')]);
  });

  it('fixes by removing the space', () => {
    const f = run('stray-space', ['推動效　率的提升。']);
    expect(places(f[0])[0].fixes).toEqual(['']);
  });
});
