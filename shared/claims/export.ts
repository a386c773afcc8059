/**
 * Claim exports (pure): CSV (one row per claim in document order, every field, UTF-8 with BOM,
 * CRLF), JSON (every field), and schema.org ClaimReview JSON-LD (one node per published
 * claim). Dates: the stored value (2023-03-28, --03-28) in its own column/key beside the
 * readable one (shared/claims/dates.ts). The JSON exports carry http(s) evidence only
 * (shared/urls.ts).
 */
import { csvDocument } from '../csv/csv';
import { isWebUrl } from '../urls';
import { claimDateHasYear, readableClaimDate, type DateLanguage } from './dates';
import type { ClaimReviewSettingsT, ClaimT, Evidence } from './schemas';
import { VERDICT_RATINGS } from './types';

export interface ClaimExportDocument {
  id: number;
  title: string;
  source: string | null;
  date: string | null;
}

export const CLAIM_CSV_COLUMNS = [
  'id', 'row', 'segmentId', 'start', 'end', 'quote', 'text', 'type', 'claimant', 'claimDate', 'claimDateReadable', 'quantities', 'verdict',
  'status', 'assignee', 'ratingNote', 'evidence', 'evidenceCount', 'notes', 'reviewUrl', 'publishedAt', 'publishedBy', 'orphaned', 'author',
  'createdAt', 'updatedAt',
] as const;

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

/** One evidence item as a line: what it is, its note, who added it and when. */
export function evidenceSummary(e: Evidence): string {
  const what = e.kind === 'url' ? e.url : e.kind === 'segment' ? `${e.documentTitle} #${e.index + 1} 「${e.quote}」` : '';
  const body = [what, e.note].filter(Boolean).join(e.kind === 'note' ? '' : ' — ');
  return `${e.kind}: ${body} (${e.author}, ${e.addedAt})`;
}

/** Claims in document order: segment row, then start, then id. */
export function inDocumentOrder(claims: readonly ClaimT[]): ClaimT[] {
  return [...claims].sort((a, b) => a.segmentIndex - b.segmentIndex || a.start - b.start || a.id - b.id);
}

export function claimsCsv(claims: readonly ClaimT[], lang: DateLanguage = 'en'): string {
  const rows: string[][] = [];
  for (const c of inDocumentOrder(claims)) {
    const cells: Record<(typeof CLAIM_CSV_COLUMNS)[number], string> = {
      id: String(c.id),
      row: String(c.segmentIndex + 1),
      segmentId: String(c.segmentId),
      start: String(c.start),
      end: String(c.end),
      quote: c.exact,
      text: c.text,
      type: c.type,
      claimant: c.claimant ?? '',
      claimDate: c.claimDate ?? '',
      claimDateReadable: readableClaimDate(c.claimDate, lang),
      quantities: quantitySummary(c),
      verdict: c.verdict,
      status: c.status,
      assignee: c.assignee,
      ratingNote: c.ratingNote,
      evidence: c.evidence.map(evidenceSummary).join(' | '),
      evidenceCount: String(c.evidence.length),
      notes: c.notes,
      reviewUrl: c.reviewUrl ?? '',
      publishedAt: c.publishedAt ?? '',
      publishedBy: c.publishedBy ?? '',
      orphaned: c.orphaned ? 'yes' : 'no',
      author: c.author,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    };
    rows.push(CLAIM_CSV_COLUMNS.map((k) => cells[k]));
  }
  return csvDocument(CLAIM_CSV_COLUMNS, rows);
}

/**
 * The claims as the JSON exports carry them: a URL item whose URL is not http(s)
 * (javascript:, data:, vbscript: …) is left out, as the HTML export does not link it —
 * a consumer turning `url` into a link must never get a script. The stored claim keeps it.
 */
function withWebEvidence(c: ClaimT): ClaimT {
  const ok = (e: Evidence) => e.kind !== 'url' || isWebUrl(e.url);
  return c.evidence.every(ok) ? c : { ...c, evidence: c.evidence.filter(ok) };
}

export function claimsJson(doc: ClaimExportDocument, claims: readonly ClaimT[], lang: DateLanguage = 'en'): string {
  const out = inDocumentOrder(claims).map((c) => ({ ...withWebEvidence(c), claimDateReadable: readableClaimDate(c.claimDate, lang) }));
  return JSON.stringify({ document: doc, claims: out }, null, 2) + '\n';
}

const isoDate = (d: string | null) => (d && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d) && claimDateHasYear(d) ? d : undefined);

/** Who a ClaimReview names: the publishing organisation (settings) and the reviewer who published it. */
export interface ClaimReviewPublisher extends ClaimReviewSettingsT {
  /** the reviewer named when a claim has no publishedBy */
  reviewer: string;
}

/**
 * schema.org ClaimReview JSON-LD, one node per published claim (others are not reviews yet):
 * `url` the review's page (the claim's reviewUrl; else the organisation's URL with
 * `#claim-ID`; left out when neither is known), `datePublished` when it was published,
 * `author` the organisation from settings (else the reviewer who published it) and
 * `publisher` the organisation, `itemReviewed` a Claim with its claimant, its date only
 * when the year is known, and where it appeared; `reviewRating` the verdict on the 1–5
 * scale of VERDICT_RATINGS (README “Claims”), `reviewBody` the rating note, `citation`
 * the evidence URLs.
 */
export function claimReviewJsonLd(doc: ClaimExportDocument, claims: readonly ClaimT[], who: ClaimReviewPublisher): string {
  const org = who.organisation.trim()
    ? { '@type': 'Organization', name: who.organisation.trim(), ...(who.organisationUrl ? { url: who.organisationUrl } : {}) }
    : null;
  const appearance = {
    '@type': 'CreativeWork',
    name: doc.title,
    ...(doc.source && isWebUrl(doc.source) ? { url: doc.source } : doc.source ? { publisher: { '@type': 'Organization', name: doc.source } } : {}),
    ...(isoDate(doc.date) ? { datePublished: isoDate(doc.date) } : {}),
  };
  const graph = inDocumentOrder(claims)
    .filter((c) => c.status === 'published')
    .map(withWebEvidence)
    .map((c) => {
      const r = VERDICT_RATINGS[c.verdict];
      const url = c.reviewUrl ?? (who.organisationUrl ? `${who.organisationUrl.replace(/#.*$/, '')}#claim-${c.id}` : null);
      const urls = c.evidence.flatMap((e) => (e.kind === 'url' ? [e] : []));
      return {
        '@type': 'ClaimReview',
        ...(url ? { url } : {}),
        claimReviewed: c.text,
        datePublished: (c.publishedAt ?? c.updatedAt).slice(0, 10),
        author: org ?? { '@type': 'Person', name: c.publishedBy ?? who.reviewer },
        ...(org ? { publisher: org } : {}),
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
        ...(urls.length ? { citation: urls.map((e) => ({ '@type': 'CreativeWork', url: e.url, ...(e.note ? { description: e.note } : {}) })) } : {}),
        ...(c.ratingNote.trim() ? { reviewBody: c.ratingNote.trim() } : {}),
        inLanguage: 'zh-Hant',
      };
    });
  return JSON.stringify({ '@context': 'https://schema.org', '@graph': graph }, null, 2) + '\n';
}
