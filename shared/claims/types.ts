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
export const CLAIM_STATUSES = ['new', 'in-progress', 'done'] as const;
