/**
 * Records of the review workflow: find and replace, repetitions, history and change log,
 * annotation labels and threads. zod schemas, types inferred (like schemas.ts).
 */
import { z } from 'zod';
import { Annotation, ChangeResult, Id, OperationKind, OperationLabelRef, Revision, SegmentStatus } from './schemas';

// ---- find and replace ------------------------------------------------------------------

export const ReplaceScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segments'), segmentIds: z.array(Id).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('document'), documentId: Id }).strict(),
  z.object({ kind: z.literal('project'), projectId: Id }).strict(),
]);

export const ReplaceHit = z.object({
  /** stable while the segment text is unchanged: `segmentId:start:end` */
  id: z.string(),
  segmentId: Id,
  documentId: Id,
  documentTitle: z.string(),
  index: z.number().int(),
  status: SegmentStatus,
  /** [start, end) in the segment's current (Traditional) text */
  start: z.number().int(),
  end: z.number().int(),
  matched: z.string(),
  replacement: z.string(),
  /** the segment text now, and with only this hit replaced (the preview diff) */
  before: z.string(),
  after: z.string(),
  /** found in the text, or in the other-script rendering and mapped back */
  matchedIn: z.enum(['text', 'rendering']),
});

export const ReplacePreview = z.object({
  hits: z.array(ReplaceHit),
  /** matches found (at most the limit + 1 when truncated) */
  total: z.number().int(),
  segments: z.number().int(),
  /** of those segments, how many are approved now (a replacement sends them back to edited) */
  approvedSegments: z.number().int(),
  truncated: z.boolean(),
  limit: z.number().int(),
  /** the newest revision id when the preview was built: send it with replaceAll/replaceHits (shared/domain/schemas.ts, shared/contract/conflict.ts) */
  snapshot: z.number().int(),
});

export const ReplaceResult = ChangeResult.extend({
  /** replacements made */
  replaced: z.number().int(),
  /** segments whose text changed */
  changedSegments: z.number().int(),
  /** approved segments that changed and went back to 'edited' (a status revision each; undo restores) */
  unapproved: z.number().int(),
});

// ---- repetitions -------------------------------------------------------------------------

export const Repetition = z.object({
  segmentId: Id,
  documentId: Id,
  documentTitle: z.string(),
  index: z.number().int(),
  text: z.string(),
  status: SegmentStatus,
});
export const Repetitions = z.object({
  segmentId: Id,
  /** the correction that would be applied */
  text: z.string(),
  repetitions: z.array(Repetition),
});

// ---- history -----------------------------------------------------------------------------

export const ChangeLogEntry = Revision.extend({
  /** row of the segment in the document (null: the segment was split or merged away) */
  index: z.number().int().nullable(),
  operationKind: OperationKind.or(z.string()),
  operationLabel: z.string(),
  /** the operation's label as key + params (null before migration 009; show operationLabel then) */
  operationLabelKey: OperationLabelRef.nullable().optional(),
});
export const ChangeLog = z.object({
  documentId: Id,
  entries: z.array(ChangeLogEntry),
  truncated: z.boolean(),
  /** filter values present in the document's history */
  authors: z.array(z.string()),
  reasons: z.array(z.string()),
  /** live segments whose text differs from the machine text */
  changedSegments: z.number().int(),
  /** characters inserted plus deleted, machine text vs current text, summed over the document */
  charsChanged: z.number().int(),
  totalSegments: z.number().int(),
});

// ---- annotations -------------------------------------------------------------------------

export const LabelColor = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour as #RRGGBB');
/** One key (a digit or letter) pressed with a text selection to tag it. */
export const LabelShortcut = z.string().regex(/^[0-9a-z]$/, 'a shortcut is one digit or lowercase letter');
export const AnnotationLabel = z.object({
  id: Id,
  name: z.string(),
  color: LabelColor,
  shortcut: LabelShortcut.nullable(),
  position: z.number().int(),
  /** annotations (not deleted) using it */
  uses: z.number().int(),
  /** a claim label (migration 013): a span tagged with it becomes a claim (addClaim), not an annotation */
  claim: z.boolean(),
});
export const AnnotationReply = Annotation.shape.replies.element;

export const Attention = z.object({
  /** live segments with an open (unresolved, not deleted) comment */
  openComments: z.array(Id),
  /** live segments with an open (not dismissed) finding */
  openFindings: z.array(Id),
});

export type ReplaceScope = z.infer<typeof ReplaceScope>;
export type ReplaceHit = z.infer<typeof ReplaceHit>;
export type ReplacePreview = z.infer<typeof ReplacePreview>;
export type ReplaceResult = z.infer<typeof ReplaceResult>;
export type Repetition = z.infer<typeof Repetition>;
export type Repetitions = z.infer<typeof Repetitions>;
export type ChangeLogEntry = z.infer<typeof ChangeLogEntry>;
export type ChangeLog = z.infer<typeof ChangeLog>;
export type AnnotationLabel = z.infer<typeof AnnotationLabel>;
export type AnnotationReply = z.infer<typeof AnnotationReply>;
export type Attention = z.infer<typeof Attention>;
