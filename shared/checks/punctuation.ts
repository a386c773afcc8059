/**
 * Punctuation and typography.
 *  - halfwidth-punctuation: ASCII , ; : ? ! ( ) . " used in Chinese text (not inside an English
 *    phrase, a number, a time or a URL). One finding per document, with a fix at every place.
 *  - unbalanced-brackets: 「」『』（）“”《》【】〈〉 that do not pair up within a paragraph.
 *  - doubled: repeated punctuation (，，), a repeated function word (的的) or word (我們我們).
 *  - stray-space: a space inside a Chinese word or name (人工 智能, 王 某表示).
 */
import { findingMessage } from '../finding-messages';
import { Analysis, charTable, icuWordIn, isCjkAt, isHanAt, hasHan, tsChar } from './analysis';
import { findMentions } from './entities';
import { isSurnameS } from './data/surnames';
import { NOT_IN_GIVEN_NAME } from './data/titles';
import type { CheckContext, Finding } from './types';

// ---------------------------------------------------------------- halfwidth-punctuation

const FULL: Record<string, string> = { ',': '，', ';': '；', ':': '：', '?': '？', '!': '！', '(': '（', ')': '）', '.': '。' };
const HALF_CODES = charTable([...Object.keys(FULL), '"']);
// compared as UTF-16 codes (NaN past either end): no one-character string made for a Chinese neighbour
const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0xa0;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Is position i inside a run of non-Chinese text that reads as English (two words with a space)? */
function inEnglishRun(text: string, i: number): boolean {
  let a = i;
  let b = i + 1;
  while (a > 0 && !isCjkAt(text, a - 1)) a--;
  while (b < text.length && !isCjkAt(text, b)) b++;
  return /[A-Za-z]{2,}[,;:]?\s+[A-Za-z]{2,}/.test(text.slice(a, b));
}

/** The key of a document's one half-width punctuation group. */
export const HALFWIDTH_GROUP = 'halfwidth-punctuation';

export function halfwidthFindings(a: Analysis, ctx: CheckContext): Finding[] {
  const text = a.text;
  if (!hasHan(text)) return [];
  const hits: { start: number; end: number; replacement: string }[] = [];
  let quoteOpen = false;
  for (let i = 0; i < text.length; i++) {
    if (HALF_CODES[text.charCodeAt(i)] !== 1) continue;
    const c = text[i];
    let p = i - 1;
    while (p >= 0 && isSpace(text.charCodeAt(p))) p--;
    let q = i + 1;
    while (q < text.length && isSpace(text.charCodeAt(q))) q++;
    const prevCjk = p >= 0 && isCjkAt(text, p);
    const nextCjk = q < text.length && isCjkAt(text, q);
    if ((c === ',' || c === '.' || c === ':') && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue; // 1,000 / 2.5 / 15:58
    if (c === ':' && text.startsWith('//', i + 1)) continue; // URL
    if (c === '"') {
      if (!prevCjk && !nextCjk) continue;
      const open = !quoteOpen;
      quoteOpen = !quoteOpen;
      hits.push({ start: i, end: i + 1, replacement: ctx.script === 'hant' ? (open ? '「' : '」') : open ? '“' : '”' });
      continue;
    }
    if (c === '.') {
      // a full stop after Chinese; `...` after Chinese is an ellipsis
      if (!(p === i - 1 && p >= 0 && (isCjkAt(text, p) || ((text[p] === '"' || text[p] === ')') && isCjkAt(text, p - 1))))) continue;
      let e = i;
      while (text[e] === '.') e++;
      if (e - i >= 2) {
        hits.push({ start: i, end: e, replacement: '……' });
        i = e - 1;
        continue;
      }
      if (!(e >= text.length || isSpace(text.charCodeAt(e)) || isCjkAt(text, e))) continue; // 例.com
      hits.push({ start: i, end: i + 1, replacement: '。' });
      continue;
    }
    if (!prevCjk && !nextCjk && inEnglishRun(text, i)) continue;
    if (!prevCjk && !nextCjk && c !== '(' && c !== ')' && !/[A-Za-z0-9)]/.test(text[p] ?? '')) continue;
    // absorb the spaces after the mark (", 然後" → "，然後") and before a closing one
    const end = nextCjk && c !== '(' ? q : i + 1;
    const start = c === ')' && prevCjk ? p + 1 : i;
    hits.push({ start, end, replacement: FULL[c] });
  }
  if (!hits.length) return [];
  return [
    {
      rule: 'halfwidth-punctuation',
      severity: 'warning',
      segmentId: a.seg.id,
      start: hits[0].start,
      end: hits[0].end,
      text: text.slice(hits[0].start, hits[0].end),
      ...halfwidthMessage(hits.length, ''),
      fixes: [hits[0]],
      group: HALFWIDTH_GROUP,
      related: hits.slice(1).map((h) => ({ segmentId: a.seg.id, start: h.start, end: h.end, text: text.slice(h.start, h.end), fixes: [h] })),
    },
  ];
}

