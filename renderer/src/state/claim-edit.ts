/**
 * Editing a claim, as pure functions the claim editor (components/ClaimEditor.tsx) calls:
 * moving an edge of its span by one character (never splitting a surrogate pair, never
 * past the segment, never empty), and which typed fields differ from the stored claim.
 */

/** The span with one edge moved by one character (`delta` +1: to the right), or null when that is not possible. */
export function stepSpan(text: string, start: number, end: number, edge: 'start' | 'end', delta: 1 | -1): { start: number; end: number } | null {
  if (start < 0 || end > text.length || start > end) return null;
  const step = (i: number, d: 1 | -1) => {
    if (d > 0) {
      const c = text.codePointAt(i);
      return c === undefined ? i : i + (c > 0xffff ? 2 : 1);
    }
    if (i <= 0) return 0;
    const lo = text.charCodeAt(i - 1);
    return i - (lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? 2 : 1);
  };
  const next = edge === 'start' ? { start: step(start, delta), end } : { start, end: step(end, delta) };
  if (next.start === start && next.end === end) return null;
  if (next.start >= next.end) return null;
  return next;
}

/** The text fields of a draft that differ from the stored values (trimmed; an empty claimant is null). */
export function changedTextFields<K extends string>(stored: Record<K, string | null>, draft: Record<K, string>): Partial<Record<K, string | null>> {
  const out: Partial<Record<K, string | null>> = {};
  for (const k of Object.keys(draft) as K[]) {
    const v = draft[k].trim();
    if (v !== (stored[k] ?? '').trim()) out[k] = v;
  }
  return out;
}
