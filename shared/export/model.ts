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
  /** an English rendering of the segment, where one exists (bilingual tables add the column only then) */
  english?: string | null;
  /** who last changed the text and when (tracked changes in DOCX); absent for untouched segments */
  changedBy?: string;
  changedAt?: string;
  /** the text's version when exported (its last revision id, 0 if none): XLIFF records it so an import can tell a text changed since */
  textVersion?: number;
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
  /** the claims appendix: note references per segment and the notes' contents */
  notes?: ClaimNotes;
}

/** A claim as an appendix note (texts already in the target script where they are document text). */
export interface ClaimNote {
  /** 1-based note number, in text order */
  n: number;
  text: string;
  verdict: string;
  claimant: string | null;
  claimDate: string | null;
  evidence: readonly { url: string; note: string }[];
  notes: string;
  orphaned: boolean;
}

export interface ClaimNotes {
  /** per segment id: where a note reference goes — `at` is an offset into the segment's text in the target script */
  refs: ReadonlyMap<number, readonly { at: number; n: number }[]>;
  notes: readonly ClaimNote[];
}

/** Who made a change and when (the segment's last text revision): tracked changes in DOCX. */
export interface ChangeInfo {
  author: string;
  date: string;
}

/** A piece of inline text: unchanged, inserted or deleted (against the machine text; `change` says by whom), or a note reference. */
export type Piece = (DiffPart & { change?: ChangeInfo }) | { op: 'note'; text: ''; n: number };

/** Put note references into a segment's pieces at offsets of its (new) text; deletions take no room. */
export function withNoteRefs(pieces: readonly Piece[], refs: readonly { at: number; n: number }[] | undefined): Piece[] {
  if (!refs?.length) return [...pieces];
  const sorted = [...refs].sort((a, b) => a.at - b.at || a.n - b.n);
  const out: Piece[] = [];
  let k = 0;
  let pos = 0;
  const flush = () => {
    while (k < sorted.length && sorted[k].at <= pos) out.push({ op: 'note', text: '', n: sorted[k++].n });
  };
  flush();
  for (const p of pieces) {
    if (p.op === 'delete' || p.op === 'note') {
      out.push(p);
      continue;
    }
    let t = p.text;
    while (k < sorted.length && sorted[k].at < pos + t.length) {
      const cut = sorted[k].at - pos;
      out.push({ ...p, text: t.slice(0, cut) });
      pos += cut;
      t = t.slice(cut);
      flush();
    }
    if (t) out.push({ ...p, text: t });
    pos += t.length;
    flush();
  }
  while (k < sorted.length) out.push({ op: 'note', text: '', n: sorted[k++].n });
  return out;
}

/** The pieces of one segment: its text, or (marked) the diff from machine text to text, in the target script. */
export function segmentPieces(seg: ExportSegment, opts: TranscriptOptions): Piece[] {
  const text = opts.convert(seg.text);
  let pieces: Piece[];
  if (!opts.marked || seg.text === seg.machineText) pieces = text ? [{ op: 'equal', text }] : [];
  else {
    const change = seg.changedBy && seg.changedAt ? { author: seg.changedBy, date: seg.changedAt } : undefined;
    pieces = charDiff(opts.convert(seg.machineText), text).map((p) => (change && p.op !== 'equal' ? { ...p, change } : p));
  }
  return withNoteRefs(pieces, opts.notes?.refs.get(seg.id));
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
    if (p.op === 'note') return void out.push(p);
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
    if (p.op === 'note') {
      lines[lines.length - 1].push(p);
      continue;
    }
    const parts = p.text.split(/\r\n|\r|\n/);
    parts.forEach((t, i) => {
      if (i > 0) lines.push([]);
      if (t) lines[lines.length - 1].push({ ...p, text: t });
    });
  }
  return lines;
}

/** The paragraphs of a transcript: lines with visible text. */
export function transcriptParagraphs(doc: ExportDoc, opts: TranscriptOptions): Piece[][] {
  return streamLines(transcriptStream(doc, opts)).filter((l) => l.some((p) => p.op === 'note' || p.text.trim()));
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
