/**
 * Claims for fact-checking: candidates detected in a document (shared/claims/detect.ts),
 * stored claims anchored to a span of a segment (re-anchored by applyText through
 * claims-anchor.ts), their review fields and history, cross-checks between them (stored
 * as findings of the rule claims-crosscheck: claims-findings.ts), and exports (CSV, JSON,
 * schema.org ClaimReview).
 *
 * Every change is an operation on the project's undo stack (kind 'claim'): creating,
 * editing and deleting a claim record a 'claim' revision whose before/after values are
 * the claim's fields (ClaimState), rejecting or restoring a candidate a 'claim-candidate'
 * revision. Undo and redo re-apply those states through applyClaimRevision, which also
 * appends to claim_history, so the history only ever grows. Deleting a claim sets
 * deleted_at: the claim and its history stay stored.
 * Stored quantities' offsets are relative to the claim's text.
 */
import type { Store } from './store';
import type { z } from 'zod';
import { detectClaimCandidates, typesOf } from '../shared/claims/detect';
import { resolveClaimants } from '../shared/claims/claimant';
import { claimQuantities } from '../shared/claims/quantities';
import { claimReviewJsonLd, claimsCsv, claimsJson } from '../shared/claims/export';
import type {
  ClaimCandidateArgs,
  ClaimCandidateT,
  ClaimCrossCheckT,
  ClaimHistoryEntryT,
  ClaimIdArgs,
  ClaimT,
  CreateClaimArgs,
  ExportClaimsArgs,
  ListClaimCandidatesArgs,
  ListClaimsArgs,
  UpdateClaimArgs,
} from '../shared/claims/schemas';
import type { ChangeResult, ExportResult } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { addClaimLabel, claimCandidateLabel, deleteClaimLabel, editClaimLabel } from '../shared/operation-labels';
import { makeAnchor } from '../shared/text/anchor';
import type { ReviewHost } from './review-host';
import { computeCrossChecks, groupKeyOf, refreshClaimFindings, storedCrossCheckFindings } from './claims-findings';
import { requireRecordFresh } from './versions';

function candidatesOf(host: ReviewHost, documentId: number) {
  const segs = host.store.liveSegments(documentId);
  const bySeg = new Map(segs.map((s) => [s.id, s]));
  const input = segs.map((s) => ({ id: s.id, text: s.text, speaker: s.speaker, turn: s.turn, paragraph: s.paragraph, furniture: s.furniture }));
  const found = detectClaimCandidates(input);
  return { segs, bySeg, found, input };
}

export function listClaimCandidates(host: ReviewHost, args: z.infer<typeof ListClaimCandidatesArgs>): ClaimCandidateT[] {
  host.requireDocument(args.documentId);
  const { bySeg, found } = candidatesOf(host, args.documentId);
  const claims = host.store.documentClaims(args.documentId);
  const rejected = new Map<number, string[]>();
  for (const d of host.store.candidateDecisions(args.documentId)) rejected.set(d.segmentId, [...(rejected.get(d.segmentId) ?? []), d.quote]);
  const out: ClaimCandidateT[] = [];
  for (const c of found) {
    const existing = claims.find((k) => k.segmentId === c.segmentId && !k.orphaned && k.start < c.end && c.start < k.end);
    const isRejected = rejectedBy(c.text, rejected.get(c.segmentId) ?? []).rejected;
    if (isRejected && !args.includeRejected) continue;
    out.push({ ...c, index: bySeg.get(c.segmentId)!.index, claimId: existing?.id ?? null, rejected: isRejected });
  }
  return out;
}

/**
 * Whether a candidate's text is rejected by its segment's stored rejections, and by which.
 * A rejection belongs to a sentence (its quote): the candidate is rejected when it is that
 * sentence, or when what is left of it once its rejected sentences are taken out states no
 * quantity (a rejected sentence merged with one that makes no claim stays rejected; merged
 * with another claim, the candidate is shown again). A changed sentence is a new quote.
 */
function rejectedBy(text: string, quotes: readonly string[]): { rejected: boolean; quotes: string[] } {
  const inside = quotes.filter((q) => q && text.includes(q));
  if (!inside.length) return { rejected: false, quotes: [] };
  if (inside.includes(text)) return { rejected: true, quotes: inside };
  let rest = text;
  for (const q of [...inside].sort((a, b) => b.length - a.length)) rest = rest.split(q).join('\n');
  return { rejected: claimQuantities(rest).length === 0, quotes: inside };
}

