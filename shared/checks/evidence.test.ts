import { describe, expect, it } from 'vitest';
import { DocumentEvidence, checkSegment, runChecks } from './index';
import { HANT, segs } from './testkit';
import type { CheckSegment, Finding } from './types';

const ambiguity = (fs: Finding[]) => fs.filter((f) => f.rule === 'conversion-ambiguity' && f.messageData.key !== 'conversion.vocabulary').map((f) => [f.segmentId, f.start, f.text, f.severity, f.messageData.key]);

/** Each segment's conversion findings: re-checked alone with the evidence, and as runChecks gives them. */
function compare(ev: DocumentEvidence, doc: CheckSegment[]) {
  const full = runChecks(doc, { ...HANT, rules: ['conversion-ambiguity'] });
  for (const s of doc) {
    const alone = checkSegment(s, { ...HANT, rules: ['conversion-ambiguity'] }, ev.forSegment(s.id));
    expect(ambiguity(alone), s.text).toEqual(ambiguity(full.filter((f) => f.segmentId === s.id)));
  }
}

describe('a document’s evidence for segment re-checks', () => {
  // our own sentences: 遊 in three words of the document, and 遊出 against OpenCC's phrase 游出
  const travel = segs('旅遊業者公布第三季營運概況。', '國外旅遊需求回升，遊客人數較去年增加。', '郵輪遊覽行程熱銷。', '暑假期間家庭遊出團人數創新高。');

  it('gives a segment checked alone what the whole document gives it (its senses suppress the odd phrase; alone it warns)', () => {
    const ev = new DocumentEvidence(travel, HANT);
    compare(ev, travel);
    expect(ambiguity(checkSegment(travel[3], HANT))).toHaveLength(1);
    expect(ambiguity(checkSegment(travel[3], HANT, ev.forSegment(4)))).toEqual([]);
  });

  it('brought up to date by edits, reads as a new evidence over the edited document', () => {
    const ev = new DocumentEvidence(travel, HANT);
    compare(ev, travel);
    // the document stops writing 遊 in three words: the phrase's 游 speaks again
    const edited = travel.map((s) => (s.id === 2 ? { ...s, text: '國外觀光需求回升，旅客人數較去年增加。' } : s.id === 3 ? { ...s, text: '郵輪觀光行程熱銷。' } : s));
    expect(ev.update([edited[1], edited[2]])).toBe(true);
    compare(ev, edited);
    expect(ambiguity(checkSegment(edited[3], HANT, ev.forSegment(4)))).toHaveLength(1);
    // and back
    expect(ev.update([travel[1], travel[2]])).toBe(true);
    compare(ev, travel);
    // a name introduced in an edit is a name where it is repeated bare
    const names = segs('公司今年營收創新高。', '市場對王徵的規劃反應熱烈。');
    const nev = new DocumentEvidence(names, HANT);
    compare(nev, names);
    const titled = [{ ...names[0], text: '董事長王徵表示，公司今年營收創新高。' }, names[1]];
    nev.update([titled[0]]);
    compare(nev, titled);
    expect(ambiguity(checkSegment(titled[1], HANT, nev.forSegment(2))).map((f) => f[4])).toEqual(['conversion.name.given']);
  });

  it('refuses a segment that is not one of its own (a split, a merge, furniture: build it anew)', () => {
    const ev = new DocumentEvidence(travel, HANT);
    expect(ev.update([{ ...travel[0], id: 99 }])).toBe(false);
    expect(ev.update([{ ...travel[0], furniture: 'share' }])).toBe(false);
    expect(ev.forSegment(99)).toBeUndefined();
    // built over an old one: the unchanged segments' analyses are taken over, the result is the same
    const merged = [travel[0], { ...travel[1], text: travel[1].text + travel[2].text }, travel[3]];
    compare(new DocumentEvidence(merged, HANT, ev), merged);
  });

  it('reads the region from the whole document (Hong Kong’s 本周 is no warning there)', () => {
    const hk = segs('香港銀行公布中期業績，金額以港元計。', '恒生指數本月上升，聯交所成交增加。', '管理層預計本周公布股息安排。');
    const ev = new DocumentEvidence(hk, HANT);
    compare(ev, hk);
    expect(ambiguity(checkSegment(hk[2], HANT))).toHaveLength(1);
    expect(ambiguity(checkSegment(hk[2], HANT, ev.forSegment(3)))).toEqual([]);
    // the markers edited away: no longer a Hong Kong document
    const plain = [{ ...hk[0], text: '銀行公布中期業績。' }, { ...hk[1], text: '股市本月上升，成交增加。' }, hk[2]];
    ev.update(plain.slice(0, 2));
    compare(ev, plain);
    expect(ambiguity(checkSegment(hk[2], HANT, ev.forSegment(3)))).toHaveLength(1);
  });
});
