/** API shapes of the parallel texts (issue 7): attach, list, English edits, alignment edits. */
import { z } from 'zod';
import { EncodingGuess, FieldVersion, Id, SegmentStatus, TextEncodingName } from '../domain/schemas';

export const ParallelKind = z.enum(['source', 'english']);
const Base64 = z.string().max(20 * 1024 * 1024, 'payload too large').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');

export const AttachParallelArgs = z
  .object({
    documentId: Id,
    kind: ParallelKind,
    fileName: z.string().max(500),
    /** the file's bytes, base64 (as importDocument) */
    data: Base64,
    encoding: TextEncodingName.optional(),
  })
  .strict();

export const ParallelInfo = z.object({
  documentId: Id,
  kind: ParallelKind,
  fileName: z.string().nullable(),
  encoding: TextEncodingName,
  byteSize: z.number().int(),
  attachedAt: z.string(),
  /** sentences the parallel text was cut into */
  sentences: z.number().int(),
  /** segments that received some text */
  aligned: z.number().int(),
  /** live segments of the document */
  segments: z.number().int(),
  /** parallel characters per Traditional character (1 for the source) */
  ratio: z.number(),
  method: z.enum(['paragraphs', 'sentences']),
});
export const AttachParallelResult = ParallelInfo.extend({ guess: EncodingGuess.nullable() });

export const DocumentArgs = z.object({ documentId: Id }).strict();
export const RealignArgs = z.object({ documentId: Id, kind: ParallelKind }).strict();

/** `version(s)`: the English's (status's) version as last read (shared/domain/schemas.ts, shared/contract/conflict.ts); optional for scripts. */
export const EditEnglishArgs = z
  .object({
    segmentId: Id,
    text: z.string().max(100_000),
    reason: z.string().max(500).optional(),
    version: FieldVersion.optional(),
    /** approve the English in the same operation (one undo step); `statusVersion`: its status's version as read */
    approve: z.boolean().optional(),
    statusVersion: FieldVersion.optional(),
  })
  .strict();
export const SetEnglishStatusArgs = z.object({ segmentIds: z.array(Id).min(1).max(100_000), status: SegmentStatus, versions: z.array(FieldVersion).max(100_000).optional() }).strict();
export const EditAlignmentArgs = z
  .object({
    segmentId: Id,
    kind: ParallelKind,
    op: z.enum(['merge', 'split', 'shift']),
    /** split: position in the segment's parallel text */
    at: z.number().int().positive().optional(),
    /** shift: move the row's parallel text to the row above or below */
    direction: z.enum(['up', 'down']).optional(),
  })
  .strict();

export type ParallelKindT = z.infer<typeof ParallelKind>;
export type ParallelInfo = z.infer<typeof ParallelInfo>;
