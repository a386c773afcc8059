import { describe, expect, it } from 'vitest';
import type { ClaimNotes, ExportDoc, TranscriptOptions } from './model';
import { transcriptParagraphs, withNoteRefs } from './model';
import { bilingualDocx, transcriptDocx, xmlSafe } from './docx';
import { transcriptHtml, transcriptMarkdown, transcriptText } from './transcript';
import { bilingualCsv } from './csv';
import { parseCsvRecords } from '../csv/csv';
import { docxParts, paragraphTexts, tableRows, trackedChanges } from './docx-test-helpers';
import { getConverter } from '../text/convert';
import { rawText, sampleDoc, seg } from './test-fixtures';

const DOC = sampleDoc('<script>alert(1)</script> & *星號* = 1', '  𠀋字與 Ext B 𪚥。');
const raw = rawText(DOC);
const id = (t: string) => t;
const base = { author: 'Jiaodui', date: '2026-11-24T10:00:00.000Z' };
const hant: TranscriptOptions & typeof base = { script: 'hant', convert: id, ...base };

function edited(): ExportDoc {
  return {
    ...DOC,
    segments: DOC.segments.map((s) =>
      s.id === 2 ? { ...s, text: '董事長王征表示，', status: 'edited' as const, changedBy: '林編輯', changedAt: '2026-11-20T08:30:15.123Z' } : s.id === 3 ? { ...s, text: '收入為11.8億元。', status: 'edited' as const } : s,
    ),
  };
}

const document = async (b64: Promise<string>) => docxParts(await b64)['word/document.xml'];

describe('DOCX transcript', () => {
  it('a clean DOCX of an untouched document has exactly the input’s paragraphs, no tracked changes', async () => {
    const parts = docxParts(await transcriptDocx(DOC, hant));
    expect(parts['[Content_Types].xml']).toContain('wordprocessingml.document.main+xml');
    const xml = parts['word/document.xml'];
    expect(paragraphTexts(xml)).toEqual(raw.split(/\r\n|\r|\n/).filter((l) => l.trim()));
    expect(xml).not.toMatch(/<w:ins |<w:del /);
    expect(xml).not.toContain('footnoteReference');
  });

  it('escapes hostile text and keeps astral (CJK Extension B) characters intact', async () => {
    const xml = await document(transcriptDocx(DOC, hant));
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; *星號* = 1');
    expect(xml).toContain('𠀋字與 Ext B 𪚥。');
    expect(xml).toMatch(/<w:t xml:space="preserve"> {2}𠀋/); // leading spaces kept
  });

  it('marked: real tracked changes (w:del then w:ins) with author, date and unique ids; accepting gives the corrected text, rejecting the machine text', async () => {
    const doc = edited();
    const xml = await document(transcriptDocx(doc, { ...hant, marked: true }));
    const changes = trackedChanges(xml);
    expect(changes.map((c) => [c.kind, c.text])).toEqual([
      ['del', '震'],
      ['ins', '征'],
      ['del', '爲'],
      ['ins', '為'],
      ['ins', '元'],
    ]);
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length);
    expect(changes[0].author).toBe('林編輯'); // the segment's last reviser
    expect(xml).toContain('w:date="2026-11-20T08:30:15Z"');
    expect(changes[2].author).toBe('Jiaodui'); // no recorded reviser: the exporting user
    expect(xml).toMatch(/<w:del [^>]*><w:r><w:delText xml:space="preserve">震<\/w:delText><\/w:r><\/w:del>/);
    const clean = transcriptParagraphs(doc, hant).map((l) => l.map((p) => p.text).join(''));
    expect(paragraphTexts(xml, 'accepted')).toEqual(clean);
    expect(paragraphTexts(xml, 'rejected')).toEqual(raw.split(/\r\n|\r|\n/).filter((l) => l.trim()));
  });

  it('Simplified, furniture left out', async () => {
    const t2s = getConverter('t2s');
    const xml = await document(transcriptDocx(edited(), { ...hant, script: 'hans', convert: (t) => t2s.convert(t), includeFurniture: false, marked: true }));
    expect(xml).not.toContain('share_log');
    expect(trackedChanges(xml).slice(0, 2).map((c) => c.text)).toEqual(['震', '征']);
    expect(paragraphTexts(xml)[0]).toBe('董事长王征表示，收入为11.8亿元。');
  });

  it('drops characters XML cannot hold (form feeds, other C0 controls)', async () => {
    expect(xmlSafe('a\f\u0000b\tc\u000bd')).toBe('ab\tcd');
    const doc: ExportDoc = { ...DOC, leading: '', segments: [seg(1, '第一頁\f完', '\n')] };
    expect(paragraphTexts(await document(transcriptDocx(doc, hant)))).toEqual(['第一頁完']);
  });

  it('claims appendix: real footnotes, referenced where each claim ends', async () => {
    const notes: ClaimNotes = {
      refs: new Map([[3, [{ at: 8, n: 1 }]], [5, [{ at: 100, n: 2 }]]]),
      notes: [
        { n: 1, text: '收入爲11.8億', verdict: 'false', claimant: '王震', claimDate: '2024-03-28', evidence: [{ url: 'https://example.org/report?a=1&b=<2>', note: '年報 p.3' }], notes: '年報寫 11.6 億', orphaned: false },
        { n: 2, text: '𠀋字', verdict: 'unverified', claimant: null, claimDate: null, evidence: [], notes: '', orphaned: true },
      ],
    };
    const parts = docxParts(await transcriptDocx(DOC, { ...hant, notes }));
    const xml = parts['word/document.xml'];
    expect(xml).toMatch(/收入爲11\.8億<\/w:t><\/w:r><w:r><w:rPr><w:rStyle w:val="FootnoteReference"\/><\/w:rPr><w:footnoteReference w:id="1"\/><\/w:r><w:r><w:t xml:space="preserve">。/);
    expect(xml).toContain('<w:footnoteReference w:id="2"/>');
    const fn = parts['word/footnotes.xml'];
    expect(fn).toMatch(/<w:footnote w:id="1">[\s\S]*「收入爲11\.8億」查核結果：錯誤。聲稱者：王震（2024年3月28日）。證據：https:\/\/example\.org\/report\?a=1&amp;b=&lt;2&gt; \(年報 p\.3\)。備註：年報寫 11\.6 億/);
    expect(fn).toMatch(/<w:footnote w:id="2">[\s\S]*「𠀋字」（原文已改動，找不到此說法）查核結果：未查核。/);
    expect(parts['word/_rels/document.xml.rels']).toContain('footnotes.xml');
  });
});

