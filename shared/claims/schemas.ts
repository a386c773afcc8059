/** Claims for fact-checking: domain and API schemas (zod). Referenced by shared/contract/api.ts. */
import { z } from 'zod';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_TYPES, CLAIM_VERDICTS, PERSON_SOURCES } from './types';
import { isWebUrl } from '../urls';
import { AnchoredSpan, FindingMessageData, Id } from '../domain/schemas';
import { RequestId } from '../contract/request-id';


/** What the detector proposes for a candidate sentence. */
export const DetectedClaimType = z.enum(CLAIM_TYPES);
/** What a claim can be: the detected types, and opinion (only a reviewer says a claim is one). */
export const ClaimType = z.enum(ALL_CLAIM_TYPES);
export const ClaimVerdict = z.enum(CLAIM_VERDICTS);
export type ClaimVerdict = z.infer<typeof ClaimVerdict>;
export const ClaimStatus = z.enum(CLAIM_STATUSES);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const ClaimQuantity = z.object({
  start: z.number().int(),
  end: z.number().int(),
  raw: z.string(),
  kind: z.enum(['amount', 'count', 'percent', 'percentage-points', 'multiple', 'compute', 'duration', 'number']),
  value: z.number(),
  high: z.number().optional(),
  unit: z.string(),
  currency: z.enum(['CNY', 'HKD', 'USD', 'TWD']).optional(),
  currencyStated: z.boolean().optional(),
  approx: z.boolean().optional(),
  role: z.enum(['change', 'share', 'from', 'level']),
  direction: z.enum(['up', 'down']).optional(),
  alts: z.array(z.number()).optional(),
  note: z.string().optional(),
});
export const TimeRef = z.object({
  start: z.number().int(),
  end: z.number().int(),
  raw: z.string(),
  years: z.tuple([z.number().int(), z.number().int()]).optional(),
  relative: z.number().int().optional(),
  part: z.enum(['start', 'end', 'half']).optional(),
});

/** An http(s) URL (checked here, so no javascript:, data: … ever reaches storage). */
const WebUrl = z
  .string()
  .trim()
  .max(2000)
  .url('evidence needs a URL (https://…)')
  .refine((u) => isWebUrl(u), 'a URL must start with http:// or https://');
const EvidenceNote = z.string().max(2000);
/** Who added an evidence item and when (set by the service, never by the caller). */
const EvidenceStamp = { id: z.number().int().positive(), note: z.string(), author: z.string(), addedAt: z.string() };
export const UrlEvidence = z.object({ kind: z.literal('url'), url: z.string(), ...EvidenceStamp });
export const SegmentEvidence = z.object({
  kind: z.literal('segment'),
  documentId: Id,
  documentTitle: z.string(),
  segmentId: Id,
  /** the segment's row (0-based) when the item was added */
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  /** the quoted text when the item was added */
  quote: z.string(),
  ...EvidenceStamp,
});
export const NoteEvidence = z.object({ kind: z.literal('note'), ...EvidenceStamp });
/** A stored evidence item: a web page, a segment of a project document, or a note; each with who added it and when. */
export const Evidence = z.discriminatedUnion('kind', [UrlEvidence, SegmentEvidence, NoteEvidence]);
export type Evidence = z.infer<typeof Evidence>;

const KindedEvidenceInput = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('url'), id: z.number().int().positive().optional(), url: WebUrl, note: EvidenceNote.default('') }),
  z.object({
    kind: z.literal('segment'),
    id: z.number().int().positive().optional(),
    segmentId: Id,
    /** a span of the segment; the whole segment without them */
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    note: EvidenceNote.default(''),
  }),
  z.object({ kind: z.literal('note'), id: z.number().int().positive().optional(), note: z.string().trim().min(1, 'a note needs its text').max(2000) }),
]);
/**
 * Evidence as a caller gives it: a kinded item, or the form before migration 013 without
 * `kind` — `{url, note}` is a URL item, and `{note}` (or an empty url) a note item: an entry
 * without a URL is kept, never dropped. `id` names a stored item to keep as it is (its
 * who/when); other keys (author, addedAt, quote …, as listClaims returns them) are ignored.
 */
