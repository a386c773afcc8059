/**
 * Versions per field and the conflict a stale write meets (issue 16). A field's version is
 * the id of its last revision (null: never revised since import). A write names the version
 * it was based on; the service compares inside its write transaction and, when someone else
 * changed the field since, refuses with an 'edit-conflict' error whose details are below:
 * what the writer saw (base), what is stored now (theirs) and what it tried to write (mine).
 * Pure (runs in the browser too).
 */
import { z } from 'zod';

/** A field version: the id of the field's last revision, or null when it has none. */
export const FieldVersion = z.number().int().nonnegative().nullable();

/** A bulk preview's snapshot (the newest revision id then), sent back with the bulk write; optional for scripts. */
export const Snapshot = z.number().int().nonnegative().optional();

/** The versions of a segment's own fields, as the client last read them. */
export const SegmentVersions = z.object({
  text: FieldVersion,
  status: FieldVersion,
  furniture: FieldVersion,
  en: FieldVersion,
  enStatus: FieldVersion,
});

export const VersionedField = z.enum(['text', 'status', 'furniture', 'en', 'enStatus']);

/** One refused field. */
export const EditConflict = z.object({
  segmentId: z.number().int(),
  /** the segment's row number (1-based) as shown, when it is live */
  row: z.number().int().nullable(),
  field: VersionedField,
  /** the value the writer's version stood for */
  base: z.string().nullable(),
  /** the value stored now, and the version, author and time of the revision that wrote it */
  theirs: z.string().nullable(),
  theirsVersion: FieldVersion,
  theirsAuthor: z.string().nullable(),
  theirsAt: z.string().nullable(),
  /** what the refused write would have stored */
  mine: z.string().nullable(),
});

/** The details of an 'edit-conflict' error: the first conflict's fields at the top (one-field writes), every one in `conflicts`. */
export const EditConflictDetails = EditConflict.extend({ conflicts: z.array(EditConflict).min(1) });

export type FieldVersionT = z.infer<typeof FieldVersion>;
export type SegmentVersions = z.infer<typeof SegmentVersions>;
export type VersionedField = z.infer<typeof VersionedField>;
export type EditConflict = z.infer<typeof EditConflict>;
export type EditConflictDetails = z.infer<typeof EditConflictDetails>;

/** The versions of a segment nothing has revised. */
export const NO_VERSIONS: SegmentVersions = Object.freeze({ text: null, status: null, furniture: null, en: null, enStatus: null });

/** The details of an edit-conflict error, when `e` is one (client side: the transports carry details through). */
export function editConflictOf(e: unknown): EditConflictDetails | null {
  const err = e as { code?: unknown; details?: unknown } | null;
  if (!err || err.code !== 'edit-conflict') return null;
  const r = EditConflictDetails.safeParse(err.details);
  return r.success ? r.data : null;
}

/** One line naming what changed, by whom: the message of the error. */
export function describeConflicts(conflicts: readonly EditConflict[]): string {
  const first = conflicts[0];
  const where = first.row !== null ? `row ${first.row}` : `segment ${first.segmentId}`;
  const who = first.theirsAuthor ? ` by ${first.theirsAuthor}` : '';
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  return `The ${FIELD_NAMES[first.field]} of ${where} was changed${who} since you read it${more}; nothing was saved. Reload it, or choose which version to keep.`;
}

const FIELD_NAMES: Record<VersionedField, string> = { text: 'text', status: 'status', furniture: 'furniture mark', en: 'English', enStatus: 'English status' };