describe('claims notes in txt, md and html', () => {
  const notes: ClaimNotes = {
    refs: new Map([[3, [{ at: 8, n: 1 }]]]),
    notes: [{ n: 1, text: '收入爲11.8億', verdict: 'misleading', claimant: '王震', claimDate: null, evidence: [{ url: 'https://example.org/<x>', note: '' }], notes: 'a\nb', orphaned: false }],
  };
  it('numbered references and an appendix after the text', () => {
    const txt = transcriptText(DOC, { ...hant, notes });
    expect(txt.startsWith(raw.replace('收入爲11.8億。', '收入爲11.8億[1]。'))).toBe(true);
    expect(txt).toContain('\n事實查核\n[1] 「收入爲11.8億」查核結果：誤導。聲稱者：王震。證據：https://example.org/<x>。備註：a b\n');
    const md = transcriptMarkdown(DOC, { ...hant, notes });
    expect(md).toContain('收入爲11.8億[^1]。');
    expect(md).toMatch(/\n\n\[\^1\]: 「收入爲11\.8億」查核結果：誤導。/);
    const html = transcriptHtml(DOC, { ...hant, notes });
    expect(html).toContain('收入爲11.8億<sup class="note-ref"><a href="#note-1" id="note-ref-1">1</a></sup>。');
    expect(html).toContain('<a href="https://example.org/&lt;x&gt;" rel="noopener noreferrer">');
    expect(html).toMatch(/<li id="note-1" value="1">「收入爲11\.8億」查核結果：誤導。/);
    expect(html).not.toContain('<x>');
  });
  it('a marked transcript places references in the new text; deletions take no room', () => {
    const pieces = withNoteRefs(
      [
        { op: 'equal', text: '王' },
        { op: 'delete', text: '震' },
        { op: 'insert', text: '征' },
        { op: 'equal', text: '說。' },
      ],
      [{ at: 2, n: 1 }, { at: 0, n: 2 }, { at: 9, n: 3 }],
    );
    expect(pieces.map((p) => (p.op === 'note' ? `[${p.n}]` : p.op === 'equal' ? p.text : `${p.op}:${p.text}`))).toEqual(['[2]', '王', 'delete:震', 'insert:征', '[1]', '說。', '[3]']);
  });
});

describe('bilingual table as DOCX', () => {
  const toHans = (t: string) => getConverter('t2s').convert(t);
  const notes = new Map([[2, ['林: =check name\nreply: ok']]]);
  it('a real w:tbl: header row repeated, one row per segment, both scripts, status, notes; no English column without English', async () => {
    const xml = await document(bilingualDocx(edited(), { toHant: id, toHans, notes, author: 'J' }));
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain('<w:tblHeader/>');
    const rows = tableRows(xml);
    expect(rows[0]).toEqual(['#', 'Traditional 繁體', 'Simplified 简体', 'Status 狀態', 'Notes 備註']);
    expect(rows).toHaveLength(DOC.segments.length + 1);
    expect(rows[2]).toEqual(['2', '董事長王征表示，', '董事长王征表示，', 'edited 已改', '林: =check name\nreply: ok']);
    expect(rows[1][3]).toBe('unreviewed 未審 · furniture (share)');
    expect(rows[4][1]).toBe('<script>alert(1)</script> & *星號* = 1');
    expect(xml).toContain('&lt;script&gt;');
    expect(rows[5][1]).toBe('  𠀋字與 Ext B 𪚥。');
  });
  it('an English column where segments have English; furniture can be left out', async () => {
    const doc: ExportDoc = { ...DOC, segments: DOC.segments.map((s) => (s.id === 3 ? { ...s, english: 'Revenue was 1.18 billion.' } : s)) };
    const rows = tableRows(await document(bilingualDocx(doc, { toHant: id, toHans, notes, author: 'J', includeFurniture: false })));
    expect(rows[0]).toEqual(['#', 'Traditional 繁體', 'Simplified 简体', 'English', 'Status 狀態', 'Notes 備註']);
    expect(rows).toHaveLength(DOC.segments.length); // furniture row left out
    expect(rows.find((r) => r[0] === '3')?.[3]).toBe('Revenue was 1.18 billion.');
    expect(rows.find((r) => r[0] === '2')?.[3]).toBe('');
    const csv = parseCsvRecords(bilingualCsv(doc, { toHant: id, toHans, notes })).map((r) => r.fields);
    expect(csv[0]).toEqual(['#', 'segment', 'traditional', 'simplified', 'english', 'status', 'furniture', 'notes']);
    expect(csv.find((r) => r[0] === '3')?.[4]).toBe('Revenue was 1.18 billion.');
  });
});
