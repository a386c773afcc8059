/**
 * Claim exports (issue 18): ClaimReview JSON-LD of published claims checked against a local
 * copy of the required and recommended properties (tests/fixtures/claimreview-required.ts),
 * CSV and JSON with every field and the stored date beside the readable one, rows in document
 * order, and the transcript appendix with readable dates.
 */
import { describe, expect, it } from 'vitest';
import { useFreshService, importSample } from './test-helpers';
import { dispatch, dispatchAsync } from '../shared/contract/dispatch';
import { parseCsvRecords } from '../shared/csv/csv';
const parseCsv = (text: string) => parseCsvRecords(text).map((r) => r.fields);
import { CLAIM_CSV_COLUMNS } from '../shared/claims/export';
import { CLAIM_REVIEW_SHAPE as SHAPE } from '../tests/fixtures/claimreview-required';

const fresh = useFreshService();
type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => !!v && typeof v === 'object' && !Array.isArray(v);
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Every problem of one ClaimReview node against the fixture; [] when it is valid. */
function problems(n: Node): string[] {
  const out: string[] = [];
  const need = (o: Node, keys: readonly string[], where: string) => {
    for (const k of keys) if (o[k] === undefined || o[k] === '' || o[k] === null) out.push(`${where}.${k} missing`);
  };
  const agent = (a: unknown, where: string) => {
    if (!isNode(a) || !(SHAPE.Agent.types as readonly string[]).includes(String(a['@type']))) return out.push(`${where} is not an Organization or Person`);
    need(a, SHAPE.Agent.required, where);
  };
  if (n['@type'] !== SHAPE.ClaimReview.type) out.push(`@type ${String(n['@type'])}`);
  need(n, SHAPE.ClaimReview.required, 'ClaimReview');
  need(n, SHAPE.ClaimReview.recommended, 'ClaimReview');
  if (typeof n.url === 'string' && !/^https?:\/\//.test(n.url)) out.push('url is not http(s)');
  if (typeof n.datePublished === 'string' && !ISO_DATE.test(n.datePublished)) out.push('datePublished is not ISO 8601');
  agent(n.author, 'author');
  if (n.publisher !== undefined) agent(n.publisher, 'publisher');
  const r = n.reviewRating;
  if (!isNode(r) || r['@type'] !== SHAPE.Rating.type) out.push('reviewRating is not a Rating');
  else {
    need(r, SHAPE.Rating.required, 'reviewRating');
    const present = SHAPE.Rating.numeric.filter((k) => r[k] !== undefined);
    if (present.length && present.length !== SHAPE.Rating.numeric.length) out.push('reviewRating: a value without its scale');
    if (present.length && !(Number(r.worstRating) <= Number(r.ratingValue) && Number(r.ratingValue) <= Number(r.bestRating))) out.push('reviewRating: value off its scale');
  }
  const c = n.itemReviewed;
  if (!isNode(c) || c['@type'] !== SHAPE.Claim.type) out.push('itemReviewed is not a Claim');
  else {
    if (c.author !== undefined) agent(c.author, 'itemReviewed.author');
    if (c.datePublished !== undefined && !(typeof c.datePublished === 'string' && ISO_DATE.test(c.datePublished))) out.push('itemReviewed.datePublished is not ISO 8601');
    if (c.appearance === undefined) out.push('itemReviewed.appearance missing');
  }
  return out;
}

function setUp() {
  const { documentId } = importSample(fresh.service);
  const segs = fresh.service.getSegments({ documentId });
  const seg = (q: string) => segs.find((s) => s.text.includes(q))!;
  return { documentId, seg };
}

describe('ClaimReview JSON-LD', () => {
  it('one valid node per published claim: url, dates, author and publisher from settings, the rating scale', () => {
    const { documentId, seg } = setUp();
    fresh.service.updateClaimReviewSettings({ organisation: 'Example Fact Check', organisationUrl: 'https://factcheck.example.org/' });
    const a = fresh.service.addClaim({ segmentId: seg('18.4億').id });
    const b = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    const draft = fresh.service.addClaim({ segmentId: seg('3.8億').id });
    fresh.service.updateClaim({ claimId: a.id, verdict: 'false', claimDate: '--03-28', reviewUrl: 'https://factcheck.example.org/2024/revenue', ratingNote: '年報數字不同', status: 'published' });
    const pb = fresh.service.updateClaim({ claimId: b.id, verdict: 'unverifiable', claimDate: '2024-03-26', status: 'published' });
    fresh.service.updateClaim({ claimId: draft.id, verdict: 'true', status: 'ready-for-review' });
    const ld = JSON.parse(fresh.service.exportClaims({ documentId, format: 'claimreview' }).content) as { '@context': string; '@graph': Node[] };
    expect(ld['@context']).toBe('https://schema.org');
    expect(ld['@graph']).toHaveLength(2); // the draft is not a review yet
    for (const n of ld['@graph']) expect(problems(n)).toEqual([]);
    const [first, second] = ld['@graph']; // document order: 11.8億 comes before 18.4億
    expect(first).toMatchObject({
      claimReviewed: pb.text,
      url: `https://factcheck.example.org/#claim-${b.id}`,
      datePublished: pb.publishedAt!.slice(0, 10),
      author: { '@type': 'Organization', name: 'Example Fact Check', url: 'https://factcheck.example.org/' },
      publisher: { '@type': 'Organization', name: 'Example Fact Check' },
      itemReviewed: { author: { '@type': 'Person', name: '徐立' }, datePublished: '2024-03-26' },
      reviewRating: { '@type': 'Rating', alternateName: 'Unverifiable' },
    });
    expect(first.reviewRating).not.toHaveProperty('ratingValue');
    expect(second).toMatchObject({ url: 'https://factcheck.example.org/2024/revenue', reviewBody: '年報數字不同', reviewRating: { alternateName: 'False', ratingValue: 1, bestRating: 5, worstRating: 1 } });
    // the statement's year is unknown: its date is left out
    expect(second.itemReviewed).not.toHaveProperty('datePublished');
  });

  it('the validator catches what a review needs (it can fail)', () => {
    expect(problems({ '@type': 'ClaimReview', claimReviewed: 'x', reviewRating: { '@type': 'Rating', ratingValue: 3 }, itemReviewed: { '@type': 'Claim' } })).toEqual(
      expect.arrayContaining(['ClaimReview.url missing', 'reviewRating.alternateName missing', 'reviewRating: a value without its scale', 'itemReviewed.appearance missing', 'author is not an Organization or Person']),
    );
  });

  it('without settings the reviewer who published is the author; without any URL none is invented', () => {
    const { documentId, seg } = setUp();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    const p = fresh.service.updateClaim({ claimId: c.id, verdict: 'true', status: 'published' });
    const [n] = (JSON.parse(fresh.service.exportClaims({ documentId, format: 'claimreview' }).content) as { '@graph': Node[] })['@graph'];
    expect(n.author).toEqual({ '@type': 'Person', name: p.publishedBy });
    expect(n).not.toHaveProperty('url');
    expect(problems(n)).toEqual(['ClaimReview.url missing']);
  });
});

describe('CSV and JSON: every field, readable dates beside stored ones, document order', () => {
  it('CSV rows in document order whatever the creation order; claimDate and claimDateReadable side by side', () => {
    const { documentId, seg } = setUp();
    const later = fresh.service.addClaim({ segmentId: seg('18.4億').id, assignee: 'Mei' });
    const earlier = fresh.service.addClaim({ segmentId: seg('11.8億').id });
    fresh.service.updateClaim({ claimId: later.id, claimDate: '--03-28', ratingNote: 'note', verdict: 'true', status: 'published' });
    fresh.service.addClaimEvidence({ claimId: later.id, evidence: { kind: 'note', note: 'company statement only' } });
    const csv = (language: 'en' | 'zh-Hant') => parseCsv(fresh.service.exportClaims({ documentId, format: 'csv', language }).content);
    const rows = csv('en');
    expect(rows[0]).toEqual([...CLAIM_CSV_COLUMNS]);
    const col = (name: (typeof CLAIM_CSV_COLUMNS)[number]) => CLAIM_CSV_COLUMNS.indexOf(name);
    expect(rows.slice(1).map((r) => Number(r[col('id')]))).toEqual([earlier.id, later.id]);
    const last = rows[2];
    expect([last[col('claimDate')], last[col('claimDateReadable')]]).toEqual(['--03-28', '28 March (year unknown)']);
    expect(csv('zh-Hant')[2][col('claimDateReadable')]).toBe('3月28日（年份不詳）');
    expect(last[col('assignee')]).toBe('Mei');
    expect(last[col('status')]).toBe('published');
    expect(last[col('evidence')]).toMatch(/^note: company statement only \(/);
    expect(last[col('evidenceCount')]).toBe('1');
    expect(last[col('publishedAt')]).toBeTruthy();
    const json = JSON.parse(fresh.service.exportClaims({ documentId, format: 'json', language: 'zh-Hant' }).content);
    expect(json.claims.map((c: { id: number }) => c.id)).toEqual([earlier.id, later.id]);
    expect(json.claims[1]).toMatchObject({ claimDate: '--03-28', claimDateReadable: '3月28日（年份不詳）', assignee: 'Mei', ratingNote: 'note', status: 'published' });
    expect(() => dispatch(fresh.service, 'exportClaims', { documentId, format: 'csv', language: 'fr' })).toThrow();
  });

  it('the transcript appendix (txt, html) shows readable dates, never --MM-DD', async () => {
    const { documentId, seg } = setUp();
    const c = fresh.service.addClaim({ segmentId: seg('11.8億').id, claimant: '徐立' });
    fresh.service.updateClaim({ claimId: c.id, claimDate: '--03-28' });
    fresh.service.addClaimEvidence({ claimId: c.id, evidence: { kind: 'note', note: '公司聲明' } });
    for (const format of ['txt', 'html'] as const) {
      const out = ((await dispatchAsync(fresh.service, 'exportDocument', { documentId, format, script: 'hant', claims: true })) as { content: string }).content;
      expect(out).toContain('聲稱者：徐立（3月28日（年份不詳））');
      expect(out).toContain('證據：公司聲明');
      expect(out).not.toContain('--03-28');
    }
  });
});
