/**
 * The claims' value lists, without zod and without the detection code: the contract's schemas
 * build their enums from them, and the renderer reads them directly (its bundle holds neither
 * zod nor the detection dictionaries; see renderer/bundle.test.ts).
 */
/** The types detection assigns. */
export const CLAIM_TYPES = ['figure', 'change', 'share', 'forecast', 'comparison', 'fact'] as const;
export type ClaimType = (typeof CLAIM_TYPES)[number];
/** Every type a claim can have: the detected ones and the reviewer-set 'opinion'. */
export const ALL_CLAIM_TYPES = [...CLAIM_TYPES, 'opinion'] as const;
export const CLAIM_VERDICTS = ['unverified', 'true', 'mostly-true', 'misleading', 'false', 'unverifiable'] as const;
/**
 * The workflow, in order: new → in progress → ready for review → published, or discarded
 * (kept, hidden from lists by default). Claims stored as `done` before migration 013 are
 * `ready-for-review` (done checking, not yet published).
 */
export const CLAIM_STATUSES = ['new', 'in-progress', 'ready-for-review', 'published', 'discarded'] as const;
export type ClaimStatusValue = (typeof CLAIM_STATUSES)[number];
/** The statuses a claims list shows unless asked for others. */
export const OPEN_CLAIM_STATUSES = CLAIM_STATUSES.filter((s) => s !== 'discarded');
/** Evidence kinds: a web page (http/https only), a segment of a project document, or a note (“company statement only”). */
export const EVIDENCE_KINDS = ['url', 'segment', 'note'] as const;
/** Where a person the claimant list offers was found. */
export const PERSON_SOURCES = ['speaker', 'glossary', 'entity', 'claimant'] as const;
/**
 * Verdict → ClaimReview rating (1 worst … 5 best; README “Claims”). Unverifiable and
 * unverified have no place on the scale: their rating carries only its name.
 */
export const VERDICT_RATINGS = {
  true: { value: 5, name: 'True' },
  'mostly-true': { value: 4, name: 'Mostly true' },
  misleading: { value: 2, name: 'Misleading' },
  false: { value: 1, name: 'False' },
  unverifiable: { value: null, name: 'Unverifiable' },
  unverified: { value: null, name: 'Unverified' },
} as const satisfies Record<(typeof CLAIM_VERDICTS)[number], { value: number | null; name: string }>;
