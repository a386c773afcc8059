/**
 * Claim writes waiting for a team server that could not be reached (the offline retry of
 * state/status-queue.ts, for claims). A claim edit has no editor that keeps it: a status, verdict
 * or field change, or an evidence item added or removed, that failed as unreachable waits here with
 * the claim's version as the window had read it when the reviewer asked, and is sent again, in the
 * order asked, when the server is back. The version makes a change someone else made meanwhile a
 * conflict (the conflict view), never overwritten. Pure; useClaimRetry holds the queue.
 *
 * Claim edits (updateClaim, addClaimEvidence, removeClaimEvidence) are versioned: sent twice — a
 * first try that reached the server but whose answer was lost — the second is refused as a
 * conflict, never stored twice. Making a claim (from a selection or a candidate), rejecting or
 * restoring a candidate and deleting a claim wait here too, each with a request id drawn when the
 * reviewer asked and sent with every try (shared/contract/request-id.ts): the server answers a
 * repeated id with its first answer, so a retry never makes a second claim. They carry what was
 * read as well: a deletion the claim's version (a claim changed meanwhile opens the conflict view),
 * a span its text (`quote`: a span changed meanwhile is refused, the reviewer selects again).
 */
import type { ArgsOf } from '../../../shared/contract/api';

/** The fields an updateClaim sets (the claim and its version aside). */
export type ClaimFields = Omit<ArgsOf<'updateClaim'>, 'claimId' | 'ifUpdatedAt' | 'version'>;

/** What a queued write does (its claim and version aside). */
export type ClaimCall =
  | { method: 'updateClaim'; fields: ClaimFields }
  | { method: 'addClaimEvidence'; evidence: ArgsOf<'addClaimEvidence'>['evidence'] }
  | { method: 'removeClaimEvidence'; evidenceId: number }
  /** evidence from a segment named by its document and row (0-based), found when sent */
  | { method: 'addSegmentEvidence'; documentId: number; index: number; note: string; notFound: string }
  /** a claim made from a span or a candidate (claimId null): `args` carry the span's quote and the request id; `row` (1-based) for the reviewer */
  | { method: 'addClaim'; args: ArgsOf<'addClaim'> & { requestId: string }; row: number }
  /** a claim deleted, with the version read (the write's `version`) and a request id */
  | { method: 'deleteClaim'; requestId: string }
  /** a candidate rejected (or its rejection taken back), claimId null */
  | { method: 'decideCandidate'; reject: boolean; args: ArgsOf<'rejectClaimCandidate'> & { requestId: string }; row: number };

/** An edit of a stored claim (its answer is the claim as stored). */
export type EditCall = Exclude<ClaimCall, { method: 'addClaim' | 'decideCandidate' | 'deleteClaim' }>;

/** The calls that make or decide rather than edit a stored claim (claimId null). */
export type MakeCall = Extract<ClaimCall, { method: 'addClaim' | 'decideCandidate' }>;

export interface QueuedClaimWrite {
  /** the document whose claims list shows the claim (refetched when the write is stored) */
  documentId: number;
  /** the claim written; null for a claim being made and a candidate decision */
  claimId: number | null;
  /** the claim's version as read when the reviewer asked (undefined: the backend gave none) */
  version?: number;
  call: ClaimCall;
}

/**
 * Add a write. An update of a claim whose last queued write is an update too is merged into it
 * (the later value of a field wins: status new → in-progress → ready sends ready) and keeps its
 * version — both were asked against the same stored claim, which neither changed.
 */
export function enqueueClaimWrite(queue: readonly QueuedClaimWrite[], w: QueuedClaimWrite): QueuedClaimWrite[] {
  // a claim being made, a candidate decision: each its own request, in the order asked
  if (w.claimId === null) return [...queue, w];
  const lastOfClaim = queue.findLastIndex((q) => q.claimId === w.claimId);
  const last = lastOfClaim >= 0 ? queue[lastOfClaim] : null;
  if (last && last.call.method === 'updateClaim' && w.call.method === 'updateClaim') {
    const merged: QueuedClaimWrite = { ...last, call: { method: 'updateClaim', fields: { ...last.call.fields, ...w.call.fields } } };
    return queue.map((q, i) => (i === lastOfClaim ? merged : q));
  }
  // the first version read counts for every write of a claim asked while its writes waited
  const version = last ? last.version : w.version;
  return [...queue, { ...w, version }];
}

