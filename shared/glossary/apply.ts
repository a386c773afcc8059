/**
 * Applying a glossary to text (pure): every forbidden variant becomes the canonical
 * term. Matching is leftmost-longest over the variants and the terms together, and a
 * term's own occurrences are never touched — so a variant that is part of a longer
 * term (商湯 in 商湯科技) does not corrupt it, and applying twice changes nothing.
 */
import type { ScriptT } from '../domain/schemas';
import type { GlossaryReplacement } from './schemas';

export interface ScopedTerms {
  term: string;
  variants: readonly string[];
  scope: 'project' | 'document';
}

export interface CompiledRules {
  /** variant (as written in the document's script) → canonical term */
  rules: Map<string, string>;
  /** strings kept as they are (the terms) */
  protect: Set<string>;
  /** first UTF-16 unit → candidate lengths, longest first */
  index: Map<number, number[]>;
}

/**
 * The replacement rules for one document. Entries are written in Traditional (the
 * termbase's zh-Hant); for a Simplified document `toHans` gives each form as it appears
 * there. Document entries win over project entries: a document's term is never replaced
 * by a project rule, and a document's rule for a form replaces the project's.
 */
export function compileRules(entries: readonly ScopedTerms[], script: ScriptT, toHans: (s: string) => string): CompiledRules {
  const form = script === 'hant' ? (s: string) => s : toHans;
  const rules = new Map<string, string>();
  const protect = new Set<string>();
  for (const scope of ['project', 'document'] as const) {
    for (const e of entries) {
      if (e.scope !== scope) continue;
      const t = form(e.term);
      protect.add(t);
      rules.delete(t);
      for (const v of e.variants) {
        const f = form(v);
        if (f === t) continue; // 王徵 and 王征 are both 王征 in Simplified
        if (scope === 'project' && protect.has(f)) continue;
        rules.set(f, t);
        protect.delete(f);
      }
    }
  }
  const index = new Map<number, number[]>();
  for (const k of [...rules.keys(), ...protect]) {
    if (!k) continue;
    const c = k.charCodeAt(0);
    const lens = index.get(c) ?? [];
    if (!lens.includes(k.length)) lens.push(k.length);
    index.set(c, lens);
  }
  for (const lens of index.values()) lens.sort((a, b) => b - a);
  return { rules, protect, index };
}

export interface AppliedText {
  text: string;
  replacements: GlossaryReplacement[];
}

/** Replace every variant by its term, leftmost-longest, leaving terms untouched. */
export function applyRules(text: string, c: CompiledRules): AppliedText {
  if (!c.rules.size) return { text, replacements: [] };
  const counts = new Map<string, number>();
  let out = '';
  let copied = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const lens = c.index.get(text.charCodeAt(i));
    let matched = 0;
    if (lens) {
      for (const len of lens) {
        if (i + len > n) continue;
        const s = text.slice(i, i + len);
        if (c.protect.has(s)) {
          matched = len;
          break;
        }
        const to = c.rules.get(s);
        if (to !== undefined) {
          out += text.slice(copied, i) + to;
          copied = i + len;
          counts.set(s, (counts.get(s) ?? 0) + 1);
          matched = len;
          break;
        }
      }
    }
    i += matched || 1;
  }
  if (!counts.size) return { text, replacements: [] };
  out += text.slice(copied);
  return { text: out, replacements: [...counts].map(([from, count]) => ({ from, to: c.rules.get(from)!, count })) };
}
