/**
 * What every export reads: a document's segments with their machine and current text
 * and stored separators, the leading text before the first segment, and a converter
 * into the requested script (identity for the document's own script). Pure.
 */
import type { FurnitureKindT, ScriptT, SegmentStatus } from '../domain/schemas';
import { charDiff, type DiffPart } from '../text/diff';

export interface ExportSegment {
  id: number;
  /** 0-based row number */
  index: number;
  machineText: string;
  text: string;
  sep: string;
  status: SegmentStatus;
  furniture: FurnitureKindT | null;
  speaker: string | null;
}

export interface ExportDoc {
  id: number;
  title: string;
  /** the document's own script */
  script: ScriptT;
  /** text before the first segment (exactly as imported) */
  leading: string;
  segments: readonly ExportSegment[];
}

export interface TranscriptOptions {
  /** show insertions/deletions against the machine text */
  marked?: boolean;
  /** keep page furniture (default true) */
  includeFurniture?: boolean;
  /** the target script (for the language tag) */
  script: ScriptT;
  /** converts a text of the document into the target script (identity when it is the document's script) */
  convert: (text: string) => string;
}

/** A piece of inline text: unchanged, inserted or deleted (against the machine text). */
export type Piece = DiffPart;

/** The pieces of one segment: its text, or (marked) the diff from machine text to text, in the target script. */
export function segmentPieces(seg: ExportSegment, opts: TranscriptOptions): Piece[] {
  const text = opts.convert(seg.text);
  if (!opts.marked || seg.text === seg.machineText) return text ? [{ op: 'equal', text }] : [];
  return charDiff(opts.convert(seg.machineText), text);
}

/**
 * The document as a stream: the leading text, then each kept segment's pieces and its
 * separator. A left-out furniture segment still gives its line break when the text
 * before it would otherwise run into the next paragraph.
 */
export function transcriptStream(doc: ExportDoc, opts: TranscriptOptions): Piece[] {
  const out: Piece[] = [];
  let tail = '';
  const push = (p: Piece) => {
    if (!p.text) return;
    out.push(p);
    tail = p.text;
  };
  push({ op: 'equal', text: opts.convert(doc.leading) });
  for (const seg of doc.segments) {
    if (seg.furniture && opts.includeFurniture === false) {
      if (/[\r\n]/.test(seg.sep) && out.length && !/[\r\n]$/.test(tail)) push({ op: 'equal', text: seg.sep });
      continue;
    }
    for (const p of segmentPieces(seg, opts)) push(p);
    push({ op: 'equal', text: seg.sep });
  }
  return out;
}

/** Split a stream into lines (pieces per line); the line breaks themselves are dropped. */
export function streamLines(stream: readonly Piece[]): Piece[][] {
  const lines: Piece[][] = [[]];
  for (const p of stream) {
    const parts = p.text.split(/\r\n|\r|\n/);
    parts.forEach((t, i) => {
      if (i > 0) lines.push([]);
      if (t) lines[lines.length - 1].push({ op: p.op, text: t });
    });
  }
  return lines;
}

/** The paragraphs of a transcript: lines with visible text. */
export function transcriptParagraphs(doc: ExportDoc, opts: TranscriptOptions): Piece[][] {
  return streamLines(transcriptStream(doc, opts)).filter((l) => l.some((p) => p.text.trim()));
}

export function langTag(script: ScriptT): string {
  return script === 'hant' ? 'zh-Hant' : 'zh-Hans';
}

/** A file name from a title: no path or shell-unfriendly characters. */
export function baseFileName(doc: Pick<ExportDoc, 'id' | 'title'>): string {
  return doc.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || `document-${doc.id}`;
}

/** Escape text for HTML element content and double-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}