/** Per claim: the version a queued write was asked against, and the version our own stored write of it returned. */
export type VersionChain = ReadonlyMap<number, { asked: number | undefined; stored: number }>;

/**
 * The version to send: the one read when asked — unless an earlier write of ours to the same claim,
 * asked against that same version, was stored in this retry: then the version it returned, since
 * the only change in between is our own (two offline edits of one claim never refuse each other).
 */
export function versionToSend(w: QueuedClaimWrite, chain: VersionChain): number | undefined {
  const c = w.claimId === null ? undefined : chain.get(w.claimId);
  return c && c.asked === w.version ? c.stored : w.version;
}

/**
 * After a write's try: stored (its returned version continues the claim's chain), refused (a
 * conflict, now in the conflict view, or another error, shown as a toast) or unreachable again
 * (kept, with the rest, for the next time the server is back). Answered writes leave the queue.
 */
export function afterClaimWrite(
  queue: readonly QueuedClaimWrite[],
  chain: VersionChain,
  w: QueuedClaimWrite,
  outcome: { kind: 'stored'; version?: number } | { kind: 'refused' } | { kind: 'unreachable' },
): { queue: QueuedClaimWrite[]; chain: VersionChain } {
  if (outcome.kind === 'unreachable') return { queue: [...queue], chain };
  const rest = queue.filter((q) => q !== w);
  // a deletion, a claim made, a candidate decided: nothing to chain
  if (outcome.kind === 'refused' || w.claimId === null || outcome.version === undefined) return { queue: rest, chain };
  const next = new Map(chain);
  next.set(w.claimId, { asked: w.version, stored: outcome.version });
  return { queue: rest, chain: next };
}

/** What waits for a claim, for the reviewer: the fields of its queued writes (evidence for evidence items), in order, each once. */
export function pendingFields(queue: readonly QueuedClaimWrite[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const q of queue) {
    if (q.claimId === null) continue;
    // a span's edges are one field, as the claim's history names it
    const fields =
      q.call.method === 'updateClaim' ? Object.keys(q.call.fields).map((f) => (f === 'start' || f === 'end' ? 'span' : f)) : q.call.method === 'deleteClaim' ? ['deleted'] : ['evidence'];
    const seen = out.get(q.claimId) ?? [];
    out.set(q.claimId, [...seen, ...fields.filter((f, i) => !seen.includes(f) && fields.indexOf(f) === i)]);
  }
  return out;
}

/** A claim being made or a candidate decided, waiting: what the Claims panel lists as not sent yet. */
export interface PendingMake {
  kind: 'create' | 'reject' | 'restore';
  documentId: number;
  /** 1-based row of the segment */
  row: number;
  /** the span's text ('' for a whole segment not read) */
  quote: string;
  requestId: string;
}

/** The claims being made and candidates decided that wait, in the order asked. */
export function pendingMakes(queue: readonly QueuedClaimWrite[]): PendingMake[] {
  return queue.flatMap((q): PendingMake[] => {
    const c = q.call;
    if (c.method === 'addClaim') return [{ kind: 'create', documentId: q.documentId, row: c.row, quote: c.args.quote ?? '', requestId: c.args.requestId }];
    if (c.method === 'decideCandidate') return [{ kind: c.reject ? 'reject' : 'restore', documentId: q.documentId, row: c.row, quote: c.args.quote ?? '', requestId: c.args.requestId }];
    return [];
  });
}

/**
 * A request id drawn once per request (shared/contract/request-id.ts): 32 hex digits of the
 * browser's cryptographic random source (crypto.randomUUID needs a secure context; this does not).
 */
export function newRequestId(random: (a: Uint8Array) => Uint8Array = (a) => crypto.getRandomValues(a)): string {
  return Array.from(random(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
