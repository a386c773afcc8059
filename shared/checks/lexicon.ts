/**
 * conversion-ambiguity, second mechanism: an independent lexicon (CC-CEDICT, Traditional and
 * Simplified headwords) against the converter's one-to-many choices.
 *
 * The other conversion rules judge a character with OpenCC's own tables — the very knowledge
 * the converter applied, so a wrong choice that agrees with them leaves no trace. A dictionary
 * made apart from OpenCC does: where the text's character (a Traditional form of a Simplified
 * character with several) is in no dictionary word of 2–4 characters, while its sibling makes
 * one whose Simplified form is the text's own Simplified fold (so the converter could have
 * made the text from that word), the converter probably chose the wrong sibling (修胡 →
 * 修鬍; 迴流 → 回流). Where both forms are words the rule stays silent.
 *
 * Pure: the lexicon is passed in `CheckContext.lexicon` by the service (core/check-lexicon.ts,
 * from a data module generated from CC-CEDICT); without one the rule finds nothing, and the
 * renderer never loads the dictionary.
 */
import { ONE_TO_MANY } from './data/oneToMany';
import { isVariantForm } from './conversion';
import { isHanAt, type Analysis } from './analysis';
import { findingMessage } from '../finding-messages';
import type { Finding } from './types';

/** Words of this many characters are looked at around a character. */
const MIN_WORD = 2;
const MAX_WORD = 4;

export interface SiblingLexicon {
  /** every headword of 2–4 characters holding a one-to-many character, whatever its entry says */
  readonly words: ReadonlySet<string>;
  /** the same, entries with a meaning of their own (not only "variant of", "see …"), as `Traditional=Simplified` */
  readonly proper: ReadonlySet<string>;
  /** `xy` where the single character x is recorded as a variant of y (佔 of 占, 托 of 託): spellings, not meanings */
  readonly variantPairs: ReadonlySet<string>;
}

/** One dictionary entry as the caller reads it. */
export interface LexiconEntry {
  traditional: string;
  simplified: string;
  senses: readonly string[];
}

/** Senses that only point elsewhere: the entry is a spelling of another word, not a word in its own right. */
const REDIRECT = /^(?:old |archaic |ancient |Japanese |erroneous |also written |)(?:variant of|see |used in )/i;
const VARIANT_OF = /variant of (\p{Script=Han})(?:\|(\p{Script=Han}))?/gu;

let siblings: Map<string, readonly string[]> | null = null;
/** Traditional character → the other Traditional forms of its Simplified character (雲 → 云). */
function siblingsOf(c: string): readonly string[] | undefined {
  if (!siblings) {
    siblings = new Map();
    for (const forms of Object.values(ONE_TO_MANY))
      for (const f of forms) siblings.set(f, [...(siblings.get(f) ?? []), ...forms.filter((g) => g !== f)]);
  }
  return siblings.get(c);
}

/** Does the lexicon use this headword: a one-to-many character itself (雲, 云 …), or a 2–4-character word holding one? */
export function lexiconKeeps(traditional: string): boolean {
  if (/[\s=]/.test(traditional)) return false; // never in a Chinese word; separators of the serialised form
  if (traditional.length === 1) return siblingsOf(traditional) !== undefined;
  return traditional.length >= MIN_WORD && traditional.length <= MAX_WORD && [...traditional].some((c) => siblingsOf(c) !== undefined);
}

/** The compact index the rule needs, from a dictionary's entries (built once per process by the caller). */
export function buildSiblingLexicon(entries: Iterable<LexiconEntry>): SiblingLexicon {
  const words = new Set<string>();
  const proper = new Set<string>();
  const variantPairs = new Set<string>();
  for (const e of entries) {
    const t = e.traditional;
    if (t.length === 1) {
      for (const s of e.senses) for (const m of s.matchAll(VARIANT_OF)) for (const y of [m[1], m[2]]) if (y && y !== t) variantPairs.add(t + y);
      continue;
    }
    if (!lexiconKeeps(t)) continue;
    words.add(t);
    if (e.senses.some((s) => !REDIRECT.test(s))) proper.add(`${t}=${e.simplified}`);
  }
  return { words, proper, variantPairs };
}

