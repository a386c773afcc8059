/**
 * What a client needs to handle a refused stale write (issue 16) without zod: the schemas are
 * in shared/domain/schemas.ts (FieldVersion, SegmentVersions, EditConflict…); this module reads
 * an 'edit-conflict' error's details off any transport's error and words its one line.
 */
import type { EditConflict, EditConflictDetails, RecordConflictDetails, SegmentVersionsT, VersionedField } from '../domain/schemas';
import { em, errPart, type ErrorMessageParam, type ErrorMessageParams, type ErrorMessageRef, type KeyedMessage } from '../error-messages';

/** The versions of a segment nothing has revised. */
export const NO_VERSIONS: SegmentVersionsT = Object.freeze({ text: null, status: null, furniture: null, en: null, enStatus: null });

const isConflict = (x: unknown): x is EditConflict => {
  const c = x as Partial<EditConflict> | null;
  return !!c && typeof c.segmentId === 'number' && typeof c.field === 'string' && 'theirs' in c && 'mine' in c && 'base' in c;
};

/** The details of an edit-conflict error, when `e` is one (the transports carry details through). */
export function editConflictOf(e: unknown): EditConflictDetails | null {
  const err = e as { code?: unknown; details?: unknown } | null;
  if (!err || err.code !== 'edit-conflict') return null;
  const d = err.details as Partial<EditConflictDetails> | undefined;
  const all: unknown = d?.conflicts;
  return isConflict(d) && Array.isArray(all) && all.length > 0 && all.every(isConflict) ? (d as EditConflictDetails) : null;
}

const RECORD_KINDS = new Set(['annotation', 'claim', 'glossary']);

/** The details of an edit-conflict error of an annotation, claim or glossary entry write (record versions, migration 012). */
export function recordConflictOf(e: unknown): RecordConflictDetails | null {
  const err = e as { code?: unknown; details?: unknown } | null;
  if (!err || err.code !== 'edit-conflict') return null;
  const d = err.details as Partial<RecordConflictDetails> | undefined;
  if (!d || !RECORD_KINDS.has(d.record as string) || typeof d.id !== 'number' || typeof d.theirsVersion !== 'number' || !Array.isArray(d.fields) || !d.fields.length) return null;
  const ok = d.fields.every((f: unknown) => {
    const x = f as Partial<RecordConflictDetails['fields'][number]> | null;
    return !!x && typeof x.field === 'string' && 'base' in x && 'theirs' in x && 'mine' in x && typeof x.conflicting === 'boolean';
  });
  return ok ? (d as RecordConflictDetails) : null;
}

const FIELD_NAMES: Record<VersionedField, string> = { text: 'text', status: 'status', furniture: 'furniture mark', en: 'English', enStatus: 'English status' };

/** A value in a one-line message: quoted, shortened past 40 characters, line breaks shown as ⏎. */
function quoted(v: string | null): string {
  if (v === null) return 'empty';
  const flat = v.replace(/\r?\n/g, '⏎');
  return `"${flat.length > 40 ? `${flat.slice(0, 39)}…` : flat}"`;
}

/** Where a conflict is, as message data: "the text of row 3" (a retired segment: by its id). */
export function conflictPlace(field: string, row: number | null, segmentId: number): ErrorMessageRef {
  const name = field in FIELD_NAMES || field === 'structure' ? errPart(`field.${field as VersionedField | 'structure'}`) : errPart('field.other', { name: field });
  return row !== null ? errPart('place.row', { field: [name], row }) : errPart('place.segment', { field: [name], id: segmentId });
}

/** The error's message: `describeConflicts`' line with its key and parameters (shared/error-messages.ts). */
export function conflictMessage(conflicts: readonly EditConflict[]): KeyedMessage {
  const first = conflicts[0];
  const place = [conflictPlace(first.field, first.row, first.segmentId)];
  const more = conflicts.length > 1 ? [errPart('conflict.more', { count: conflicts.length - 1 })] : [];
  const by: ErrorMessageParams = first.theirsAuthor ? { author: first.theirsAuthor } : {};
  const english = describeConflicts(conflicts);
  if (first.compare === 'value') {
    const value = (v: string | null): ErrorMessageParam => (v === null ? [errPart('conflict.empty')] : quoted(v));
    return em(first.theirsAuthor ? 'edit-conflict.value.by' : 'edit-conflict.value', { place, expected: value(first.base), actual: value(first.theirs), more, ...by }, english);
  }
  return em(first.theirsAuthor ? 'edit-conflict.segment.by' : 'edit-conflict.segment', { place, more, ...by }, english);
}

/** One line naming what changed, by whom: the message of the error. */
export function describeConflicts(conflicts: readonly EditConflict[]): string {
  const first = conflicts[0];
  const where = first.row !== null ? `row ${first.row}` : `segment ${first.segmentId}`;
  const who = first.theirsAuthor ? ` by ${first.theirsAuthor}` : '';
  const more = conflicts.length > 1 ? ` (and ${conflicts.length - 1} more)` : '';
  if (first.compare === 'value') {
    // an expected-value compare (--if-text OLD): say the field is not OLD, not that a version moved
    return `The ${FIELD_NAMES[first.field]} of ${where} is not ${quoted(first.base)} (it is ${quoted(first.theirs)}${who ? `, changed${who}` : ''})${more}; nothing was saved.`;
  }
  return `The ${FIELD_NAMES[first.field]} of ${where} was changed${who} since you read it${more}; nothing was saved. Reload it, or choose which version to keep.`;
}

/**
 * A glossary entry's scope as one field of a record conflict ("document:5", "project:2"): written by
 * core/glossary.ts, read back by the conflict view's resolution (renderer/src/state/conflict.ts).
 */
export function glossaryScopeValue(scope: { kind: 'document' | 'project'; id: number }): string {
  return `${scope.kind}:${scope.id}`;
}

/** A glossary scope value back as save arguments (null: not one). */
export function parseGlossaryScopeValue(value: string | null): { documentId: number } | { projectId: number } | null {
  const m = /^(document|project):(\d+)$/.exec(value ?? '');
  if (!m) return null;
  return m[1] === 'document' ? { documentId: Number(m[2]) } : { projectId: Number(m[2]) };
}
