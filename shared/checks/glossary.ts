/**
 * Glossary checks.
 *  - glossary-forbidden: a variant the glossary rules out (a Simplified spelling, a misspelt name) is in
 *    the text; the fix writes the glossary term.
 *  - glossary-english: the segment uses a glossary term that has an English form, the segment
 *    has an English rendering, and the English form is not in it.
 * Terms are matched in the document's script (a Traditional glossary works on a Simplified
 * document and vice versa, through OpenCC).
 */
import { findingMessage } from '../finding-messages';
import { getConverter } from '../text/convert';
import { charTable, type Analysis } from './analysis';
import type { CheckContext, Finding, GlossaryEntry } from './types';

interface Entry {
  entry: GlossaryEntry;
  term: string;
  /** the term and every spelling of it that counts as using the term, in the document's script */
  accepted: string[];
  forbidden: string[];
}

interface CompiledGlossary {
  entries: Entry[];
  /** every needle (term spelling or variant) by its first character, longest first */
  byFirst: Map<string, { g: Entry; needle: string; variant: boolean }[]>;
  firstCodes: Uint8Array;
}

const cache = new WeakMap<GlossaryEntry[], Map<string, CompiledGlossary>>();

function compile(glossary: GlossaryEntry[], ctx: CheckContext): CompiledGlossary {
  const key = `${ctx.script}:${ctx.variant}`;
  let byCtx = cache.get(glossary);
  const hit = byCtx?.get(key);
  if (hit) return hit;
  const conv = ctx.script === 'hans' ? getConverter('t2s') : getConverter(ctx.variant === 'tw' ? 's2tw' : ctx.variant === 'hk' ? 's2hk' : 's2t');
  const inScript = (x: string) => {
    const c = conv.convert(x);
    return c === x ? [x] : [x, c];
  };
  const entries = glossary
    .filter((e) => e.term)
    .map((entry) => {
      const term = ctx.script === 'hans' ? getConverter('t2s').convert(entry.term) : entry.term;
      // A listed variant is forbidden even when it is what OpenCC makes of the term (a name whose
      // given name OpenCC over-converts is exactly what an entry exists to catch); otherwise the term's
      // spelling in the document's script also counts as the term.
      // In a Simplified document the term's Simplified spelling is the term itself, even if listed.
      const own = ctx.script === 'hans' ? [entry.term, term] : [entry.term];
      const forbidden = [...new Set(entry.variants.filter((v) => v && !own.includes(v)))].sort((a, b) => b.length - a.length);
      const accepted = [...new Set([...own, ...inScript(entry.term)])].filter((x) => own.includes(x) || !forbidden.includes(x));
      return { entry, term, accepted, forbidden };
    });
  const byFirst = new Map<string, { g: Entry; needle: string; variant: boolean }[]>();
  for (const g of entries) {
    for (const [needles, variant] of [[g.accepted, false], [g.forbidden, true]] as const) {
      for (const needle of needles) {
        const list = byFirst.get(needle[0]) ?? [];
        list.push({ g, needle, variant });
        byFirst.set(needle[0], list);
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.needle.length - a.needle.length);
  const out = { entries, byFirst, firstCodes: charTable(byFirst.keys()) };
  if (!byCtx) cache.set(glossary, (byCtx = new Map()));
  byCtx.set(key, out);
  return out;
}

export function glossaryFindings(a: Analysis, ctx: CheckContext, wantForbidden: boolean, wantEnglish: boolean): Finding[] {
  const glossary = ctx.glossary;
  if (!glossary?.length) return [];
  const text = a.text;
  const out: Finding[] = [];
  const C = compile(glossary, ctx);
  // one scan of the text for every needle
  const spans = new Map<Entry, { terms: (readonly [number, number])[]; variants: [number, number, string][] }>();
  for (let i = 0; i < text.length; i++) {
    if (C.firstCodes[text.charCodeAt(i)] !== 1) continue;
    for (const { g, needle, variant } of C.byFirst.get(text[i]) ?? []) {
      if (!text.startsWith(needle, i)) continue;
      let sp = spans.get(g);
      if (!sp) spans.set(g, (sp = { terms: [], variants: [] }));
      if (variant) sp.variants.push([i, i + needle.length, needle]);
      else sp.terms.push([i, i + needle.length]);
    }
  }
  for (const [g, found] of spans) {
    const termSpans = found.terms;
    const variantSpans: [number, number, string][] = [];
    for (const [i, e, v] of found.variants.sort((x, y) => y[1] - y[0] - (x[1] - x[0]) || x[0] - y[0])) {
      if (termSpans.some(([s, t]) => s <= i && e <= t)) continue; // inside the term itself
      if (variantSpans.some(([s, t]) => s < e && i < t)) continue; // overlapping a longer variant
      variantSpans.push([i, e, v]);
    }
    variantSpans.sort((x, y) => x[0] - y[0]);
    if (wantForbidden) {
      for (const [s, e, v] of variantSpans) {
        out.push({
          rule: 'glossary-forbidden',
          severity: 'error',
          segmentId: a.seg.id,
          start: s,
          end: e,
          text: v,
          ...(g.entry.note ? findingMessage('glossary.forbidden.note', { variant: v, term: g.term, note: g.entry.note }) : findingMessage('glossary.forbidden', { variant: v, term: g.term })),
          fixes: [{ start: s, end: e, replacement: g.term }],
          related: [],
        });
      }
    }
    const en = g.entry.english?.trim();
    const english = a.seg.english?.trim();
    if (wantEnglish && en && english && (termSpans.length || variantSpans.length)) {
      const norm = (x: string) => x.toLowerCase().replace(/\s+/g, ' ');
      if (!norm(english).includes(norm(en))) {
        const [s, e] = termSpans[0] ?? variantSpans[0];
        out.push({
          rule: 'glossary-english',
          severity: 'warning',
          segmentId: a.seg.id,
          start: s,
          end: e,
          text: text.slice(s, e),
          ...findingMessage('glossary.english', { english: en, term: g.term }),
          fixes: [],
          related: [],
        });
      }
    }
  }
  return out;
}
