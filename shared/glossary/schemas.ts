/**
 * The glossary (termbase) records and API arguments, as zod schemas: entries with a
 * canonical term, its known-wrong variants, a type, a note and an English rendering,
 * scoped to one document or to a whole project.
 */
import { z } from 'zod';
import { Id, SegmentStatus, Snapshot } from '../domain/schemas';
import type { ErrorMessageRef } from '../error-messages';

import { GLOSSARY_TYPES } from './types';

export { GLOSSARY_TYPES };
export const GlossaryType = z.enum(GLOSSARY_TYPES);
export const GlossaryScopeKind = z.enum(['project', 'document']);

export const MAX_TERM_LENGTH = 200;
export const MAX_VARIANTS = 50;
export const MAX_NOTE_LENGTH = 2000;
export const MAX_ENGLISH_LENGTH = 200;
/** Largest glossary file accepted for import (bytes). */
export const MAX_GLOSSARY_FILE_BYTES = 5 * 1024 * 1024;

export const GlossaryEntry = z.object({
  id: Id,
  scope: GlossaryScopeKind,
  /** the project the entry belongs to (for a document entry: the document's project) */
  projectId: Id,
  /** set for document entries */
  documentId: Id.nullable(),
  term: z.string(),
  /** forbidden / known-wrong forms that applying the glossary replaces with `term` */
  variants: z.array(z.string()),
  type: GlossaryType,
  note: z.string(),
  english: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the record's version (migration 012): bumped by every change of the fields a reviewer edits; writes send it back (issue 16) */
  version: z.number().int().positive(),
});

const Term = z.string().max(MAX_TERM_LENGTH, `a term is at most ${MAX_TERM_LENGTH} characters`);

/** Exactly one of documentId / projectId names the scope. */
function oneScope(a: { documentId?: number; projectId?: number }): boolean {
  return (a.documentId === undefined) !== (a.projectId === undefined);
}
const ONE_SCOPE = { message: 'give either documentId or projectId (the scope), not both' };

/** `snapshot` (applyGlossary): the preview's; a segment whose text changed since refuses the step ('edit-conflict'). */
export const GlossaryScopeArgs = z.union([z.object({ documentId: Id, snapshot: Snapshot }).strict(), z.object({ projectId: Id, snapshot: Snapshot }).strict()]);

export const GlossaryListArgs = z
  .object({ documentId: Id.optional(), projectId: Id.optional() })
  .strict()
  .refine((a) => a.documentId !== undefined || a.projectId !== undefined, { message: "give documentId (its entries and its project's) or projectId" });

export const GlossaryEntryInput = z
  .object({
    /** present: update that entry (its scope may change); absent: create one */
    id: Id.optional(),
    documentId: Id.optional(),
    projectId: Id.optional(),
    term: Term,
    variants: z.array(Term).max(MAX_VARIANTS, `at most ${MAX_VARIANTS} variants per entry`).optional(),
    type: GlossaryType.optional(),
    note: z.string().max(MAX_NOTE_LENGTH).optional(),
    english: z.string().max(MAX_ENGLISH_LENGTH).optional(),
    /** updating (id): the entry's version as last read; refused ('edit-conflict', with base/theirs/mine) when it was changed since */
    version: z.number().int().positive().optional(),
    /** updating: the older compare of the updatedAt stamp as last read, kept for scripts */
    ifUpdatedAt: z.string().max(40).optional(),
  })
  .strict()
  .refine(oneScope, ONE_SCOPE);

export const GlossaryFileFormat = z.enum(['csv', 'tbx']);

export const GlossaryImportArgs = z
  .object({
    documentId: Id.optional(),
    projectId: Id.optional(),
    fileName: z.string().max(500),
    data: z.string().max(Math.ceil((MAX_GLOSSARY_FILE_BYTES * 4) / 3) + 4, 'the glossary file is too large (5 MB at most)').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
  })
  .strict()
  .refine(oneScope, ONE_SCOPE);

export const GlossaryExportArgs = z
  .object({ documentId: Id.optional(), projectId: Id.optional(), format: GlossaryFileFormat })
  .strict()
  .refine(oneScope, ONE_SCOPE);

export const GlossaryDiffPart = z.object({ op: z.enum(['equal', 'insert', 'delete']), text: z.string() });

export const GlossaryReplacement = z.object({ from: z.string(), to: z.string(), count: z.number().int() });

/** One segment that applying the glossary would change. */
export const GlossaryChange = z.object({
  documentId: Id,
  documentTitle: z.string(),
  segmentId: Id,
  index: z.number().int(),
  before: z.string(),
  after: z.string(),
  /** character diff of before → after (shared/text/diff.ts charDiff) */
  parts: z.array(GlossaryDiffPart),
  status: SegmentStatus,
  statusAfter: SegmentStatus,
  replacements: z.array(GlossaryReplacement),
});

export const GlossaryPreview = z.object({
  changes: z.array(GlossaryChange),
  /** number of segments / documents that would change */
  segments: z.number().int(),
  documents: z.number().int(),
  /** total number of replaced occurrences */
  replacements: z.number().int(),
  /** approved segments that would go back to 'edited' */
  approvedReset: z.number().int(),
  /** the newest revision id when the preview was built: send it with applyGlossary */
  snapshot: z.number().int(),
});

export const GlossarySaveResult = z.object({
  entry: GlossaryEntry,
  /** segments whose Simplified/Traditional rendering changed because of the entry */
  rerendered: z.number().int(),
});
export const GlossaryDeleteResult = z.object({ deleted: Id, rerendered: z.number().int() });
export const GlossaryImportResult = z.object({
  added: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  rerendered: z.number().int(),
});

export type GlossaryTypeT = z.infer<typeof GlossaryType>;
export type GlossaryScopeKindT = z.infer<typeof GlossaryScopeKind>;
export type GlossaryEntry = z.infer<typeof GlossaryEntry>;
export type GlossaryEntryInput = z.infer<typeof GlossaryEntryInput>;
export type GlossaryFileFormat = z.infer<typeof GlossaryFileFormat>;
export type GlossaryChange = z.infer<typeof GlossaryChange>;
export type GlossaryPreview = z.infer<typeof GlossaryPreview>;
export type GlossaryReplacement = z.infer<typeof GlossaryReplacement>;
export type GlossarySaveResult = z.infer<typeof GlossarySaveResult>;
export type GlossaryImportResult = z.infer<typeof GlossaryImportResult>;

/** The content of an entry, without identity or scope: what files carry. */
export interface GlossaryFields {
  term: string;
  variants: string[];
  type: GlossaryTypeT;
  note: string;
  english: string;
}

/** An entry read from a file, with where it was (for error messages). */
export interface ParsedGlossaryEntry {
  fields: GlossaryFields;
  /** e.g. "CSV line 4" or "TBX <conceptEntry> at line 12", as message data (shared/error-messages.ts) */
  where: ErrorMessageRef;
}