export const EvidenceInput = z.preprocess((v) => {
  if (!v || typeof v !== 'object' || Array.isArray(v) || 'kind' in v) return v;
  const { url, ...rest } = v as Record<string, unknown>;
  return typeof url === 'string' && url.trim() !== '' ? { ...rest, url, kind: 'url' } : { ...rest, kind: 'note' };
}, KindedEvidenceInput);
export type EvidenceInput = z.infer<typeof EvidenceInput>;

export const ClaimCandidate = z.object({
  segmentId: Id,
  /** row number (0-based position) of the segment */
  index: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  type: DetectedClaimType,
  types: z.array(DetectedClaimType),
  quantities: z.array(ClaimQuantity),
  times: z.array(TimeRef),
  claimant: z.string().nullable(),
  claimantSource: z.enum(['reported', 'handover', 'speaker']).nullable(),
  /** the claimant's title when written with the name (a hand-over to “CFO …”) */
  claimantRole: z.string().nullable(),
  subject: z.string().nullable(),
  metric: z.string().nullable(),
  /** the claim already made from this sentence, if any */
  claimId: Id.nullable(),
  /** the reviewer rejected this candidate (stored; hidden unless asked for) */
  rejected: z.boolean(),
});
export type ClaimCandidateT = z.infer<typeof ClaimCandidate>;

export const Claim = AnchoredSpan.extend({
  id: Id,
  documentId: Id,
  text: z.string(),
  type: ClaimType,
  claimant: z.string().nullable(),
  claimDate: z.string().nullable(),
  quantities: z.array(ClaimQuantity),
  verdict: ClaimVerdict,
  evidence: z.array(Evidence),
  notes: z.string(),
  status: ClaimStatus,
  /** who is checking it (free text until reviewers have accounts) */
  assignee: z.string(),
  /** why the verdict (ClaimReview reviewBody) */
  ratingNote: z.string(),
  /** where the published fact-check is (ClaimReview url) */
  reviewUrl: z.string().nullable(),
  /** when and by whom it was last published (status published); null otherwise */
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
  /** the row (0-based position) of its segment */
  segmentIndex: z.number().int(),
  author: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the record's version (migration 012): bumped by every change of the fields a reviewer edits; writes send it back (issue 16) */
  version: z.number().int().positive(),
});
export type ClaimT = z.infer<typeof Claim>;

export const ClaimHistoryEntry = z.object({
  id: Id,
  claimId: Id,
  field: z.string(),
  before: z.string().nullable(),
  after: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
});
export type ClaimHistoryEntryT = z.infer<typeof ClaimHistoryEntry>;

export const ClaimCrossCheck = z.object({
  kind: z.enum(['shares-total', 'implied-total', 'growth-ambiguity', 'growth-contradiction', 'part-exceeds-whole', 'conflicting-values', 'exchange-rate']),
  severity: z.enum(['info', 'warning']),
  message: z.string(),
  /** the message as key + params (shared/finding-messages.ts), for the UI language */
  messageData: FindingMessageData.optional(),
  claimIds: z.array(Id),
  implied: z.array(z.object({ claimId: Id, value: z.number(), low: z.number(), high: z.number() })).optional(),
  sum: z.number().optional(),
  rate: z.object({ base: z.enum(['CNY', 'HKD', 'USD', 'TWD']), quote: z.enum(['CNY', 'HKD', 'USD', 'TWD']), value: z.number(), low: z.number(), high: z.number() }).optional(),
  /** the stored finding (rule claims-crosscheck) this cross-check is, and its dismissal */
  findingId: Id.nullable(),
  dismissedReason: z.string().nullable(),
});
export type ClaimCrossCheckT = z.infer<typeof ClaimCrossCheck>;

