import { describe, expect, it } from 'vitest';
import type { Instance } from './labels';
import { score, scoreClean, spansOverlap, type ScoredFinding } from './score';

const inst = (id: string, cls: Instance['class'], doc: string, start: number, end: number, counterparts?: Instance['counterparts']): Instance => ({
  id,
  class: cls,
  kind: '',
  spans: [{ doc, start, end }],
  wrong: '',
  correct: '',
  counterparts,
});
const finding = (id: number, rule: string, severity: ScoredFinding['severity'], ...locations: [string, number, number][]): ScoredFinding => ({
  id,
  rule,
  severity,
  locations: locations.map(([doc, start, end]) => ({ doc, start, end })),
});

describe('overlap scoring', () => {
  it('overlap needs the same document and a shared character; an empty span counts as one character', () => {
    expect(spansOverlap({ doc: 'a', start: 0, end: 2 }, { doc: 'a', start: 1, end: 3 })).toBe(true);
    expect(spansOverlap({ doc: 'a', start: 0, end: 2 }, { doc: 'a', start: 2, end: 3 })).toBe(false);
    expect(spansOverlap({ doc: 'a', start: 0, end: 2 }, { doc: 'b', start: 0, end: 2 })).toBe(false);
    expect(spansOverlap({ doc: 'a', start: 4, end: 4 }, { doc: 'a', start: 4, end: 6 })).toBe(true);
  });

  it('recall per class counts warnings and errors; info only in recallWithInfo', () => {
    const instances = [inst('1', 'conversion', 'd', 10, 11), inst('2', 'conversion', 'd', 20, 21), inst('3', 'unit', 'd', 30, 31)];
    const findings = [finding(1, 'conversion-ambiguity', 'warning', ['d', 10, 11]), finding(2, 'conversion-ambiguity', 'info', ['d', 20, 21])];
    const s = score(instances, findings);
    const conv = s.classes.find((c) => c.class === 'conversion')!;
    expect([conv.recall.k, conv.recall.n, conv.recallWithInfo.k]).toEqual([1, 2, 2]);
    expect(conv.byRule).toEqual({ 'conversion-ambiguity': 1 });
    expect(s.classes.find((c) => c.class === 'unit')!.recall.k).toBe(0);
  });

  it('a cross-document instance is hit on either side; a single-document one only on its own span', () => {
    const people = inst('p', 'people', 'a', 5, 8, [{ doc: 'b', start: 1, end: 4 }]);
    const unit = { ...inst('u', 'unit', 'a', 40, 41), counterparts: [{ doc: 'b', start: 40, end: 41 }] };
    const s = score([people, unit], [finding(1, 'entity-consistency', 'warning', ['b', 2, 3]), finding(2, 'number-mismatch', 'warning', ['b', 40, 41])]);
    expect(s.classes.find((c) => c.class === 'people')!.recall.k).toBe(1);
    expect(s.classes.find((c) => c.class === 'unit')!.recall.k).toBe(0);
  });

  it('a related location hits like the primary one', () => {
    const s = score([inst('1', 'people', 'a', 50, 52)], [finding(1, 'entity-consistency', 'error', ['a', 0, 2], ['a', 51, 52])]);
    expect(s.classes.find((c) => c.class === 'people')!.recall.k).toBe(1);
  });

  it('precision per rule: warning-or-error findings on any label over all of them; info apart; pooled', () => {
    const instances = [inst('1', 'malformed-number', 'd', 0, 5), inst('2', 'conversion', 'd', 9, 10)];
    const findings = [
      finding(1, 'number-format', 'warning', ['d', 1, 2]),
      finding(2, 'number-format', 'error', ['d', 30, 32]),
      finding(3, 'conversion-ambiguity', 'info', ['d', 9, 10]),
      finding(4, 'stray-space', 'warning', ['d', 60, 61]),
    ];
    const s = score(instances, findings);
    const nf = s.rules.find((r) => r.rule === 'number-format')!;
    expect([nf.precision.k, nf.precision.n]).toEqual([1, 2]);
    const ca = s.rules.find((r) => r.rule === 'conversion-ambiguity')!;
    expect([ca.precision.n, ca.info.findings, ca.info.onLabel]).toEqual([0, 1, 1]);
    expect([s.pooled.k, s.pooled.n]).toEqual([1, 3]);
    expect([s.pooledContent.k, s.pooledContent.n]).toEqual([1, 2]);
  });

  it('a finding on a regional-variant label is right only for a variant rule', () => {
    const instances = [inst('1', 'variant', 'd', 3, 4)];
    const s = score(instances, [finding(1, 'conversion-ambiguity', 'warning', ['d', 3, 4]), finding(2, 'variant-mixing', 'warning', ['d', 3, 4])]);
    expect(s.rules.map((r) => [r.rule, r.precision.k, r.precision.n])).toEqual([
      ['conversion-ambiguity', 0, 1],
      ['variant-mixing', 1, 1],
    ]);
    // recall of the class still counts any serious finding on it
    expect(s.classes.find((c) => c.class === 'variant')!.recall.k).toBe(1);
  });

  it('clean documents: typography and number rules counted apart, info ignored', () => {
    const c = scoreClean('x', [
      finding(1, 'halfwidth-punctuation', 'warning', ['x', 0, 1]),
      finding(2, 'number-format', 'warning', ['x', 3, 4]),
      finding(3, 'conversion-ambiguity', 'error', ['x', 5, 6]),
      finding(4, 'conversion-ambiguity', 'info', ['x', 7, 8]),
    ]);
    expect(c).toMatchObject({ content: 2, typography: 1, numbers: 1, byRule: { 'halfwidth-punctuation': 1, 'number-format': 1, 'conversion-ambiguity': 1 } });
  });
});
