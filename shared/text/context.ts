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
  // `width` code points back from s within [lo, s), and on from e within [e, hi): a pair counts as
  // one only when both its halves are inside (as the code points of that window would count it),
  // walked on the code units (a findings answer takes the context of ~19,000 places)
  const lo = Math.max(0, s - span);
  let b = s;
  for (let n = 0; n < width && b > lo; n++) b -= b - 2 >= lo && isLow(text.charCodeAt(b - 1)) && isHigh(text.charCodeAt(b - 2)) ? 2 : 1;
  const hi = Math.min(text.length, e + span);
  let a = e;
  for (let n = 0; n < width && a < hi; n++) a += a + 1 < hi && isHigh(text.charCodeAt(a)) && isLow(text.charCodeAt(a + 1)) ? 2 : 1;
  return { before: spaced(text.slice(b, s)), after: spaced(text.slice(e, a)) };
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const SPACE = /\s/;
/** Runs of white space as one space. */
const spaced = (x: string) => (SPACE.test(x) ? x.replace(/\s+/g, ' ') : x);