function requireClaim(host: ReviewHost, id: number): ClaimT {
  const c = host.store.claim(id);
  if (!c) throw new JiaoduiError('not-found', `There is no claim ${id}.`);
  return c;
}

function requireLiveClaim(host: ReviewHost, id: number): ClaimT {
  const c = requireClaim(host, id);
  if (host.store.claimDeletedAt(id)) throw new JiaoduiError('conflict', `Claim ${id} was deleted; undo the deletion to change it.`);
  return c;
}

const FIELDS = ['text', 'type', 'claimant', 'claimDate', 'verdict', 'evidence', 'notes', 'status'] as const;
type Field = (typeof FIELDS)[number];
const enc = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));

/** The value of a 'claim' revision: which claim, whether it exists (not deleted), and the fields the operation set. */
export interface ClaimState {
  id: number;
  deleted: boolean;
  fields: Partial<Record<Field, string | null>>;
}

/** The value of a 'claim-candidate' revision. */
export interface CandidateState {
  documentId: number;
  segmentId: number;
  quote: string;
  rejected: boolean;
}

function projectOf(host: ReviewHost, documentId: number): number {
  return host.requireDocument(documentId).projectId;
}

function rowNumber(host: ReviewHost, segmentId: number): number {
  return (host.store.segment(segmentId)?.index ?? 0) + 1;
}

