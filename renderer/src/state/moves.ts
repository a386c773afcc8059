/**
 * The English column draws an alignment fix as a move (issue 17): a sentence shifted to the
 * row below (or above), or joined onto a row, would otherwise show as a red deletion in one
 * row and a green insertion in the next. `englishParts` takes a row's word diff (the English
 * as aligned → as it is now) and tells a move from an edit by looking at the neighbouring
 * rows: a deleted run that the row above or below gained, and did not have as aligned, moved
 * there; an inserted run that a neighbour lost moved here from it. Everything else stays an edit.
 */
import { wordDiff } from '../../../shared/align/word-diff';

export interface EnglishText {
  text: string;
  aligned: string;
}

export type EnglishPart =
  | { op: 'equal' | 'insert' | 'delete'; text: string }
  | { op: 'moved-out'; text: string; to: 'up' | 'down' }
  | { op: 'moved-in'; text: string; from: 'up' | 'down' };

/** Runs shorter than this (trimmed) are word edits, never moves: a moved "the" is not a sentence. */
export const MIN_MOVE_CHARS = 8;

/** The neighbour that gained `run` (has it now, did not as aligned), or that lost it (the other way round). */
function movedWith(run: string, neighbours: { up: EnglishText | null; down: EnglishText | null }, kind: 'gained' | 'lost'): 'up' | 'down' | null {
  const r = run.trim();
  if (r.length < MIN_MOVE_CHARS) return null;
  for (const side of ['down', 'up'] as const) {
    const n = neighbours[side];
    if (!n) continue;
    const [now, before] = kind === 'gained' ? [n.text, n.aligned] : [n.aligned, n.text];
    if (now.includes(r) && !before.includes(r)) return side;
  }
  return null;
}

export function englishParts(row: EnglishText, up: EnglishText | null, down: EnglishText | null): EnglishPart[] {
  const neighbours = { up, down };
  return wordDiff(row.aligned, row.text).map((p): EnglishPart => {
    if (p.op === 'delete') {
      const to = movedWith(p.text, neighbours, 'gained');
      if (to) return { op: 'moved-out', text: p.text, to };
    } else if (p.op === 'insert') {
      const from = movedWith(p.text, neighbours, 'lost');
      if (from) return { op: 'moved-in', text: p.text, from };
    }
    return { op: p.op, text: p.text };
  });
}
