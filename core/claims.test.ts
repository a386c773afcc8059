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

  it('creates a claim from a span; the claimant defaults to the turn speaker, or the person the turn was handed to', () => {
    const seg = service.getSegments({ documentId }).find((s) => s.text.includes('毛利率在40到45之間'))!;
    const start = seg.text.indexOf('目前公司的毛利率');
    const claim = service.createClaim({ segmentId: seg.id, start, end: start + '目前公司的毛利率在40到45之間'.length });
    // the answer was handed over (交由CFO王震介紹): the claim is 王震's, not the turn label's
    expect(claim).toMatchObject({ text: '目前公司的毛利率在40到45之間', claimant: '王震', type: 'share' });
    const before = service.getSegments({ documentId }).find((s) => s.text.includes('交由CFO'))!;
    const own = service.createClaim({ segmentId: before.id, start: 0, end: 4 });
    // the turn's label is the answer marker A: never a claimant
    expect(own.claimant).toBeNull();
    expect(candidate('收入翻了三倍')).toMatchObject({ claimant: '王震', claimantSource: 'handover', claimantRole: 'CFO' });
    expect(claim.quantities[0]).toMatchObject({ kind: 'percent', value: 40, high: 45 });
    expect(() => service.createClaim({ segmentId: seg.id, start: 5, end: 5 })).toThrow(/span/);
  });

  it('keeps every change in the claim history', () => {
    const claim = fromCandidate('3.8億');
    const updated = service.updateClaim({ claimId: claim.id, verdict: 'mostly-true', evidence: [{ kind: 'url', url: 'https://example.org/annual-report-2023.pdf', note: 'p. 12' }], status: 'ready-for-review' });
    const item = { kind: 'url', url: 'https://example.org/annual-report-2023.pdf', note: 'p. 12', id: 1, author: updated.author, addedAt: updated.updatedAt };
    expect(updated).toMatchObject({ verdict: 'mostly-true', status: 'ready-for-review', evidence: [item] });
    service.updateClaim({ claimId: claim.id, verdict: 'mostly-true', notes: 'rounded' }); // verdict unchanged: no entry
    const h = service.claimHistory({ claimId: claim.id });
    expect(h.map((e) => [e.field, e.before, e.after])).toEqual([
      ['created', null, claim.text],
      ['verdict', 'unverified', 'mostly-true'],
      ['evidence', '[]', JSON.stringify([{ kind: 'url', url: item.url, note: item.note, id: 1, author: item.author, addedAt: item.addedAt }])],
      ['status', 'new', 'ready-for-review'],
      ['notes', '', 'rounded'],
    ]);
    expect(() => dispatch(service, 'updateClaim', { claimId: claim.id, evidence: [{ url: 'not a url', note: '' }] })).toThrow(/URL/);
    expect(() => service.claimHistory({ claimId: 9999 })).toThrow(/no claim/);
  });

  it('a reviewer can call a claim an opinion (the detector never does), and it exports as such', () => {
    const claim = fromCandidate('3.8億');
    expect(dispatch(service, 'updateClaim', { claimId: claim.id, type: 'opinion' })).toMatchObject({ type: 'opinion' });
    expect(service.claimHistory({ claimId: claim.id }).at(-1)).toMatchObject({ field: 'type', before: claim.type, after: 'opinion' });
    expect(service.listClaimCandidates({ documentId }).every((c) => (c.type as string) !== 'opinion')).toBe(true);
    expect(() => dispatch(service, 'updateClaim', { claimId: claim.id, type: 'rumour' })).toThrow(/type/);
    expect(service.exportClaims({ documentId, format: 'csv' }).content).toContain(',opinion,');
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
    service.updateClaim({ claimId: claim.id, verdict: 'true', evidence: [{ kind: 'url', url: 'https://example.org/r', note: 'revenue, "AI"' }] });
    const out = service.exportClaims({ documentId, format: 'csv' });
    expect(out.fileName).toMatch(/\.claims\.csv$/);
    expect(out.content.startsWith('\uFEFF')).toBe(true);
    const lines = out.content.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(CLAIM_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain('"url: https://example.org/r — revenue, ""AI"" (');
    expect(lines[1]).toContain('11.8億 = 1180000000 CNY');
  });

  it('exports schema.org ClaimReview JSON-LD of published claims only', () => {
    const claim = fromCandidate('11.8億');
    service.updateClaim({ claimId: claim.id, verdict: 'false', claimDate: '2024-03-26', evidence: [{ kind: 'url', url: 'https://example.org/r', note: '' }], status: 'published' });
    const other = fromCandidate('18.4億');
    service.updateClaim({ claimId: other.id, verdict: 'true', status: 'ready-for-review' });
    const out = service.exportClaims({ documentId, format: 'claimreview' });
    const ld = JSON.parse(out.content) as { '@context': string; '@graph': Record<string, any>[] };
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@graph']).toHaveLength(1);
    const [first] = ld['@graph'];
    expect(first['@type']).toBe('ClaimReview');
    expect(first.itemReviewed).toMatchObject({ '@type': 'Claim', author: { '@type': 'Person', name: '徐立' }, datePublished: '2024-03-26' });
    expect(first.reviewRating).toMatchObject({ alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 });
    expect(first.citation).toEqual([{ '@type': 'CreativeWork', url: 'https://example.org/r' }]);
    const json = JSON.parse(service.exportClaims({ documentId, format: 'json' }).content);
    expect(json.claims).toHaveLength(2);
  });

  it('JSON and ClaimReview exports carry http(s) evidence only (javascript:, data:, vbscript: left out)', () => {
    const claim = fromCandidate('11.8億');
    const hostile = ['javascript:alert(document.domain)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'];
    // the schema refuses them (every transport validates) …
    for (const url of hostile) expect(() => dispatch(service, 'updateClaim', { claimId: claim.id, evidence: [{ url, note: 'x' }] })).toThrow(/http/);
    // … and should one be stored anyway (an in-process caller skips the schema), the exports leave it out
    service.updateClaim({ claimId: claim.id, status: 'published', verdict: 'true', evidence: [...hostile.map((url) => ({ kind: 'url' as const, url, note: 'x' })), { kind: 'url', url: 'https://example.org/r', note: 'ok' }] });
    expect(service.listClaims({ documentId })[0].evidence).toHaveLength(5); // stored as entered
    const json = JSON.parse(service.exportClaims({ documentId, format: 'json' }).content);
    expect(json.claims[0].evidence).toMatchObject([{ kind: 'url', url: 'https://example.org/r', note: 'ok' }]);
    const ld = service.exportClaims({ documentId, format: 'claimreview' }).content;
    expect(JSON.parse(ld)['@graph'][0].citation).toEqual([{ '@type': 'CreativeWork', url: 'https://example.org/r', description: 'ok' }]);
    for (const out of [JSON.stringify(json), ld]) expect(out).not.toMatch(/javascript:|data:text|vbscript:/i);
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

describe('claims: candidate rejections', () => {
  const projectId = () => service.getDocument({ documentId }).projectId;
  it('stores a rejection, hides the candidate (shown with includeRejected), keeps it across a reopen, and undoes it', async () => {
    const total = service.listClaimCandidates({ documentId }).length;
    const c = candidate('45000個');
    const r = service.rejectClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    expect(r.operationId).not.toBeNull();
    expect(r.undo.undoLabel).toMatch(/Reject claim candidate/);
    expect(service.listClaimCandidates({ documentId })).toHaveLength(total - 1);
    expect(service.listClaimCandidates({ documentId }).some((x) => x.segmentId === c.segmentId)).toBe(false);
    const all = service.listClaimCandidates({ documentId, includeRejected: true });
    expect(all).toHaveLength(total);
    expect(all.find((x) => x.segmentId === c.segmentId)!.rejected).toBe(true);

    service = await ctx.reopen();
    expect(service.listClaimCandidates({ documentId })).toHaveLength(total - 1);

    service.undo({ projectId: projectId() });
    expect(service.listClaimCandidates({ documentId })).toHaveLength(total);
    service.redo({ projectId: projectId() });
    expect(service.listClaimCandidates({ documentId })).toHaveLength(total - 1);
    service.restoreClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    expect(service.listClaimCandidates({ documentId })).toHaveLength(total);
    expect(service.undoState({ projectId: projectId() }).undoLabel).toMatch(/Restore claim candidate/);
    // rejecting twice is one rejection; restoring an open candidate changes nothing
    service.rejectClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    const again = service.rejectClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    expect(again.operationId).toBeNull();
    expect(() => service.rejectClaimCandidate({ segmentId: c.segmentId, start: 3, end: 3 })).toThrow(/span/);
  });
  it('follows its sentence through a merge and a split, and undo/redo of both restore it', () => {
    const quote = '上線的GPU數量達到了45000個。';
    const c = candidate(quote);
    const segs = service.getSegments({ documentId });
    const prev = segs[segs.findIndex((s) => s.id === c.segmentId) - 1];
    const p = service.listClaimCandidates({ documentId }).find((x) => x.segmentId === prev.id)!;
    for (const x of [p, c]) service.rejectClaimCandidate({ segmentId: x.segmentId, start: x.start, end: x.end });
    const rejectedTexts = () => service.listClaimCandidates({ documentId, includeRejected: true }).filter((x) => x.rejected).map((x) => [x.segmentId, x.text]);
    const open = () => service.listClaimCandidates({ documentId }).map((x) => x.text);
    const openBefore = open();
    // merge: the merged segment holds both rejected sentences, so its candidate stays rejected
    const merged = service.mergeSegments({ segmentId: prev.id }).segments[0];
    expect(rejectedTexts()).toEqual([[merged.id, merged.text]]);
    expect(open()).toEqual(openBefore);
    // split back: each rejection follows the part holding its sentence
    const [left, right] = service.splitSegment({ segmentId: merged.id, at: merged.text.indexOf(quote) }).segments;
    expect(right.text).toBe(quote);
    expect(rejectedTexts()).toEqual([[left.id, p.text], [right.id, quote]]);
    expect(open()).toEqual(openBefore);
    // undo the split, then the merge: the rejections are back on each earlier segment
    service.undo({ projectId: projectId() });
    expect(rejectedTexts()).toEqual([[merged.id, merged.text]]);
    service.undo({ projectId: projectId() });
    expect(rejectedTexts()).toEqual([[prev.id, p.text], [c.segmentId, quote]]);
    service.redo({ projectId: projectId() });
    service.redo({ projectId: projectId() });
    expect(rejectedTexts()).toEqual([[left.id, p.text], [right.id, quote]]);
    // restoring the merged candidate takes back both carried rejections, as one undoable step
    service.undo({ projectId: projectId() });
    service.restoreClaimCandidate({ segmentId: merged.id, start: 0, end: merged.text.length });
    expect(rejectedTexts()).toEqual([]);
    expect(open()).toContain(merged.text);
    service.undo({ projectId: projectId() });
    expect(rejectedTexts()).toEqual([[merged.id, merged.text]]);
    service.undo({ projectId: projectId() });
    expect(rejectedTexts()).toEqual([[prev.id, p.text], [c.segmentId, quote]]);
  });
  it('merged with a sentence that makes another claim, the candidate is shown; split again, the rejection is back', () => {
    const quote = '上線的GPU數量達到了45000個。';
    const c = candidate(quote);
    service.rejectClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    const segs = service.getSegments({ documentId });
    const prev = segs[segs.findIndex((s) => s.id === c.segmentId) - 1];
    const merged = service.mergeSegments({ segmentId: prev.id }).segments[0];
    expect(service.listClaimCandidates({ documentId }).find((x) => x.segmentId === merged.id)!.rejected).toBe(false);
    const [, right] = service.splitSegment({ segmentId: merged.id, at: merged.text.indexOf(quote) }).segments;
    expect(service.listClaimCandidates({ documentId, includeRejected: true }).find((x) => x.segmentId === right.id)!.rejected).toBe(true);
  });
  it('a split through the rejected sentence leaves neither part with it', () => {
    const quote = '上線的GPU數量達到了45000個。';
    const c = candidate(quote);
    service.rejectClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    service.splitSegment({ segmentId: c.segmentId, at: quote.indexOf('45000') });
    expect(service.listClaimCandidates({ documentId, includeRejected: true }).filter((x) => x.rejected)).toEqual([]);
    service.undo({ projectId: projectId() });
    expect(service.listClaimCandidates({ documentId, includeRejected: true }).find((x) => x.text === quote)!.rejected).toBe(true);
  });
  it('a rejection is tied to the sentence: a changed sentence is a new candidate', () => {
    const c = candidate('45000個');
    service.rejectClaimCandidate({ segmentId: c.segmentId, start: c.start, end: c.end });
    const seg = service.getSegments({ documentId }).find((s) => s.id === c.segmentId)!;
    service.editSegment({ segmentId: seg.id, text: seg.text.replace('45000個', '46000個') });
    expect(candidate('46000個').rejected).toBe(false);
  });
});

describe('claims: undo and redo', () => {
  const projectId = () => service.getDocument({ documentId }).projectId;
  it('undoes and redoes creating, editing and deleting a claim; the history only grows', () => {
    const claim = fromCandidate('11.8億');
    expect(service.undoState({ projectId: projectId() }).undoLabel).toMatch(/Add claim/);
    service.updateClaim({ claimId: claim.id, verdict: 'misleading', evidence: [{ kind: 'url', url: 'https://example.org/a', note: '' }] });
    service.updateClaim({ claimId: claim.id, status: 'ready-for-review' });
    expect(service.undoState({ projectId: projectId() }).undoLabel).toMatch(/Edit claim .*status/);

    service.undo({ projectId: projectId() }); // status
    expect(service.listClaims({ documentId })[0]).toMatchObject({ verdict: 'misleading', status: 'new' });
    service.undo({ projectId: projectId() }); // verdict + evidence
    expect(service.listClaims({ documentId })[0]).toMatchObject({ verdict: 'unverified', evidence: [], status: 'new' });
    service.redo({ projectId: projectId() });
    expect(service.listClaims({ documentId })[0]).toMatchObject({ verdict: 'misleading', evidence: [{ url: 'https://example.org/a', note: '' }] });
    service.undo({ projectId: projectId() });
    service.undo({ projectId: projectId() }); // the creation
    expect(service.listClaims({ documentId })).toEqual([]);
    expect(candidate('11.8億').claimId).toBeNull();
    expect(() => service.updateClaim({ claimId: claim.id, verdict: 'true' })).toThrow(/deleted/);
    service.redo({ projectId: projectId() });
    expect(service.listClaims({ documentId }).map((c) => [c.id, c.verdict])).toEqual([[claim.id, 'unverified']]);

    const h = service.claimHistory({ claimId: claim.id }).map((e) => [e.field, e.before, e.after]);
    expect(h.map(([f]) => f)).toEqual(['created', 'verdict', 'evidence', 'status', 'status', 'verdict', 'evidence', 'verdict', 'evidence', 'verdict', 'evidence', 'deleted', 'restored']);
    expect(h[4]).toEqual(['status', 'ready-for-review', 'new']);
  });
  it('deletes a claim (kept with its history) and restores it on undo', () => {
    const claim = fromCandidate('3.8億');
    service.updateClaim({ claimId: claim.id, notes: 'check the annual report' });
    const r = service.deleteClaim({ claimId: claim.id });
    expect(r.undo.undoLabel).toMatch(/Delete claim/);
    expect(service.listClaims({ documentId })).toEqual([]);
    expect(service.claimHistory({ claimId: claim.id }).map((e) => e.field)).toEqual(['created', 'notes', 'deleted']);
    expect(() => service.deleteClaim({ claimId: claim.id })).toThrow(/deleted/);
    service.undo({ projectId: projectId() });
    expect(service.listClaims({ documentId })[0]).toMatchObject({ id: claim.id, notes: 'check the annual report' });
    // a new action clears redo, as for segment edits
    service.updateClaim({ claimId: claim.id, verdict: 'true' });
    expect(service.undoState({ projectId: projectId() }).canRedo).toBe(false);
  });
  it('an unchanged update is not an operation', () => {
    const claim = fromCandidate('3.8億');
    const label = service.undoState({ projectId: projectId() }).undoLabel;
    service.updateClaim({ claimId: claim.id, verdict: 'unverified' });
    expect(service.undoState({ projectId: projectId() }).undoLabel).toBe(label);
  });
});

describe('claims: cross-checks as findings', () => {
  const projectId = () => service.getDocument({ documentId }).projectId;
  const crossFindings = () => service.listFindings({ documentId }).findings.filter((f) => f.rule === 'claims-crosscheck');
  it('stores each cross-check as a finding linked to the claims involved, recomputed when claims change', () => {
    expect(service.listRules().map((r) => r.id)).toContain('claims-crosscheck');
    const claims = ['11.8億', '18.4億', '3.8億', '收入翻了三倍'].map((q) => fromCandidate(q));
    const found = crossFindings();
    const shares = found.find((f) => /add up to 100%/.test(f.message))!;
    expect(shares.severity).toBe('info');
    // the locations are the claims' spans, so the findings panel jumps to them
    expect([shares, ...shares.related].map((l) => [l.segmentId, l.start, l.end, l.text])).toEqual(claims.slice(0, 3).map((c) => [c.segmentId, c.start, c.end, c.exact]));
    const growth = found.find((f) => /ambiguous/.test(f.message))!;
    expect(growth.severity).toBe('warning');
    expect([growth.segmentId, ...growth.related.map((r) => r.segmentId)]).toEqual([claims[0].segmentId, claims[3].segmentId]);
    // the claims view sees the same findings
    const cc = service.crossCheckClaims({ documentId });
    expect(cc.map((x) => x.findingId).sort()).toEqual(found.map((f) => f.id).sort());

    // a claim edit changes the finding; deleting a claim removes those it was part of; undo brings them back
    service.updateClaim({ claimId: claims[2].id, text: claims[2].text.replace('11%', '21%') });
    expect(crossFindings().find((f) => f.group?.includes('shares-total'))!.message).toMatch(/more than 100%/);
    service.undo({ projectId: projectId() });
    expect(crossFindings().find((f) => f.group?.includes('shares-total'))!.message).toMatch(/add up to 100%/);
    service.deleteClaim({ claimId: claims[3].id });
    expect(crossFindings().some((f) => /ambiguous/.test(f.message))).toBe(false);
    service.undo({ projectId: projectId() });
    expect(crossFindings().some((f) => /ambiguous/.test(f.message))).toBe(true);
  });
  it('survives a run of the checks with its dismissal, which is undoable like other findings', () => {
    const ids = ['11.8億', '18.4億', '3.8億', '收入翻了三倍'].map((q) => fromCandidate(q).id);
    const growth = crossFindings().find((f) => /ambiguous/.test(f.message))!;
    service.dismissFinding({ findingId: growth.id, reason: 'read as ×3 in the annual report', scope: 'group' });
    const report = service.runChecks({ documentId });
    const after = report.findings.find((f) => f.rule === 'claims-crosscheck' && /ambiguous/.test(f.message))!;
    expect(after).toMatchObject({ id: growth.id, dismissedReason: 'read as ×3 in the annual report' });
    expect(service.crossCheckClaims({ documentId }).find((x) => x.kind === 'growth-ambiguity')).toMatchObject({ findingId: growth.id, dismissedReason: 'read as ×3 in the annual report', claimIds: [ids[0], ids[3]] });
    expect(service.runChecks({ documentId, rules: ['claims-crosscheck'] }).findings.some((f) => f.id === growth.id)).toBe(true);
    service.undo({ projectId: projectId() });
    expect(crossFindings().find((f) => f.id === growth.id)!.dismissedReason).toBeNull();
  });
  it('follows the claims through text edits', () => {
    const claim = fromCandidate('11.8億');
    fromCandidate('18.4億');
    const seg = service.getSegments({ documentId }).find((s) => s.id === claim.segmentId)!;
    service.editSegment({ segmentId: seg.id, text: '此外,' + seg.text });
    const f = crossFindings().find((x) => x.segmentId === seg.id)!;
    const moved = service.listClaims({ documentId }).find((c) => c.id === claim.id)!;
    expect([f.start, f.end, f.text]).toEqual([moved.start, moved.end, moved.exact]);
  });
});