const halfwidthMessage = (count: number, summary: string) => findingMessage(count === 1 ? 'halfwidth.one' : 'halfwidth.many', { count, summary });

/**
 * The message of a document's half-width group: how many marks, which (most frequent first; a tie
 * in the order first met). `texts`: every place's marks, in document order.
 */
export function halfwidthGroupMessage(texts: readonly string[]) {
  const counts = new Map<string, number>();
  for (const t of texts) {
    const k = t.trim() || t;
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const summary = [...counts].sort((x, y) => y[1] - x[1]).map(([k, n]) => `${n}× ${k}`).join(', ');
  return halfwidthMessage(texts.length, summary);
}

/** Merge per-segment half-width findings into one per document, with a message counting them. */
export function mergeHalfwidth(findings: Finding[]): Finding[] {
  if (!findings.length) return [];
  const first = findings[0];
  // every other finding's place and its related places, in order (pushed: no array per finding)
  const related: Finding['related'] = [...first.related];
  for (let i = 1; i < findings.length; i++) {
    const f = findings[i];
    related.push({ segmentId: f.segmentId, start: f.start, end: f.end, text: f.text, fixes: f.fixes });
    for (const r of f.related) related.push(r);
  }
  const texts = [first.text];
  for (const l of related) texts.push(l.text);
  return [
    {
      ...first,
      related,
      ...halfwidthGroupMessage(texts),
    },
  ];
}

// ---------------------------------------------------------------- unbalanced-brackets

const OPEN: Record<string, string> = { '「': 'corner', '『': 'white-corner', '（': 'paren', '(': 'paren', '“': 'quote', '《': 'title', '【': 'lenticular', '〈': 'angle' };
const CLOSE: Record<string, string> = { '」': 'corner', '』': 'white-corner', '）': 'paren', ')': 'paren', '”': 'quote', '》': 'title', '】': 'lenticular', '〉': 'angle' };
const BRACKET_CODES = charTable([...Object.keys(OPEN), ...Object.keys(CLOSE)]);
const CLOSER_OF: Record<string, string> = { corner: '」', 'white-corner': '』', paren: '）', quote: '”', title: '》', lenticular: '】', angle: '〉' };

/** Brackets and quotes that do not pair up, per paragraph (or per document when paragraphs are unknown). */
export function bracketFindings(analyses: Analysis[]): Finding[] {
  const out: Finding[] = [];
  type Open = { a: Analysis; k: number; ch: string; fam: string };
  let stack: Open[] = [];
  let para: number | undefined;
  const flagOpen = (o: Open) =>
    out.push({
      rule: 'unbalanced-brackets', severity: 'warning', segmentId: o.a.seg.id, start: o.k, end: o.k + 1, text: o.ch,
      ...findingMessage(o.a.seg.paragraph !== undefined ? 'brackets.unclosed.paragraph' : 'brackets.unclosed', { open: o.ch, close: CLOSER_OF[o.fam] }),
      fixes: [], related: [],
    });
  for (const a of analyses) {
    if (a.seg.paragraph !== undefined && a.seg.paragraph !== para) {
      stack.forEach(flagOpen);
      stack = [];
      para = a.seg.paragraph;
    }
    const text = a.text;
    for (let k = 0; k < text.length; k++) {
      if (BRACKET_CODES[text.charCodeAt(k)] !== 1) continue;
      const ch = text[k];
      if (ch === '(' || ch === ')') {
        // ASCII parentheses only count next to Chinese (an English aside balances on its own)
        // (a closing one also when it closes an ASCII parenthesis that counted: 1.45%) closes (7月…)
        const counted = isCjkAt(text, k - 1) || isCjkAt(text, k + 1) || /[0-9A-Za-z]/.test(text[ch === '(' ? k + 1 : k - 1] ?? '');
        if (!counted && !(ch === ')' && stack[stack.length - 1]?.ch === '(')) continue;
      }
      const o = OPEN[ch];
      if (o) {
        stack.push({ a, k, ch, fam: o });
        continue;
      }
      const c = CLOSE[ch];
      if (!c) continue;
      let depth = stack.length - 1;
      while (depth >= 0 && stack[depth].fam !== c) depth--;
      if (depth < 0) {
        out.push({
          rule: 'unbalanced-brackets', severity: 'warning', segmentId: a.seg.id, start: k, end: k + 1, text: ch,
          ...findingMessage('brackets.unopened', { close: ch }),
          fixes: [], related: [],
        });
        continue;
      }
      stack.slice(depth + 1).forEach(flagOpen);
      stack = stack.slice(0, depth);
    }
  }
  stack.forEach(flagOpen);
  return out;
}

// ---------------------------------------------------------------- doubled

const CLAUSE = '，、；：,;:';
const PUNCT_CODES = charTable([...CLAUSE, '。']);
const STRENGTH: Record<string, number> = { '、': 0, '，': 1, ',': 1, '：': 2, ':': 2, '；': 3, ';': 3, '。': 4, '.': 4 };
/** Function words that are never reduplicated (的的, 了了 outside 不了了之). */
const NEVER_DOUBLED = new Set(Array.from('的了是在和與与及把被從从於于爲为為也都而之其並并或但向由以就還还讓让給给到跟所這这那我你他她它們们'));
/** Characters that make a repeated two-character unit suspicious (我們我們, 這個這個). */
const FUNCTION_IN_UNIT = new Set(Array.from('們们的了是在這这那就也都和對对把被會会要個个'));

export function doubledFindings(a: Analysis): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  const push = (start: number, end: number, remove: [number, number], msg: ReturnType<typeof findingMessage>, severity: Finding['severity'] = 'warning') =>
    out.push({ rule: 'doubled', severity, segmentId: a.seg.id, start, end, text: text.slice(start, end), ...msg, fixes: [{ start: remove[0], end: remove[1], replacement: '' }], related: [] });
  for (let i = 0; i + 1 < text.length; i++) {
    const cc = text.charCodeAt(i);
    const dc = text.charCodeAt(i + 1);
    // a repeat needs the same character at i and i+1, i+2, i+3 or i+4; or two punctuation marks
    if (cc !== dc && cc !== text.charCodeAt(i + 2) && cc !== text.charCodeAt(i + 3) && cc !== text.charCodeAt(i + 4) && !(PUNCT_CODES[cc] && PUNCT_CODES[dc])) continue;
    const c = text[i];
    const d = text[i + 1];
    // punctuation
    if (CLAUSE.includes(c) && (CLAUSE.includes(d) || d === '。')) {
      const keepSecond = c === d || (STRENGTH[d] ?? 0) >= (STRENGTH[c] ?? 0);
      push(i, i + 2, keepSecond ? [i, i + 1] : [i + 1, i + 2], c === d ? findingMessage('doubled.mark', { mark: c }) : findingMessage('doubled.marks', { marks: c + d }));
      i++;
      continue;
    }
    if (c === '。' && d === '。' && text[i + 2] !== '。') {
      push(i, i + 2, [i, i + 1], findingMessage('doubled.mark', { mark: '。' }));
      i++;
      continue;
    }
    if (!isHanAt(text, i)) continue;
    // words: ABCABC, ABAB (two characters only with a function word in them)
    let found = false;
    for (const L of [4, 3, 2]) {
      if (i + 2 * L > text.length) continue;
      const u = text.slice(i, i + L);
      if (text.slice(i + L, i + 2 * L) !== u) continue;
      if (!Array.from(u).every((_, j) => isHanAt(u, j))) continue;
      if (new Set(u).size === 1) continue; // 哈哈哈哈
      if (L === 2 && (u[0] === '一' || !Array.from(u).some((ch) => FUNCTION_IN_UNIT.has(ch)))) continue; // 一個一個, 研究研究
      push(i, i + 2 * L, [i + L, i + 2 * L], findingMessage('doubled.phrase', { phrase: u }));
      i += 2 * L - 1;
      found = true;
      break;
    }
    if (found) continue;
    if (c === d && NEVER_DOUBLED.has(c)) {
      if (text[i + 2] === text[i + 3] && isHanAt(text, i + 2)) continue; // AABB: 是是非非, 和和氣氣
      if (c === '了' && (text[i - 1] === '不' || text[i + 2] === '之')) continue; // 不了了之
      if (text[i + 2] === c) continue; // 這這這: hesitation, reported once below
      push(i, i + 2, [i + 1, i + 2], findingMessage('doubled.word', { pair: c + c, word: c }));
      i++;
    }
  }
  return out;
}

