/** Claims for fact-checking: domain and API schemas (zod). Referenced by shared/contract/api.ts. */
import { z } from 'zod';
import { ALL_CLAIM_TYPES, CLAIM_STATUSES, CLAIM_TYPES, CLAIM_VERDICTS } from './types';
import { AnchoredSpan, FindingMessageData, Id } from '../domain/schemas';


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

export const Evidence = z.object({
  url: z.string().trim().url('evidence needs a URL (https://…)').max(2000),
  note: z.string().max(2000).default(''),
});
export type Evidence = z.infer<typeof Evidence>;

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

export const ListClaimsArgs = z.object({ documentId: Id }).strict();
export const ListClaimCandidatesArgs = z.object({ documentId: Id, includeRejected: z.boolean().optional() }).strict();
/** A candidate by its span (segment and offsets, as listClaimCandidates gives them). */
export const ClaimCandidateArgs = z.object({ segmentId: Id, start: z.number().int().min(0), end: z.number().int().min(0) }).strict();
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
  })
  .strict();
export const UpdateClaimArgs = z
  .object({
    claimId: Id,
    text: ClaimText.optional(),
    type: ClaimType.optional(),
    claimant: Claimant.optional(),
    claimDate: ClaimDate.optional(),
    verdict: ClaimVerdict.optional(),
    evidence: z.array(Evidence).max(100).optional(),
    notes: z.string().max(10_000).optional(),
    status: ClaimStatus.optional(),
    /** the claim's version as last read; refused ('edit-conflict', with base/theirs/mine) when a field it changes was changed since */
    version: z.number().int().positive().optional(),
    /** the older compare of the updatedAt stamp as last read, kept for scripts */
    ifUpdatedAt: z.string().max(40).optional(),
  })
  .strict();
export const ClaimIdArgs = z.object({ claimId: Id }).strict();
export const ExportClaimsArgs = z.object({ documentId: Id, format: z.enum(['csv', 'json', 'claimreview']) }).strict();
