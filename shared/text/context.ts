/**
 * A few characters either side of a span, for telling apart two places that quote the same
 * text (two 云 in one segment). Counts code points and never splits a surrogate pair.
 */
export interface SpanContext {
  before: string;
  after: string;
}

export function contextAround(text: string, start: number, end: number, width = 4): SpanContext {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  // `width` code points are at most 2 × width code units; one unit more leaves a whole window
  // when the cut falls inside a surrogate pair (a large document's findings each take a few
  // characters of their segment, not the whole segment up to them)
  const span = 2 * width + 1;
  const before = Array.from(text.slice(Math.max(0, s - span), s)).slice(-width).join('');
  const after = Array.from(text.slice(e, e + span)).slice(0, width).join('');
  return { before: before.replace(/\s+/g, ' '), after: after.replace(/\s+/g, ' ') };
}
