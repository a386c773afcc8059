/**
 * The Findings panel's cards (finding-cards.ts): a per-place family is one card with its
 * explanation once and its places in text order, each still a finding of its own; everything else
 * keeps a card of its own. Findings from the checks run on sentences written for this test.
 */
import { describe, expect, it } from 'vitest';
import type { StoredFinding } from '../../../shared/domain/schemas';
import { runChecks, runProjectRules, type Finding } from '../../../shared/checks';
import { HANT, segs } from '../../../shared/checks/testkit';
import { getConverter } from '../../../shared/text/convert';
import { FINDING_MESSAGES_EN, PER_PLACE_FAMILIES, type FindingMessageKey } from '../../../shared/finding-messages';
import { findingMessageText } from '../../../shared/wording/findings';
import { findingCards, placeAfter, placeFamily, type FindingCard } from './finding-cards';
import { shownFindings, DEFAULT_FINDINGS_FILTER } from './findings-filter';

/** Findings as listFindings returns them (ids in the order given, one document). */
function stored(fs: readonly Finding[], documentId = 1): StoredFinding[] {
  return fs.map((f, i) => ({
    id: 100 + i,
    findingId: 100 + i,
    documentId,
    segmentId: f.segmentId,
    segmentIndex: f.segmentId - 1,
    start: f.start,
    end: f.end,
    text: f.text,
    fixes: f.fixes,
    rule: f.rule,
    severity: f.severity,
    message: f.message,
    messageData: f.messageData,
    group: f.group ?? null,
    scope: 'segment',
    related: f.related.map((r, j) => ({ ...r, findingId: 1000 + i * 10 + j, documentId, segmentIndex: r.segmentId - 1 })),
    dismissedReason: null,
    dismissedAt: null,
  }));
}

/** A Taiwan writer's own sentences (設備, 用戶, 項目) through OpenCC's t2s then s2twp: 裝置, 使用者, 專案. */
const s2twp = (t: string) => getConverter('s2twp').convert(getConverter('t2s').convert(t));
const WRITER = [
  '高雄一家機械設備商昨天公佈上半年營收，年增12%，主要來自自動化設備外銷。',
  '董事長說，海外用戶的訂單持續好轉，新廠的擴建項目也將如期完工。',
  '業界指出，歐美市場的用戶調查顯示，明年的設備需求仍有成長空間。',
  // a finding of another kind (half-width punctuation): a card of its own
  '董事長表示:明年將再擴大投資。',
];
const texts = WRITER.map(s2twp);
const checked = stored(runChecks(segs(...texts), HANT));
const vocabulary = checked.filter((f) => f.messageData?.key === 'conversion.vocabulary.document');
const placesCards = (cards: FindingCard<StoredFinding>[]) => cards.filter((c) => c.kind === 'places');

