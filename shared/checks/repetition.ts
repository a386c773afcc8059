/**
 * repeated-sentence: the same sentence written twice in a row (a machine-translation or
 * copy-paste artifact), exactly or nearly, also across a segment boundary. The second copy
 * is reported with a fix that removes it.
 *
 * "Nearly": after dropping spaces and punctuation, at most one edit in ten characters —
 * but the two must state the same figures (營收年增5%。營收年增6%。 are two facts, not a
 * repetition) and be long enough to be a statement (謝謝。謝謝。 is left alone).
 */
import { findingMessage } from '../finding-messages';
import { charTable, type Analysis } from './analysis';
import type { Finding } from './types';

/** Shorter sentences (in letters, digits and Han characters) repeat legitimately: 是的。是的。 */
const MIN_CHARS = 10;
/** Near-repeats: edits allowed per character of the longer sentence. */
const EDIT_SHARE = 0.1;

interface Sentence {
  segmentId: number;
  start: number;
  end: number;
  /** letters, digits and Han characters only */
  core: string;
  digits: string;
}

const END = charTable('。！？!?；;');
const CLOSE = charTable('」』”’）)');
const WORD_CHAR = /[\p{L}\p{N}]/u;

/** The sentences of one segment, with their spans (the terminator and closing quotes included). */
function sentencesOf(a: Analysis): Sentence[] {
  const text = a.text;
  const out: Sentence[] = [];
  let start = 0;
  const push = (end: number) => {
    let s = start;
    while (s < end && /\s/.test(text[s])) s++;
    if (s >= end) return;
    // the kept characters joined as runs of the text (one slice per run, not one string per character:
    // a 1 MB document is a million characters)
    let core = '';
    let digits = '';
    let coreFrom = -1;
    let digitsFrom = -1;
    for (let i = s; i < end; i++) {
      const c = text.charCodeAt(i);
      const isDigit = (c >= 48 && c <= 57) || (c >= 0xff10 && c <= 0xff19);
      // letters, digits, Han (a surrogate pair is kept whole); punctuation and spaces dropped
      const kept = isDigit || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xd800 && c <= 0xdfff) || (c > 0x7f && c < 0x3000 && WORD_CHAR.test(text[i]));
      if (kept && coreFrom < 0) coreFrom = i;
      else if (!kept && coreFrom >= 0) {
        core += text.slice(coreFrom, i);
        coreFrom = -1;
      }
      if (isDigit && digitsFrom < 0) digitsFrom = i;
      else if (!isDigit && digitsFrom >= 0) {
        digits += text.slice(digitsFrom, i);
        digitsFrom = -1;
      }
    }
    if (coreFrom >= 0) core += text.slice(coreFrom, end);
    if (digitsFrom >= 0) digits += text.slice(digitsFrom, end);
    out.push({ segmentId: a.seg.id, start: s, end, core, digits });
  };
  for (let i = 0; i < text.length; i++) {
    if (END[text.charCodeAt(i)] !== 1) continue;
    let e = i + 1;
    while (e < text.length && CLOSE[text.charCodeAt(e)] === 1) e++;
    push(e);
    start = e;
    i = e - 1;
  }
  push(text.length);
  return out;
}

/** Levenshtein distance if it is at most `k`, else k + 1 (banded: O(n·k)). */
export function boundedEditDistance(a: string, b: string, k: number): number {
  if (Math.abs(a.length - b.length) > k) return k + 1;
  const n = a.length;
  const m = b.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j <= k ? j : k + 1;
  for (let i = 1; i <= n; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(m, i + k);
    cur.fill(k + 1);
    cur[0] = i <= k ? i : k + 1;
    let best = cur[0];
    for (let j = lo; j <= hi; j++) {
      const v = Math.min(prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1), prev[j] + 1, cur[j - 1] + 1);
      cur[j] = Math.min(v, k + 1);
      if (cur[j] < best) best = cur[j];
    }
    if (best > k) return k + 1;
    [prev, cur] = [cur, prev];
  }
  return Math.min(prev[m], k + 1);
}

function repeats(x: Sentence, y: Sentence): boolean {
  if (x.core.length < MIN_CHARS || y.core.length < MIN_CHARS) return false;
  if (x.core === y.core) return true;
  if (x.digits !== y.digits) return false;
  const n = Math.max(x.core.length, y.core.length);
  const k = Math.floor(n * EDIT_SHARE);
  if (k < 1 || Math.abs(x.core.length - y.core.length) > k) return false;
  // cheap screen before the edit distance: a near copy shares a long head or tail
  let p = 0;
  while (p < x.core.length && p < y.core.length && x.core[p] === y.core[p]) p++;
  let q = 0;
  while (q < x.core.length - p && q < y.core.length - p && x.core[x.core.length - 1 - q] === y.core[y.core.length - 1 - q]) q++;
  if (p + q < n / 2) return false;
  return boundedEditDistance(x.core, y.core, k) <= k;
}

/** Document scope: `analyses` in document order (furniture already left out). */
export function repeatedSentenceFindings(analyses: Analysis[]): Finding[] {
  const out: Finding[] = [];
  let prev: Sentence | null = null;
  let prevText = '';
  for (const a of analyses) {
    for (const s of sentencesOf(a)) {
      if (prev && repeats(prev, s)) {
        const text = a.text.slice(s.start, s.end);
        out.push({
          rule: 'repeated-sentence',
          severity: 'warning',
          segmentId: s.segmentId,
          start: s.start,
          end: s.end,
          text,
          ...findingMessage(prev.core === s.core ? 'repeated-sentence.exact' : 'repeated-sentence.near', { sentence: text, previous: prevText }),
          fixes: [{ start: s.start, end: s.end, replacement: '' }],
          related: [],
        });
      }
      prev = s;
      prevText = a.text.slice(s.start, s.end);
    }
  }
  return out;
}
