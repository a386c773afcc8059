/**
 * Anchors that survive translation and script conversion: numbers (digits with 萬/億 or
 * million/billion normalised, Chinese numerals, percentages), Latin-script names and
 * words written inside Chinese text, and month names (dates). Each anchor is a string key;
 * two sentences sharing keys are likely translations of each other.
 */
import { chineseNumeral, chineseQuantities, englishQuantities } from '../checks/numbers';

export type TextLang = 'zh' | 'en';

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH_SHORT = MONTHS.map((m) => m.slice(0, 3));

/** Key of a numeric value, kind-aware (a percentage is not a count). */
function numKey(value: number, kind: string): string {
  return `${kind === 'num' ? 'n' : 'p'}:${Number(value.toPrecision(6))}`;
}

/** Chinese numerals written out (三倍, 二十五, 一百二十), when unambiguous enough to anchor. */
function chineseNumeralKeys(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/[零〇一二兩两三四五六七八九十百]+/g)) {
    const s = m[0];
    const after = text[m.index + s.length] ?? '';
    // One character is too common (一些, 統一) unless a measure follows it.
    if (s.length < 2 && !/[倍個个家年月日季成位名項项款]/.test(after)) continue;
    if (s === '一一') continue;
    const v = chineseNumeral(s);
    if (v !== null && v > 0) out.push(numKey(v, 'num'));
  }
  return out;
}

/** The anchor keys of a sentence. */
export function anchorsOf(text: string, lang: TextLang): Set<string> {
  const keys = new Set<string>();
  if (lang === 'zh') {
    for (const q of chineseQuantities(text)) {
      keys.add(numKey(q.value, q.kind));
      for (const a of q.alts) keys.add(numKey(a, q.kind));
    }
    for (const k of chineseNumeralKeys(text)) keys.add(k);
    for (const m of text.matchAll(/[A-Za-z][A-Za-z0-9&+\-.]*[A-Za-z0-9]|[A-Z]/g)) keys.add(`w:${m[0].toLowerCase()}`);
  } else {
    for (const q of englishQuantities(text)) keys.add(numKey(q.value, q.kind));
    for (const m of text.matchAll(/\b[A-Za-z][A-Za-z0-9&+\-.]*[A-Za-z0-9]\b|\b[A-Z]\b/g)) {
      const w = m[0].toLowerCase();
      keys.add(`w:${w}`);
      const month = MONTHS.indexOf(w) >= 0 ? MONTHS.indexOf(w) : MONTH_SHORT.indexOf(w.replace(/\.$/, ''));
      if (month >= 0 && /^[A-Z]/.test(m[0])) keys.add(numKey(month + 1, 'num'));
    }
  }
  return keys;
}

/** Keys that must be matched on the other side to count as agreement (numbers always; words only from Chinese text). */
export function isStrongAnchor(key: string, lang: TextLang): boolean {
  return key.startsWith('n:') || key.startsWith('p:') || lang === 'zh';
}
