/**
 * Company names a converter cannot spell (conversion-ambiguity, a document pass): Simplified
 * merges characters that names keep apart — 升 is 升 and 昇, 梁 is 梁 and 樑, 杰 is 杰 and 傑, 采
 * is 采 and 採, 谷 is 谷 and 穀 (data/brands.ts) — and a converter writes its default form (升, 梁,
 * 傑, 採, 谷) in every name. A word has a phrase or a sense that tells the form; a company's
 * name has neither, so the converter's form is a guess the reviewer must check against the
 * company's own spelling.
 *
 * A company's name is read as a two-character name that ICU does not know (no word of its
 * dictionary: 提升, 上升, 採購 are words, not names) standing right before a word that names a
 * company's trade or legal form (宏梁開發, 升泰交通, 匯升醫療控股) or its stock code (雲升（6791）);
 * every other place where those two characters stand as a word of their own in the document is
 * the same name (宏梁昨日股價). Reported only where the document is a converter's output as a whole
 * (`convertedByOpenCC`: a writer's own Traditional text spells its names as the company does; names
 * a reviewer has put right do not count against it) and only for a character still as the
 * converter wrote it (after a reviewer's fix to 宏樑 the name is the reviewer's). Names a glossary
 * lists are the reviewer's too. One finding per name, its places grouped (fix all).
 */
import { findingMessage } from '../finding-messages';
import { icuBoundaries, isHanAt, type Analysis } from './analysis';
import { convertedByOpenCC, nameFormPutRight } from './conversion';
import { BRAND_FORMS, BRAND_SUFFIXES, STOCK_CODE } from './data/brands';
import { ONE_TO_MANY } from './data/oneToMany';
import type { Finding, Fix } from './types';
import { addTo } from './collect';

/** Characters of ICU's window either side of a name: enough for the words around it. */
const WINDOW = 4;

/** The suffixes, longest first (有限公司 before 公司), and a stock code, as one pattern. */
let suffixPattern: RegExp | null = null;
function suffixes(): RegExp {
  suffixPattern ??= new RegExp([...[...BRAND_SUFFIXES].sort((a, b) => b.length - a.length), STOCK_CODE].join('|'), 'g');
  return suffixPattern;
}

/** A name's characters a converter may have misspelt: offset in the name, and the name forms of its Simplified character other than the one written. */
type Doubt = { i: number; s: string; alts: string[] };

/** The characters of `name` at `k` in `a` whose Simplified character has a name form other than the converter's, where the text keeps the converter's. */
function doubtsAt(a: Analysis, k: number, name: string): Doubt[] {
  const out: Doubt[] = [];
  const rp = a.replay;
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const s = a.s[k + i];
    const forms = s ? ONE_TO_MANY[s] : undefined;
    if (!forms || rp.out(k + i) !== c) continue;
    const alts = forms.filter((f) => f !== c && BRAND_FORMS.has(f));
    if (alts.length) out.push({ i, s, alts });
  }
  return out;
}

/** Any Traditional form of a Simplified character that has a name form besides it (升, 梁, 傑, 採…): the characters worth a closer look. */
let doubtfulRe: RegExp | null = null;
function doubtfulPattern(): RegExp {
  doubtfulRe ??= new RegExp(`[${Object.values(ONE_TO_MANY).flatMap((forms) => (forms.some((f) => BRAND_FORMS.has(f)) ? forms : [])).join('')}]`);
  return doubtfulRe;
}

/** Is `text[p, p + 2)` two characters ICU reads as no word, with word boundaries on both sides? */
function standsAlone(text: string, p: number): boolean {
  if (!isHanAt(text, p) || !isHanAt(text, p + 1)) return false;
  const b = icuBoundaries(text, p - WINDOW, p + 2 + WINDOW);
  return b.has(p) && b.has(p + 1) && b.has(p + 2);
}

/**
 * Two-character names before a company's trade or legal form, in document order, as the converter
 * wrote them, each with the spelling a reviewer settled on where one of its places there was put
 * right (宏樑開發 after a fix of 宏梁開發: the name's other places keep their card, its fix the reviewer's).
 */
function namesOf(analyses: readonly Analysis[]): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const a of analyses) {
    const text = a.text;
    // most segments hold no character in doubt: the suffixes' long pattern is run only where one stands
    if (!doubtfulPattern().test(text)) continue;
    const re = suffixes();
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const p = m.index - 2;
      if (p < 0) continue;
      const name = text.slice(p, m.index);
      if (!doubtfulPattern().test(name)) continue;
      const converted = asConverted(a, p, name);
      // a place put right names the reviewer's spelling (kept once learnt); one as converted must still be in doubt
      const settled = converted !== name;
      const known = settled ? !!names.get(converted) : names.has(name);
      if (known || (!settled && !doubtsAt(a, p, name).length) || !standsAlone(text, p)) continue;
      names.set(converted, settled ? name : null);
    }
  }
  return names;
}

