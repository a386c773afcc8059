import { describe, expect, it } from 'vitest';
import type { ExportDoc, TranscriptOptions } from './model';
import { transcriptParagraphs, transcriptStream } from './model';
import { escapeMarkdown, exportTranscript, transcriptHtml, transcriptMarkdown, transcriptText } from './transcript';
import { csvField, guardFormula } from '../csv/csv';
import { bilingualCsv } from './csv';
import { buildChangeReport, changeReportHtml } from './report';
import { parseXliff, toXliff, xliffState } from './xliff';
import { parseCsvRecords } from '../csv/csv';
import { getConverter } from '../text/convert';
import { rawText, sampleDoc, seg } from './test-fixtures';

const DOC = sampleDoc('<b>粗體</b> & *星號* = 1', '- 列表');
const raw = rawText(DOC);
const id = (t: string) => t;
const hant: TranscriptOptions = { script: 'hant', convert: id };

function edited(): ExportDoc {
  return { ...DOC, segments: DOC.segments.map((s) => (s.id === 2 ? { ...s, text: '董事長王征表示，', status: 'edited' as const } : s)) };
}

describe('transcripts', () => {
  it('a clean export of an untouched document reproduces the text exactly (txt) and keeps every paragraph (md, html)', () => {
    expect(transcriptText(DOC, hant)).toBe(raw);
    const paras = raw.split(/\r?\n/).filter((l) => l.trim());
    const md = transcriptMarkdown(DOC, hant);
    const html = transcriptHtml(DOC, hant);
    for (const p of paras) {
      expect(md).toContain(escapeMarkdown(p, true));
      expect(html).toContain(p.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
    }
    expect(md.split('\n\n')).toHaveLength(paras.length);
  });

  it('escapes document text in HTML and Markdown: nothing is interpreted', () => {
    const html = transcriptHtml(DOC, hant);
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;粗體&lt;/b&gt; &amp; *星號* = 1');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).not.toMatch(/<script|src=|href=/);
    const md = transcriptMarkdown(DOC, hant);
    expect(md).toContain('\\<b\\>粗體\\</b\\> & \\*星號\\* = 1');
    expect(md).toContain('\\- 列表');
  });

  it('marks insertions and deletions in each format', () => {
    const doc = edited();
    expect(transcriptText(doc, { ...hant, marked: true })).toContain('董事長王[-震-]{+征+}表示，');
    expect(transcriptText(doc, hant)).toContain('董事長王征表示，');
    expect(transcriptMarkdown(doc, { ...hant, marked: true })).toContain('董事長王~~震~~**征**表示，');
    expect(transcriptHtml(doc, { ...hant, marked: true })).toContain('董事長王<del>震</del><ins>征</ins>表示，');
    expect(transcriptHtml(doc, hant)).not.toContain('<ins>');
  });

  it('leaves furniture out on request without joining paragraphs', () => {
    const out = transcriptText(DOC, { ...hant, includeFurniture: false });
    expect(out).not.toContain('share_log');
    expect(out.startsWith('\n董事長')).toBe(true);
    const d: ExportDoc = { ...DOC, leading: '', segments: [seg(1, '甲。', '\n'), seg(2, '乙', '\n', { furniture: 'byline' }), seg(3, '丙。', '')] };
    expect(transcriptText(d, { ...hant, includeFurniture: false })).toBe('甲。\n丙。');
    expect(transcriptParagraphs(d, { ...hant, includeFurniture: false })).toHaveLength(2);
  });

  it('converts to Simplified through the given converter, marked diffs included', () => {
    const t2s = getConverter('t2s');
    const opts: TranscriptOptions = { script: 'hans', convert: (t) => t2s.convert(t) };
    expect(transcriptText(DOC, opts)).toContain('收入为11.8亿。');
    const r = exportTranscript(edited(), 'html', { ...opts, marked: true });
    // the Simplified file is named by the Simplified title, converted as the text is
    expect(r.fileName).toBe('王震讲话.zh-Hans.marked.html');
    expect(exportTranscript(DOC, 'txt', opts).fileName).toBe('王震讲话.zh-Hans.txt');
    expect(r.content).toContain('lang="zh-Hans"');
    expect(r.content).toContain('董事长王<del>震</del><ins>征</ins>表示');
    expect(transcriptStream(DOC, opts)[0]).toEqual({ op: 'equal', text: '\n' });
  });

  it('names files by format', () => {
    expect(exportTranscript(DOC, 'txt', hant)).toMatchObject({ fileName: '王震講話.zh-Hant.txt', mime: 'text/plain;charset=utf-8' });
    expect(exportTranscript(DOC, 'md', hant).fileName).toBe('王震講話.zh-Hant.md');
  });
});

describe('bilingual CSV', () => {
  it('guards formula injection and quotes per RFC 4180', () => {
    expect(guardFormula('=SUM(A1)')).toBe("'=SUM(A1)");
    for (const c of ['+1', '-1', '@x', '\tx']) expect(guardFormula(c)).toBe(`'${c}`);
    expect(guardFormula('商湯=1')).toBe('商湯=1');
    expect(csvField('a,"b"\nc')).toBe('"a,""b""\nc"');
  });

  it('one row per segment with both scripts, status and notes; BOM and CRLF', () => {
    const t2s = getConverter('t2s');
    const doc: ExportDoc = { ...edited(), segments: [...edited().segments, seg(6, '=HYPERLINK("x")', '')] };
    const csv = bilingualCsv(doc, { toHant: id, toHans: (t) => t2s.convert(t), notes: new Map([[2, ['甲: 查名字 [王征]', '乙: "引號", 逗號']]]) });
    expect(csv.startsWith('\uFEFF#,segment,traditional,simplified,status,furniture,notes\r\n')).toBe(true);
    const recs = parseCsvRecords(csv).map((r) => r.fields);
    expect(recs).toHaveLength(7);
    expect(recs[2]).toEqual(['2', '2', '董事長王征表示，', '董事长王征表示，', 'edited', '', '甲: 查名字 [王征]\n乙: "引號", 逗號']);
    expect(recs[1][5]).toBe('share');
    expect(csv).toContain(`"'=HYPERLINK(""x"")"`); // guarded in the file, the reader takes the guard off
    expect(recs[6][2]).toBe(`=HYPERLINK("x")`);
    expect(bilingualCsv(doc, { toHant: id, toHans: id, notes: new Map(), includeFurniture: false })).not.toContain('share_log');
  });
});

describe('change report', () => {
  const input = () => ({
    doc: edited(),
    generatedAt: '2026-01-01T00:00:00.000Z',
    revisions: new Map([[2, [{ author: 'Lin', createdAt: '2026-01-01T00:00:00.000Z', reason: 'manual', before: '董事長王震表示，', after: '董事長王征表示，' }]]]),
    findings: [
      { segmentId: 3, rule: 'mixed-script', severity: 'warning', message: '混用', text: '爲', dismissedReason: 'house style', dismissedAt: '2026-01-01' },
      { segmentId: 4, rule: 'mixed-script', severity: 'warning', message: '混用', text: 'x', dismissedReason: null, dismissedAt: null },
      { segmentId: 4, rule: 'punctuation', severity: 'info', message: '<標點>', text: '*', dismissedReason: null, dismissedAt: null },
    ],
  });

  it('lists changed segments with diff, revisions and dismissed findings, and a summary', () => {
    const r = buildChangeReport(input());
    expect(r.summary).toEqual({
      segments: 5,
      reviewed: 1,
      approved: 0,
      changed: 1,
      editedByHand: 1,
      fixedAutomatically: 0,
      charactersChanged: 2,
      findingsByRule: { 'mixed-script': { open: 1, dismissed: 1 }, punctuation: { open: 1, dismissed: 0 } },
    });
    expect(r.changes.map((c) => c.segmentId)).toEqual([2, 3]);
    expect(r.changes[0]).toMatchObject({ machineText: '董事長王震表示，', finalText: '董事長王征表示，', revisions: [{ author: 'Lin', reason: 'manual' }] });
    expect(r.changes[0].diff).toEqual([
      { op: 'equal', text: '董事長王' },
      { op: 'delete', text: '震' },
      { op: 'insert', text: '征' },
      { op: 'equal', text: '表示，' },
    ]);
    expect(r.changes[1].dismissedFindings[0]).toMatchObject({ rule: 'mixed-script', dismissedReason: 'house style' });
  });

  it('prints as a self-contained escaped HTML page', () => {
    const doc = { ...edited(), title: '<script>alert(1)</script>' };
    const html = changeReportHtml(buildChangeReport({ ...input(), doc }));
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('王<del>震</del><ins>征</ins>');
    expect(html).toContain('house style');
    expect(html).not.toMatch(/src=|href=|<link/);
  });
});

describe('XLIFF', () => {
  it('writes one unit per segment and reads it back', () => {
    const doc = edited();
    const xml = toXliff({ ...doc, segments: [...doc.segments, seg(9, 'a\r\n<&>"\'', '', { status: 'approved' })] }, new Map([[2, ['查 <名字>']]]));
    expect(xml).toContain('<unit id="s2" name="2">');
    expect(xml).toContain('<note category="comment">查 &lt;名字&gt;</note>');
    expect(xml).toContain('<segment state="translated">');
    const units = parseXliff(xml);
    expect(units).toHaveLength(6);
    expect(units[1]).toMatchObject({ id: 's2', segmentId: 2, target: '董事長王征表示，' });
    expect(units[5].target).toBe('a\r\n<&>"\'');
    expect(units[3].target).toBe('<b>粗體</b> & *星號* = 1');
  });

  it('maps status to state', () => {
    expect(['unreviewed', 'edited', 'approved'].map((s) => xliffState(s as 'edited'))).toEqual(['initial', 'translated', 'final']);
  });

  it('refuses DOCTYPE, entities, malformed XML, other vocabularies and inline codes with a clear error', () => {
    const ok = toXliff(DOC, new Map());
    expect(() => parseXliff(ok.replace('<xliff', '<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff'))).toThrow(/DOCTYPE/);
    expect(() => parseXliff(ok.replace('</file>', ''))).toThrow(/XML line/);
    expect(() => parseXliff(ok.replace('<target>share_log', '<target>&xxe;share_log'))).toThrow(/unknown entity/);
    expect(() => parseXliff(ok.replace('urn:oasis:names:tc:xliff:document:2.0', 'urn:x'))).toThrow(/not an XLIFF 2.0/);
    expect(() => parseXliff(ok.replace('<target>share_log', '<target><ph id="1"/>share_log'))).toThrow(/inline element/);
    expect(() => parseXliff(ok.replace('id="s2"', 'id="s1"'))).toThrow(/twice/);
  });
});
