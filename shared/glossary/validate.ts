/**
 * Normalising and checking glossary entries (pure): the same rules for the form,
 * the API, CSV and TBX imports.
 */
import { JiaoduiError } from '../errors';
import { codePointName, firstXmlInvalid } from '../xml/xml';
import { GLOSSARY_TYPES, MAX_ENGLISH_LENGTH, MAX_NOTE_LENGTH, MAX_TERM_LENGTH, MAX_VARIANTS, type GlossaryFields, type GlossaryTypeT } from './schemas';

export interface RawFields {
  term: string;
  variants?: readonly string[];
  type?: string;
  note?: string;
  english?: string;
}

// Control characters (line breaks included) and the CSV variant separator cannot be part of a term.
const BAD_TERM_CHAR = /[\u0000-\u001f\u007f-\u009f|\u2028\u2029]/u;

/**
 * Notes and English renderings are free text, but they go into TBX (XML), which cannot
 * carry C0 controls: a vertical tab or form feed (Word's manual line and page breaks)
 * becomes a line break, any other such character is refused.
 */
function checkFreeText(value: string, what: string, where: string | undefined): string {
  const text = value.replace(/[\v\f]/g, '\n');
  const bad = firstXmlInvalid(text);
  if (bad) throw invalid(where, `${what} contains ${codePointName(bad.unit)}, a character TBX (XML) cannot carry; remove it`);
  return text;
}

function invalid(where: string | undefined, message: string): JiaoduiError {
  return new JiaoduiError('invalid-input', where ? `${where}: ${message}` : message);
}

/** Map a type as written in a file or form (any case, US spelling) to ours. */
export function parseGlossaryType(value: string, where?: string): GlossaryTypeT {
  const v = value.trim().toLowerCase();
  if (v === '') return 'term';
  if (v === 'organization' || v === 'org') return 'organisation';
  if ((GLOSSARY_TYPES as readonly string[]).includes(v)) return v as GlossaryTypeT;
  throw invalid(where, `unknown type "${value}" (use ${GLOSSARY_TYPES.join(', ')})`);
}

function checkTerm(value: string, what: string, where: string | undefined): void {
  if (value.length > MAX_TERM_LENGTH) throw invalid(where, `${what} "${value.slice(0, 20)}…" is longer than ${MAX_TERM_LENGTH} characters`);
  const bad = BAD_TERM_CHAR.exec(value);
  if (bad) {
    const shown = bad[0] === '|' ? '“|” (it separates variants)' : codePointName(bad[0]);
    throw invalid(where, `${what} "${value}" contains ${shown}`);
  }
  const xmlBad = firstXmlInvalid(value);
  if (xmlBad) throw invalid(where, `${what} contains ${codePointName(xmlBad.unit)}, a character TBX (XML) cannot carry`);
}

/**
 * Trim, drop empty and repeated variants, check lengths and characters. Throws
 * 'invalid-input' naming `where` (a file line or element) when given.
 */
export function normalizeFields(raw: RawFields, where?: string): GlossaryFields {
  const term = raw.term.trim();
  if (!term) throw invalid(where, 'the term is empty');
  checkTerm(term, 'the term', where);
  const variants: string[] = [];
  for (const v0 of raw.variants ?? []) {
    const v = v0.trim();
    if (!v || variants.includes(v)) continue;
    checkTerm(v, 'the variant', where);
    if (v === term) throw invalid(where, `the variant "${v}" is the term itself`);
    variants.push(v);
  }
  if (variants.length > MAX_VARIANTS) throw invalid(where, `"${term}" has ${variants.length} variants; at most ${MAX_VARIANTS} are allowed`);
  const note = checkFreeText(raw.note ?? '', `the note of "${term}"`, where).trim();
  if (note.length > MAX_NOTE_LENGTH) throw invalid(where, `the note of "${term}" is longer than ${MAX_NOTE_LENGTH} characters`);
  const english = checkFreeText(raw.english ?? '', `the English rendering of "${term}"`, where).trim();
  if (english.length > MAX_ENGLISH_LENGTH) throw invalid(where, `the English rendering of "${term}" is longer than ${MAX_ENGLISH_LENGTH} characters`);
  if (/[\r\n]/.test(english)) throw invalid(where, `the English rendering of "${term}" contains a line break`);
  return { term, variants, type: parseGlossaryType(raw.type ?? '', where), note, english };
}

export interface TermsOf {
  term: string;
  variants: readonly string[];
}

/**
 * Why `entry` cannot sit next to `others` in the same scope, or null. A term may appear
 * once; a variant may be neither another entry's term nor another entry's variant, and
 * a term may not be another entry's variant (applying the glossary would be ambiguous).
 */
export function glossaryConflict(entry: TermsOf, others: readonly TermsOf[]): string | null {
  for (const o of others) {
    if (o.term === entry.term) return `"${entry.term}" is already in this glossary`;
    if (o.variants.includes(entry.term)) return `"${entry.term}" is listed as a wrong variant of "${o.term}"`;
    for (const v of entry.variants) {
      if (v === o.term) return `the variant "${v}" is itself a term of this glossary`;
      if (o.variants.includes(v)) return `the variant "${v}" is already a variant of "${o.term}"`;
    }
  }
  return null;
}

/**
 * The first conflict in a list of entries that would share a scope, in one pass (for
 * imports of large termbases): the index of the later entry of the conflicting pair
 * and why, or null. Same rules as glossaryConflict.
 */
export function firstConflict(entries: readonly TermsOf[]): { index: number; message: string } | null {
  const termOwner = new Map<string, number>();
  const variantOwner = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (termOwner.has(e.term)) return { index: i, message: `"${e.term}" is already in this glossary` };
    const vo = variantOwner.get(e.term);
    if (vo !== undefined) return { index: i, message: `"${e.term}" is listed as a wrong variant of "${entries[vo].term}"` };
    for (const v of e.variants) {
      if (termOwner.has(v)) return { index: i, message: `the variant "${v}" is itself a term of this glossary` };
      const o = variantOwner.get(v);
      if (o !== undefined && o !== i) return { index: i, message: `the variant "${v}" is already a variant of "${entries[o].term}"` };
    }
    termOwner.set(e.term, i);
    for (const v of e.variants) variantOwner.set(v, i);
  }
  return null;
}
