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
import { detectClaimCandidates } from '../shared/claims/detect';
import { resolveClaimants } from '../shared/claims/claimant';
import { claimQuantities } from '../shared/claims/quantities';
import { claimReviewJsonLd, claimsCsv, claimsJson } from '../shared/claims/export';
import type {
  AddClaimArgs,
  AddClaimEvidenceArgs,
  ClaimCandidateArgs,
  ClaimCounts,
  ClaimPersonT,
  ClaimReviewSettingsT,
  ClaimsReportT,
  DocumentClaimsArgs,
  Evidence,
  EvidenceInput,
  RemoveClaimEvidenceArgs,
  UpdateClaimReviewSettingsArgs,
  ClaimCandidateT,
  ClaimCrossCheckT,
  ClaimHistoryEntryT,
  ClaimIdArgs,
  ClaimT,
  CreateClaimArgs,
  DeleteClaimArgs,
  ExportClaimsArgs,
  ListClaimCandidatesArgs,
  ListClaimsArgs,
  UpdateClaimArgs,
} from '../shared/claims/schemas';
import type { ChangeResult, ExportResult } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { em } from '../shared/error-messages';
import { addClaimLabel, claimCandidateLabel, deleteClaimLabel, editClaimLabel } from '../shared/operation-labels';
import { makeAnchor } from '../shared/text/anchor';
import { parseFindingMessage } from '../shared/finding-messages';
import { snapToCodePoint } from '../shared/text/find';
import { mapBackward } from '../shared/text/offsetMap';
import { isTurnMarker } from '../shared/claims/claimant';
import { CLAIM_STATUSES } from '../shared/claims/types';
import { describeClaimText } from '../shared/claims/describe';
import { documentYuan } from '../shared/claims/currency';
import type { Currency } from '../shared/claims/quantities';
import { documentMentions } from '../shared/checks/entities';
import { analyse } from '../shared/checks/analysis';
import { checkContext, toCheckSegment } from './checks';
import type { ReviewHost } from './review-host';
import { comparedClaims, computeCrossChecks, groupKeyOf, refreshClaimFindings, storedCrossCheckFindings } from './claims-findings';
import { requireRecordFresh } from './versions';

/** The currency a bare 元 means in a document (shared/claims/currency.ts): candidates and claims read amounts alike. */
function yuanOf(store: Store, documentId: number): Currency {
  return documentYuan(store.liveSegments(documentId).map((s) => s.text), store.documentScript(documentId)?.variant);
}

function candidatesOf(host: ReviewHost, documentId: number) {
  const segs = host.store.liveSegments(documentId);
  const bySeg = new Map(segs.map((s) => [s.id, s]));
  const input = segs.map((s) => ({ id: s.id, text: s.text, speaker: s.speaker, turn: s.turn, paragraph: s.paragraph, furniture: s.furniture }));
  const yuan = documentYuan(input.map((s) => s.text), host.store.documentScript(documentId)?.variant);
  const found = detectClaimCandidates(input, { yuan });
  return { segs, bySeg, found, input, yuan };
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
  if (!c) throw new JiaoduiError('not-found', em('not-found.claim', { id }));
  return c;
}

function requireLiveClaim(host: ReviewHost, id: number): ClaimT {
  const c = requireClaim(host, id);
  if (host.store.claimDeletedAt(id)) throw new JiaoduiError('conflict', em('conflict.claim-deleted', { id }));
  return c;
}

/** The fields a claim revision carries; `span` is the anchor (offsets, quote, context) as JSON. */
const FIELDS = ['text', 'type', 'claimant', 'claimDate', 'verdict', 'evidence', 'notes', 'status', 'assignee', 'ratingNote', 'reviewUrl', 'publishedAt', 'publishedBy', 'span'] as const;
type Field = (typeof FIELDS)[number];
/** What updateClaim takes as is from its arguments. */
const PLAIN = ['text', 'type', 'claimant', 'claimDate', 'verdict', 'notes', 'status', 'assignee', 'ratingNote', 'reviewUrl'] as const;
const enc = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'string' ? v : JSON.stringify(v));
const spanOf = (c: ClaimT) => ({ start: c.start, end: c.end, exact: c.exact, prefix: c.prefix, suffix: c.suffix, orphaned: c.orphaned });
/** A claim's stored value of a field, encoded as revisions and history carry it. */
const read = (c: ClaimT, f: Field): string | null => (f === 'span' ? enc(spanOf(c)) : enc(c[f]));

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
  return addClaim(host, args);
}