/**
 * The lexicon as text, for a generated data module (core/data/check-lexicon.ts): three
 * space-separated lists — proper words as `Traditional=Simplified`, the other words, the
 * variant pairs — one per line, sorted so the file is stable.
 */
export function serializeLexicon(lex: SiblingLexicon): string {
  const proper = [...lex.proper].sort();
  const properWords = new Set(proper.map((p) => p.slice(0, p.indexOf('='))));
  const others = [...lex.words].filter((w) => !properWords.has(w)).sort();
  return [proper.join(' '), others.join(' '), [...lex.variantPairs].sort().join(' ')].join('\n');
}

export function parseLexicon(text: string): SiblingLexicon {
  const [proper = '', others = '', pairs = ''] = text.split('\n');
  const list = (s: string) => (s ? s.split(' ') : []);
  const properList = list(proper);
  return {
    words: new Set([...properList.map((p) => p.slice(0, p.indexOf('='))), ...list(others)]),
    proper: new Set(properList),
    variantPairs: new Set(list(pairs)),
  };
}

/** Siblings of x worth proposing: other meanings, not spellings of one character (台/臺, 佔/占, 託/托). */
function distinctSiblings(x: string, lex: SiblingLexicon): string[] {
  return (siblingsOf(x) ?? []).filter((y) => !lex.variantPairs.has(x + y) && !lex.variantPairs.has(y + x) && !isVariantForm(x, y) && !isVariantForm(y, x));
}

/** Findings for one analysed Traditional segment. */
export function lexiconFindings(a: Analysis, lex: SiblingLexicon): Finding[] {
  const text = a.text;
  const s = a.s;
  if (s.length !== text.length) return [];
  const out: Finding[] = [];
  for (let k = 0; k < text.length; k++) {
    const x = text[k];
    if (!siblingsOf(x)) continue;
    // only a character the converter writes here from the Simplified text (a writer's 于 or 布局 is theirs)
    if (a.replay.out(k) !== x) continue;
    const ys = distinctSiblings(x, lex);
    if (!ys.length) continue;
    const found = judge(text, s, k, ys, lex);
    if (!found) continue;
    out.push({
      rule: 'conversion-ambiguity',
      severity: 'warning',
      segmentId: a.seg.id,
      start: k,
      end: k + 1,
      text: x,
      fixes: [{ start: k, end: k + 1, replacement: found.y }],
      related: [],
      ...findingMessage('conversion.lexicon', { c: x, s: s[k], y: found.y, word: found.word, text: found.here, simplified: found.simplified }),
    });
  }
  return out;
}

/**
 * Is x at k in no word while a sibling makes one? The windows of 2–4 Han characters covering k:
 * any one that is a word keeps x (silent); else the first window where a sibling makes a word
 * with the same Simplified form as the text.
 */
function judge(text: string, s: string, k: number, ys: readonly string[], lex: SiblingLexicon): { y: string; word: string; here: string; simplified: string } | null {
  let best: { y: string; word: string; here: string; simplified: string } | null = null;
  for (let len = MAX_WORD; len >= MIN_WORD; len--) {
    for (let a = Math.max(0, k - len + 1); a <= k && a + len <= text.length; a++) {
      if (!allHan(text, a, a + len)) continue;
      const here = text.slice(a, a + len);
      if (lex.words.has(here)) return null;
      if (best) continue;
      for (const y of ys) {
        const word = here.slice(0, k - a) + y + here.slice(k - a + 1);
        const simplified = s.slice(a, a + len);
        if (lex.proper.has(`${word}=${simplified}`)) {
          best = { y, word, here, simplified };
          break;
        }
      }
    }
  }
  return best;
}

function allHan(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!isHanAt(text, i)) return false;
  return true;
}
