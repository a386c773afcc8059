// Paragraph + sentence segmentation. Pure and lossless: joinSegments(segmentText(x)) === x
// for every string, because segments are plain slices and everything between them
// (indentation, blank lines, inter-sentence spaces) is kept verbatim in `leading`/`sep`.
import { classifyFurniture, type FurnitureKind } from './furniture';
import { detectTurnLabel } from './speakers';
import { MAX_SEGMENT_LENGTH } from './limits';

export type { FurnitureKind } from './furniture';

export interface RawSegment {
  text: string;
  sep: string;
  start: number;
  end: number;
  paragraph: number;
  sentence: number;
  furniture: FurnitureKind | null;
  speaker: string | null;
  turn: number | null;
  turnStart: boolean;
}

export interface SegmentedText {
  leading: string;
  segments: RawSegment[];
}

export interface SegmentOptions {
  /**
   * Fold a paragraph into one script, to find script copies (see markDuplicates). Also given
   * the paragraph's index and its sentences (ranges in the paragraph; between them there is
   * only whitespace, or nothing where an over-long sentence was cut: see capRange), so a caller that converts every sentence anyway can assemble the fold
   * from those conversions instead of converting the text twice. `count`: how many paragraphs
   * the text has (a caller reporting progress counts the folds against it).
   */
  fold?: (paragraph: string, at: { index: number; count: number; sentences: readonly Range[] }) => string;
}

export interface Range {
  start: number;
  end: number;
}

const LINE_BREAK = /\r\n|[\n\r\u2028\u2029]/g;
const WS = /\s/;

// Terminators that always end a sentence (CJK full-width forms, ellipses, ASCII !?;).
const STRONG = new Set(['。', '｡', '！', '？', '；', '…', '⋯', '‼', '⁇', '⁈', '⁉']);
const ASCII_TERM = new Set(['!', '?', ';']);
// Closing quotes/brackets that belong to the sentence they immediately follow.
const CLOSERS = new Set(['」', '』', '”', '’', '）', ')', '】', '》', '〉', '］', ']', '〕', '〗', '｣', '"', "'"]);
// UTF-16 code units of every terminator (all are single units): a quick rejection for the
// per-character scan, which runs over every character of the text.
const IS_TERMINATOR = new Uint8Array(0x10000);
for (const c of [...STRONG, ...ASCII_TERM, '.']) IS_TERMINATOR[c.charCodeAt(0)] = 1;
/**
 * Every character that can sit at a sentence boundary: the end of a sentence is a terminator
 * or closer, and only whitespace separates it from the next sentence in its paragraph. A
 * conversion none of whose keys contains one of these converts a paragraph exactly as the
 * concatenation of its converted sentences and the whitespace between them.
 */
