/**
 * One card per place across scopes: where the project check and the document's own check flag
 * the same place with the same rule, listFindings (the Findings panel's list) gives one card
 * with both reasons and the project's places, and dismissing each of its findings dismisses it.
 */
import { describe, expect, it } from 'vitest';
import { JiaoduiError } from '../shared/errors';
import { useFreshService } from './test-helpers';
import { recheckSegment } from './checks';

const fresh = useFreshService();

// our own sentences: 爲 three times and 為 once in the first document, 爲 only in the other two
const A = '董事會認爲今年營收將成長。\n\n公司因爲需求增加而擴產。\n\n管理層以爲市場仍有空間。\n\n公司將為客戶提供新服務。\n';
const B = '分析師認爲股價仍被低估。\n\n公司因爲成本下降而獲利。\n';
const C = '董事長認爲景氣已經回升。\n\n市場以爲降息在即。\n';
// a fourth document with 為 once among 爲: the project's minority places are in A and D
const D = '董事會認爲需求增加。\n\n管理層以爲市場仍有空間。\n\n公司將為員工加薪。\n';

describe('a project check’s finding and the document’s own at one place', () => {
  it('are one card with both reasons, the project’s places and the other finding’s id; dismissed together', () => {
    const s = fresh.service;
    const [a, b, c] = [A, B, C].map((t, i) => s.importBytes(new Uint8Array(Buffer.from(t)), { fileName: `${i}.txt`, projectName: 'P' }));
    s.runChecks({ documentId: a.documentId });
    const own = s.listFindings({ documentId: a.documentId }).findings.filter((f) => f.rule === 'variant-mixing');
    expect(own.map((f) => [f.text, f.scope])).toEqual([['為', 'document']]);
    s.checkProject({ projectId: s.getDocument({ documentId: a.documentId }).projectId });
    const cards = s.listFindings({ documentId: a.documentId }).findings.filter((f) => f.rule === 'variant-mixing');
    expect(cards).toHaveLength(1);
    const [card] = cards;
    expect([card.text, card.segmentId, card.start]).toEqual(['為', own[0].segmentId, own[0].start]);
    expect(card.mergedIds).toHaveLength(1);
    expect(card.messageData?.key).toBe('place.reasons');
    const reasons = (card.messageData?.params.reasons ?? []) as { key: string }[];
    expect(reasons.map((r) => r.key).sort()).toEqual(['variant.mixing.one', 'variant.project']);
    // a save's re-check of an unchanged row keeps the project's rows and the document's own
    const stored = () => s.getSegments({ documentId: a.documentId }).flatMap((g) => s.store.segmentFindings(g.id).map((r) => `${r.rule}|${r.segmentId}|${r.start}|${r.scope}|${r.message}`)).sort();
    const before = stored();
    for (const g of s.getSegments({ documentId: a.documentId })) recheckSegment(s.store, g.id, new Date().toISOString());
    expect(stored()).toEqual(before);
    // the card's counts: one finding
    expect(s.listFindings({ documentId: a.documentId }).counts.byRule['variant-mixing']).toBe(1);
    expect(b.documentId).not.toBe(c.documentId);
    // dismissing each of its findings (what the panel does) dismisses the card
    let r = s.dismissFinding({ findingId: card.id, reason: 'house style', scope: 'group' });
    for (const id of card.mergedIds ?? []) r = s.dismissFinding({ findingId: id, reason: 'house style', scope: 'group' });
    const after = r.findings.filter((f) => f.rule === 'variant-mixing');
    expect(after.map((f) => [f.dismissedReason, f.mergedIds?.length])).toEqual([['house style', 1]]);
  });
});

