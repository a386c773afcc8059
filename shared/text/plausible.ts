/**
 * Is a decoded text plausible text at all? Pure: looks only at the characters.
 *
 * A byte-order mark decides the encoding before anything looks at the text, so a binary file or a
 * file with the wrong byte order that happens to start with FF FE or FE FF decodes "cleanly" as
 * UTF-16 into nonsense: code points nobody has assigned, private-use points, rare CJK-extension
 * ideographs, control characters, or letters of no script a Chinese text is written in. This
 * judges such a reading by evidence, so the import can refuse it (shared/text/encoding.ts).
 *
 * Two rules, for texts of any length (a short file is judged too):
 * - junk: more than half of the characters that are not whitespace are unassigned (including
 *   noncharacters such as U+FFFE), private-use, lone surrogates, CJK-extension ideographs
 *   (Extension A, B and later: under one in a thousand characters of real Chinese), or control
 *   characters other than tab, line feed, form feed and carriage return;
 * - no letters: not one Han ideograph and not one Latin letter.
 * A third rule needs the list of common characters and lives beside it in encoding.ts
 * (`unexpectedShare`: a long reading that is mostly uncommon characters).
 */

/** Above this share of junk among the visible characters a reading is refused as "mostly" junk. */
export const MAX_JUNK_SHARE = 0.5;

/** Characters judged (the first ones of a long text): enough to judge, bounded in time. */
const SAMPLE_CHARS = 32 * 1024;

export type JunkKind = 'unassigned' | 'private-use' | 'rare-cjk' | 'control';

export interface Implausible {
  reason: 'junk' | 'no-letters';
  /** Visible characters (not whitespace or invisible formatting) judged. */
  judged: number;
  /** Junk characters among them, by kind. */
  junk: Record<JunkKind, number>;
  /** Han ideographs and Latin letters among them. */
  letters: number;
  /** A few different characters that decided it ("П" in quotes, junk as U+E000), in order of appearance. */
  examples: string[];
}

const RARE_CJK = (cp: number) =>
  (cp >= 0x3400 && cp <= 0x4dbf) || // Extension A
  (cp >= 0x20000 && cp <= 0x3ffff); // Extensions B and later (planes 2 and 3)

const UNASSIGNED = /^[\p{Cn}\p{Cs}]$/u;
const PRIVATE_USE = /^\p{Co}$/u;
const CONTROL = /^\p{Cc}$/u;
const LETTER = /^[\p{Script=Han}\p{Script=Latin}]$/u;
const INVISIBLE = /^[\s\p{Default_Ignorable_Code_Point}]$/u;

/** What kind of junk a character is, or null when it is not junk. */
export function junkKind(ch: string): JunkKind | null {
  const cp = ch.codePointAt(0)!;
  if (cp === 0x09 || cp === 0x0a || cp === 0x0c || cp === 0x0d) return null;
  if (CONTROL.test(ch)) return 'control';
  if (PRIVATE_USE.test(ch)) return 'private-use';
  if (UNASSIGNED.test(ch)) return 'unassigned';
  if (RARE_CJK(cp)) return 'rare-cjk';
  return null;
}

/** A character as the message shows it: "П" in quotes, or its code point "U+E000" for junk (nothing to see). */
function shown(ch: string, junk: boolean): string {
  return junk ? 'U+' + ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0') : `"${ch}"`;
}

/** Why `text` is not plausible text (see the module's rules), or null when it is. */
export function implausibleText(text: string): Implausible | null {
  const junk: Record<JunkKind, number> = { unassigned: 0, 'private-use': 0, 'rare-cjk': 0, control: 0 };
  const junkExamples: string[] = [];
  const otherExamples: string[] = [];
  let judged = 0;
  let letters = 0;
  let junkCount = 0;
  let seen = 0;
  for (const ch of text) {
    if (++seen > SAMPLE_CHARS) break;
    if (INVISIBLE.test(ch)) continue;
    judged++;
    const kind = junkKind(ch);
    if (kind) {
      junk[kind]++;
      junkCount++;
      const s = shown(ch, true);
      if (junkExamples.length < 5 && !junkExamples.includes(s)) junkExamples.push(s);
    } else if (LETTER.test(ch)) {
      letters++;
    } else if (otherExamples.length < 5) {
      const s = shown(ch, false);
      if (!otherExamples.includes(s)) otherExamples.push(s);
    }
  }
  if (judged === 0) return null; // empty or invisible only: the empty-file check says so
  if (junkCount / judged > MAX_JUNK_SHARE) return { reason: 'junk', judged, junk, letters, examples: junkExamples };
  if (letters === 0) return { reason: 'no-letters', judged, junk, letters, examples: [...junkExamples, ...otherExamples].slice(0, 5) };
  return null;
}

const JUNK_WORDS: Record<JunkKind, string> = {
  unassigned: 'unassigned',
  'private-use': 'private-use',
  'rare-cjk': 'rare CJK-extension',
  control: 'control',
};

/** What was found, in words: "5 of its 6 characters are unassigned or private-use code points (U+E000, U+0A00…)". */
export function describeImplausible(f: Implausible): string {
  const ex = f.examples.length ? ` (${f.examples.join(', ')}${f.examples.length >= 5 ? ', …' : ''})` : '';
  if (f.reason === 'no-letters') {
    if (f.judged === 1) return `its only visible character is neither a Chinese character nor a Latin letter${ex}`;
    return `none of its ${f.judged} visible characters is a Chinese character or a Latin letter${ex}`;
  }
  const kinds = (Object.keys(f.junk) as JunkKind[]).filter((k) => f.junk[k] > 0).map((k) => JUNK_WORDS[k]);
  const list = kinds.length > 1 ? `${kinds.slice(0, -1).join(', ')} or ${kinds[kinds.length - 1]}` : kinds[0];
  const n = Object.values(f.junk).reduce((a, b) => a + b, 0);
  if (f.judged === 1) return `its only visible character is a${/^[aeiou]/.test(list) ? 'n' : ''} ${list} code point${ex}`;
  return `${n} of its ${f.judged} visible characters ${n === 1 ? 'is a' : 'are'} ${list} code point${n === 1 ? '' : 's'}${ex}`;
}
