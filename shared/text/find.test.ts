import { describe, expect, it } from 'vitest';
import { applyEdits, compileFind, expandReplacement, findInSegment, hitId, matchText, parseHitId } from './find';
import { getConverter } from './convert';
import { JiaoduiError } from '../errors';

const conv = getConverter('t2s');
function seg(text: string) {
  const r = conv.convertAligned(text);
  return { text, rendering: r.text, renderingMap: r.map };
}
const spans = (ms: { start: number; end: number }[]) => ms.map((m) => [m.start, m.end]);

describe('compileFind', () => {
  it('escapes a literal query, so regex characters are plain text', () => {
    const re = compileFind({ find: '1.8 (億)' });
    expect(spans(matchText(re, '收入1.8 (億)，不是1x8 (億)', 10))).toEqual([[2, 9]]);
  });
  it('is case-insensitive for Latin letters', () => {
    expect(spans(matchText(compileFind({ find: 'gpu' }), '上線GPU達45000個，Gpu', 10))).toEqual([
      [2, 5],
      [13, 16],
    ]);
  });
  it('refuses an empty, too long or malformed query with a clear invalid-input message', () => {
    expect(() => compileFind({ find: '' })).toThrow(JiaoduiError);
    expect(() => compileFind({ find: 'x'.repeat(501) })).toThrow(/too long/);
    try {
      compileFind({ find: '王(震', regex: true });
      expect.unreachable();
    } catch (e) {
      expect((e as JiaoduiError).code).toBe('invalid-input');
      expect((e as Error).message).toMatch(/^The regular expression is not valid: /);
    }
  });
});

describe('matchText', () => {
  it('never splits a surrogate pair: offsets of 𠼤 and emoji are code point boundaries', () => {
    const text = '甲𠼤乙😀丙';
    const ms = matchText(compileFind({ find: '.', regex: true }), text, 10);
    expect(ms.map((m) => text.slice(m.start, m.end))).toEqual(['甲', '𠼤', '乙', '😀', '丙']);
    expect(spans(matchText(compileFind({ find: '𠼤乙' }), text, 10))).toEqual([[1, 4]]);
  });
  it('skips empty matches and stops one past the limit', () => {
    expect(matchText(compileFind({ find: 'x*', regex: true }), 'axxbx', 10).map((m) => m.end - m.start)).toEqual([2, 1]);
    expect(matchText(compileFind({ find: '王' }), '王王王王王', 2)).toHaveLength(3);
  });
});

describe('findInSegment across scripts', () => {
  it('finds 王徵 for the query 王征 through the Simplified rendering, mapped back to the Traditional text', () => {
    const s = seg('財務總監王徵介紹，王征也在。');
    const re = compileFind({ find: '王征' });
    const cross = compileFind({ find: conv.convert('王征') });
    expect(spans(findInSegment(re, null, s, 10))).toEqual([[9, 11]]);
    const both = findInSegment(re, cross, s, 10);
    expect(both.map((m) => [s.text.slice(m.start, m.end), m.via])).toEqual([
      ['王徵', 'rendering'],
      ['王征', 'text'],
    ]);
  });
  it('maps through conversions that change length', () => {
    // 𠼤 stays astral; the map keeps positions right around it.
    const s = seg('𠼤王徵說');
    const m = findInSegment(compileFind({ find: '王征' }), compileFind({ find: '王征' }), s, 10);
    expect(m.map((x) => s.text.slice(x.start, x.end))).toEqual(['王徵']);
  });
});

describe('expandReplacement', () => {
  const text = '王震介紹2023年';
  it('keeps a literal replacement as typed', () => {
    const [m] = matchText(compileFind({ find: '王震' }), text, 5);
    expect(expandReplacement('$1$&', m, text, false)).toBe('$1$&');
  });
  it('expands $&, $1, $<name>, $$ and leaves unknown references alone', () => {
    const [m] = matchText(compileFind({ find: '(?<y>\\d{4})(年)', regex: true }), text, 5);
    expect(expandReplacement('[$&|$1|$2|$<y>|$$|$9|$]', m, text, true)).toBe('[2023年|2023|年|2023|$|$9|$]');
  });
});

describe('applyEdits and hit ids', () => {
  it('applies non-overlapping edits in any order', () => {
    expect(
      applyEdits('abcdef', [
        { start: 4, end: 5, replacement: 'E' },
        { start: 0, end: 1, replacement: 'AA' },
      ]),
    ).toBe('AAbcdEf');
  });
  it('round-trips hit ids', () => {
    expect(parseHitId(hitId(12, 3, 5))).toEqual({ segmentId: 12, start: 3, end: 5 });
    expect(parseHitId('x:1:2')).toBeNull();
  });
});