// ---------------------------------------------------------------- stray-space

const NOT_GIVEN = NOT_IN_GIVEN_NAME;
/** Longest segment read as a headline (characters) when it has no sentence punctuation. */
const HEADLINE_MAX = 40;

export function straySpaceFindings(a: Analysis): Finding[] {
  const text = a.text;
  const out: Finding[] = [];
  const sp = (c: number) => c === 32 || c === 0x3000 || c === 0xa0 || c === 9;
  // Spaces between Chinese words all through a segment make a list or a headline, not stray
  // spaces: there only a split name is reported.
  let gaps = 0;
  for (let i = 1; i + 1 < text.length; i++) if (sp(text.charCodeAt(i)) && isHanAt(text, i - 1) && isHanAt(text, i + 1)) gaps++;
  const spacedList = gaps >= 3;
  // A headline (no sentence punctuation, short) sets its parts apart with a space, full-width or not
  // (餘額10.7兆元　年增10.9%, 台股大漲312點 收22,486點, 長海法說會 余征帆：…): there a space is a
  // separator, even where the characters around it happen to make a word (元年, 點收, 會余); only a
  // split name is reported.
  const headline = text.length <= HEADLINE_MAX && !/[。！？；]/.test(text);
  for (let i = 1; i < text.length; i++) {
    if (!sp(text.charCodeAt(i))) continue;
    let j = i;
    while (j < text.length && sp(text.charCodeAt(j))) j++;
    if (!isHanAt(text, i - 1) || !isHanAt(text, j)) {
      i = j;
      continue;
    }
    const lo = Math.max(0, i - 4);
    const joined = text.slice(lo, i) + text.slice(j, j + 4);
    const k = i - lo;
    // the ICU word holding k, when k is inside it (not at its start) and it has two or more characters
    const held = spacedList || headline ? undefined : icuWordIn(joined, 0, joined.length, k);
    const word = held && held[0] < k && k < held[1] && held[1] - held[0] >= 2 ? held : undefined;
    let why: ReturnType<typeof findingMessage> | null = word ? findingMessage('space.word', { word: joined.slice(word[0], word[1]) }) : null;
    if (!why && (isSurnameS(tsChar(text[i - 1])) || isSurnameS(tsChar(text[i - 2] ?? '')))) {
      // a name split by the space: find person mentions in the text without it
      const without = text.slice(0, i) + text.slice(j);
      const m = findMentions(new Analysis({ ...a.seg, text: without, rendering: undefined }, a.ctx), 0).find((x) => x.start < i && i < x.end);
      if (m) why = findingMessage('space.name', { name: m.text });
      // (a surname character after a digit is a unit: 8.42元　擬配發)
      else if (!(i - 2 >= 0 && isHanAt(text, i - 2)) && !/[\d０-９]/.test(text[i - 2] ?? '') && isSurnameS(tsChar(text[i - 1])) && !NOT_GIVEN.has(text[j])) why = findingMessage('space.name', { name: `${text[i - 1]}${text[j]}…` });
    }
    if (why) {
      out.push({
        rule: 'stray-space', severity: 'warning', segmentId: a.seg.id, start: i, end: j, text: text.slice(i, j),
        ...why,
        fixes: [{ start: i, end: j, replacement: '' }], related: [],
      });
    }
    i = j;
  }
  return out;
}
