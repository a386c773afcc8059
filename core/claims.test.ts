import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshService, importSample } from './test-helpers';
import type { JiaoduiService } from './service';
import { dispatch } from '../shared/contract/dispatch';
import { apiSchema } from '../shared/contract/api';
import { CLAIM_CSV_COLUMNS } from '../shared/claims/export';

let ctx: Awaited<ReturnType<typeof freshService>>;
let service: JiaoduiService;
let documentId: number;

beforeEach(async () => {
  ctx = await freshService();
  service = ctx.service;
  documentId = importSample(service).documentId;
});
afterEach(() => ctx.cleanup());

const candidate = (quote: string) => {
  const c = service.listClaimCandidates({ documentId }).find((x) => x.text.includes(quote));
  if (!c) throw new Error(`no candidate with ${quote}`);
  return c;
};
const fromCandidate = (quote: string) => {
  const c = candidate(quote);
  return service.createClaim({ segmentId: c.segmentId, start: c.start, end: c.end });
};

describe('claims: candidates, storage, history', () => {
  it('lists candidates with row numbers, and links those already made into claims', () => {
    const cands = service.listClaimCandidates({ documentId });
    expect(cands.length).toBeGreaterThanOrEqual(16);
    const c = candidate('11.8億');
    expect(apiSchema.listClaimCandidates.result.safeParse(cands).success).toBe(true);
    expect(service.getSegments({ documentId })[c.index].id).toBe(c.segmentId);
    expect(c.claimId).toBeNull();
    const claim = fromCandidate('11.8億');
    expect(candidate('11.8億').claimId).toBe(claim.id);
  });

  it('creates a claim from a candidate with its type, quantities, claimant and the document date', () => {
    const claim = fromCandidate('11.8億');
    expect(claim).toMatchObject({ type: 'change', claimant: '徐立', claimDate: service.getDocument({ documentId }).date, verdict: 'unverified', status: 'new', orphaned: false, evidence: [], notes: '' });
    expect(claim.quantities.map((q) => q.value)).toEqual([1_180_000_000, 200, 35]);
    // quantities' offsets are relative to the claim's text
    expect(claim.text.slice(claim.quantities[0].start, claim.quantities[0].end)).toBe('11.8億');
    expect(service.listClaims({ documentId }).map((c) => c.id)).toEqual([claim.id]);
  });

  it('creates a claim from a span; the claimant defaults to the segment speaker', () => {
    const seg = service.getSegments({ documentId }).find((s) => s.text.includes('毛利率在40到45之間'))!;
    const start = seg.text.indexOf('目前公司的毛利率');
    const claim = service.createClaim({ segmentId: seg.id, start, end: start + '目前公司的毛利率在40到45之間'.length });
    expect(claim).toMatchObject({ text: '目前公司的毛利率在40到45之間', claimant: 'A', type: 'share' });
    expect(claim.quantities[0]).toMatchObject({ kind: 'percent', value: 40, high: 45 });
    expect(() => service.createClaim({ segmentId: seg.id, start: 5, end: 5 })).toThrow(/span/);
  });

  it('keeps every change in the claim history', () => {
    const claim = fromCandidate('3.8億');
    const updated = service.updateClaim({ claimId: claim.id, verdict: 'mostly-true', evidence: [{ url: 'https://example.org/annual-report-2023.pdf', note: 'p. 12' }], status: 'done' });
    expect(updated).toMatchObject({ verdict: 'mostly-true', status: 'done', evidence: [{ url: 'https://example.org/annual-report-2023.pdf', note: 'p. 12' }] });
    service.updateClaim({ claimId: claim.id, verdict: 'mostly-true', notes: 'rounded' }); // verdict unchanged: no entry
    const h = service.claimHistory({ claimId: claim.id });
    expect(h.map((e) => [e.field, e.before, e.after])).toEqual([
      ['created', null, claim.text],
      ['verdict', 'unverified', 'mostly-true'],
      ['evidence', '[]', JSON.stringify([{ url: 'https://example.org/annual-report-2023.pdf', note: 'p. 12' }])],
      ['status', 'new', 'done'],
      ['notes', '', 'rounded'],
    ]);
    expect(() => dispatch(service, 'updateClaim', { claimId: claim.id, evidence: [{ url: 'not a url', note: '' }] })).toThrow(/URL/);
    expect(() => service.claimHistory({ claimId: 9999 })).toThrow(/no claim/);
  });

  it('re-anchors claims when the text changes, and orphans them when their quote is gone', () => {
    const claim = fromCandidate('上線的GPU數量');
    service.editSegment({ segmentId: claim.segmentId, text: '此外,' + claim.exact });
    let c = service.listClaims({ documentId })[0];
    expect(c).toMatchObject({ start: claim.start + 3, end: claim.end + 3, exact: claim.exact, orphaned: false });
    service.editSegment({ segmentId: claim.segmentId, text: '完全不同的一句話。' });
    c = service.listClaims({ documentId })[0];
    expect(c.orphaned).toBe(true);
    expect(c.exact).toBe(claim.exact);
  });
});