/**
 * A write from a span (`quote`: the span's text as the caller read it) that finds another text
 * there: someone changed the segment since. Nothing to choose between — the span read is gone —,
 * so the error says so and the reviewer selects again.
 */
function spanMoved(seg: { index: number }, quote: string, there: string): JiaoduiError {
  const short = (v: string) => (v.length > 40 ? `${v.slice(0, 39)}…` : v);
  return new JiaoduiError(
    'edit-conflict',
    em('edit-conflict.claim-span-moved', { row: seg.index + 1, quote: short(quote), there: short(there) }),
    { what: 'segment', quote, theirs: there },
  );
}

/** The span [start, end) of a segment's text a claim covers: a selection (in the text or its rendering) or the whole segment, trimmed. */
function claimSpan(seg: { index: number; text: string; rendering: string; renderingMap: Parameters<typeof mapBackward>[0] }, args: { start?: number; end?: number; in?: 'text' | 'rendering'; quote?: string }) {
  let start: number;
  let end: number;
  if (args.start === undefined || args.end === undefined) {
    start = seg.text.length - seg.text.trimStart().length;
    end = seg.text.trimEnd().length;
    if (end <= start) throw new JiaoduiError('invalid-input', em('claim.empty-segment'));
    if (args.quote !== undefined && seg.text.slice(start, end) !== args.quote) throw spanMoved(seg, args.quote, seg.text.slice(start, end));
    return { start, end };
  }
  ({ start, end } = args as { start: number; end: number });
  if (args.quote !== undefined) {
    const there = (args.in === 'rendering' ? seg.rendering : seg.text).slice(start, end);
    if (there !== args.quote) throw spanMoved(seg, args.quote, there);
  }
  if (args.in === 'rendering') {
    if (end <= start || end > seg.rendering.length) throw new JiaoduiError('invalid-input', em('claim.bad-span.rendering', { start, end }));
    start = mapBackward(seg.renderingMap, start, 'start');
    end = Math.max(start, mapBackward(seg.renderingMap, end, 'end'));
  }
  if (end <= start || end > seg.text.length) throw new JiaoduiError('invalid-input', em('claim.bad-span', { start, end }));
  return { start: snapToCodePoint(seg.text, start, 'start'), end: snapToCodePoint(seg.text, end, 'end') };
}

/** A claim from any span of a segment (text or rendering offsets) or the whole segment. */
export function addClaim(host: ReviewHost, args: z.infer<typeof AddClaimArgs>): ClaimT {
  const seg = host.requireLiveSegment(args.segmentId);
  const span = claimSpan(seg, args);
  const doc = host.requireDocument(seg.documentId);
  let id = 0;
  host.operation(doc.projectId, 'claim', addClaimLabel(seg.index + 1), (record, now) => {
    const author = host.author();
    // read the segment again inside the transaction: the span is of the text stored now
    const live = host.requireLiveSegment(seg.id);
    if (live.text !== seg.text) throw new JiaoduiError('edit-conflict', em('edit-conflict.claim-span', { row: seg.index + 1 }), { what: 'segment', base: seg.text, theirsAt: now });
    const anchor = makeAnchor(seg.text, span.start, span.end);
    const text = args.text ?? anchor.exact.trim();
    const { input, yuan } = candidatesOf(host, seg.documentId);
    const { type, quantities } = describeClaimText(text, { yuan });
    const at = input.findIndex((s) => s.id === seg.id);
    const claimant = args.claimant !== undefined ? args.claimant : at >= 0 ? resolveClaimants(input)[at].claimant : null;
    id = host.store.addClaim({
      documentId: seg.documentId,
      segmentId: seg.id,
      anchor: { ...anchor, orphaned: false },
      text,
      type: args.type ?? type,
      claimant,
      claimDate: args.claimDate !== undefined ? args.claimDate : doc.date,
      quantities,
      notes: args.notes ?? '',
      assignee: args.assignee ?? '',
      author,
      now,
    });
    host.store.addClaimHistory(id, 'created', null, text, author, now);
    const c = requireClaim(host, id);
    const fields = Object.fromEntries(FIELDS.map((f) => [f, read(c, f)]));
    record({ segmentId: seg.id, field: 'claim', before: JSON.stringify({ id, deleted: true, fields: {} } satisfies ClaimState), after: JSON.stringify({ id, deleted: false, fields } satisfies ClaimState), reason: 'claim' });
    refreshClaimFindings(host.store, seg.documentId, now);
    host.touch({ claims: [id], documents: [seg.documentId], findings: [seg.documentId] });
    return { touched: [] };
  });
  return requireClaim(host, id);
}

