/**
 * The sample against its hand-labelled gold file (tests/gold/sensetime-2023.json): precision and
 * recall per rule, printed as a table, with floors that fail the run when a rule gets worse.
 * Raise the floors as the rules improve.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { segmentText } from '../text/segment';
import { getConverter } from '../text/convert';
import { runChecks, RULES, type CheckSegment, type Finding, type RuleId } from './index';

interface GoldItem {
  rule: RuleId | 'none';
  offset: number;
  span: string;
  context: string;
  note?: string;
}
const sample = readFileSync(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url), 'utf8');
const gold = JSON.parse(readFileSync(new URL('../../tests/gold/sensetime-2023.json', import.meta.url), 'utf8')) as { items: GoldItem[] };

/** Segment as the importer does (script copies marked as furniture through the t2s fold). */
function segmentSample(text: string) {
  const fold = getConverter('t2s');
  const seg = segmentText(text, { fold: (s) => fold.convert(s) });
  const segments: CheckSegment[] = seg.segments.map((s, i) => ({ id: i + 1, text: s.text, furniture: s.furniture, speaker: s.speaker, paragraph: s.paragraph }));
  return { segments, starts: new Map(seg.segments.map((s, i) => [i + 1, s.start])) };
}

interface Span {
  rule: RuleId;
  severity: Finding['severity'];
  start: number;
  end: number;
}
/** A finding's flagged places in file offsets: its primary location and every related one that proposes a change. */
function flatten(findings: Finding[], starts: Map<number, number>): Span[] {
  const out: Span[] = [];
  for (const f of findings) {
    const base = starts.get(f.segmentId)!;
    out.push({ rule: f.rule, severity: f.severity, start: base + f.start, end: base + Math.max(f.end, f.start + 1) });
    for (const r of f.related) {
      if (!r.fixes.length && f.fixes.length) continue; // already in the suggested form: context, not a flag
      const b = starts.get(r.segmentId)!;
      out.push({ rule: f.rule, severity: f.severity, start: b + r.start, end: b + Math.max(r.end, r.start + 1) });
    }
  }
  return out;
}

const covers = (s: Span, g: GoldItem) => s.start < g.offset + g.span.length && g.offset < s.end;

interface Score {
  rule: RuleId;
  gold: number;
  flagged: number;
  tp: number;
  found: number;
  precision: number;
  recall: number;
  flaggedShown: number;
  precisionShown: number;
}

function score(spans: Span[], items: GoldItem[]): Score[] {
  return RULES.map(({ id }) => {
    const g = items.filter((x) => x.rule === id);
    const s = spans.filter((x) => x.rule === id);
    const shown = s.filter((x) => x.severity !== 'info');
    const tp = s.filter((x) => g.some((y) => covers(x, y))).length;
    const tpShown = shown.filter((x) => g.some((y) => covers(x, y))).length;
    const found = g.filter((y) => s.some((x) => covers(x, y))).length;
    return {
      rule: id,
      gold: g.length,
      flagged: s.length,
      tp,
      found,
      precision: s.length ? tp / s.length : 1,
      recall: g.length ? found / g.length : 1,
      flaggedShown: shown.length,
      precisionShown: shown.length ? tpShown / shown.length : 1,
    };
  });
}

/**
 * Floors: what the rules honestly achieve on the sample today. `precision` counts every
 * flagged place; `precisionShown` leaves out info-level findings (the conversion lens).
 * Rules with no gold item must flag nothing at warning or error level.
 */
const FLOORS: Partial<Record<RuleId, { precision?: number; precisionShown?: number; recall?: number }>> = {
  'entity-consistency': { precision: 1, recall: 1 },
  'conversion-ambiguity': { precisionShown: 1, precision: 0.8, recall: 1 },
  'halfwidth-punctuation': { precision: 1, recall: 1 },
};

describe('gold: the SenseTime sample, labelled by hand', () => {
  const { segments, starts } = segmentSample(sample);
  const findings = runChecks(segments, { script: 'hant', variant: 't' });
  const spans = flatten(findings, starts);

  it('has gold items that match the file', () => {
    for (const g of gold.items) {
      expect(sample.slice(g.offset, g.offset + g.span.length), `${g.rule} @${g.offset}`).toBe(g.span);
      expect(sample.includes(g.context.replace(/⏎/g, '\n'))).toBe(true);
    }
    expect(gold.items.filter((g) => g.rule === 'halfwidth-punctuation').length).toBeGreaterThan(200);
  });

  it('reaches the precision/recall floors per rule', () => {
    const rows = score(spans, gold.items);
    const pct = (x: number) => (x * 100).toFixed(1).padStart(6);
    const table = [
      'rule                        gold flagged  TP  found  precision  prec(warn+)  recall',
      ...rows.map(
        (r) =>
          `${r.rule.padEnd(27)} ${String(r.gold).padStart(4)} ${String(r.flagged).padStart(7)} ${String(r.tp).padStart(3)} ${String(r.found).padStart(6)}  ${pct(r.precision)}%    ${pct(r.precisionShown)}%  ${pct(r.recall)}%`,
      ),
      `not covered by any rule (rule "none"): ${gold.items.filter((g) => g.rule === 'none').length}`,
    ].join('\n');
    console.log(`\nGold: ${gold.items.length} items on the sample\n${table}`);
    for (const r of rows) {
      const f = FLOORS[r.rule];
      if (!f) {
        if (r.gold === 0) expect(r.flaggedShown, `${r.rule}: no real errors in the sample, nothing should be shown`).toBe(0);
        continue;
      }
      if (f.precision !== undefined) expect(r.precision, `${r.rule} precision`).toBeGreaterThanOrEqual(f.precision);
      if (f.precisionShown !== undefined) expect(r.precisionShown, `${r.rule} precision (warning+)`).toBeGreaterThanOrEqual(f.precisionShown);
      if (f.recall !== undefined) expect(r.recall, `${r.rule} recall`).toBeGreaterThanOrEqual(f.recall);
    }
  });

  it('groups 王震 and 王徵 into one entity finding with both locations, fixed to 王征', () => {
    const entity = findings.filter((f) => f.rule === 'entity-consistency');
    const group = entity.find((f) => [f.text, ...f.related.map((r) => r.text)].includes('王徵'));
    expect(group).toBeDefined();
    const texts = [group!.text, ...group!.related.map((r) => r.text)].sort();
    expect(texts).toEqual(['王徵', '王震']);
    expect(group!.group).toBe('entity:王:zheng');
    for (const loc of [group!, ...group!.related]) expect(loc.fixes.map((x) => x.replacement)).toEqual(['王征']);
    const abs = [group!, ...group!.related].map((l) => starts.get(l.segmentId)! + l.start).sort((a, b) => a - b);
    expect(abs).toEqual([sample.indexOf('CFO王震') + 3, sample.indexOf('剛才王徵') + 2]);
    // 徐立 (chair, CEO) and 徐冰 (board secretary) are two people
    expect(entity.some((f) => [f.text, ...f.related.map((r) => r.text)].includes('徐冰'))).toBe(false);
  });
});
