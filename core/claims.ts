/**
 * Claims for fact-checking: candidates detected in a document (shared/claims/detect.ts),
 * stored claims anchored to a span of a segment (re-anchored by applyText through
 * claims-anchor.ts), their review fields and history, cross-checks between them, and
 * exports (CSV, JSON, schema.org ClaimReview). Claims are review metadata, not text:
 * their changes are kept in claim_history rather than on the undo stack.
 * Stored quantities' offsets are relative to the claim's text.
 */
import type { z } from 'zod';
import * as cq from '../db/queries/claims';
import * as segq from '../db/queries/segments';
import { detectClaimCandidates, describeClaim, typesOf } from '../shared/claims/detect';
import { claimQuantities, timeRefs } from '../shared/claims/quantities';
import { crossCheckClaims as runCrossChecks } from '../shared/claims/crosscheck';
import { claimReviewJsonLd, claimsCsv, claimsJson } from '../shared/claims/export';
import type {
  ClaimCandidateT,
  ClaimCrossCheckT,
  ClaimHistoryEntryT,
  ClaimIdArgs,
  ClaimT,
  CreateClaimArgs,
  ExportClaimsArgs,
  ListClaimsArgs,
  UpdateClaimArgs,
} from '../shared/claims/schemas';
import type { ExportResult } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { makeAnchor } from '../shared/text/anchor';
import type { ReviewHost } from './review-host';

function candidatesOf(host: ReviewHost, documentId: number) {
  const segs = segq.listSegments(host.db, documentId);
  const bySeg = new Map(segs.map((s) => [s.id, s]));
  const found = detectClaimCandidates(segs.map((s) => ({ id: s.id, text: s.text, speaker: s.speaker, paragraph: s.paragraph, furniture: s.furniture })));
  return { segs, bySeg, found };
}

export function listClaimCandidates(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimCandidateT[] {
  host.requireDocument(args.documentId);
  const { bySeg, found } = candidatesOf(host, args.documentId);
  const claims = cq.listClaimsOfDocument(host.db, args.documentId);
  return found.map((c) => {
    const existing = claims.find((k) => k.segmentId === c.segmentId && !k.orphaned && k.start < c.end && c.start < k.end);
    return { ...c, index: bySeg.get(c.segmentId)!.index, claimId: existing?.id ?? null };
  });
}

function requireClaim(host: ReviewHost, id: number): ClaimT {
  const c = cq.getClaim(host.db, id);
  if (!c) throw new JiaoduiError('not-found', `There is no claim ${id}.`);
  return c;
}

/** A claim from a span (a reviewer's selection) or a candidate (its segmentId/start/end). */
export function createClaim(host: ReviewHost, args: z.infer<typeof CreateClaimArgs>): ClaimT {
  const seg = host.requireLiveSegment(args.segmentId);
  if (args.end <= args.start || args.end > seg.text.length) throw new JiaoduiError('invalid-input', `The span ${args.start}–${args.end} is not a non-empty span of the segment text.`);
  const doc = host.requireDocument(seg.documentId);
  return host.tx(() => {
    const now = host.now();
    const author = host.author();
    const anchor = makeAnchor(seg.text, args.start, args.end);
    const text = args.text ?? anchor.exact.trim();
    const quantities = claimQuantities(text);
    const candidate = candidatesOf(host, seg.documentId).found.find((c) => c.segmentId === seg.id);
    const claimant = args.claimant !== undefined ? args.claimant : (candidate?.claimant ?? seg.speaker ?? null);
    const id = cq.insertClaim(host.db, {
      documentId: seg.documentId,
      segmentId: seg.id,
      anchor: { ...anchor, orphaned: false },
      text,
      type: args.type ?? typesOf(text, quantities)[0],
      claimant,
      claimDate: args.claimDate !== undefined ? args.claimDate : doc.date,
      quantities,
      notes: args.notes ?? '',
      author,
      now,
    });
    cq.insertClaimHistory(host.db, id, 'created', null, text, author, now);
    return requireClaim(host, id);
  });
}

export function updateClaim(host: ReviewHost, args: z.infer<typeof UpdateClaimArgs>): ClaimT {
  const before = requireClaim(host, args.claimId);
  return host.tx(() => {
    const now = host.now();
    const author = host.author();
    const enc = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
    for (const field of ['text', 'type', 'claimant', 'claimDate', 'verdict', 'evidence', 'notes', 'status'] as const) {
      const value = args[field];
      if (value === undefined) continue;
      const from = enc(before[field]);
      const to = enc(value);
      if (from === to) continue;
      cq.updateClaimField(host.db, args.claimId, field, to, now);
      cq.insertClaimHistory(host.db, args.claimId, field, from, to, author, now);
    }
    return requireClaim(host, args.claimId);
  });
}

export function listClaims(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimT[] {
  host.requireDocument(args.documentId);
  return cq.listClaimsOfDocument(host.db, args.documentId);
}

export function claimHistory(host: ReviewHost, args: z.infer<typeof ClaimIdArgs>): ClaimHistoryEntryT[] {
  requireClaim(host, args.claimId);
  return cq.claimHistory(host.db, args.claimId);
}

export function crossCheckClaims(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimCrossCheckT[] {
  const doc = host.requireDocument(args.documentId);
  const claims = cq.listClaimsOfDocument(host.db, args.documentId);
  const year = doc.date && /^\d{4}/.test(doc.date) ? Number(doc.date.slice(0, 4)) : null;
  const found = runCrossChecks(
    claims.map((c) => ({ ref: c.id, text: c.text, quantities: c.quantities, times: timeRefs(c.text), ...describeClaim(c.text, c.quantities) })),
    { documentYear: year },
  );
  return found.map(({ refs, implied, ...f }) => ({
    ...f,
    claimIds: refs,
    ...(implied ? { implied: implied.map(({ ref, ...i }) => ({ claimId: ref, ...i })) } : {}),
  }));
}

export function exportClaims(host: ReviewHost, args: z.infer<typeof ExportClaimsArgs>): ExportResult {
  const doc = host.requireDocument(args.documentId);
  const claims = cq.listClaimsOfDocument(host.db, args.documentId);
  const base = `${doc.title.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || `document-${doc.id}`}.claims`;
  const meta = { id: doc.id, title: doc.title, source: doc.source, date: doc.date };
  switch (args.format) {
    case 'csv':
      return { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: claimsCsv(claims) };
    case 'json':
      return { fileName: `${base}.json`, mime: 'application/json', content: claimsJson(meta, claims) };
    case 'claimreview':
      return { fileName: `${base}.claimreview.jsonld`, mime: 'application/ld+json', content: claimReviewJsonLd(meta, claims, host.author()) };
  }
}
