import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareImport } from '../import/prepare';
import { detectClaimCandidates, reportedClaimant, type ClaimCandidate } from './detect';
import type { ClaimQuantity } from './quantities';

const ROOT = join(__dirname, '..', '..');
const gold = JSON.parse(readFileSync(join(ROOT, 'tests/gold/sensetime-2023-claims.json'), 'utf8')) as {
  sample: string;
  items: { id: string; quote: string; type: string; claimant: string | null; quantities: Partial<ClaimQuantity>[] }[];
};
const prepared = prepareImport(new Uint8Array(readFileSync(join(ROOT, gold.sample))), {});
const candidates = detectClaimCandidates(prepared.segmented.segments.map((s, i) => ({ id: i + 1, ...s })));
const find = (quote: string) => candidates.find((c) => c.text.includes(quote));
const has = (c: ClaimCandidate | undefined, q: Partial<ClaimQuantity>) => !!c?.quantities.some((x) => Object.entries(q).every(([k, v]) => (x as unknown as Record<string, unknown>)[k] === v));

describe('claim candidates on the sample', () => {
  it.each(gold.items.map((g) => [g.id, g] as const))('%s', (_id, g) => {
    const c = find(g.quote);
    expect(c, g.quote).toBeDefined();
    for (const q of g.quantities) expect(has(c, q), `${g.quote}: ${JSON.stringify(q)} in ${JSON.stringify(c!.quantities)}`).toBe(true);
    expect(c!.types).toContain(g.type);
    expect(c!.claimant).toBe(g.claimant);
  });

  it('names the claims the brief asks for', () => {
    expect(has(find('45000個'), { kind: 'count', value: 45000 })).toBe(true);
    const compute = find('12000P')!;
    expect(has(compute, { kind: 'compute', value: 12000, unit: 'PFLOPS' })).toBe(true);
    expect(has(compute, { kind: 'multiple', value: 2 })).toBe(true);
    expect(find('11.8億')!.quantities.map((q) => q.value)).toEqual([1_180_000_000, 200, 35]);
    expect(find('18.4億')!.quantities.map((q) => [q.value, q.direction ?? q.role])).toEqual([[1_840_000_000, 'level'], [41, 'down'], [82, 'from'], [54, 'share']]);
    expect(find('3.8億')!.quantities.map((q) => q.value)).toEqual([380_000_000, 31, 11]);
    expect(find('一倍左右')!.type).toBe('forecast');
    expect(has(find('CAGR'), { kind: 'percent', value: 50, role: 'change' })).toBe(true);
    expect(has(find('毛利率'), { kind: 'percent', value: 40, high: 45 })).toBe(true);
    expect(find('20%到30%')!.type).toBe('forecast');
    // offsets point into the segment text
    const seg = prepared.segmented.segments[find('11.8億')!.segmentId - 1];
    const c = find('11.8億')!;
    expect(seg.text.slice(c.start, c.end)).toBe(c.text);
  });

  it('precision and recall against the gold file stay above their floors', () => {
    const matched = new Set<ClaimCandidate>();
    let found = 0;
    for (const g of gold.items) {
      const c = find(g.quote);
      if (c) {
        found++;
        matched.add(c);
      }
    }
    const precision = matched.size / candidates.length;
    const recall = found / gold.items.length;
    console.info(`claims: ${candidates.length} candidates, precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}`);
    expect(precision).toBeGreaterThanOrEqual(0.85);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('claimants', () => {
  it('takes the name before a reporting verb, without its title', () => {
    expect(reportedClaimant('董事長兼首席執行官徐立在會上表示,2023年')?.name).toBe('徐立');
    expect(reportedClaimant('執行董事兼董事會秘書徐冰稱,展望')?.name).toBe('徐冰');
    expect(reportedClaimant('徐立還稱,絕影汽車')?.name).toBe('徐立');
    expect(reportedClaimant('我們表示')).toBeNull();
  });
  it('falls back to the turn speaker, and carries a reported claimant through its paragraph', () => {
    const c = detectClaimCandidates([
      { id: 1, text: '王明指出,今年目標很高。', paragraph: 0 },
      { id: 2, text: '收入增長了30%。', paragraph: 0 },
      { id: 3, text: '收入增長了30%。', paragraph: 1, speaker: 'A' },
      { id: 4, text: '收入增長了30%。', paragraph: 2, furniture: 'byline' },
      { id: 5, text: '收入增長了30%。', paragraph: 3, speaker: '徐立' },
      { id: 6, text: '收入增長了30%。', paragraph: 4, speaker: '答' },
    ]);
    expect(c.map((x) => [x.segmentId, x.claimant, x.claimantSource])).toEqual([
      [2, '王明', 'reported'],
      [3, null, null], // the turn markers A and 答 are not claimants
      [5, '徐立', 'speaker'],
      [6, null, null],
    ]);
  });
});
