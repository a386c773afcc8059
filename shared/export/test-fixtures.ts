/** Tests only: the small document the export tests (export.test.ts, docx.test.ts) build on. */
import type { ExportDoc, ExportSegment } from './model';

export function seg(id: number, machineText: string, sep: string, extra: Partial<ExportSegment> = {}): ExportSegment {
  return { id, index: id - 1, machineText, text: machineText, sep, status: 'unreviewed', furniture: null, speaker: null, ...extra };
}

/**
 * Five segments after a leading newline: furniture, one with no separator, one ending in
 * CRLF, then the two texts each test file probes (markup, lists, Ext B…).
 */
export function sampleDoc(fourth: string, fifth: string): ExportDoc {
  return {
    id: 7,
    title: '王震講話',
    script: 'hant',
    leading: '\n',
    segments: [
      seg(1, 'share_log', '\n\n', { furniture: 'share' }),
      seg(2, '董事長王震表示，', ''),
      seg(3, '收入爲11.8億。', '\r\n'),
      seg(4, fourth, '\n'),
      seg(5, fifth, '\n'),
    ],
  };
}

/** The document's text as stored: leading text, then each segment and its separator. */
export function rawText(doc: ExportDoc): string {
  return doc.leading + doc.segments.map((s) => s.text + s.sep).join('');
}
