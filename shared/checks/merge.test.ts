import { describe, expect, it } from 'vitest';
import { findingMessage, part } from '../finding-messages';
import { findingMessageText } from '../wording/findings';
import { runChecks } from './index';
import { mergeSamePlace, mergeStoredCards, mergeTwo } from './merge';
import type { StoredFinding } from '../domain/schemas';
import { HANT, segs } from './testkit';
import type { Finding } from './types';

const finding = (over: Partial<Finding> & Pick<Finding, 'rule' | 'segmentId' | 'start' | 'end'>, key: 'number.unit.count' | 'number.readings' = 'number.unit.count'): Finding => ({
  severity: 'warning',
  text: 'x'.repeat(over.end - over.start),
  ...findingMessage(key, { raw: String(over.start), unit: '元', expected: '家', readings: 'a' }),
  fixes: [],
  related: [],
  ...over,
});

describe('one card per place: findings of one rule at the same span are merged (merge.ts)', () => {
  it('a period label read two ways is one finding with both reasons, the union of fixes and the group’s other place', () => {
    // our own sentences: the label 季增 against its named period (較去年同期) and against the same value's 年增
    const text = ['管理層表示，第一季營收年增6.4%，優於市場預期。', '本公司第一季營收為52億元，較去年同期季增6.4%，主要受惠於新店開幕。'];
    const f = runChecks(segs(...text), { ...HANT, rules: ['period-label'] });
    expect(f).toHaveLength(1);
    const [m] = f;
    expect([m.segmentId, text[1].slice(m.start, m.end)]).toEqual([2, '季增']);
    expect(m.fixes.map((x) => x.replacement)).toEqual(['年增']);
    expect(m.related.map((r) => [r.segmentId, r.text])).toEqual([[1, '年增']]);
    // the group of the value read two ways is kept (its other place stays on the card)
    expect(m.group).toMatch(/^period-label:6\.4%/);
    expect(m.messageData.key).toBe('place.reasons');
    expect(m.message).toMatch(/^This place is flagged for 2 reasons\. 季增 compares with another period than 較去年同期.*6\.4% is given as 季增 here and as 年增 elsewhere/);
    // worded in the UI language reason by reason
    const zh = findingMessageText('zh-Hant', m);
    expect(zh.startsWith('此處因 2 個理由被標出。')).toBe(true);
    expect(zh).not.toMatch(/compares|elsewhere/);
  });

  it('leaves apart different places, different rules at one place, and a place that is only another finding’s related place', () => {
    // the sample's row 81: 有云端 (15) and 公有云 (20) are two places with a reason each
    const row81 = 'A:從商業模式上,生成式AI有云端的公有云模式,私有化部署的模式以及定製化開發的模式。';
    const amb = runChecks(segs(row81), { ...HANT, rules: ['conversion-ambiguity'] }).filter((f) => f.severity === 'warning');
    expect(amb.map((f) => [f.start, f.text, f.messageData.key])).toEqual([
      [15, '云', 'conversion.overlapping-phrase'],
      [20, '云', 'conversion.phrase-crosses-word'],
    ]);
    // one rule's finding and another rule's at one span
    const a = finding({ rule: 'number-unit', segmentId: 1, start: 0, end: 2 });
    const b = finding({ rule: 'number-format', segmentId: 1, start: 0, end: 2 }, 'number.readings');
    expect(mergeSamePlace([a, b])).toEqual([a, b]);
    // the same span in another document (a project's rules) or a wider span
    const c = finding({ rule: 'number-unit', segmentId: 1, start: 0, end: 2, documentId: 7 });
    const d = finding({ rule: 'number-unit', segmentId: 1, start: 0, end: 3 });
    expect(mergeSamePlace([a, c, d])).toEqual([a, c, d]);
    // the period label whose place is the other group's related one: two cards (fixing the group
    // then would swap the labels both ways), as before
    const text = ['本公司第一季營收為52億元，較去年同期季增6.4%，主要受惠於新店開幕。', '管理層表示，第一季營收年增6.4%，優於市場預期。'];
    expect(runChecks(segs(...text), { ...HANT, rules: ['period-label'] })).toHaveLength(2);
  });

  it('unions fixes and related places (a place listed by both keeps both fixes once), never lists the primary as related, and joins groups', () => {
    const fix = (start: number, replacement: string) => ({ start, end: start + 2, replacement });
    const loc = (segmentId: number, ...fixes: ReturnType<typeof fix>[]) => ({ segmentId, start: 0, end: 2, text: 'xx', fixes });
    const a = finding({ rule: 'number-unit', segmentId: 1, start: 0, end: 2, fixes: [fix(0, 'A')], related: [loc(2, fix(0, 'A')), loc(3)], group: 'g1', scope: 'document' });
    const b = finding(
      { rule: 'number-unit', segmentId: 1, start: 0, end: 2, severity: 'info', fixes: [fix(0, 'B'), fix(0, 'A')], related: [loc(2, fix(0, 'B'), fix(0, 'A')), loc(1), loc(4)], group: 'g2' },
      'number.readings',
    );
    const m = mergeTwo(a, b);
    expect(m.severity).toBe('warning');
    expect(m.fixes.map((x) => x.replacement)).toEqual(['A', 'B']);
    expect(m.related.map((r) => [r.segmentId, r.fixes.map((x) => x.replacement)])).toEqual([
      [2, ['A', 'B']],
      [3, []],
      [4, []],
    ]);
    expect(m.group).toBe('g1+g2');
    // a whole-document pass's reading makes the place the document's (a segment re-check keeps it)
    expect(m.scope).toBe('document');
    expect(mergeTwo(b, { ...a, scope: undefined }).scope).toBeUndefined();
    expect(mergeTwo({ ...b, scope: 'segment' }, { ...a, scope: 'segment' }).scope).toBe('segment');
    expect(mergeTwo({ ...b, scope: 'segment' }, { ...a, scope: undefined }).scope).toBeUndefined();
    expect(m.messageData).toEqual({ key: 'place.reasons', params: { count: 2, reasons: [a.messageData, b.messageData] } });
    // a third reading adds its reason; the same reason twice is said once
    const c = finding({ rule: 'number-unit', segmentId: 1, start: 0, end: 2, ...findingMessage('number.unit.amount', { raw: '0', unit: '家', expected: '元' }) });
    const three = mergeSamePlace([a, b, c, a]);
    expect(three).toHaveLength(1);
    expect(three[0].messageData).toEqual({ key: 'place.reasons', params: { count: 3, reasons: [a.messageData, b.messageData, part('number.unit.amount', { raw: '0', unit: '家', expected: '元' })] } });
    // the same finding twice (one reason): no "2 reasons", the finding as it was
    expect(mergeSamePlace([a, { ...a }])).toEqual([{ ...a, related: a.related }]);
  });
});