export const SENTENCE_BOUNDARY_CHAR = new RegExp(`[${[...STRONG, ...ASCII_TERM, '.', ...CLOSERS].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}\\s]`);
// Latin abbreviations after which '.' does not end a sentence.
const ABBREVIATIONS = new Set(['eg', 'ie', 'cf', 'vs', 'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'approx', 'fig']);

const isWs = (c: string | undefined): boolean => c !== undefined && WS.test(c);
const isDigit = (c: string | undefined): boolean => c !== undefined && /[0-9０-９]/.test(c);
const isAsciiAlnum = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9]/.test(c);

const CJK_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function isCjkAt(s: string, i: number): boolean {
  const cp = s.codePointAt(i);
  if (cp === undefined) return false;
  const ch = String.fromCodePoint(cp);
  return (
    CJK_SCRIPT.test(ch) ||
    (cp >= 0x3000 && cp <= 0x303f) || // CJK symbols and punctuation (「」 etc.)
    (cp >= 0xff00 && cp <= 0xffef) // full-width forms
  );
}

function isTerminatorChar(c: string): boolean {
  return STRONG.has(c) || ASCII_TERM.has(c) || c === '.';
}

/** Skip a run of terminators and the closing quotes/brackets glued to it. */
function skipRun(p: string, j: number): number {
  while (j < p.length && (isTerminatorChar(p[j]) || CLOSERS.has(p[j]))) j++;
  return j;
}

/** Where the sentence ends if the character at i terminates one, else null. */
function terminatorEnd(p: string, i: number): number | null {
  if (!IS_TERMINATOR[p.charCodeAt(i)]) return null;
  const c = p[i];
  if (STRONG.has(c)) return skipRun(p, i + 1);
  if (ASCII_TERM.has(c)) {
    // `a.php?id=1`, `x!=y`: ASCII punctuation inside a Latin token is not a terminator.
    if (isAsciiAlnum(p[i - 1]) && /[A-Za-z0-9=&_/]/.test(p[i + 1] ?? '')) return null;
    return skipRun(p, i + 1);
  }
  if (c !== '.') return null;
  if (isDigit(p[i - 1]) && isDigit(p[i + 1])) return null; // 11.8億, 2.0時代
  const j = skipRun(p, i + 1);
  const next = p[j];
  if (!(j === p.length || isWs(next) || isCjkAt(p, j))) return null; // e.g. `e.g`, `futu.com`
  if (j === i + 1 || CLOSERS.has(p[i + 1])) {
    // A single dot: check what precedes it for abbreviations and initials.
    let k = i;
    while (k > 0 && /[A-Za-z.]/.test(p[k - 1])) k--;
    const word = p.slice(k, i);
    if (word.includes('.')) return null; // e.g. / U.S. / a.m.
    if (ABBREVIATIONS.has(word.toLowerCase())) return null;
    if (/^[A-Z]$/.test(word) && isWs(next)) return null; // initial: `J. Smith` (but `選A.然後` splits)
    if (isWs(next)) {
      let m = j;
      while (m < p.length && isWs(p[m])) m++;
      if (/[a-z]/.test(p[m] ?? '')) return null; // continues in lower case
    }
  }
  return j;
}

function trimRange(s: string, start: number, end: number): Range | null {
  while (start < end && isWs(s[start])) start++;
  while (end > start && isWs(s[end - 1])) end--;
  return start < end ? { start, end } : null;
}

export { MAX_SEGMENT_LENGTH };

// Where a sentence too long for one segment is cut, best first: after whitespace, after a
// clause mark (，、：,:), else anywhere that does not split a character.
const SOFT_BREAK = /[\s，、：,:]/;
const JOINS_PREVIOUS = /[\p{M}\u200c\u200d\ufe00-\ufe0f]/u;

/**
 * Cut a range longer than `max` into pieces of at most `max`, each trimmed. A cut goes
 * after the last soft break in the second half of the window, else at the window's end
 * moved back so it splits no surrogate pair and leaves no combining mark, variation
 * selector or joiner at the start of a piece.
 */
export function capRange(p: string, r: Range, max = MAX_SEGMENT_LENGTH): Range[] {
  const out: Range[] = [];
  let start = r.start;
  while (r.end - start > max) {
    let cut = -1;
    for (let i = start + max; i > start + max / 2; i--) {
      if (SOFT_BREAK.test(p[i - 1])) {
        cut = i;
        break;
      }
    }
    if (cut < 0) {
      cut = start + max;
      while (cut > start + 1 && (/[\udc00-\udfff]/.test(p[cut]) || JOINS_PREVIOUS.test(String.fromCodePoint(p.codePointAt(cut)!)))) cut--;
    }
    const piece = trimRange(p, start, cut);
    if (piece) out.push(piece);
    start = cut;
  }
  const rest = trimRange(p, start, r.end);
  if (rest) out.push(rest);
  return out;
}

/**
 * Sentence ranges within one paragraph; each trimmed of whitespace, non-empty, and at most
 * MAX_SEGMENT_LENGTH long (a longer sentence is cut, see capRange).
 */
export function splitSentences(paragraph: string): { start: number; end: number }[] {
  return splitAtTerminators(paragraph).flatMap((r) => (r.end - r.start > MAX_SEGMENT_LENGTH ? capRange(paragraph, r) : [r]));
}

function splitAtTerminators(paragraph: string): Range[] {
  const out: Range[] = [];
  let start = 0;
  for (let i = 0; i < paragraph.length; ) {
    const end = IS_TERMINATOR[paragraph.charCodeAt(i)] ? terminatorEnd(paragraph, i) : null;
    if (end === null) {
      i++;
      continue;
    }
    const r = trimRange(paragraph, start, end);
    if (r) out.push(r);
    start = i = end;
  }
  const r = trimRange(paragraph, start, paragraph.length);
  if (r) out.push(r);
  return out;
}

/** Lines with non-whitespace content, trimmed. */
function findParagraphs(text: string): Range[] {
  const out: Range[] = [];
  let lineStart = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    const r = trimRange(text, lineStart, m.index);
    if (r) out.push(r);
    lineStart = m.index + m[0].length;
  }
  const r = trimRange(text, lineStart, text.length);
  if (r) out.push(r);
  return out;
}

