/**
 * Normalising and checking glossary entries (pure): the same rules for the form,
 * the API, CSV and TBX imports.
 */
import { em, errPart, type ErrorMessageKey, type ErrorMessageParams, type ErrorMessageRef } from '../error-messages';
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
function checkFreeText(value: string, what: ErrorMessageRef, where: ErrorMessageRef | undefined): string {
  const text = value.replace(/[\v\f]/g, '\n');
  const bad = firstXmlInvalid(text);
  if (bad) throw invalid(where, 'glossary.xml-char.remove', { what: [what], char: codePointName(bad.unit) });
  return text;
}

/** A field's refusal (message data: shared/error-messages.ts), after `where` (a file line or element) when given. */
function invalid(where: ErrorMessageRef | undefined, key: ErrorMessageKey, params: ErrorMessageParams = {}): JiaoduiError {
  return new JiaoduiError('invalid-input', where ? em('glossary.at', { where: [where], problem: [errPart(key, params)] }) : em(key, params));
}

/** Map a type as written in a file or form (any case, US spelling) to ours. */
export function parseGlossaryType(value: string, where?: ErrorMessageRef): GlossaryTypeT {
  const v = value.trim().toLowerCase();
  if (v === '') return 'term';
  if (v === 'organization' || v === 'org') return 'organisation';
  if ((GLOSSARY_TYPES as readonly string[]).includes(v)) return v as GlossaryTypeT;
  throw invalid(where, 'glossary.unknown-type', { value, types: GLOSSARY_TYPES.join(', ') });
}

function checkTerm(value: string, what: ErrorMessageRef, where: ErrorMessageRef | undefined): void {
  if (value.length > MAX_TERM_LENGTH) throw invalid(where, 'glossary.term-too-long', { what: [what], start: value.slice(0, 20), max: MAX_TERM_LENGTH });
  const bad = BAD_TERM_CHAR.exec(value);
  if (bad) throw invalid(where, bad[0] === '|' ? 'glossary.bar-char' : 'glossary.bad-char', { what: [what], value, ...(bad[0] === '|' ? {} : { char: codePointName(bad[0]) }) });
  const xmlBad = firstXmlInvalid(value);
  if (xmlBad) throw invalid(where, 'glossary.xml-char', { what: [what], char: codePointName(xmlBad.unit) });
}

/**
 * Trim, drop empty and repeated variants, check lengths and characters. Throws
 * 'invalid-input' naming `where` (a file line or element) when given.
 */
export function normalizeFields(raw: RawFields, where?: ErrorMessageRef): GlossaryFields {
  const term = raw.term.trim();
  if (!term) throw invalid(where, 'glossary.term-empty');
  checkTerm(term, errPart('glossary.what.term'), where);
  const variants: string[] = [];
  for (const v0 of raw.variants ?? []) {
    const v = v0.trim();
    if (!v || variants.includes(v)) continue;
    checkTerm(v, errPart('glossary.what.variant'), where);
    if (v === term) throw invalid(where, 'glossary.variant-is-term', { variant: v });
    variants.push(v);
  }
  if (variants.length > MAX_VARIANTS) throw invalid(where, 'glossary.too-many-variants', { term, count: variants.length, max: MAX_VARIANTS });
  const noteOf = errPart('glossary.what.note', { term });
  const note = checkFreeText(raw.note ?? '', noteOf, where).trim();
  if (note.length > MAX_NOTE_LENGTH) throw invalid(where, 'glossary.text-too-long', { what: [noteOf], max: MAX_NOTE_LENGTH });
  const englishOf = errPart('glossary.what.english', { term });
  const english = checkFreeText(raw.english ?? '', englishOf, where).trim();
  if (english.length > MAX_ENGLISH_LENGTH) throw invalid(where, 'glossary.text-too-long', { what: [englishOf], max: MAX_ENGLISH_LENGTH });
  if (/[\r\n]/.test(english)) throw invalid(where, 'glossary.english-line-break', { term });
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
export function glossaryConflict(entry: TermsOf, others: readonly TermsOf[]): ErrorMessageRef | null {
  for (const o of others) {
    if (o.term === entry.term) return errPart('glossary.conflict.term', { term: entry.term });
    if (o.variants.includes(entry.term)) return errPart('glossary.conflict.term-is-variant', { term: entry.term, of: o.term });
    for (const v of entry.variants) {
      if (v === o.term) return errPart('glossary.conflict.variant-is-term', { variant: v });
      if (o.variants.includes(v)) return errPart('glossary.conflict.variant-taken', { variant: v, of: o.term });
    }
  }
  return null;
}

/**
 * The first conflict in a list of entries that would share a scope, in one pass (for
 * imports of large termbases): the index of the later entry of the conflicting pair
 * and why, or null. Same rules as glossaryConflict.
 */
export function firstConflict(entries: readonly TermsOf[]): { index: number; message: ErrorMessageRef } | null {
  const termOwner = new Map<string, number>();
  const variantOwner = new Map<string, number>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (termOwner.has(e.term)) return { index: i, message: errPart('glossary.conflict.term', { term: e.term }) };
    const vo = variantOwner.get(e.term);
    if (vo !== undefined) return { index: i, message: errPart('glossary.conflict.term-is-variant', { term: e.term, of: entries[vo].term }) };
    for (const v of e.variants) {
      if (termOwner.has(v)) return { index: i, message: errPart('glossary.conflict.variant-is-term', { variant: v }) };
      const o = variantOwner.get(v);
      if (o !== undefined && o !== i) return { index: i, message: errPart('glossary.conflict.variant-taken', { variant: v, of: entries[o].term }) };
    }
    termOwner.set(e.term, i);
    for (const v of e.variants) variantOwner.set(v, i);
  }
  return null;
}
