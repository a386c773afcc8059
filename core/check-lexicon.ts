/**
 * The checks' independent lexicon (shared/checks/lexicon.ts): CC-CEDICT's headwords of 2–4
 * characters that hold a one-to-many character (~21k) and its variant pairs, from a data module
 * generated from the cc-cedict package (core/data/generate-check-lexicon.ts). Parsed into sets
 * at the first check of the process, never at import, and passed to the rules in their context;
 * the renderer never imports it.
 */
import { parseLexicon, type SiblingLexicon } from '../shared/checks/lexicon';
import { CHECK_LEXICON } from './data/check-lexicon';

let lexicon: SiblingLexicon | null = null;
let loadMs = 0;

export function checkLexicon(): SiblingLexicon {
  if (!lexicon) {
    const t = performance.now();
    lexicon = parseLexicon(CHECK_LEXICON);
    loadMs = performance.now() - t;
  }
  return lexicon;
}

/** How long parsing the lexicon took (ms; 0 before the first check). */
export function checkLexiconLoadMs(): number {
  return loadMs;
}