/** How much folding changes a string (0 = already in the folded script). */
function foldDistance(s: string, folded: string): number {
  let d = Math.abs(s.length - folded.length);
  const n = Math.min(s.length, folded.length);
  for (let i = 0; i < n; i++) if (s.charCodeAt(i) !== folded.charCodeAt(i)) d++; // codes: s[i] would allocate a string per CJK character
  return d;
}

/**
 * Paragraphs that differ as written but are equal under `fold` are script copies
 * (e.g. the Simplified headline next to the Traditional one). Keep the copy that
 * folding changes most (the one in the document's script), mark the others.
 * Identical repeats are left alone: they are not a script copy.
 */
function markDuplicates(texts: string[], sentences: Range[][], kinds: (FurnitureKind | null)[], fold: NonNullable<SegmentOptions['fold']>): void {
  const groups = new Map<string, { index: number; distance: number }[]>();
  texts.forEach((t, index) => {
    if (kinds[index]) return;
    const folded = fold(t, { index, count: texts.length, sentences: sentences[index] });
    const key = folded.replace(/\s+/g, '');
    const group = groups.get(key) ?? [];
    group.push({ index, distance: foldDistance(t, folded) });
    groups.set(key, group);
  });
  for (const group of groups.values()) {
    if (group.length < 2) continue;
    const keep = group.reduce((a, b) => (b.distance > a.distance ? b : a));
    for (const g of group) if (texts[g.index] !== texts[keep.index]) kinds[g.index] = 'duplicate';
  }
}

export function segmentText(text: string, options: SegmentOptions = {}): SegmentedText {
  const paragraphs = findParagraphs(text);
  const texts = paragraphs.map((p) => text.slice(p.start, p.end));
  const kinds = texts.map((t, index) => classifyFurniture(t, { index, count: texts.length }));
  const sentences = texts.map(splitSentences);
  if (options.fold) markDuplicates(texts, sentences, kinds, options.fold);

  const segments: RawSegment[] = [];
  let speaker: string | null = null;
  let turn: number | null = null;
  let turns = 0;
  paragraphs.forEach((p, paragraph) => {
    const furniture = kinds[paragraph];
    let opened = false;
    if (furniture) {
      speaker = turn = null; // furniture ends a turn
    } else {
      const label = detectTurnLabel(texts[paragraph]);
      if (label) {
        speaker = label.label;
        turn = turns++;
        opened = true;
      }
    }
    sentences[paragraph].forEach((r, sentence) => {
      const start = p.start + r.start;
      const end = p.start + r.end;
      segments.push({
        text: text.slice(start, end),
        sep: '',
        start,
        end,
        paragraph,
        sentence,
        furniture,
        speaker,
        turn,
        turnStart: opened && sentence === 0,
      });
    });
  });

  segments.forEach((s, i) => {
    s.sep = text.slice(s.end, i + 1 < segments.length ? segments[i + 1].start : text.length);
  });
  return { leading: text.slice(0, segments.length ? segments[0].start : text.length), segments };
}

export function joinSegments(s: SegmentedText): string {
  let out = s.leading;
  for (const seg of s.segments) out += seg.text + seg.sep;
  return out;
}
