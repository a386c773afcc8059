/**
 * Seeded unit and period-label mutations over clean texts of our own (eval/clean-dev), with the
 * same mutation kinds as the corpus generator (eval/lib/corrupt.ts): a counted figure's unit
 * replaced by a currency or a person unit (`wrongUnit`), and the second of two period labels in a
 * sentence written like the first (同比…同比), else one label swapped for its partner (年增 → 季增).
 * The clean texts have no cluster.json, so a counted figure is found by its form: a number, maybe
 * 萬/億, then one of the generator's count units (`COUNT_UNITS`) that is not part of a compound
 * (個百分點, 個基點, 個月). Pure and deterministic for a seed: a stand-in for text nobody tuned on.
 */
import { seedPeriodLabels } from './corrupt';
import type { Instance } from './labels';
import { COUNT_UNITS, wrongUnit } from './numbers';
import { rng } from './random';

export interface MutatedText {
  text: string;
  instances: Instance[];
}

/** A count unit that begins a compound measure, not a count of things. */
const NOT_A_COUNT_AFTER = /^(?:個百分點|個基點|個月|個交易日|個工作天|名列|位數|台幣|人民)/;
const FIGURE = /(\d[\d,]*(?:\.\d+)?)(萬億|萬|億)?/gu;

interface Edit {
  start: number;
  end: number;
  replacement: string;
  cls: 'unit' | 'period-label';
  kind: string;
  correct: string;
}

export function mutateClean(file: string, source: string, seed: string, quota = { unit: 2, period: 2 }): MutatedText {
  const r = rng(`${seed}/${file}`);
  const edits: Edit[] = [];
  const free = (s: number, e: number) => !edits.some((x) => x.start <= e && s <= x.end);

  // counted figures: 4,318家, 1,850萬人, 312萬片 (the unit right after the digits and magnitude)
  const counted: { unitStart: number; unit: string }[] = [];
  for (const m of source.matchAll(FIGURE)) {
    const end = m.index + m[0].length;
    const unit = source[end];
    if (!unit || !COUNT_UNITS.has(unit) || NOT_A_COUNT_AFTER.test(source.slice(end))) continue;
    // not a date or an ordinal (第3家), not a digit of a name (Wi-Fi 7)
    if (/第\s*$/.test(source.slice(Math.max(0, m.index - 2), m.index)) || /[A-Za-z-]\s?$/.test(source.slice(Math.max(0, m.index - 2), m.index))) continue;
    counted.push({ unitStart: end, unit });
  }
  let left = quota.unit;
  for (const c of r.shuffle(counted)) {
    if (left <= 0) break;
    if (!free(c.unitStart, c.unitStart + 1)) continue;
    edits.push({ start: c.unitStart, end: c.unitStart + 1, replacement: wrongUnit(c.unit, r), cls: 'unit', kind: `${c.unit}→`, correct: c.unit });
    left--;
  }

  // sentences of body paragraphs (not the headline, not short lines), as the generator takes them
  const sentences: { start: number; end: number; text: string }[] = [];
  let lineStart = 0;
  source.split('\n').forEach((line, li) => {
    if (li > 0 && [...line].length >= 40)
      for (const m of line.matchAll(/[^。！？]+[。！？]/gu)) {
        const text = m[0].replace(/^[\s」』]+/, '');
        const start = lineStart + m.index + (m[0].length - text.length);
        sentences.push({ start, end: start + text.length, text });
      }
    lineStart += line.length + 1;
  });
  left = quota.period;
  const labelEdit = (start: number, from: string, to: string, kind: string) => {
    if (left <= 0 || !free(start, start + from.length)) return false;
    edits.push({ start, end: start + from.length, replacement: to, cls: 'period-label', kind, correct: from });
    left--;
    return true;
  };
  seedPeriodLabels(r, sentences, labelEdit);

  edits.sort((x, y) => x.start - y.start);
  let text = '';
  let pos = 0;
  const instances: Instance[] = [];
  for (const e of edits) {
    text += source.slice(pos, e.start);
    const start = text.length;
    text += e.replacement;
    instances.push({ id: `${file}#${instances.length + 1}`, class: e.cls, kind: e.kind, spans: [{ doc: file, start, end: text.length }], wrong: e.replacement, correct: e.correct });
    pos = e.end;
  }
  text += source.slice(pos);
  return { text, instances };
}
