/**
 * DOCX exports with the `docx` package: the transcript (clean, or marked with real
 * tracked changes — `w:ins`/`w:del` that Word's Accept/Reject works on — from the same
 * machine → current character diff as the marked txt/html) with the claims appendix as
 * real footnotes, and the bilingual table as a real `w:tbl`. One paragraph per line of
 * the transcript, as in Markdown and HTML. Packing is asynchronous; the result is base64.
 * Pure (no I/O): runs in Node and the browser.
 */
import {
  DeletedTextRun,
  Document,
  FootnoteReferenceRun,
  InsertedTextRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import type { ScriptT } from '../domain/schemas';
import { XML_INVALID_UNIT } from '../xml/xml';
import { baseFileName, transcriptParagraphs, type ChangeInfo, type ClaimNote, type ExportDoc, type Piece, type TranscriptOptions } from './model';
import { noteText } from './notes';
import { hasEnglish, tableSegments, type TableOptions } from './csv';
import { transcriptBaseName } from './transcript';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Characters XML 1.0 does not allow (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates): dropped. */
export function xmlSafe(s: string): string {
  return s.replace(XML_INVALID_UNIT, '');
}

/** Word's w:date is an xsd:dateTime; keep it to whole seconds in UTC. */
function wordDate(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? new Date(0).toISOString().replace(/\.\d{3}Z$/, 'Z') : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Word language ids for the East Asian runs. */
function wordLang(script: ScriptT): string {
  return script === 'hant' ? 'zh-TW' : 'zh-CN';
}

function documentStyles(script: ScriptT) {
  return { default: { document: { run: { language: { value: wordLang(script), eastAsia: wordLang(script) } } } } };
}

export interface DocxTranscriptOptions extends TranscriptOptions {
  /** tracked changes of segments without a recorded author/time get these */
  author: string;
  date: string;
}

/** The runs of one paragraph: text, tracked insertions/deletions (unique ids), footnote references. */
function paragraphRuns(line: readonly Piece[], fallback: ChangeInfo, nextId: () => number): ParagraphChild[] {
  return line.map((p): ParagraphChild => {
    if (p.op === 'note') return new FootnoteReferenceRun(p.n);
    const text = xmlSafe(p.text);
    if (p.op === 'equal') return new TextRun({ text });
    const c = p.change ?? fallback;
    const attrs = { id: nextId(), author: xmlSafe(c.author), date: wordDate(c.date) };
    return p.op === 'insert' ? new InsertedTextRun({ text, ...attrs }) : new DeletedTextRun({ text, ...attrs });
  });
}

function noteParagraph(note: ClaimNote, script: ScriptT): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: xmlSafe(noteText(note, script)) })] });
}

/** The transcript as a DOCX package (base64). */
export async function transcriptDocx(doc: ExportDoc, opts: DocxTranscriptOptions): Promise<string> {
  let id = 0;
  const nextId = () => ++id;
  const fallback = { author: opts.author, date: opts.date };
  const paragraphs = transcriptParagraphs(doc, opts).map((line) => new Paragraph({ children: paragraphRuns(line, fallback, nextId) }));
  const notes = opts.notes?.notes ?? [];
  const file = new Document({
    title: xmlSafe(opts.convert(doc.title)),
    creator: xmlSafe(opts.author),
    styles: documentStyles(opts.script),
    footnotes: Object.fromEntries(notes.map((n) => [String(n.n), { children: [noteParagraph(n, opts.script)] }])),
    sections: [{ children: paragraphs.length ? paragraphs : [new Paragraph({})] }],
  });
  return Packer.toBase64String(file);
}

export interface DocxTableOptions extends TableOptions {
  author: string;
}

const STATUS_LABEL: Record<string, string> = { unreviewed: 'unreviewed 未審', edited: 'edited 已改', approved: 'approved 已核准' };

/** A cell: one paragraph per line (a cell needs at least one paragraph). */
function cell(text: string, opts: { header?: boolean; width: number; lang?: string } = { width: 10 }): TableCell {
  const lines = xmlSafe(text).split(/\r\n|\r|\n/);
  return new TableCell({
    width: { size: opts.width, type: WidthType.PERCENTAGE },
    children: lines.map((l) => new Paragraph({ children: [new TextRun({ text: l, bold: opts.header, ...(opts.lang ? { language: { value: opts.lang, eastAsia: opts.lang } } : {}) })] })),
  });
}

/** The bilingual table (a real w:tbl, header row repeated on every page) as a DOCX package (base64). */
export async function bilingualDocx(doc: ExportDoc, opts: DocxTableOptions): Promise<string> {
  const segments = tableSegments(doc, opts);
  const english = hasEnglish(segments);
  const cols: { label: string; width: number }[] = [
    { label: '#', width: 5 },
    { label: 'Traditional 繁體', width: english ? 26 : 34 },
    { label: 'Simplified 简体', width: english ? 26 : 34 },
    ...(english ? [{ label: 'English', width: 22 }] : []),
    { label: 'Status 狀態', width: 9 },
    { label: 'Notes 備註', width: english ? 12 : 18 },
  ];
  const header = new TableRow({ tableHeader: true, children: cols.map((c) => cell(c.label, { header: true, width: c.width })) });
  const rows = segments.map((s) => {
    const w = (i: number) => cols[i].width;
    const status = `${STATUS_LABEL[s.status] ?? s.status}${s.furniture ? ` · furniture (${s.furniture})` : ''}`;
    const cells = [
      cell(String(s.index + 1), { width: w(0) }),
      cell(opts.toHant(s.text), { width: w(1), lang: 'zh-TW' }),
      cell(opts.toHans(s.text), { width: w(2), lang: 'zh-CN' }),
      ...(english ? [cell(s.english ?? '', { width: w(3), lang: 'en-US' })] : []),
      cell(status, { width: w(english ? 4 : 3) }),
      cell((opts.notes.get(s.id) ?? []).join('\n'), { width: w(english ? 5 : 4) }),
    ];
    return new TableRow({ cantSplit: false, children: cells });
  });
  const file = new Document({
    title: xmlSafe(doc.title),
    creator: xmlSafe(opts.author),
    styles: documentStyles('hant'),
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ children: [new TextRun({ text: xmlSafe(doc.title), bold: true })] }),
          new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] }),
        ],
      },
    ],
  });
  return Packer.toBase64String(file);
}

export function transcriptDocxName(doc: ExportDoc, opts: TranscriptOptions): string {
  return `${transcriptBaseName(doc, opts)}.docx`;
}

export function bilingualDocxName(doc: ExportDoc): string {
  return `${baseFileName(doc)}.bilingual.docx`;
}