/** How an update changes the evidence list: replace it, add one item, or remove one (the last two against what is stored at commit). */
type EvidenceChange = { set: EvidenceInput[] } | { add: EvidenceInput } | { remove: number };

const sameEvidence = (old: Evidence, i: EvidenceInput): boolean =>
  old.kind === i.kind &&
  old.note === (i.note ?? '') &&
  (old.kind !== 'url' || (i.kind === 'url' && old.url === i.url)) &&
  (old.kind !== 'segment' || (i.kind === 'segment' && old.segmentId === i.segmentId && (i.start === undefined || (old.start === i.start && old.end === i.end))));

/** Stored evidence items from the caller's: a stored item named by id and unchanged keeps its who/when; others are stamped now. */
function resolveEvidence(host: ReviewHost, claim: ClaimT, change: EvidenceChange, author: string, now: string): Evidence[] {
  const byId = new Map(claim.evidence.map((e) => [e.id, e]));
  let next = claim.evidence.reduce((m, e) => Math.max(m, e.id), 0) + 1;
  const used = new Set<number>();
  const make = (i: EvidenceInput): Evidence => {
    const old = i.id !== undefined && !used.has(i.id) ? byId.get(i.id) : undefined;
    if (old && sameEvidence(old, i)) {
      used.add(old.id);
      return old;
    }
    const id = old ? old.id : next++;
    used.add(id);
    const stamp = { id, author, addedAt: now };
    if (i.kind === 'url') return { kind: 'url', url: i.url, note: i.note, ...stamp };
    if (i.kind === 'note') return { kind: 'note', note: i.note, ...stamp };
    const seg = host.store.segment(i.segmentId);
    if (!seg || seg.retired) throw new JiaoduiError('invalid-input', em('claim.evidence.no-segment', { id: i.segmentId }));
    const doc = host.requireDocument(seg.documentId);
    if (doc.projectId !== host.requireDocument(claim.documentId).projectId) throw new JiaoduiError('invalid-input', em('claim.evidence.other-project', { id: i.segmentId }));
    const start = i.start ?? 0;
    const end = i.end ?? seg.text.length;
    if (end < start || end > seg.text.length || (i.start !== undefined && end === start)) throw new JiaoduiError('invalid-input', em('claim.evidence.bad-span', { start, end, id: i.segmentId }));
    return { kind: 'segment', documentId: doc.id, documentTitle: doc.title, segmentId: seg.id, index: seg.index, start, end, quote: seg.text.slice(start, end), note: i.note, ...stamp };
  };
  if ('set' in change) return change.set.map(make);
  if ('add' in change) {
    if (claim.evidence.length >= 100) throw new JiaoduiError('invalid-input', em('claim.evidence.too-many', { max: 100 }));
    return [...claim.evidence, make({ ...change.add, id: undefined })];
  }
  if (!byId.has(change.remove)) throw new JiaoduiError('not-found', em('not-found.evidence', { id: claim.id, evidence: change.remove }));
  return claim.evidence.filter((e) => e.id !== change.remove);
}

type UpdateArgs = z.infer<typeof UpdateClaimArgs>;

/**
 * The fields an update sets, encoded, from the claim as stored: the plain fields, the
 * evidence, a new span, and publication (moving to `published` records when and by whom,
 * and needs a verdict; leaving it clears them).
 */
