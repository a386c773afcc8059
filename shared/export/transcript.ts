/**
 * Transcript exports: plain text, Markdown and self-contained HTML, clean (the corrected
 * text) or marked (insertions and deletions against the machine text). Plain text keeps
 * the stored separators and leading text exactly; Markdown and HTML keep every paragraph.
 * Document text is always escaped, never interpreted as markup. Pure.
 */
import { baseFileName, escapeHtml, langTag, transcriptParagraphs, transcriptStream, type ExportDoc, type Piece, type TranscriptOptions } from './model';

/** `[-deleted-]{+inserted+}` (the wdiff convention) for marked plain text. */
export function transcriptText(doc: ExportDoc, opts: TranscriptOptions): string {
  return transcriptStream(doc, opts)
    .map((p) => (p.op === 'equal' ? p.text : p.op === 'delete' ? `[-${p.text}-]` : `{+${p.text}+}`))
    .join('');
}

/** Backslash-escape what Markdown would read as markup (CommonMark allows it before any ASCII punctuation). */
export function escapeMarkdown(s: string, lineStart = false): string {
  let out = s.replace(/[\\`*_{}[\]<>#|~!]/g, (c) => `\\${c}`);
  if (lineStart) out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  return out;
}

function mdPiece(p: Piece, first: boolean): string {
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
  return `${paras.join('\n\n')}\n`;
}

function htmlPiece(p: Piece): string {
  const t = escapeHtml(p.text);
  return p.op === 'equal' ? t : p.op === 'delete' ? `<del>${t}</del>` : `<ins>${t}</ins>`;
}

const CSS = `body{font-family:"Noto Serif CJK TC","Noto Serif CJK SC","Source Han Serif",serif;max-width:42em;margin:2em auto;padding:0 1em;line-height:1.8}
ins{background:#d6f5d6;text-decoration:underline}del{background:#f8d7da;color:#8a1f28}
@media print{body{margin:0;max-width:none}}`;

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
${paras.join('\n')}
</body>
</html>
`;
}

export type TranscriptFormat = 'txt' | 'md' | 'html';

/** File name, MIME type and content of a transcript export. */
export function exportTranscript(doc: ExportDoc, format: TranscriptFormat, opts: TranscriptOptions): { fileName: string; mime: string; content: string } {
  const name = `${baseFileName(doc)}.${langTag(opts.script)}${opts.marked ? '.marked' : ''}`;
  if (format === 'md') return { fileName: `${name}.md`, mime: 'text/markdown;charset=utf-8', content: transcriptMarkdown(doc, opts) };
  if (format === 'html') return { fileName: `${name}.html`, mime: 'text/html;charset=utf-8', content: transcriptHtml(doc, opts) };
  return { fileName: `${name}.txt`, mime: 'text/plain;charset=utf-8', content: transcriptText(doc, opts) };
}
