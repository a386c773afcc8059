/**
 * One card per place across scopes: where the project check and the document's own check flag
 * the same place with the same rule, listFindings (the Findings panel's list) gives one card
 * with both reasons and the project's places, and dismissing each of its findings dismisses it.
 */
import { describe, expect, it } from 'vitest';
import { useFreshService } from './test-helpers';
import { recheckSegment } from './checks';

const fresh = useFreshService();

// our own sentences: 爲 three times and 為 once in the first document, 爲 only in the other two
const A = '董事會認爲今年營收將成長。\n\n公司因爲需求增加而擴產。\n\n管理層以爲市場仍有空間。\n\n公司將為客戶提供新服務。\n';
const B = '分析師認爲股價仍被低估。\n\n公司因爲成本下降而獲利。\n';
const C = '董事長認爲景氣已經回升。\n\n市場以爲降息在即。\n';

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
