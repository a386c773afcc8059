import { describe, expect, it } from 'vitest';
import { runChecks } from './index';
import { boundedEditDistance } from './repetition';
import { HANT, byRule, segs } from './testkit';

const run = (...texts: string[]) => byRule(runChecks(segs(...texts), { ...HANT, rules: ['repeated-sentence'] }), 'repeated-sentence');

describe('repeated-sentence', () => {
  it('reports the second copy of a sentence repeated in a row, with a fix that removes it', () => {
    const t = '董事會通過明年度的投資預算，總額為四十二億元。董事會通過明年度的投資預算，總額為四十二億元。下一句不同。';
    const [f] = run(t);
    expect(f.start).toBe(t.indexOf('。') + 1);
    expect(f.messageData.key).toBe('repeated-sentence.exact');
    expect(t.slice(0, f.fixes[0].start) + f.fixes[0].replacement + t.slice(f.fixes[0].end)).toBe('董事會通過明年度的投資預算，總額為四十二億元。下一句不同。');
  });

  it('sees a repetition across a segment boundary and a near repetition (one character changed)', () => {
    const a = run('分析師指出，北部倉儲租金今年持續走高，空置率降到新低。', '分析師指出，北部倉儲租金今年持續走高，空置率降至新低。');
    expect(a).toHaveLength(1);
    expect(a[0].segmentId).toBe(2);
    expect(a[0].messageData.key).toBe('repeated-sentence.near');
  });

  it('leaves alone short replies, two facts with different figures, and repeats that are not in a row', () => {
    expect(run('謝謝。謝謝。')).toEqual([]);
    expect(run('北區門市營收年增百分之5，達12億元。北區門市營收年增百分之6，達13億元。')).toEqual([]);
    expect(run('北區門市營收比去年同期增加12億元。', '南區門市營收比去年同期增加13億元。')).toEqual([]);
    expect(run('公司將持續投資研發與人才培育。市場競爭仍然激烈。公司將持續投資研發與人才培育。')).toEqual([]);
  });

  it('bounded edit distance', () => {
    expect(boundedEditDistance('abcdef', 'abcxef', 2)).toBe(1);
    expect(boundedEditDistance('abcdef', 'abdef', 2)).toBe(1);
    expect(boundedEditDistance('abcdef', 'uvwxyz', 2)).toBe(3);
  });
});
