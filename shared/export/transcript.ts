/**
 * Transcript exports: plain text, Markdown and self-contained HTML, clean (the corrected
 * text) or marked (insertions and deletions against the machine text). Plain text keeps
 * the stored separators and leading text exactly; Markdown and HTML keep every paragraph.
 * Document text is always escaped, never interpreted as markup. Pure.
 */
import { baseFileName, escapeHtml, langTag, transcriptParagraphs, transcriptStream, type ExportDoc, type Piece, type TranscriptOptions } from './model';
import { appendixHeading, evidenceText, noteParts, noteText } from './notes';
import { isWebUrl } from '../urls';

/** `[-deleted-]{+inserted+}` (the wdiff convention) for marked plain text; note references as `[n]`, the notes after the text. */
export function transcriptText(doc: ExportDoc, opts: TranscriptOptions): string {
  const body = transcriptStream(doc, opts)
    .map((p) => (p.op === 'note' ? `[${p.n}]` : p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');
  const notes = opts.notes?.notes ?? [];
  if (!notes.length) return body;
  const lines = notes.map((n) => `[${n.n}] ${noteText(n, opts.script)}`);
  return `${body}${/\n$/.test(body) || !body ? '' : '\n'}\n${appendixHeading(opts.script)}\n${lines.join('\n')}\n`;
}

/** Backslash-escape what Markdown would read as markup (CommonMark allows it before any ASCII punctuation). */
export function escapeMarkdown(s: string, lineStart = false): string {
  let out = s.replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`);
  if (lineStart) out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

function mdPiece(p: Piece, first: boolean): string {
  if (p.op === 'note') return `[^${p.n}]`;
  const t = escapeMarkdown(p.text, first);
  if (p.op === 'equal') return t;
  // emphasis markers must not sit next to spaces inside them; keep the spaces outside
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(t)!;
  if (!m[2]) return p.op === 'insert' ? t : '';
  return `${m[1]}${p.op === 'delete' ? `~~${m[2]}~~` : `**${m[2]}**`}${m[3]}`;
}

/** Markdown: one paragraph per line of the transcript (the title is the first paragraph already). */
export function transcriptMarkdown(doc: ExportDoc, opts: TranscriptOptions): string {
  const paras = transcriptParagraphs(doc, opts).map((line) => line.map((p, i) => mdPiece(p, i === 0)).join('').trim());
  // claims as footnotes (GitHub / CommonMark-extension syntax), one definition per note
  for (const n of opts.notes?.notes ?? []) paras.push(`[^${n.n}]: ${escapeMarkdown(noteText(n, opts.script))}`);
  return `${paras.join('\n\n')}\n`;
}

function htmlPiece(p: Piece): string {
  if (p.op === 'note') return `<sup class="note-ref"><a href="#note-${p.n}" id="note-ref-${p.n}">${p.n}</a></sup>`;
  const t = escapeHtml(p.text);
  return p.op === 'equal' ? t : p.op === 'delete' ? `<del>${t}</del>` : `<ins>${t}</ins>`;
}

const CSS = `body{font-family:"Noto Serif CJK TC","Noto Serif CJK SC","Source Han Serif",serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.8}
ins{background:#d6f5d6;text-decoration:underline}del{background:#f8d7da;color:#8a1f28}
section.notes{border-top:1px solid #999;margin-top:2em;font-size:.9em}sup.note-ref a{text-decoration:none}
@media print{body{margin:0;max-width:none}}`;

/** An evidence URL as a link when it is http(s) (shared/urls.ts), else as text. */
function htmlEvidence(e: { url: string; note: string }): string {
  if (!isWebUrl(e.url)) return escapeHtml(evidenceText(e));
  const link = `<a href="${escapeHtml(e.url)}" rel="noopener noreferrer">${escapeHtml(e.url)}</a>`;
  return e.note.trim() ? `${link} (${escapeHtml(e.note.trim())})` : link;
}

function htmlNotes(opts: TranscriptOptions): string {
  const notes = opts.notes?.notes ?? [];
  if (!notes.length) return '';
  const items = notes.map((n) => {
    const p = noteParts(n, opts.script);
    const ev = p.evidence.length ? `${escapeHtml(p.evidenceLabel)}${p.evidence.map(htmlEvidence).join('；')}。` : '';
    const parts = [escapeHtml(p.claim), escapeHtml(p.verdict), p.claimant ? escapeHtml(p.claimant) : '', ev, p.notes ? escapeHtml(p.notes) : ''].filter(Boolean);
    return `<li id="note-${n.n}" value="${n.n}">${parts.join('')} <a href="#note-ref-${n.n}" aria-label="back">↩</a></li>`;
  });
  return `\n<section class="notes"><h2>${escapeHtml(appendixHeading(opts.script))}</h2>\n<ol>\n${items.join('\n')}\n</ol></section>`;
}

/** A complete HTML page (inline style, no scripts, no external resources). */
export function transcriptHtml(doc: ExportDoc, opts: TranscriptOptions): string {
  const title = escapeHtml(opts.convert(doc.title));
  const paras = transcriptParagraphs(doc, opts).map((line) => `<p>${line.map(htmlPiece).join('')}</p>`);
  return `<!DOCTYPE html>
<html lang="${langTag(opts.script)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${title}</title>
<style>${CSS}</style>
</head>
<body>
${paras.join('\n')}${htmlNotes(opts)}
</body>
</html>
`;
}

export type TranscriptFormat = 'txt' | 'md' | 'html';

/** The file name of a transcript without its extension: title (in the target script, converted as the text is), language tag, `.marked`. */
export function transcriptBaseName(doc: ExportDoc, opts: TranscriptOptions): string {
  return `${baseFileName({ id: doc.id, title: opts.convert(doc.title) })}.${langTag(opts.script)}${opts.marked ? '.marked' : ''}`;
}

/** File name, MIME type and content of a transcript export. */
export function exportTranscript(doc: ExportDoc, format: TranscriptFormat, opts: TranscriptOptions): { fileName: string; mime: string; content: string } {
  const name = transcriptBaseName(doc, opts);
  if (format === 'md') return { fileName: `${name}.md`, mime: 'text/markdown;charset=utf-8', content: transcriptMarkdown(doc, opts) };
  if (format === 'html') return { fileName: `${name}.html`, mime: 'text/html;charset=utf-8', content: transcriptHtml(doc, opts) };
  return { fileName: `${name}.txt`, mime: 'text/plain;charset=utf-8', content: transcriptText(doc, opts) };
}