describe('the findings panel: per-place families', () => {
  it('the checks report each place of s2twp’s words on its own (what the cards group)', () => {
    expect(texts.join('')).toContain('裝置');
    expect(vocabulary.map((f) => f.text)).toEqual(['裝置', '裝置', '使用者', '專案', '使用者', '裝置']);
    expect(vocabulary.every((f) => f.group === null && f.related.length === 0)).toBe(true);
  });

  it('one card for the document’s words: the explanation once, the places in text order, each still its own finding with its own fix', () => {
    const cards = findingCards(shownFindings(checked, DEFAULT_FINDINGS_FILTER));
    const families = placesCards(cards);
    expect(families).toHaveLength(1);
    const [family] = families;
    expect(family.explanation).toEqual({ key: 'conversion.vocabulary.document.places', params: { words: '裝置、使用者、專案' } });
    expect(family.rule).toBe('conversion-ambiguity');
    const at = (i: number, w: string, last = false) => (last ? texts[i].lastIndexOf(w) : texts[i].indexOf(w));
    expect(family.places.map((p) => [p.text, p.segmentIndex, p.start, p.fixes.map((x) => [x.start, x.end, x.replacement])])).toEqual([
      ['裝置', 0, at(0, '裝置'), [[at(0, '裝置'), at(0, '裝置') + 2, '設備']]],
      ['裝置', 0, at(0, '裝置', true), [[at(0, '裝置', true), at(0, '裝置', true) + 2, '設備']]],
      ['使用者', 1, at(1, '使用者'), [[at(1, '使用者'), at(1, '使用者') + 3, '用戶']]],
      ['專案', 1, at(1, '專案'), [[at(1, '專案'), at(1, '專案') + 2, '項目']]],
      ['使用者', 2, at(2, '使用者'), [[at(2, '使用者'), at(2, '使用者') + 3, '用戶']]],
      ['裝置', 2, at(2, '裝置'), [[at(2, '裝置'), at(2, '裝置') + 2, '設備']]],
    ]);
    expect(new Set(family.places.map((p) => p.id)).size).toBe(6);
    // nothing is lost or doubled: every shown finding is on exactly one card
    const onCards = cards.flatMap((c) => (c.kind === 'places' ? c.places : [c.finding])).map((f) => f.id);
    expect(onCards.sort()).toEqual(checked.map((f) => f.id).sort());
    // the other findings (the half-width colon, OpenCC's 公佈 for Taiwan's 公布) keep cards of their own
    expect(cards.filter((c) => c.kind === 'finding').map((c) => c.kind === 'finding' && c.finding.rule)).toEqual(['taiwan-standard', 'halfwidth-punctuation']);
  });

  it('the project check’s places are one family per word and source', () => {
    // two documents s2twp wrote, one word each (裝置 twice, 資料 once), and a story that writes the sources
    const one = (documentId: number, ...t: string[]) => ({ documentId, segments: segs(...t).map((x) => ({ ...x, id: documentId * 10 + x.id })) });
    const project = runProjectRules(
      [
        one(1, s2twp('工具機廠今天表示，新廠設備已經安裝完成，舊廠設備也將汰換。')),
        one(2, s2twp('工具機廠表示，外銷訂單數據穩定。')),
        one(3, '分析師認為，工具機廠更新設備後，外銷訂單數據仍可望成長。'),
      ],
      { ...HANT, rules: ['conversion-ambiguity'] },
    ).filter((f) => f.messageData.key === 'conversion.vocabulary');
    const families = placesCards(findingCards(project.map((f, i) => ({ ...stored([f], f.documentId)[0], id: 200 + i, segmentIndex: f.segmentId % 10 }))));
    expect(families.map((c) => [c.places[0].documentId, c.explanation.params.word, c.explanation.params.source, c.places.length])).toEqual([
      [1, '裝置', '設備', 2],
      [2, '資料', '數據', 1],
    ]);
    for (const c of families) {
      expect(c.explanation.key).toBe('conversion.vocabulary.places');
      expect(c.places.every((p) => p.text === c.explanation.params.word && p.fixes[0].replacement === c.explanation.params.source)).toBe(true);
    }
  });

  it('the explanation is worded once in either UI language, without the place’s “here” and “this one”', () => {
    const [first] = placesCards(findingCards(checked));
    const en = findingMessageText('en', { message: '', messageData: first.explanation });
    expect(en).toContain("This document reads as the output of OpenCC's Taiwan phrasing (s2twp)");
    expect(en).toContain('(裝置、使用者、專案). About 4 in 10 such places');
    expect(en).not.toMatch(/\bhere\b|this one|\{/);
    const zh = findingMessageText('zh-Hant', { message: '', messageData: first.explanation });
    expect(zh).toContain('（裝置、使用者、專案）');
    expect(zh.replace(/OpenCC|s2twp/g, '').match(/[A-Za-z]{3,}/g) ?? []).toEqual([]);
  });

  it('a family sits where its first place would be listed; severity, shared parameters and document keep families apart', () => {
    const [a, b, c] = vocabulary.filter((f) => f.text === '裝置');
    const other = checked.find((f) => !placeFamily(f))!;
    const info = { ...b, id: 900, severity: 'info' as const };
    const otherDoc = { ...c, id: 901, documentId: 2 };
    const data = vocabulary.find((f) => f.text === '使用者')!;
    const fewerWords = { ...data, id: 902, messageData: { ...data.messageData!, params: { ...data.messageData!.params, words: '使用者' } } };
    const cards = findingCards([other, c, fewerWords, data, a, info, otherDoc]);
    expect(cards.map((x) => (x.kind === 'places' ? x.places.map((p) => p.id) : x.finding.id))).toEqual([other.id, [a.id, data.id, c.id], [902], [900], [901]]);
  });

  it('places whose stored count moved between runs (a place fixed, the check re-run) stay one family', () => {
    const [a, b] = vocabulary.filter((f) => f.text === '裝置');
    expect(b.messageData!.params.count).toBe(3);
    const later = { ...b, messageData: { ...b.messageData!, params: { ...b.messageData!.params, count: 2 } } };
    const cards = findingCards([a, later]);
    expect(cards).toHaveLength(1);
    expect(cards[0].kind === 'places' && cards[0].places.map((p) => p.id)).toEqual([a.id, b.id]);
  });

  it('a dismissed place stays on its family’s card, as its own line', () => {
    const [a, b] = vocabulary.filter((f) => f.text === '裝置');
    const dismissed = { ...b, dismissedReason: 'the writer’s word', dismissedAt: 'now' };
    const cards = findingCards(shownFindings([a, dismissed], { ...DEFAULT_FINDINGS_FILTER, showDismissed: true }));
    expect(cards.map((x) => x.kind === 'places' && x.places.map((p) => p.dismissedReason))).toEqual([[null, 'the writer’s word']]);
  });

  it('not a family: a finding of another key, one stored without message data, one grouped with other places', () => {
    const [a] = vocabulary;
    expect(placeFamily(a)).not.toBeNull();
    expect(placeFamily({ ...a, messageData: null })).toBeNull();
    expect(placeFamily({ ...a, group: 'g1' })).toBeNull();
    expect(placeFamily({ ...a, related: [{ ...a, findingId: 7 }] })).toBeNull();
    expect(placeFamily({ ...a, messageData: { key: 'conversion.discourse', params: a.messageData!.params } })).toBeNull();
    expect(placeFamily({ ...a, messageData: { key: 'toString', params: {} } })).toBeNull();
    expect(findingCards([{ ...a, group: 'g1' }, { ...a, id: 5, group: 'g1' }]).map((c) => c.kind)).toEqual(['finding', 'finding']);
  });

  it('every per-place key has an explanation whose placeholders its places provide (the project check’s too)', () => {
    const names = (k: FindingMessageKey) => new Set([...FINDING_MESSAGES_EN[k].matchAll(/\{(\w+)\}/g)].map((m) => m[1]));
    const entries = Object.entries(PER_PLACE_FAMILIES) as [FindingMessageKey, FindingMessageKey][];
    expect(entries.map(([k]) => k).sort()).toEqual(['conversion.vocabulary', 'conversion.vocabulary.document', 'conversion.vocabulary.hong-kong']);
    for (const [place, header] of entries) {
      expect([...names(header)].filter((n) => !names(place).has(n)), header).toEqual([]);
      expect(names(header).size, header).toBeGreaterThan(0);
      expect(names(header).has('count'), header).toBe(false);
    }
  });

  it('after a place is fixed or dismissed, the keyboard goes to the next place, else the one before', () => {
    const places = [{ id: 4 }, { id: 9 }, { id: 2 }];
    expect(placeAfter(places, 4)).toBe(9);
    expect(placeAfter(places, 9)).toBe(2);
    expect(placeAfter(places, 2)).toBe(9);
    expect(placeAfter([{ id: 4 }], 4)).toBeNull();
    expect(placeAfter(places, 7)).toBeNull();
  });
});