function wanted(host: ReviewHost, c: ClaimT, args: UpdateArgs, evidence: EvidenceChange | undefined, author: string, now: string): Partial<Record<Field, string | null>> {
  const want: Partial<Record<Field, string | null>> = {};
  for (const f of PLAIN) if (args[f] !== undefined) want[f] = enc(args[f]);
  if (evidence) want.evidence = enc(resolveEvidence(host, c, evidence, author, now));
  if (args.start !== undefined && args.end !== undefined) {
    const seg = host.requireLiveSegment(c.segmentId);
    if (args.end <= args.start || args.end > seg.text.length) throw new JiaoduiError('invalid-input', em('claim.bad-span', { start: args.start, end: args.end }));
    const anchor = makeAnchor(seg.text, snapToCodePoint(seg.text, args.start, 'start'), snapToCodePoint(seg.text, args.end, 'end'));
    want.span = enc({ start: anchor.start, end: anchor.end, exact: anchor.exact, prefix: anchor.prefix, suffix: anchor.suffix, orphaned: false });
  }
  if (args.status !== undefined && args.status !== c.status) {
    if (args.status === 'published') {
      const verdict = args.verdict ?? c.verdict;
      if (verdict === 'unverified') throw new JiaoduiError('invalid-input', em('claim.publish-unverified', { id: c.id }));
      want.publishedAt = now;
      want.publishedBy = author;
    } else if (c.status === 'published') {
      want.publishedAt = null;
      want.publishedBy = null;
    }
  }
  return want;
}

export function updateClaim(host: ReviewHost, args: UpdateArgs): ClaimT {
  return changeClaim(host, args, args.evidence ? { set: args.evidence } : undefined);
}

/** Add one evidence item (a URL, a segment of a project document, or a note), stamped with who and when. */
export function addClaimEvidence(host: ReviewHost, args: z.infer<typeof AddClaimEvidenceArgs>): ClaimT {
  return changeClaim(host, { claimId: args.claimId, version: args.version, ifUpdatedAt: args.ifUpdatedAt }, { add: args.evidence });
}

/** Remove one evidence item (the claim's history keeps it). */
export function removeClaimEvidence(host: ReviewHost, args: z.infer<typeof RemoveClaimEvidenceArgs>): ClaimT {
  return changeClaim(host, { claimId: args.claimId, version: args.version, ifUpdatedAt: args.ifUpdatedAt }, { remove: args.evidenceId });
}