describe('fix all on a merged card', () => {
  const setUp = () => {
    const s = fresh.service;
    const [a, , , d] = [A, B, C, D].map((t, i) => s.importBytes(new Uint8Array(Buffer.from(t)), { fileName: `${i}.txt`, projectName: 'P' }));
    s.runChecks({ documentId: a.documentId });
    const projectId = s.getDocument({ documentId: a.documentId }).projectId;
    s.checkProject({ projectId });
    const listed = s.listFindings({ documentId: a.documentId });
    const card = listed.findings.find((f) => f.rule === 'variant-mixing' && f.dismissedReason === null)!;
    const rowOf = (documentId: number, text: string) => s.getSegments({ documentId }).find((g) => g.text.includes(text))!;
    return { s, a, d, projectId, listed, card, rowA: rowOf(a.documentId, '公司將為'), rowD: rowOf(d.documentId, '公司將為') };
  };

  it('fixes every group the card shows: one operation, one undo step, one revision per changed segment', () => {
    const { s, projectId, listed, card, rowA, rowD } = setUp();
    // the card: the document's own group (A's 為 alone) and the project's (A's and D's 為)
    expect([card.scope, card.mergedIds?.length, card.related.map((r) => r.segmentId)]).toEqual(['document', 1, [rowD.id]]);
    const ops = s.undoState({ projectId });
    const r = s.applyFix({ findingId: card.id, scope: 'group', snapshot: listed.snapshot, mergedIds: card.mergedIds });
    expect(r.segments.map((g) => [g.id, g.text]).sort()).toEqual(
      [
        [rowA.id, '公司將爲客戶提供新服務。'],
        [rowD.id, '公司將爲員工加薪。'],
      ].sort(),
    );
    for (const g of [rowA, rowD]) expect(s.segmentHistory({ segmentId: g.id }).filter((h) => h.field === 'zh' && h.reason === 'fix:variant-mixing')).toHaveLength(1);
    expect(r.undo.undoLabel).toMatch(/Fix 2 ×/);
    expect(ops.undoLabel).not.toBe(r.undo.undoLabel);
    // one undo step brings both back
    s.undo({ projectId });
    expect([rowA, rowD].map((g) => s.getSegments({ documentId: g.documentId }).find((x) => x.id === g.id)!.text)).toEqual([rowA.text, rowD.text]);
  });

  it('says so when a member’s place changed meanwhile, and fixes nothing', () => {
    const { s, listed, card, rowA, rowD } = setUp();
    s.editSegment({ segmentId: rowD.id, text: `${rowD.text}（補充）` });
    const e = (() => {
      try {
        s.applyFix({ findingId: card.id, scope: 'group', snapshot: listed.snapshot, mergedIds: card.mergedIds });
      } catch (err) {
        return err as JiaoduiError;
      }
    })();
    expect(e).toMatchObject({ code: 'edit-conflict', details: { segmentId: rowD.id } });
    expect(s.getSegments({ documentId: rowA.documentId }).find((x) => x.id === rowA.id)!.text).toBe(rowA.text);
  });

  it('says so when a member is gone (the project check ran again), and fixes nothing', () => {
    const { s, projectId, listed, card, rowA } = setUp();
    // B and C now write 為: the project's minority is 爲, and the card's project finding is gone
    for (const documentId of [2, 3]) for (const g of s.getSegments({ documentId })) s.editSegment({ segmentId: g.id, text: g.text.replaceAll('爲', '為') });
    s.checkProject({ projectId });
    expect(s.listFindings({ documentId: rowA.documentId }).findings.some((f) => (card.mergedIds ?? []).includes(f.id))).toBe(false);
    expect(() => s.applyFix({ findingId: card.id, scope: 'group', snapshot: listed.snapshot, mergedIds: card.mergedIds })).toThrow(/Part of this card .* is no longer at its place.*Nothing was fixed/);
    expect(s.getSegments({ documentId: rowA.documentId }).find((x) => x.id === rowA.id)!.text).toBe(rowA.text);
  });

  it('says which place no longer reads what the check found (text written without a re-check), and fixes nothing', () => {
    const { s, card, rowA, rowD } = setUp();
    // another document's place changed under the stored finding (written bypassing the save path: no revision, no re-check)
    const seg = s.store.segment(rowD.id)!;
    s.store.setSegmentText(rowD.id, rowD.text.replace('為', '爲'), seg.rendering, null, new Date().toISOString());
    expect(() => s.applyFix({ findingId: card.id, scope: 'group', mergedIds: card.mergedIds })).toThrow(/^Row 3 of “董事會認爲需求增加。” no longer reads 為 where the checks found it: nothing was fixed/);
    expect(s.getSegments({ documentId: rowA.documentId }).find((x) => x.id === rowA.id)!.text).toBe(rowA.text);
  });

  it('refuses ids that are not the card’s', () => {
    const { s, listed, card } = setUp();
    expect(listed.findings.every((f) => f.id !== 99999)).toBe(true);
    expect(() => s.applyFix({ findingId: card.id, scope: 'group', mergedIds: [99999] })).toThrow(/Part of this card \(finding 99999\)/);
    expect(() => s.applyFix({ findingId: card.id, scope: 'one', mergedIds: card.mergedIds })).toThrow(/scope 'group'/);
  });
});