const ClaimText = z.string().trim().min(1, 'a claim needs its text').max(10_000);
const Claimant = z.string().trim().max(200).nullable();
const ClaimDate = z.string().regex(/^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}|\d{4}-\d{2}|\d{4})$/, 'a date as YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD').nullable();
const Assignee = z.string().trim().max(200);
/** The claim's updatedAt as last read (the older compare, kept for scripts; refused with 'edit-conflict' when it changed since). */
const IfUpdatedAt = z.string().max(40).optional();
/** The claim's `version` as last read (migration 012; ARCHITECTURE “Versions and conflicts”). */
const ClaimVersion = z.number().int().positive().optional();

/** Filters of a claims list; discarded claims only when asked for (includeDiscarded, or a status filter naming them). */
export const ClaimFilters = {
  assignee: z.string().max(200).optional(),
  status: z.union([ClaimStatus, z.array(ClaimStatus).min(1).max(CLAIM_STATUSES.length)]).optional(),
  verdict: z.union([ClaimVerdict, z.array(ClaimVerdict).min(1).max(CLAIM_VERDICTS.length)]).optional(),
  claimant: z.string().max(200).optional(),
  includeDiscarded: z.boolean().optional(),
};
export const ListClaimsArgs = z.object({ documentId: Id, ...ClaimFilters }).strict();
export const DocumentClaimsArgs = z.object({ documentId: Id }).strict();
export const ListClaimCandidatesArgs = z.object({ documentId: Id, includeRejected: z.boolean().optional() }).strict();
/**
 * What a write from a span expects to find there: the span's text as the caller read it (in the
 * segment's text, or its rendering with `in: 'rendering'`; the whole segment's trimmed text when no
 * offsets are given). Refused ('edit-conflict') when the text there is not that any more: a write
 * sent later (kept while a team server was away) never lands on a span someone has changed since.
 */
const SpanQuote = z.string().max(100_000).optional();
/** A candidate by its span (segment and offsets, as listClaimCandidates gives them); `quote` and `requestId` as for addClaim. */
export const ClaimCandidateArgs = z.object({ segmentId: Id, start: z.number().int().min(0), end: z.number().int().min(0), quote: SpanQuote, requestId: RequestId }).strict();
export const CreateClaimArgs = z
  .object({
    segmentId: Id,
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    text: ClaimText.optional(),
    type: ClaimType.optional(),
    claimant: Claimant.optional(),
    claimDate: ClaimDate.optional(),
    notes: z.string().max(10_000).optional(),
    quote: SpanQuote,
    requestId: RequestId,
  })
  .strict();
/**
 * A claim from any span of a segment (start/end in its text, or in its rendering with
 * `in: 'rendering'`), or from the whole segment (no offsets). Both offsets or neither.
 */
export const AddClaimArgs = z
  .object({
    segmentId: Id,
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    in: z.enum(['text', 'rendering']).optional(),
    text: ClaimText.optional(),
    type: ClaimType.optional(),
    claimant: Claimant.optional(),
    claimDate: ClaimDate.optional(),
    notes: z.string().max(10_000).optional(),
    assignee: Assignee.optional(),
    /** the span's text as read: refused when it is not there any more (SpanQuote) */
    quote: SpanQuote,
    /** a client-drawn id sent with every try of this one request: a repeat is answered with the first answer (shared/contract/request-id.ts) */
    requestId: RequestId,
  })
  .strict()
  .refine((a) => (a.start === undefined) === (a.end === undefined), { message: 'give both start and end, or neither (the whole segment)', path: ['end'] });
export const UpdateClaimArgs = z
  .object({
    claimId: Id,
    /** the claim as the checker restates it */
    text: ClaimText.optional(),
    type: ClaimType.optional(),
    claimant: Claimant.optional(),
    claimDate: ClaimDate.optional(),
    verdict: ClaimVerdict.optional(),
    evidence: z.array(EvidenceInput).max(100).optional(),
    notes: z.string().max(10_000).optional(),
    status: ClaimStatus.optional(),
    assignee: Assignee.optional(),
    ratingNote: z.string().max(10_000).optional(),
    reviewUrl: WebUrl.nullable().optional(),
    /** a new span in the claim's segment (extend or shrink); both or neither */
    start: z.number().int().min(0).optional(),
    end: z.number().int().min(0).optional(),
    /** the claim's version as last read; refused ('edit-conflict', with base/theirs/mine) when a field it changes was changed since */
    version: ClaimVersion,
    /** the older compare of the updatedAt stamp as last read, kept for scripts */
    ifUpdatedAt: IfUpdatedAt,
  })
  .strict()
  .refine((a) => (a.start === undefined) === (a.end === undefined), { message: 'give both start and end of the new span', path: ['end'] });