/** `name` at `k` of `a` with every name form a reviewer put in (`nameFormPutRight`) back as the converter wrote it. */
function asConverted(a: Analysis, k: number, name: string): string {
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const x = a.replay.out(k + i);
    out += x && x !== name[i] && nameFormPutRight(name.charCodeAt(i), x.charCodeAt(0)) ? x : name[i];
  }
  return out;
}

/** The group key of a company name's card: its name follows. */
const BRAND_GROUP = 'conversion-ambiguity:brand:';
/** Is this a company name's card (a segment's re-check leaves the places inside it to the card)? */
export const isBrandGroup = (group: string | null | undefined): boolean => !!group?.startsWith(BRAND_GROUP);

/** Is `name` one of the glossary's spellings (of any entry, or part of one)? */
function inGlossary(a: Analysis, name: string): boolean {
  return (a.ctx.glossary ?? []).some((e) => [e.term, ...e.variants].some((v) => v.includes(name)));
}

/** `converted`: whether the document is a converter's output (`convertedByOpenCC`), asked only when a name is found. */
export function brandNameFindings(analyses: readonly Analysis[], converted: () => boolean = () => convertedByOpenCC(analyses)): Finding[] {
  const hant = analyses.filter((a) => a.ctx.script === 'hant');
  const names = [...namesOf(hant)].filter(([n]) => !inGlossary(hant[0], n));
  if (!names.length || !converted()) return [];
  const out: Finding[] = [];
  for (const [name, settled] of names) {
    const places: { a: Analysis; k: number; doubts: Doubt[] }[] = [];
    for (const a of hant) {
      for (let k = a.text.indexOf(name); k >= 0; k = a.text.indexOf(name, k + 1)) {
        if (!standsAlone(a.text, k)) continue;
        const doubts = doubtsAt(a, k, name);
        if (doubts.length) places.push({ a, k, doubts });
      }
    }
    if (!places.length) continue;
    const doubts = places[0].doubts;
    // the reviewer's spelling first, where a place of the name was put right
    const spellings = settled ? [settled, ...spellingsOf(name, doubts).filter((x) => x !== settled)] : spellingsOf(name, doubts);
    const params = { name, chars: doubts.map((d) => name[d.i]).join('、'), s: doubts.map((d) => d.s).join('、'), forms: doubts.map((d) => d.alts.join('/')).join('、'), fixed: spellings.join('/') };
    const msg = settled ? findingMessage('conversion.brand.settled', { ...params, settled }) : findingMessage('conversion.brand', params);
    const fixesAt = (k: number): Fix[] => spellings.map((replacement) => ({ start: k, end: k + name.length, replacement }));
    const [first, ...rest] = places;
    out.push({
      rule: 'conversion-ambiguity',
      severity: 'warning',
      segmentId: first.a.seg.id,
      start: first.k,
      end: first.k + name.length,
      text: name,
      ...msg,
      fixes: fixesAt(first.k),
      related: rest.map((p) => ({ segmentId: p.a.seg.id, start: p.k, end: p.k + name.length, text: name, fixes: fixesAt(p.k) })),
      group: BRAND_GROUP + name,
      scope: 'document',
    });
  }
  return out;
}

/** The name with its doubtful characters in their other name forms: each form of the first, the others' first form beside it. */
function spellingsOf(name: string, doubts: readonly Doubt[]): string[] {
  const [first, ...others] = doubts;
  return first.alts.map((f) => {
    const chars = name.split('');
    chars[first.i] = f;
    for (const d of others) chars[d.i] = d.alts[0];
    return chars.join('');
  });
}

/**
 * The other conversion-ambiguity findings without their places inside a company name reported here
 * (the lens's 採 of 採豐, a phrase's 谷 of 谷豐): the name's card says what they say of it, once for
 * all its places. A finding left with no place is dropped; one whose first place went starts at its next.
 */
export function yieldToBrands(found: readonly Finding[], brands: readonly Finding[]): Finding[] {
  if (!brands.length) return [...found];
  const spans = new Map<number, [number, number][]>();
  for (const b of brands) for (const p of [b, ...b.related]) addTo(spans, p.segmentId, [p.start, p.end]);
  const inside = (p: { segmentId: number; start: number; end: number }) => (spans.get(p.segmentId) ?? []).some(([s, e]) => p.start < e && s < p.end);
  const out: Finding[] = [];
  for (const f of found) {
    if (f.rule !== 'conversion-ambiguity' || (!inside(f) && !f.related.some(inside))) {
      out.push(f);
      continue;
    }
    const [first, ...rest] = [{ segmentId: f.segmentId, start: f.start, end: f.end, text: f.text, fixes: f.fixes }, ...f.related].filter((p) => !inside(p));
    if (first) out.push({ ...f, ...first, related: rest });
  }
  return out;
}
