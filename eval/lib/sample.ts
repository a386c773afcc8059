/**
 * The bundled sample after correction: every error labelled in tests/gold/sensetime-2023.json
 * fixed, so the sample counts as a clean document. Items with an `expected` text use it; the
 * others carry their fix in the note, written out here (a new such item must be added here).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface GoldItem {
  rule: string;
  offset: number;
  span: string;
  context: string;
  expected?: string;
}

/** Fixes of gold items without `expected`, by rule, span and context (from their notes). */
const FIXES_FROM_NOTES: Record<string, string> = {
  'conversion-ambiguity|布|上面布好軟件': '佈',
  'conversion-ambiguity|云|有云端的': '雲',
  'conversion-ambiguity|云|的公有云模式': '雲',
  'conversion-ambiguity|云|一個是公有云': '雲',
  'conversion-ambiguity|云|一個是私有云': '雲',
  'conversion-ambiguity|云|公有云服務': '雲',
  'conversion-ambiguity|云|在公有云上': '雲',
  'conversion-ambiguity|徵|剛才王徵介紹': '征',
  'entity-consistency|王震|交由CFO王震介紹': '王征',
  'entity-consistency|王徵|剛才王徵介紹的現金': '王征',
  'none|與|給與我們': '予',
  'none|地|更好地市場上': '地在',
  'none|於|形成於管理層': '與',
};

export function correctedSample(root: string): { file: string; text: string } {
  const gold = JSON.parse(readFileSync(join(root, 'tests', 'gold', 'sensetime-2023.json'), 'utf8')) as { sample: string; items: GoldItem[] };
  let text = readFileSync(join(root, gold.sample), 'utf8');
  const fixes = gold.items.map((g) => {
    if (text.slice(g.offset, g.offset + g.span.length) !== g.span) throw new Error(`gold item at ${g.offset} does not match the sample (${g.span})`);
    const to = g.expected ?? FIXES_FROM_NOTES[`${g.rule}|${g.span}|${g.context}`];
    if (to === undefined) throw new Error(`gold item ${g.rule} ${g.span} (${g.context}) has no fix: add it to eval/lib/sample.ts`);
    return { start: g.offset, end: g.offset + g.span.length, to };
  });
  // an item inside another one (徵 inside 王徵) is covered by it; the rest apply right to left
  const outer = fixes.filter((f) => !fixes.some((g) => g !== f && g.start <= f.start && f.end <= g.end && g.end - g.start > f.end - f.start));
  outer.sort((a, b) => b.start - a.start);
  for (const [i, f] of outer.entries()) {
    if (i > 0 && f.end > outer[i - 1].start) throw new Error(`gold items overlap at ${f.start}`);
    text = text.slice(0, f.start) + f.to + text.slice(f.end);
  }
  return { file: 'sensetime-2023-corrected.txt', text };
}