describe('claims: cross-checks and exports', () => {
  it('cross-checks the revenue claims of the sample', () => {
    const ids = ['11.8億', '18.4億', '3.8億', '收入翻了三倍'].map((q) => fromCandidate(q).id);
    const f = service.crossCheckClaims({ documentId });
    expect(f.find((x) => x.kind === 'shares-total')).toMatchObject({ severity: 'info', sum: 100, claimIds: ids.slice(0, 3) });
    const implied = f.find((x) => x.kind === 'implied-total')!;
    expect(implied.severity).toBe('info');
    expect(implied.implied!.map((i) => [i.claimId, Math.round(i.value / 1e7) / 10])).toEqual([
      [ids[0], 33.7],
      [ids[1], 34.1],
      [ids[2], 34.5],
    ]);
    expect(f.find((x) => x.kind === 'growth-ambiguity')).toMatchObject({ claimIds: [ids[0], ids[3]] });
  });

  it('exports CSV with a BOM, one row per claim', () => {
    fromCandidate('11.8億');
    const claim = fromCandidate('18.4億');
    service.updateClaim({ claimId: claim.id, verdict: 'true', evidence: [{ url: 'https://example.org/r', note: 'revenue, "AI"' }] });
    const out = service.exportClaims({ documentId, format: 'csv' });
    expect(out.fileName).toMatch(/\.claims\.csv$/);
    expect(out.content.startsWith('\uFEFF')).toBe(true);
    const lines = out.content.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CLAIM_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"https://example.org/r revenue, ""AI"""');
    expect(lines[1]).toContain('11.8億 = 1180000000 CNY');
  });

  it('exports schema.org ClaimReview JSON-LD with the required fields', () => {
    const claim = fromCandidate('11.8億');
    service.updateClaim({ claimId: claim.id, verdict: 'false', claimDate: '2024-03-26', evidence: [{ url: 'https://example.org/r', note: '' }] });
    fromCandidate('18.4億');
    const out = service.exportClaims({ documentId, format: 'claimreview' });
    const ld = JSON.parse(out.content) as { '@context': string; '@graph': Record<string, any>[] };
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@graph']).toHaveLength(2);
    for (const r of ld['@graph']) {
      expect(r['@type']).toBe('ClaimReview');
      expect(typeof r.claimReviewed).toBe('string');
      expect(r.itemReviewed['@type']).toBe('Claim');
      expect(r.itemReviewed.author).toEqual({ '@type': 'Person', name: '徐立' });
      expect(typeof r.reviewRating.alternateName).toBe('string');
      expect(r.author.name).toBeTruthy();
      expect(r.datePublished).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    const [first, second] = ld['@graph'];
    expect(first.itemReviewed.datePublished).toBe('2024-03-26');
    expect(first.reviewRating).toMatchObject({ alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 });
    expect(first.citation).toEqual([{ '@type': 'CreativeWork', url: 'https://example.org/r' }]);
    expect(second.reviewRating).toEqual({ '@type': 'Rating', alternateName: 'Unverified' });
    const json = JSON.parse(service.exportClaims({ documentId, format: 'json' }).content);
    expect(json.claims).toHaveLength(2);
  });
});

describe('claims: split and merge', () => {
  it('carries a claim to the part of a split segment that holds it, and back on undo', () => {
    const claim = fromCandidate('11.8億');
    const seg = service.getSegments({ documentId }).find((s) => s.id === claim.segmentId)!;
    const at = seg.text.indexOf('按年');
    const r = service.splitSegment({ segmentId: seg.id, at });
    const [left] = r.segments;
    let c = service.listClaims({ documentId })[0];
    expect(c.segmentId).toBe(left.id);
    expect(c.exact).toBe(left.text.slice(c.start, c.end));
    expect(c.orphaned).toBe(true); // the sentence no longer fits one segment
    service.undo({ projectId: service.getDocument({ documentId }).projectId });
    c = service.listClaims({ documentId })[0];
    expect(c.segmentId).toBe(seg.id);
  });
  it('keeps a claim anchored through a merge', () => {
    const claim = fromCandidate('上線的GPU數量');
    const segs = service.getSegments({ documentId });
    const i = segs.findIndex((s) => s.id === claim.segmentId);
    const r = service.mergeSegments({ segmentId: segs[i - 1].id });
    const c = service.listClaims({ documentId })[0];
    expect(c).toMatchObject({ segmentId: r.segments[0].id, exact: claim.exact, orphaned: false });
    expect(r.segments[0].text.slice(c.start, c.end)).toBe(claim.exact);
  });
});