describe('one card per place across scopes: a project check’s finding and the document’s own (mergeStoredCards)', () => {
  const loc = (findingId: number, segmentId: number, start: number, documentId = 1) => ({ findingId, documentId, segmentId, segmentIndex: segmentId, start, end: start + 1, text: '為', fixes: [{ start, end: start + 1, replacement: '爲' }] });
  const card = (over: Partial<StoredFinding> & Pick<StoredFinding, 'id' | 'scope'>): StoredFinding => ({
    ...loc(over.id, 1, 4),
    rule: 'variant-mixing',
    severity: 'warning',
    ...findingMessage('variant.mixing.one', { major: '爲', majorCount: 3, minor: '為', minorCount: 1 }),
    group: `g${over.id}`,
    related: [],
    dismissedReason: null,
    dismissedAt: null,
    ...over,
  });

  it('same rule, same place, a project and a document finding: one card with both reasons, the union of fixes and places, the other’s id', () => {
    const doc = card({ id: 1, scope: 'document', related: [loc(2, 3, 0)] });
    const project = card({
      id: 5,
      scope: 'project',
      ...findingMessage('variant.project', { major: '爲', majorCount: 6, majorDocs: 3, minor: '為', minorCount: 1, minorDocs: 1 }),
      fixes: [{ start: 4, end: 5, replacement: '爲' }, { start: 4, end: 5, replacement: '爲' }],
      related: [loc(6, 3, 0), loc(7, 9, 2, 2)],
    });
    const other = card({ id: 9, scope: 'document', segmentId: 4, start: 0, end: 1 });
    const merged = mergeStoredCards([project, other, doc]);
    expect(merged.map((f) => f.id)).toEqual([1, 9]);
    const [m] = merged;
    expect(m.scope).toBe('document');
    expect(m.mergedIds).toEqual([5]);
    expect(m.messageData).toEqual({ key: 'place.reasons', params: { count: 2, reasons: [doc.messageData, project.messageData] } });
    expect(m.fixes.map((x) => x.replacement)).toEqual(['爲']);
    // a place in both groups once, the other document's place too
    expect(m.related.map((l) => [l.documentId, l.segmentId, l.start])).toEqual([
      [1, 3, 0],
      [2, 9, 2],
    ]);
  });

  it('the more severe reading first, whichever scope', () => {
    const m = mergeStoredCards([card({ id: 1, scope: 'document', severity: 'info' }), card({ id: 5, scope: 'project', ...findingMessage('variant.project', { major: '爲', majorCount: 6, majorDocs: 3, minor: '為', minorCount: 1, minorDocs: 1 }) })]);
    expect([m.length, m[0].id, m[0].scope, m[0].mergedIds]).toEqual([1, 5, 'project', [1]]);
  });

  it('leaves apart: two of one scope, another rule or place, one open and one dismissed, a message without data', () => {
    const doc = card({ id: 1, scope: 'document' });
    expect(mergeStoredCards([doc, card({ id: 2, scope: 'segment' })])).toHaveLength(2);
    expect(mergeStoredCards([doc, card({ id: 3, scope: 'project', rule: 'entity-consistency' })])).toHaveLength(2);
    expect(mergeStoredCards([doc, card({ id: 4, scope: 'project', start: 5, end: 6 })])).toHaveLength(2);
    expect(mergeStoredCards([doc, card({ id: 5, scope: 'project', dismissedReason: 'checked', dismissedAt: 'now' })])).toHaveLength(2);
    expect(mergeStoredCards([doc, card({ id: 6, scope: 'project', messageData: null })])).toHaveLength(2);
    // both dismissed: one dismissed card
    const gone = { dismissedReason: 'checked', dismissedAt: 'now' };
    expect(mergeStoredCards([card({ id: 1, scope: 'document', ...gone }), card({ id: 7, scope: 'project', ...gone })]).map((f) => f.mergedIds)).toEqual([[7]]);
  });
});
