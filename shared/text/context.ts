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
  return { before: spaced(text.slice(wholeNumberStart(text, b), s)), after: spaced(text.slice(e, wholeNumberEnd(text, a))) };
}

/** How far past the window a number it cuts may run on (1,234,567.89%: the whole of it). */
const NUMBER_REACH = 16;
/** Digits, half- and full-width (１２．５％ is as common in Chinese text as 12.5%). */
const digit = (c: string | undefined) => c !== undefined && ((c >= '0' && c <= '9') || (c >= '０' && c <= '９'));
const separator = (c: string | undefined) => c === '.' || c === ',' || c === '．' || c === '，';
const percent = (c: string | undefined) => c === '%' || c === '％';
/** Inside a number at p: a digit, or a separator (. , and their full-width forms) between digits. */
const inNumber = (text: string, p: number) => digit(text[p]) || (separator(text[p]) && digit(text[p - 1]) && digit(text[p + 1]));
/** Does a cut between p - 1 and p fall inside a number (1|5, 1.|5, 1|.5, 15|%)? */
const cutsNumber = (text: string, p: number) => p > 0 && p < text.length && inNumber(text, p - 1) && (inNumber(text, p) || percent(text[p]));

/**
 * The window's end moved to the end of a number it cuts (上升1.|5% → 上升1.5%), with its per cent
 * sign: a quote that stops inside a figure misreads it.
 */
function wholeNumberEnd(text: string, a: number): number {
  if (!cutsNumber(text, a)) return a;
  let x = a;
  while (x < text.length && x < a + NUMBER_REACH && inNumber(text, x)) x++;
  return percent(text[x]) && digit(text[x - 1]) ? x + 1 : x;
}

/** The window's start moved to the start of a number it cuts (1,2|34萬 → 1,234萬; 12|%增 → 12%增). */
function wholeNumberStart(text: string, b: number): number {
  if (!cutsNumber(text, b)) return b;
  let x = b;
  while (x > 0 && x > b - NUMBER_REACH && inNumber(text, x - 1)) x--;
  return x;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const SPACE = /\s/;
/** Runs of white space as one space. */
const spaced = (x: string) => (SPACE.test(x) ? x.replace(/\s+/g, ' ') : x);
