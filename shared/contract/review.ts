/**
 * Argument schemas of the review-workflow methods (find/replace, repetitions, history,
 * annotations); `api.ts` lists the methods with these and the records in domain/review.ts.
 */
import { z } from 'zod';
import { Id, RecordVersion, Snapshot } from '../domain/schemas';
import { LabelColor, LabelShortcut, ReplaceScope } from '../domain/review';
import { MAX_FIND_LENGTH, MAX_REPLACE_LENGTH } from '../text/find';
import { MAX_SEGMENT_LENGTH } from '../text/limits';

const Find = z
  .string()
  .min(1, 'type something to find')
  .max(MAX_FIND_LENGTH, `the search is longer than ${MAX_FIND_LENGTH} characters`);

export const FindReplaceArgs = z
  .object({
    find: Find,
    replace: z.string().max(MAX_REPLACE_LENGTH, `the replacement is longer than ${MAX_REPLACE_LENGTH} characters`),
    /** a JavaScript regular expression (Unicode mode); `$1`, `$<name>`, `$&` in the replacement */
    regex: z.boolean().optional(),
    /** also match the query's other-script form in the rendering (王征 finds 王徵) */
    crossScript: z.boolean().optional(),
    scope: ReplaceScope,
    /** replaceAll/replaceHits: the preview's snapshot; a segment whose text changed since is refused ('edit-conflict') */
    snapshot: Snapshot,
  })
  .strict();

export const ReplaceHitsArgs = FindReplaceArgs.extend({ hitIds: z.array(z.string().max(40)).min(1).max(5_000) }).strict();

export const FindRepetitionsArgs = z
  .object({ segmentId: Id, text: z.string().max(MAX_SEGMENT_LENGTH).optional() })
  .strict();
export const PropagateEditArgs = z.object({ segmentId: Id, targetIds: z.array(Id).min(1).max(10_000) }).strict();

export const RevertSegmentArgs = z
  .object({
    segmentId: Id,
    /** the revision whose resulting text to restore; null restores the machine text (as imported) */
    revisionId: Id.nullable(),
  })
  .strict();

export const DocumentChangeLogArgs = z
  .object({
    documentId: Id,
    reason: z.string().max(100).optional(),
    author: z.string().max(200).optional(),
  })
  .strict();

const LabelName = z.string().trim().min(1, 'a label needs a name').max(60);
/** `claim`: a claim label — spans tagged with it are claims; flagging a label turns its annotations into claims (migration 013, core/claims.ts). */
export const CreateLabelArgs = z.object({ name: LabelName, color: LabelColor, shortcut: LabelShortcut.nullable().optional(), claim: z.boolean().optional() }).strict();
export const UpdateLabelArgs = z
  .object({ labelId: Id, name: LabelName.optional(), color: LabelColor.optional(), shortcut: LabelShortcut.nullable().optional(), claim: z.boolean().optional() })
  .strict();
export const LabelIdArgs = z.object({ labelId: Id }).strict();

export const AnnotationIdArgs = z.object({ annotationId: Id }).strict();
/**
 * `version`: the annotation's version as last read; refused ('edit-conflict', with base/theirs/mine of
 * the fields it changes) when someone changed them since. `ifUpdatedAt`: the older stamp compare, kept for scripts.
 */
export const UpdateAnnotationArgs = z
  .object({ annotationId: Id, body: z.string().max(10_000).optional(), labelId: Id.nullable().optional(), version: RecordVersion.optional(), ifUpdatedAt: z.string().max(40).optional() })
  .strict();
export const ReplyArgs = z.object({ annotationId: Id, body: z.string().trim().min(1, 'a reply needs some text').max(10_000) }).strict();
export const ResolveArgs = z.object({ annotationId: Id, resolved: z.boolean() }).strict();
export const AttentionArgs = z.object({ documentId: Id }).strict();