/** A claim from a span (a reviewer's selection) or a candidate (its segmentId/start/end). */
export function createClaim(host: ReviewHost, args: z.infer<typeof CreateClaimArgs>): ClaimT {
  const seg = host.requireLiveSegment(args.segmentId);
  if (args.end <= args.start || args.end > seg.text.length) throw new JiaoduiError('invalid-input', `The span ${args.start}–${args.end} is not a non-empty span of the segment text.`);
  const doc = host.requireDocument(seg.documentId);
  let id = 0;
  host.operation(doc.projectId, 'claim', addClaimLabel(seg.index + 1), (record, now) => {
    const author = host.author();
    const anchor = makeAnchor(seg.text, args.start, args.end);
    const text = args.text ?? anchor.exact.trim();
    const quantities = claimQuantities(text);
    const { input } = candidatesOf(host, seg.documentId);
    const at = input.findIndex((s) => s.id === seg.id);
    const claimant = args.claimant !== undefined ? args.claimant : ((at >= 0 ? resolveClaimants(input)[at].claimant : null) ?? seg.speaker ?? null);
    id = host.store.addClaim({
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
    host.store.addClaimHistory(id, 'created', null, text, author, now);
    const c = requireClaim(host, id);
    const fields = Object.fromEntries(FIELDS.map((f) => [f, enc(c[f])]));
    record({ segmentId: seg.id, field: 'claim', before: JSON.stringify({ id, deleted: true, fields: {} } satisfies ClaimState), after: JSON.stringify({ id, deleted: false, fields } satisfies ClaimState), reason: 'claim' });
    refreshClaimFindings(host.store, seg.documentId, now);
    host.touch({ claims: [id], documents: [seg.documentId], findings: [seg.documentId] });
    return { touched: [] };
  });
  return requireClaim(host, id);
}

export function updateClaim(host: ReviewHost, args: z.infer<typeof UpdateClaimArgs>): ClaimT {
  const seen = requireLiveClaim(host, args.claimId);
  const changedIn = (c: ClaimT) => FIELDS.filter((f) => args[f] !== undefined && enc(c[f]) !== enc(args[f]));
  if (args.ifUpdatedAt === undefined && args.version === undefined && !changedIn(seen).length) return seen;
  const label = editClaimLabel(args.claimId, changedIn(seen), rowNumber(host, seen.segmentId));
  host.operation(projectOf(host, seen.documentId), 'claim', label, (record, now) => {
    // read again inside the transaction: the history's "from" values are what is stored now
    const before = requireLiveClaim(host, args.claimId);
    const given = FIELDS.filter((f) => args[f] !== undefined);
    const seg = host.store.segment(before.segmentId);
    requireRecordFresh(host.store, {
      kind: 'claim',
      id: before.id,
      stored: { version: before.version, updatedAt: before.updatedAt, fields: Object.fromEntries(FIELDS.map((f) => [f, enc(before[f])])) },
      mine: Object.fromEntries(given.map((f) => [f, enc(args[f])])),
      version: args.version,
      ifUpdatedAt: args.ifUpdatedAt,
      segmentId: before.segmentId,
      row: seg && !seg.retired ? seg.index + 1 : null,
      documentId: before.documentId,
      theirsAuthor: host.store.lastClaimAuthor(before.id),
    });
    const changed = changedIn(before);
    if (!changed.length) return { touched: [] };
    const author = host.author();
    const from: ClaimState = { id: before.id, deleted: false, fields: {} };
    const to: ClaimState = { id: before.id, deleted: false, fields: {} };
    for (const field of changed) {
      from.fields[field] = enc(before[field]);
      to.fields[field] = enc(args[field]);
      setField(host.store, args.claimId, field, to.fields[field] ?? null, now);
      host.store.addClaimHistory(args.claimId, field, from.fields[field] ?? null, to.fields[field] ?? null, author, now);
    }
    record({ segmentId: before.segmentId, field: 'claim', before: JSON.stringify(from), after: JSON.stringify(to), reason: 'claim' });
    refreshClaimFindings(host.store, before.documentId, now);
    host.touch({ claims: [before.id], documents: [before.documentId], findings: [before.documentId] });
    return { touched: [] };
  });
  return requireClaim(host, args.claimId);
}

/** Delete a claim: it stays stored with its history (deleted_at), off the lists; undo restores it. */
export function deleteClaim(host: ReviewHost, args: z.infer<typeof ClaimIdArgs>): ChangeResult {
  const c = requireLiveClaim(host, args.claimId);
  return host.operation(projectOf(host, c.documentId), 'claim', deleteClaimLabel(c.id, rowNumber(host, c.segmentId)), (record, now) => {
    setDeleted(host.store, c.id, true, host.author(), now);
    host.touch({ claims: [c.id], documents: [c.documentId] });
    record({ segmentId: c.segmentId, field: 'claim', before: JSON.stringify({ id: c.id, deleted: false, fields: {} } satisfies ClaimState), after: JSON.stringify({ id: c.id, deleted: true, fields: {} } satisfies ClaimState), reason: 'claim' });
    refreshClaimFindings(host.store, c.documentId, now);
    return { touched: [] };
  });
}

/** Set one field; a new text brings its normalised quantities along. */
function setField(store: Store, id: number, field: Field, value: string | null, now: string): void {
  store.setClaimField(id, field, value, now);
  if (field === 'text') store.setClaimQuantities(id, claimQuantities(value ?? ''), now);
}

function setDeleted(store: Store, id: number, deleted: boolean, author: string, now: string): void {
  const was = store.claimDeletedAt(id);
  if (was === undefined || !!was === deleted) return;
  store.setClaimDeleted(id, deleted ? now : null, now);
  store.addClaimHistory(id, deleted ? 'deleted' : 'restored', was, deleted ? now : null, author, now);
}

function candidateAt(host: ReviewHost, args: z.infer<typeof ClaimCandidateArgs>) {
  const seg = host.requireLiveSegment(args.segmentId);
  if (args.end <= args.start || args.end > seg.text.length) throw new JiaoduiError('invalid-input', `The span ${args.start}–${args.end} is not a non-empty span of the segment text.`);
  return { seg, quote: seg.text.slice(args.start, args.end) };
}

function decideCandidate(host: ReviewHost, args: z.infer<typeof ClaimCandidateArgs>, rejected: boolean): ChangeResult {
  const { seg, quote } = candidateAt(host, args);
  const doc = host.requireDocument(seg.documentId);
  const current = rejectedBy(quote, host.store.candidateDecisionQuotesOfSegment(seg.id));
  const label = claimCandidateLabel(rejected, seg.index + 1);
  return host.operation(doc.projectId, 'claim', label, (record, now) => {
    if (current.rejected === rejected) return { touched: [] };
    host.touch({ documents: [doc.id] });
    const state = (q: string, r: boolean): CandidateState => ({ documentId: doc.id, segmentId: seg.id, quote: q, rejected: r });
    // rejecting stores this quote; restoring removes every rejection that hides it (carried ones too)
    for (const q of rejected ? [quote] : current.quotes) {
      applyCandidateState(host.store, state(q, rejected), host.author(), now);
      record({ segmentId: seg.id, field: 'claim-candidate', before: JSON.stringify(state(q, !rejected)), after: JSON.stringify(state(q, rejected)), reason: 'claim' });
    }
    return { touched: [] };
  });
}

/** Reject a suggested candidate: stored, hidden from the list until restored; undoable. */
export function rejectClaimCandidate(host: ReviewHost, args: z.infer<typeof ClaimCandidateArgs>): ChangeResult {
  return decideCandidate(host, args, true);
}
/** Take back a rejection. */
export function restoreClaimCandidate(host: ReviewHost, args: z.infer<typeof ClaimCandidateArgs>): ChangeResult {
  return decideCandidate(host, args, false);
}

function applyCandidateState(store: Store, st: CandidateState, author: string, now: string): void {
  if (st.rejected) store.addCandidateDecision({ documentId: st.documentId, segmentId: st.segmentId, quote: st.quote, author, now });
  else store.deleteCandidateDecision(st.segmentId, st.quote);
}

/**
 * Split and merge: a rejection belongs to its sentence, so each new segment whose text
 * holds a rejected quote gets a copy of the rejection (a split: the part holding the
 * sentence; a merge: the merged segment). The retired segments keep theirs, so undo and
 * redo of the split/merge (which swap live and retired segments) bring them back as they were.
 * A sentence cut in two by a split is in neither part and is no longer a candidate.
 */
export function carryCandidateDecisions(store: Store, from: readonly number[], to: readonly { id: number; text: string }[]): void {
  for (const f of from) {
    for (const quote of store.candidateDecisionQuotesOfSegment(f)) {
      for (const t of to) if (t.text.includes(quote)) store.copyCandidateDecision(f, quote, t.id);
    }
  }
}

/**
 * Undo/redo of a claim operation: put the claim (or candidate decision) in the state the
 * revision records. Field changes and deletion/restoration are appended to claim_history.
 */
export function applyClaimRevision(store: Store, field: 'claim' | 'claim-candidate', value: string | null, now: string, author: string): void {
  if (!value) return;
  if (field === 'claim-candidate') {
    applyCandidateState(store, JSON.parse(value) as CandidateState, author, now);
    return;
  }
  const st = JSON.parse(value) as ClaimState;
  const c = store.claim(st.id);
  if (!c) return;
  if (st.deleted) setDeleted(store, st.id, true, author, now);
  for (const f of FIELDS) {
    const v = st.fields[f];
    if (v === undefined) continue;
    const cur = enc(c[f]);
    if (cur === v) continue;
    setField(store, st.id, f, v, now);
    store.addClaimHistory(st.id, f, cur, v, author, now);
  }
  if (!st.deleted) setDeleted(store, st.id, false, author, now);
  refreshClaimFindings(store, c.documentId, now);
}

export function listClaims(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimT[] {
  host.requireDocument(args.documentId);
  return host.store.documentClaims(args.documentId);
}

export function claimHistory(host: ReviewHost, args: z.infer<typeof ClaimIdArgs>): ClaimHistoryEntryT[] {
  requireClaim(host, args.claimId);
  return host.store.claimHistory(args.claimId);
}

/** The cross-checks of a document's claims, each with the stored finding it is (and its dismissal). */
export function crossCheckClaims(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimCrossCheckT[] {
  host.requireDocument(args.documentId);
  const stored = storedCrossCheckFindings(host.store, args.documentId);
  return computeCrossChecks(host.store, args.documentId).map(({ refs, implied, pair: _pair, ...f }) => {
    const row = stored.get(groupKeyOf({ kind: f.kind, refs }));
    return {
      ...f,
      claimIds: refs,
      ...(implied ? { implied: implied.map(({ ref, ...i }) => ({ claimId: ref, ...i })) } : {}),
      findingId: row?.id ?? null,
      dismissedReason: row?.dismissedReason ?? null,
    };
  });
}

export function exportClaims(host: ReviewHost, args: z.infer<typeof ExportClaimsArgs>): ExportResult {
  const doc = host.requireDocument(args.documentId);
  const claims = host.store.documentClaims(args.documentId);
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
