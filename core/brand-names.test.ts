import { describe, expect, it } from 'vitest';
import { useFreshService } from './test-helpers';
import { getConverter } from '../shared/text/convert';

const fresh = useFreshService();
/** A Taiwan writer's report through a converter's round trip: 宏樑 and 採豐 arrive as 宏梁 and 採豐 → the converter's forms. */
const converted = (t: string) => getConverter('s2t').convert(getConverter('t2s').convert(t));
const REPORT = [
  '宏樑開發今天公布上半年財報，營收較去年同期增加一成二，毛利率也同步改善。',
  '公司表示，新建案銷售順利，宏樑明年將再推出兩個住宅案，預計全年營收可望創新高。',
  '百貨業者采豐生活（2945）指出，春節期間來客數成長，采豐會員人數也創新高。',
].map(converted);

function brandCards(documentId: number) {
  return fresh.service.listFindings({ documentId }).findings.filter((f) => f.messageData?.key.startsWith('conversion.brand'));
}

describe('company names a converter cannot spell, in the service', () => {
  it('one card per name with every place; Fix all writes the name form everywhere and the card does not come back', () => {
    const { documentId } = fresh.service.importBytes(new Uint8Array(Buffer.from(REPORT.join('\n\n'))), { fileName: 'report.txt' });
    fresh.service.runChecks({ documentId });
    const cards = brandCards(documentId);
    expect(cards.map((c) => [c.text, 1 + c.related.length])).toEqual([
      ['宏梁', 2],
      ['採豐', 2],
    ]);
    // nothing else of conversion-ambiguity inside a name's places (the lens's 採 leaves them to the card)
    const inside = fresh.service
      .listFindings({ documentId })
      .findings.filter((f) => f.rule === 'conversion-ambiguity' && !f.messageData?.key.startsWith('conversion.brand'))
      .flatMap((f) => [f, ...f.related])
      .filter((l) => cards.some((c) => [c, ...c.related].some((p) => p.segmentId === l.segmentId && l.start < p.end && p.start < l.end)));
    expect(inside).toEqual([]);

    // an edit elsewhere in a segment with a name keeps its card, and the re-check adds nothing inside the name
    const seg = fresh.service.getSegments({ documentId }).find((s) => s.text.includes('採豐生活'))!;
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('春節期間', '農曆春節期間') });
    expect(brandCards(documentId).map((c) => [c.text, 1 + c.related.length])).toEqual([
      ['宏梁', 2],
      ['採豐', 2],
    ]);
    const onSeg = fresh.service.listFindings({ documentId }).findings.filter((f) => f.rule === 'conversion-ambiguity' && [f, ...f.related].some((l) => l.segmentId === seg.id));
    expect(onSeg.map((f) => f.messageData?.key)).toEqual(['conversion.brand']);

    const hong = brandCards(documentId).find((c) => c.text === '宏梁')!;
    fresh.service.applyFix({ findingId: hong.id, scope: 'group' });
    const texts = fresh.service.getSegments({ documentId }).map((s) => s.text).join('');
    expect(texts).toContain('宏樑開發');
    expect(texts).not.toContain('宏梁');
    expect(brandCards(documentId).map((c) => c.text)).toEqual(['採豐']);
    // a whole run over the corrected text: the reviewer's 宏樑 is not the converter's, nothing comes back
    fresh.service.runChecks({ documentId });
    expect(brandCards(documentId).map((c) => c.text)).toEqual(['採豐']);
  });

  it('a converted document stays one however many places a reviewer corrects: the cards of converter-only rules stay', () => {
    // the converter writes 颳 (刮鬍子 is no wind) and 鐘表 (watches are 錶); the reviewer puts both right, as no converter writes them
    const text = [...REPORT, converted('董事長笑說自己早上鬍子也刮了，公司的鐘錶部門今年也擴大了。')];
    expect(text[3]).toContain('颳了');
    expect(text[3]).toContain('鐘表');
    const { documentId } = fresh.service.importBytes(new Uint8Array(Buffer.from(text.join('\n\n'))), { fileName: 'edited.txt' });
    fresh.service.runChecks({ documentId });
    expect(brandCards(documentId).map((c) => c.text)).toEqual(['宏梁', '採豐']);
    const seg = fresh.service.getSegments({ documentId }).find((s) => s.text.startsWith('董事長笑說'))!;
    fresh.service.editSegment({ segmentId: seg.id, text: seg.text.replace('颳了', '刮了').replace('鐘表', '鐘錶') });
    fresh.service.runChecks({ documentId });
    // read as imported, the document is still the converter's output: its names keep their cards
    // (read as it now stands, two places no converter writes in ~190 Han characters would make it a writer's own)
    expect(brandCards(documentId).map((c) => c.text)).toEqual(['宏梁', '採豐']);
  });
});