function changeClaim(host: ReviewHost, args: UpdateArgs, evidence: EvidenceChange | undefined): ClaimT {
  const seen = requireLiveClaim(host, args.claimId);
  const changedIn = (c: ClaimT, want: Partial<Record<Field, string | null>>) => FIELDS.filter((f) => want[f] !== undefined && read(c, f) !== want[f]);
  const preview = changedIn(seen, wanted(host, seen, args, evidence, host.author(), host.now()));
  if (args.ifUpdatedAt === undefined && args.version === undefined && !preview.length) return seen;
  const label = editClaimLabel(args.claimId, preview.filter((f) => f !== 'publishedAt' && f !== 'publishedBy'), rowNumber(host, seen.segmentId));
  host.operation(projectOf(host, seen.documentId), 'claim', label, (record, now) => {
    // read again inside the transaction: the history's "from" values are what is stored now
    const before = requireLiveClaim(host, args.claimId);
    const author = host.author();
    const want = wanted(host, before, args, evidence, author, now);
    const seg = host.store.segment(before.segmentId);
    requireRecordFresh(host.store, {
      kind: 'claim',
      id: before.id,
      stored: { version: before.version, updatedAt: before.updatedAt, fields: Object.fromEntries(FIELDS.map((f) => [f, read(before, f)])) },
      // what the writer sets (publication follows the status, so it is compared through the status)
      mine: Object.fromEntries(Object.entries(want).filter(([f]) => f !== 'publishedAt' && f !== 'publishedBy')),
      version: args.version,
      ifUpdatedAt: args.ifUpdatedAt,
      segmentId: before.segmentId,
      row: seg && !seg.retired ? seg.index + 1 : null,
      documentId: before.documentId,
      theirsAuthor: () => host.store.lastClaimAuthor(before.id),
    });
    const changed = changedIn(before, want);
    if (!changed.length) return { touched: [] };
    const from: ClaimState = { id: before.id, deleted: false, fields: {} };
    const to: ClaimState = { id: before.id, deleted: false, fields: {} };
    for (const field of changed) {
      from.fields[field] = read(before, field);
      to.fields[field] = want[field] ?? null;
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
export function deleteClaim(host: ReviewHost, args: z.infer<typeof DeleteClaimArgs>): ChangeResult {
  const c = requireLiveClaim(host, args.claimId);
  return host.operation(projectOf(host, c.documentId), 'claim', deleteClaimLabel(c.id, rowNumber(host, c.segmentId)), (record, now) => {
    // with the version read: refused when someone changed the claim since (their change would go with it)
    const before = requireLiveClaim(host, args.claimId);
    const seg = host.store.segment(before.segmentId);
    requireRecordFresh(host.store, {
      kind: 'claim',
      id: before.id,
      stored: { version: before.version, updatedAt: before.updatedAt, fields: Object.fromEntries(FIELDS.map((f) => [f, read(before, f)])) },
      mine: {},
      deleting: true,
      version: args.version,
      segmentId: before.segmentId,
      row: seg && !seg.retired ? seg.index + 1 : null,
      documentId: before.documentId,
      theirsAuthor: () => host.store.lastClaimAuthor(before.id),
    });
    setDeleted(host.store, c.id, true, host.author(), now);
    host.touch({ claims: [c.id], documents: [c.documentId] });
    record({ segmentId: c.segmentId, field: 'claim', before: JSON.stringify({ id: c.id, deleted: false, fields: {} } satisfies ClaimState), after: JSON.stringify({ id: c.id, deleted: true, fields: {} } satisfies ClaimState), reason: 'claim' });
    refreshClaimFindings(host.store, c.documentId, now);
    return { touched: [] };
  });
}

/** Set one field; a new text brings its normalised quantities along; a span is the anchor. */
function setField(store: Store, id: number, field: Field, value: string | null, now: string): void {
  if (field === 'span') {
    if (value) store.setClaimAnchor(id, JSON.parse(value) as Parameters<Store['setClaimAnchor']>[1], now);
    return;
  }
  store.setClaimField(id, field, value, now);
  const documentId = field === 'text' ? store.claim(id)?.documentId : undefined;
  if (documentId !== undefined) store.setClaimQuantities(id, claimQuantities(value ?? '', undefined, { yuan: yuanOf(store, documentId) }), now);
}

function setDeleted(store: Store, id: number, deleted: boolean, author: string, now: string): void {
  const was = store.claimDeletedAt(id);
  if (was === undefined || !!was === deleted) return;
  store.setClaimDeleted(id, deleted ? now : null, now);
  store.addClaimHistory(id, deleted ? 'deleted' : 'restored', was, deleted ? now : null, author, now);
}

function candidateAt(host: ReviewHost, args: z.infer<typeof ClaimCandidateArgs>) {
  const seg = host.requireLiveSegment(args.segmentId);
  if (args.end <= args.start || args.end > seg.text.length) throw new JiaoduiError('invalid-input', em('claim.bad-span', { start: args.start, end: args.end }));
  const quote = seg.text.slice(args.start, args.end);
  if (args.quote !== undefined && quote !== args.quote) throw spanMoved(seg, args.quote, quote);
  return { seg, quote };
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
    const cur = read(c, f);
    if (cur === v) continue;
    setField(store, st.id, f, v, now);
    store.addClaimHistory(st.id, f, cur, v, author, now);
  }
  if (!st.deleted) setDeleted(store, st.id, false, author, now);
  refreshClaimFindings(store, c.documentId, now);
}

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

/**
 * The claims of a document in text order, filtered: assignee ('' = unassigned), status,
 * verdict, claimant (each exact, names compared without surrounding spaces). Discarded
 * claims are left out unless a status filter names them or includeDiscarded is set.
 */
export function filterClaims(claims: readonly ClaimT[], f: Omit<z.infer<typeof ListClaimsArgs>, 'documentId'>): ClaimT[] {
  const statuses = asList(f.status);
  const verdicts = asList(f.verdict);
  return claims.filter(
    (c) =>
      (statuses ? statuses.includes(c.status) : f.includeDiscarded || c.status !== 'discarded') &&
      (!verdicts || verdicts.includes(c.verdict)) &&
      (f.assignee === undefined || c.assignee.trim() === f.assignee.trim()) &&
      (f.claimant === undefined || (c.claimant ?? '').trim() === f.claimant.trim()),
  );
}

export function listClaims(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimT[] {
  host.requireDocument(args.documentId);
  const { documentId: _d, ...filters } = args;
  return filterClaims(host.store.documentClaims(args.documentId), filters);
}

/** Live claims of a document by status: every status (zero included) and the total. */
function claimCounts(host: ReviewHost, documentId: number): z.infer<typeof ClaimCounts> {
  const counts = Object.fromEntries([...CLAIM_STATUSES, 'total'].map((s) => [s, 0])) as z.infer<typeof ClaimCounts>;
  for (const r of host.store.claimCountsByStatus(documentId)) {
    if ((CLAIM_STATUSES as readonly string[]).includes(r.status)) counts[r.status as (typeof CLAIM_STATUSES)[number]] += r.n;
    counts.total += r.n;
  }
  return counts;
}

/**
 * What the claims view reads in one call: the claims (filtered as listClaims), counts by
 * status (of all live claims), the cross-checks, and per claim what they say about it —
 * which claims it was compared with and whether it agrees (only when compared).
 */
export function claimsReport(host: ReviewHost, args: z.infer<typeof ListClaimsArgs>): ClaimsReportT {
  const claims = listClaims(host, args);
  const crossChecks = crossCheckClaims(host, { documentId: args.documentId });
  const figureFindings = claimFigureFindings(host.store, args.documentId, claims);
  const compared = comparedClaims(host.store, args.documentId);
  const comparisons = claims.map((c) => {
    const mine = crossChecks.flatMap((x, i) => (x.claimIds.includes(c.id) ? [i] : []));
    const figures = figureFindings.flatMap((x, i) => (x.claimIds.includes(c.id) ? [i] : []));
    const contradicted =
      mine.some((i) => crossChecks[i].severity === 'warning' && !crossChecks[i].dismissedReason) ||
      figures.some((i) => figureFindings[i].severity !== 'info' && !figureFindings[i].dismissedReason);
    const partners = [...(compared.get(c.id) ?? [])].sort((a, b) => a - b);
    return { claimId: c.id, compared: partners, crossChecks: mine, figureFindings: figures, contradicted, agrees: partners.length ? !contradicted : null };
  });
  return { documentId: args.documentId, claims, counts: claimCounts(host, args.documentId), crossChecks, figureFindings, comparisons };
}

/** The figure rules' stored findings (one per group) that lie inside the spans of these claims. */
const FIGURE_RULES = ['number-scale', 'number-unit'];
function claimFigureFindings(store: Store, documentId: number, claims: readonly ClaimT[]): ClaimsReportT['figureFindings'] {
  const out = new Map<string, ClaimsReportT['figureFindings'][number]>();
  for (const rule of FIGURE_RULES) {
    for (const r of store.findingsOfRule(documentId, rule)) {
      const on = claims.filter((c) => !c.orphaned && c.segmentId === r.segmentId && c.start < r.end && r.start < c.end).map((c) => c.id);
      if (!on.length) continue;
      const key = r.group ?? `#${r.id}`;
      const had = out.get(key);
      if (had) {
        for (const id of on) if (!had.claimIds.includes(id)) had.claimIds.push(id);
        continue;
      }
      out.set(key, {
        findingId: r.id,
        rule: r.rule,
        severity: r.severity,
        message: r.message,
        ...(parseFindingMessage(r.messageData) ? { messageData: parseFindingMessage(r.messageData)! } : {}),
        claimIds: on,
        dismissedReason: r.dismissedReason,
      });
    }
  }
  return [...out.values()];
}

/**
 * The people a claimant can be picked from, for a document: the speakers of its project,
 * the project's glossary person entries, the names the entity rules find in the document,
 * and claimants already given in the project. A Q&A turn marker (A, 答) is never offered.
 * Most used first, then by name.
 */
export function listPeople(host: ReviewHost, args: z.infer<typeof DocumentClaimsArgs>): ClaimPersonT[] {
  const doc = host.requireDocument(args.documentId);
  const people = new Map<string, ClaimPersonT>();
  const add = (name: string | null | undefined, source: ClaimPersonT['sources'][number], n = 1) => {
    const key = name?.trim();
    if (!key || isTurnMarker(key) || key.length > 200) return;
    const p = people.get(key) ?? { name: key, sources: [], uses: 0 };
    if (!p.sources.includes(source)) p.sources.push(source);
    p.uses += n;
    people.set(key, p);
  };
  for (const s of host.store.projectSpeakers(doc.projectId)) add(s.name, 'speaker', s.n);
  for (const e of host.store.glossaryForDocument(doc.id)) if (e.type === 'person') add(e.term, 'glossary', 0);
  const ctx = checkContext(host.store, doc.id);
  const segs = host.store.liveSegments(doc.id).filter((s) => !s.furniture);
  for (const m of documentMentions([...analyse(segs.map(toCheckSegment), ctx).values()], ctx.glossary)) if (m.strong || m.evidence === 'repeat') add(m.text, 'entity');
  for (const c of host.store.projectClaimants(doc.projectId)) add(c.name, 'claimant', c.n);
  return [...people.values()].sort((a, b) => b.uses - a.uses || a.name.localeCompare(b.name));
}

/** Who publishes the fact-checks (settings `claimReview.organisation`, `claimReview.organisationUrl`). */
export function claimReviewSettings(host: ReviewHost): ClaimReviewSettingsT {
  return { organisation: host.store.setting('claimReview.organisation') ?? '', organisationUrl: host.store.setting('claimReview.organisationUrl') || null };
}

export function updateClaimReviewSettings(host: ReviewHost, args: z.infer<typeof UpdateClaimReviewSettingsArgs>): ClaimReviewSettingsT {
  return host.tx(() => {
    if (args.organisation !== undefined) host.store.setSetting('claimReview.organisation', args.organisation);
    if (args.organisationUrl !== undefined) host.store.setSetting('claimReview.organisationUrl', args.organisationUrl ?? '');
    host.touch({ topics: ['settings'] });
    return claimReviewSettings(host);
  });
}

/**
 * A label flagged as a claim label: its live annotations become claims (span, author, time,
 * comment and replies as notes; the annotation is marked deleted, restorable). Runs inside
 * the caller's transaction; returns the claims made.
 */
export function claimsFromLabel(host: ReviewHost, labelId: number): number[] {
  const now = host.now();
  const made = host.store.claimsFromLabelAnnotations(labelId, { now, by: host.author(), describe: (text, documentId) => describeClaimText(text, { yuan: yuanOf(host.store, documentId) }) });
  const docs = [...new Set(made.map((m) => m.documentId))];
  for (const d of docs) refreshClaimFindings(host.store, d, now);
  if (made.length) host.touch({ claims: made.map((m) => m.claimId), annotations: made.map((m) => m.annotationId), documents: docs, findings: docs });
  return made.map((m) => m.claimId);
}

export function claimHistory(host: ReviewHost, args: z.infer<typeof ClaimIdArgs>): ClaimHistoryEntryT[] {
  requireClaim(host, args.claimId);
  return host.store.claimHistory(args.claimId);
}

/** The cross-checks of a document's claims, each with the stored finding it is (and its dismissal). */
export function crossCheckClaims(host: ReviewHost, args: z.infer<typeof DocumentClaimsArgs>): ClaimCrossCheckT[] {
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
  const lang = args.language ?? (host.store.setting('locale') === 'zh-Hant' ? 'zh-Hant' : 'en');
  switch (args.format) {
    case 'csv':
      return { fileName: `${base}.csv`, mime: 'text/csv;charset=utf-8', content: claimsCsv(claims, lang) };
    case 'json':
      return { fileName: `${base}.json`, mime: 'application/json', content: claimsJson(meta, claims, lang) };
    case 'claimreview':
      return { fileName: `${base}.claimreview.jsonld`, mime: 'application/ld+json', content: claimReviewJsonLd(meta, claims, { ...claimReviewSettings(host), reviewer: host.author() }) };
  }
}
