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
  const before = Array.from(text.slice(0, s)).slice(-width).join('');
  const after = Array.from(text.slice(e)).slice(0, width).join('');
  return { before: before.replace(/\s+/g, ' '), after: after.replace(/\s+/g, ' ') };
}
