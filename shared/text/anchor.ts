/**
 * Re-anchoring of annotations (and claims, findings) when a segment's text changes.
 * An anchor keeps a position and a quote, like Hypothesis: the position is mapped
 * through the character diff (advancing by each part's text length), then checked
 * against the quote. A quote that is gone leaves the anchor orphaned, never deleted.
 */
import { charDiff, type DiffPart } from './diff';

export interface Anchor {
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}
export interface ReanchorResult extends Anchor {
  orphaned: boolean;
}

const CONTEXT = 16;

/** Build an anchor (quote + context) for [start, end) of text. */
export function makeAnchor(text: string, start: number, end: number): Anchor {
  const s = snapStart(text, Math.max(0, Math.min(start, text.length)));
  const e = snapEnd(text, Math.max(s, Math.min(end, text.length)));
  return {
    start: s,
    end: e,
    exact: text.slice(s, e),
    prefix: text.slice(Math.max(0, s - CONTEXT), s),
    suffix: text.slice(e, e + CONTEXT),
  };
}

function isLowSurrogate(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
}
function snapStart(text: string, i: number): number {
  return i > 0 && i < text.length && isLowSurrogate(text, i) ? i - 1 : i;
}
function snapEnd(text: string, i: number): number {
  return i > 0 && i < text.length && isLowSurrogate(text, i) ? i + 1 : i;
}

/** Map a position in the old text through a diff. Positions inside a deletion go to the deletion point. */
export function mapPosition(parts: readonly DiffPart[], pos: number, bias: 'start' | 'end' = 'start'): number {
  let oldPos = 0;
  let newPos = 0;
  let prevOp: DiffPart['op'] | null = null;
  for (const p of parts) {
    const len = p.text.length;
    if (p.op === 'insert') {
      // A pure insertion at an anchor's end stays outside it; a replacement
      // (deletion then insertion) ending there is inside.
      if (oldPos === pos && bias === 'end' && prevOp !== 'delete') return newPos;
      newPos += len;
      prevOp = p.op;
      continue;
    }
    prevOp = p.op;
    if (pos < oldPos + len || (pos === oldPos + len && p.op === 'equal' && bias === 'end')) {
      return p.op === 'equal' ? newPos + (pos - oldPos) : newPos;
    }
    oldPos += len;
    if (p.op === 'equal') newPos += len;
  }
  return newPos;
}

/** Characters of [start, end) in the old text that survive unchanged. */
function survivingChars(parts: readonly DiffPart[], start: number, end: number): number {
  let oldPos = 0;
  let kept = 0;
  for (const p of parts) {
    if (p.op === 'insert') continue;
    const len = p.text.length;
    if (p.op === 'equal') kept += Math.max(0, Math.min(end, oldPos + len) - Math.max(start, oldPos));
    oldPos += len;
  }
  return kept;
}

function findNearest(text: string, quote: string, near: number, prefix: string, suffix: string): number {
  let best = -1;
  let bestScore = -Infinity;
  for (let i = text.indexOf(quote); i >= 0; i = text.indexOf(quote, i + 1)) {
    let score = -Math.abs(i - near);
    if (prefix && text.slice(Math.max(0, i - prefix.length), i) === prefix) score += 1000;
    if (suffix && text.slice(i + quote.length, i + quote.length + suffix.length) === suffix) score += 1000;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  return best;
}

/**
 * Move an anchor from oldText to newText.
 * 1. The mapped span still holds the quote: anchored.
 * 2. The quote occurs elsewhere (text moved): the occurrence best matching context and position.
 * 3. The span was edited inside but at least half of it survives: anchored, quote updated.
 * 4. Otherwise: orphaned, with the old quote kept and the position clamped.
 */
export function reanchor(anchor: Anchor, oldText: string, newText: string, parts?: readonly DiffPart[]): ReanchorResult {
  if (oldText === newText) return { ...anchor, orphaned: false };
  const diff = parts ?? charDiff(oldText, newText);
  const start = mapPosition(diff, anchor.start, 'start');
  const end = Math.max(start, mapPosition(diff, anchor.end, 'end'));
  if (newText.slice(start, end) === anchor.exact) return { ...makeAnchor(newText, start, end), orphaned: false };
  if (anchor.exact) {
    const at = findNearest(newText, anchor.exact, start, anchor.prefix, anchor.suffix);
    if (at >= 0) return { ...makeAnchor(newText, at, at + anchor.exact.length), orphaned: false };
  }
  const len = anchor.end - anchor.start;
  if (end > start && len > 0 && survivingChars(diff, anchor.start, anchor.end) * 2 >= len) {
    return { ...makeAnchor(newText, start, end), orphaned: false };
  }
  const s = Math.min(start, newText.length);
  return { ...anchor, start: s, end: s, orphaned: true };
}
