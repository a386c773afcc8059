/**
 * Required terminology for machine translation, pure: which glossary entries a segment
 * uses, how they are put to an OpenAI-compatible model, and which English forms a
 * translation lacks afterwards.
 */

export interface TermPair {
  /** the Chinese term (or one of its variants) found in the segment */
  zh: string;
  /** the glossary's English form */
  en: string;
}

export interface GlossaryLike {
  term: string;
  variants: readonly string[];
  english: string;
}

/** Glossary entries with an English form whose term or a variant occurs in `text`; one pair per English form. */
export function requiredTerms(text: string, entries: readonly GlossaryLike[]): TermPair[] {
  const out: TermPair[] = [];
  const seen = new Set<string>();
  for (const e of entries) {
    const en = e.english.trim();
    if (!en) continue;
    const hit = [e.term, ...e.variants].find((f) => f && text.includes(f));
    if (!hit || seen.has(en.toLowerCase())) continue;
    seen.add(en.toLowerCase());
    out.push({ zh: e.term, en });
  }
  return out;
}

function normalise(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ');
}

/** English forms of `terms` that `translation` does not contain (case-insensitive, whitespace-tolerant). */
export function missingTerms(translation: string, terms: readonly TermPair[]): string[] {
  const hay = normalise(translation);
  return terms.filter((t) => !hay.includes(normalise(t.en.trim()))).map((t) => t.en);
}

export interface ChatMessage {
  role: 'system' | 'user';
  content: string;
}

/** The chat messages for one segment: instructions, the required terminology, the text. */
export function translationMessages(text: string, terms: readonly TermPair[], targetLang = 'en'): ChatMessage[] {
  const target = targetLang === 'en' ? 'English' : targetLang;
  const lines = [
    `You translate Chinese (Traditional or Simplified) into ${target}.`,
    'Translate the text the user sends, faithfully and completely, keeping numbers exactly as given.',
    `Reply with the ${target} translation only: no notes, no quotation marks, no original text.`,
  ];
  if (terms.length) {
    lines.push('Required terminology: always render these terms exactly as given.');
    for (const t of terms) lines.push(`- ${t.zh} → ${t.en}`);
  }
  return [
    { role: 'system', content: lines.join('\n') },
    { role: 'user', content: text },
  ];
}

/** Trim what chat models tend to add around a translation: surrounding quotes, a "Translation:" label. */
export function cleanTranslation(s: string): string {
  let t = s.trim();
  t = t.replace(/^(?:english\s+)?translation\s*:\s*/i, '');
  const m = /^["“](.*)["”]$/s.exec(t);
  if (m && !/["“”]/.test(m[1])) t = m[1].trim();
  return t;
}
