/**
 * Claim exports (pure): CSV (one row per claim, UTF-8 with BOM, CRLF), JSON, and
 * schema.org ClaimReview JSON-LD (claimReviewed, itemReviewed Claim with author and
 * datePublished, reviewRating with alternateName, citation for evidence URLs). The JSON
 * exports carry http(s) evidence only (shared/urls.ts).
 */
import { csvDocument } from '../csv/csv';
import { isWebUrl } from '../urls';
import type { ClaimT, ClaimVerdict } from './schemas';

export interface ClaimExportDocument {
  id: number;
  title: string;
  source: string | null;
  date: string | null;
}

export const CLAIM_CSV_COLUMNS = ['id', 'segmentId', 'start', 'end', 'text', 'type', 'claimant', 'claimDate', 'quantities', 'verdict', 'evidence', 'notes', 'status', 'orphaned', 'author', 'updatedAt'] as const;

/** 12.3億 = 1230000000 CNY; 35% = 35 % (share) */
export function quantitySummary(c: Pick<ClaimT, 'quantities'>): string {
  return c.quantities
    .map((q) => {
      const v = q.high !== undefined ? `${q.value}–${q.high}` : String(q.value);
      const unit = q.kind === 'amount' ? ` ${q.currency ?? ''}`.trimEnd() : q.kind === 'percent' ? '%' : q.kind === 'percentage-points' ? ' pp' : q.kind === 'multiple' ? '×' : q.unit ? ` ${q.unit}` : '';
      const kind = q.kind === 'multiple' ? '' : q.kind === 'percent' || q.kind === 'amount' ? '' : ` ${q.kind}`;
      const dir = q.direction ? ` ${q.direction === 'up' ? '+' : '−'}` : '';
      return `${q.raw} = ${q.kind === 'multiple' ? '×' + v : v + unit}${kind} (${q.role}${dir.trim() ? dir : ''})`.replace(/\s+\)/, ')');
    })
    .join('; ');
}

export function claimsCsv(claims: readonly ClaimT[]): string {
  const rows: string[][] = [];
  for (const c of claims) {
    const cells: Record<(typeof CLAIM_CSV_COLUMNS)[number], string> = {
      id: String(c.id),
      segmentId: String(c.segmentId),
      start: String(c.start),
      end: String(c.end),
      text: c.text,
      type: c.type,
      claimant: c.claimant ?? '',
      claimDate: c.claimDate ?? '',
      quantities: quantitySummary(c),
      verdict: c.verdict,
      evidence: c.evidence.map((e) => (e.note ? `${e.url} ${e.note}` : e.url)).join(' | '),
      notes: c.notes,
      status: c.status,
      orphaned: c.orphaned ? 'yes' : 'no',
      author: c.author,
      updatedAt: c.updatedAt,
    };
    rows.push(CLAIM_CSV_COLUMNS.map((k) => cells[k]));
  }
  return csvDocument(CLAIM_CSV_COLUMNS, rows);
}

/**
 * The claims as the JSON exports carry them: evidence whose URL is not http(s)
 * (javascript:, data:, vbscript: …) is left out, as the HTML export does not link it —
 * a consumer turning `url` into a link must never get a script. The stored claim keeps it.
 */
function withWebEvidence(c: ClaimT): ClaimT {
  return c.evidence.every((e) => isWebUrl(e.url)) ? c : { ...c, evidence: c.evidence.filter((e) => isWebUrl(e.url)) };
}

export function claimsJson(doc: ClaimExportDocument, claims: readonly ClaimT[]): string {
  return JSON.stringify({ document: doc, claims: claims.map(withWebEvidence) }, null, 2) + '\n';
}

/** Verdict → ClaimReview rating (1 worst … 5 best); unrated verdicts carry only their name. */
const RATINGS: Record<ClaimVerdict, { value: number | null; name: string }> = {
  true: { value: 5, name: 'True' },
  'mostly-true': { value: 4, name: 'Mostly true' },
  misleading: { value: 2, name: 'Misleading' },
  false: { value: 1, name: 'False' },
  unverifiable: { value: null, name: 'Unverifiable' },
  unverified: { value: null, name: 'Unverified' },
};

const isoDate = (d: string | null) => (d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) ? d : undefined);

export function claimReviewJsonLd(doc: ClaimExportDocument, claims: readonly ClaimT[], reviewer: string): string {
  const graph = claims.map(withWebEvidence).map((c) => {
    const r = RATINGS[c.verdict];
    const appearance = { '@type': 'CreativeWork', name: doc.title, ...(doc.source ? { publisher: { '@type': 'Organization', name: doc.source } } : {}), ...(isoDate(doc.date) ? { datePublished: isoDate(doc.date) } : {}) };
    return {
      '@type': 'ClaimReview',
      claimReviewed: c.text,
      datePublished: c.updatedAt.slice(0, 10),
      author: { '@type': 'Person', name: reviewer },
      itemReviewed: {
        '@type': 'Claim',
        ...(c.claimant ? { author: { '@type': 'Person', name: c.claimant } } : {}),
        ...(isoDate(c.claimDate) ? { datePublished: isoDate(c.claimDate) } : {}),
        appearance,
      },
      reviewRating: {
        '@type': 'Rating',
        alternateName: r.name,
        ...(r.value !== null ? { ratingValue: r.value, bestRating: 5, worstRating: 1 } : {}),
      },
      ...(c.evidence.length ? { citation: c.evidence.map((e) => ({ '@type': 'CreativeWork', url: e.url, ...(e.note ? { description: e.note } : {}) })) } : {}),
      ...(c.notes ? { reviewBody: c.notes } : {}),
      inLanguage: 'zh-Hant',
    };
  });
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2) + '\n';
}