export const AddClaimEvidenceArgs = z.object({ claimId: Id, evidence: EvidenceInput, version: ClaimVersion, ifUpdatedAt: IfUpdatedAt }).strict();
export const RemoveClaimEvidenceArgs = z.object({ claimId: Id, evidenceId: z.number().int().positive(), version: ClaimVersion, ifUpdatedAt: IfUpdatedAt }).strict();
export const ClaimIdArgs = z.object({ claimId: Id }).strict();
/** Delete a claim: `version` as last read (refused with the fields changed since, action 'delete'), `requestId` as for addClaim. */
export const DeleteClaimArgs = z.object({ claimId: Id, version: ClaimVersion, requestId: RequestId }).strict();
/** `language`: of the readable dates beside the stored ones (default: the UI language in Settings). */
export const ExportClaimsArgs = z.object({ documentId: Id, format: z.enum(['csv', 'json', 'claimreview']), language: z.enum(['en', 'zh-Hant', 'zh-Hans']).optional() }).strict();

/** A person the claimant picker offers: speakers, the glossary's person entries, names the entity rules found, claimants already used. */
export const ClaimPerson = z.object({ name: z.string(), sources: z.array(z.enum(PERSON_SOURCES)), uses: z.number().int() });
export type ClaimPersonT = z.infer<typeof ClaimPerson>;

/** Claims by status (every status, zero included) and in all. */
export const ClaimCounts = z.object({ ...Object.fromEntries(CLAIM_STATUSES.map((s) => [s, z.number().int()])), total: z.number().int() } as Record<
  (typeof CLAIM_STATUSES)[number] | 'total',
  z.ZodNumber
>);
/**
 * What the cross-checks say about one claim: `compared` — the claims it was compared with
 * (same metric, or shares/parts of one whole); `agrees` — true only when it was compared
 * and no contradiction was found, null when nothing was compared.
 */
/**
 * A finding of the figure checks (shared/checks/figures.ts: number-scale, number-unit — a figure
 * off by a power of ten, a count with a unit its noun cannot take) stored by the last `check`
 * and lying inside claims' spans.
 */
export const ClaimFigureFinding = z.object({
  findingId: Id,
  rule: z.string(),
  severity: z.enum(['error', 'warning', 'info']),
  message: z.string(),
  messageData: FindingMessageData.optional(),
  claimIds: z.array(Id),
  dismissedReason: z.string().nullable(),
});
export const ClaimComparison = z.object({
  claimId: Id,
  compared: z.array(Id),
  /** indexes into the report's crossChecks concerning this claim */
  crossChecks: z.array(z.number().int()),
  /** indexes into the report's figureFindings on this claim's span */
  figureFindings: z.array(z.number().int()),
  contradicted: z.boolean(),
  agrees: z.boolean().nullable(),
});
export const ClaimsReport = z.object({
  documentId: Id,
  claims: z.array(Claim),
  counts: ClaimCounts,
  crossChecks: z.array(ClaimCrossCheck),
  figureFindings: z.array(ClaimFigureFinding),
  comparisons: z.array(ClaimComparison),
});
export type ClaimsReportT = z.infer<typeof ClaimsReport>;

/** Who publishes the fact-checks (ClaimReview author's organisation / publisher), stored in settings. */
export const ClaimReviewSettings = z.object({
  organisation: z.string().trim().max(200),
  organisationUrl: WebUrl.nullable(),
});
export type ClaimReviewSettingsT = z.infer<typeof ClaimReviewSettings>;
export const UpdateClaimReviewSettingsArgs = ClaimReviewSettings.partial().strict();
