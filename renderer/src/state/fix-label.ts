/**
 * What a Fix button says it will do. A word-sized fix reads on its own (Fix → 設備); a
 * one-character one does not (Fix → 復: which character becomes 復?), so it names both sides of
 * the change: Fix 覆 → 復 (the quote beside it shows the word). Not the word around it: one
 * neighbour either side cuts across words as often as not (有云模 of 公有云模式). Pure.
 */
import type { StoredFinding } from '../../../shared/domain/schemas';

export type FixLabel = { kind: 'to'; to: string } | { kind: 'change'; from: string; to: string };

/** The label for `fix` at the location `l` (the fix's offsets and the location's are the segment's). */
export function fixLabel(l: Pick<StoredFinding, 'text' | 'start' | 'end'>, fix: { start: number; end: number; replacement: string }): FixLabel {
  const to = fix.replacement;
  const inside = fix.start >= l.start && fix.end <= l.end;
  const from = inside ? l.text.slice(fix.start - l.start, fix.end - l.start) : null;
  if (from === null || from.length > 1 || to.length > 1 || from === to) return { kind: 'to', to };
  return { kind: 'change', from, to };
}
