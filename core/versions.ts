/**
 * Versions per field (issue 16): what the client reads with every segment, and the check a
 * write makes against them INSIDE its IMMEDIATE transaction (call these only from an
 * operation body or `tx`), so a write based on an old read is refused with an
 * 'edit-conflict' error carrying base, theirs and mine (shared/domain/schemas.ts, shared/contract/conflict.ts) instead
 * of silently overwriting someone else's save. Fields are independent: an approval checks the
 * status's version only, so a concurrent English edit does not conflict with it.
 */
import type { SegmentRow, Store } from './store';
import type { RevisionField, Segment } from '../shared/domain/schemas';
import type { EditConflict, FieldVersionT, RecordConflictDetails, RecordFieldConflict, RecordKind, SegmentVersionsT as SegmentVersions, VersionedField } from '../shared/domain/schemas';
import { conflictMessage, NO_VERSIONS } from '../shared/contract/conflict';
import { JiaoduiError } from '../shared/errors';
import { em, errPart } from '../shared/error-messages';
import type { ReviewHost } from './review-host';

/** The revision field behind each versioned field. */
export const REVISION_FIELD: Record<VersionedField, RevisionField> = { text: 'zh', status: 'status', furniture: 'furniture', en: 'en', enStatus: 'en-status' };
const VERSIONED: Partial<Record<RevisionField, VersionedField>> = Object.fromEntries(Object.entries(REVISION_FIELD).map(([k, v]) => [v, k]));

export function versionedField(field: RevisionField): VersionedField | undefined {
  return VERSIONED[field];
}

function versionsFrom(rows: readonly { segmentId: number; field: RevisionField; id: number }[]): Map<number, SegmentVersions> {
  const out = new Map<number, SegmentVersions>();
  for (const r of rows) {
    const f = VERSIONED[r.field];
    if (!f) continue;
    out.set(r.segmentId, { ...(out.get(r.segmentId) ?? NO_VERSIONS), [f]: r.id });
  }
  return out;
}

/** Add each segment's field versions (one query per document for long lists, per segment for short ones). */
export function withVersions(store: Store, segments: Segment[]): Segment[] {
  if (!segments.length) return segments;
  const byId = new Map<number, SegmentVersions>();
  const docs = new Set(segments.map((s) => s.documentId));
  if (segments.length > 50) {
    for (const d of docs) for (const [id, v] of versionsFrom(store.latestRevisionIdsOfDocument(d))) byId.set(id, v);
  } else {
    for (const s of segments) for (const [id, v] of versionsFrom(store.latestRevisionIdsOfSegment(s.id))) byId.set(id, v);
  }
  return segments.map((s) => ({ ...s, versions: byId.get(s.id) ?? NO_VERSIONS }));
}

/** The value a versioned field of a segment holds now. */
export function currentValue(store: Store, seg: SegmentRow, field: VersionedField): string | null {
  switch (field) {
    case 'text':
      return seg.text;
    case 'status':
      return seg.status;
    case 'furniture':
      return seg.furniture;
    case 'en':
      return store.segmentParallelText(seg.id, 'english')?.text ?? '';
    case 'enStatus':
      return store.segmentParallelText(seg.id, 'english')?.status ?? 'unreviewed';
  }
}

/** What a write expects of one field: the version it read, and/or the value it read (`--if-text`). */
export interface Expectation {
  field: VersionedField;
  /** the field's version as the writer read it; undefined: not checked (older scripts) */
  version?: FieldVersionT;
  /** the field's value as the writer read it (an expected-value compare); undefined: not checked */
  value?: string | null;
  /** what the write would store */
  mine: string | null;
}

/** The value a version stood for: its revision's `after`; for null, the value before the field's first revision (or the current one). */
function valueAt(store: Store, seg: SegmentRow, field: VersionedField, version: FieldVersionT, current: string | null): string | null {
  const rf = REVISION_FIELD[field];
  if (version === null) {
    const first = store.firstRevision(seg.id, rf);
    return first ? first.before : current;
  }
  const rev = store.revision(version);
  return rev && rev.segmentId === seg.id && rev.field === rf ? rev.after : null;
}

/**
 * The fields of `seg` whose stored value moved on since the writer read them. A field is not in
 * conflict when the stored value already is what the write wants, or is still what the writer saw
 * (changed and changed back): nothing anyone wrote would be lost.
 */
export function staleFields(store: Store, seg: SegmentRow, expectations: readonly Expectation[]): EditConflict[] {
  const out: EditConflict[] = [];
  for (const e of expectations) {
    if (e.version === undefined && e.value === undefined) continue;
    const theirs = currentValue(store, seg, e.field);
    if (theirs === e.mine) continue;
    const latest = store.latestRevision(seg.id, REVISION_FIELD[e.field]);
    const stored = latest?.id ?? null;
    const versionMoved = e.version !== undefined && e.version !== stored;
    const valueMoved = e.value !== undefined && e.value !== theirs;
    if (!versionMoved && !valueMoved) continue;
    const base = e.value !== undefined ? e.value : valueAt(store, seg, e.field, e.version ?? null, theirs);
    if (base === theirs) continue;
    out.push({
      segmentId: seg.id,
      row: seg.retired ? null : seg.index + 1,
      field: e.field,
      base,
      theirs,
      theirsVersion: stored,
      theirsAuthor: latest?.author ?? null,
      theirsAt: latest?.createdAt ?? null,
      mine: e.mine,
      ...(valueMoved ? { compare: 'value' as const } : {}),
    });
  }
  return out;
}

/** The typed error of a stale write: one line naming what changed and by whom, details with every conflict. */
export function editConflictError(conflicts: readonly EditConflict[]): JiaoduiError {
  return new JiaoduiError('edit-conflict', conflictMessage(conflicts), { ...conflicts[0], conflicts: [...conflicts] });
}

/** Refuse the write (inside its transaction) when any expectation is stale. */
export function requireFresh(store: Store, seg: SegmentRow, expectations: readonly Expectation[]): void {
  const conflicts = staleFields(store, seg, expectations);
  if (conflicts.length) throw editConflictError(conflicts);
}

/**
 * Inside the write transaction: read the segment again (the read outside only chose the
 * project and the label), so the revision's "before" is what is stored at commit time.
 */
export function rereadLiveSegment(host: ReviewHost, seen: SegmentRow): SegmentRow {
  const seg = host.requireLiveSegment(seen.id);
  if (seg.projectId !== seen.projectId) throw new JiaoduiError('conflict', em('conflict.segment-moved', { id: seen.id }));
  return seg;
}

/** The i-th version of a per-segment list (setStatus's `versions` runs parallel to its `segmentIds`). */
export function versionAt(versions: readonly FieldVersionT[] | undefined, i: number, count: number): FieldVersionT | undefined {
  if (!versions) return undefined;
  if (versions.length !== count) throw new JiaoduiError('invalid-input', em('versions.count', { count: versions.length, segments: count }));
  return versions[i];
}

/**
 * Bulk writes (replace all, apply glossary, fix all): the segments among `writes` whose text was
 * revised after `snapshot` (the newest revision id when the preview was built, from `snapshot()`),
 * as conflicts whose base is the text at the snapshot. Undefined snapshot: not checked (scripts).
 */
export function changedSinceSnapshot(store: Store, writes: readonly { seg: SegmentRow; mine: string | null }[], snapshot: number | undefined): EditConflict[] {
  if (snapshot === undefined) return [];
  const out: EditConflict[] = [];
  for (const { seg, mine } of writes) {
    const latest = store.latestRevision(seg.id, 'zh');
    if (!latest || latest.id <= snapshot || seg.text === mine) continue;
    const asOf = store.revisionAsOf(seg.id, 'zh', snapshot);
    const base = asOf ? asOf.after : (store.firstRevision(seg.id, 'zh')?.before ?? seg.text);
    if (base === seg.text) continue;
    out.push({ segmentId: seg.id, row: seg.retired ? null : seg.index + 1, field: 'text', base, theirs: seg.text, theirsVersion: latest.id, theirsAuthor: latest.author, theirsAt: latest.createdAt, mine });
  }
  return out;
}

/** The snapshot a bulk preview is built at: read it BEFORE the preview's reads, so anything committed meanwhile counts as newer. */
export function snapshot(store: Store): number {
  return store.maxRevisionId();
}

/** A write to an annotation, claim or glossary entry, as `requireRecordFresh` checks it. */
export interface RecordWrite {
  kind: RecordKind;
  id: number;
  /** the record as stored now: its version, stamp and the write's fields (encoded as strings like `mine`) */
  stored: { version: number; updatedAt: string; fields: Record<string, string | null> };
  /** the fields the write sets, and their new values */
  mine: Record<string, string | null>;
  /** what the writer read: the version (the app), or the older `updatedAt` stamp (scripts); neither: not checked */
  version?: number;
  ifUpdatedAt?: string;
  /** how a stored older version's raw field reads as the write's string (default: as is, numbers as text) */
  encode?: (field: string, raw: string | number | null) => string | null;
  /** fields the write compares that are made of several stored columns (a glossary entry's scope), from an older version's fields */
  derive?: (older: Record<string, string | number | null>) => Record<string, string | null>;
  segmentId: number | null;
  row: number | null;
  documentId: number | null;
  /** who wrote the stored version; a function is asked only when the write is refused */
  theirsAuthor: string | null | (() => string | null);
  scope?: RecordConflictDetails['scope'];
  /** a deletion (`mine` empty): refused when any stored field was changed since the version read; each such field's mine is its value then */
  deleting?: boolean;
}

const RECORD_NAMES: Record<RecordKind, string> = { annotation: 'annotation', claim: 'claim', glossary: 'glossary entry' };

const rawString = (_field: string, raw: string | number | null): string | null => (raw === null ? null : String(raw));

/**
 * Annotations, claims and glossary entries (migration 012): refuse, inside the write
 * transaction, a write based on an older version of the record when a field it sets was changed
 * since to something else than it writes. The base is the record's fields at the version the
 * writer read (record_versions); fields nobody else changed, or changed to the same value, are
 * no conflict. An `ifUpdatedAt` write (older scripts) finds its base by the stamp.
 */
export function requireRecordFresh(store: Store, w: RecordWrite): void {
  if (w.version === undefined && w.ifUpdatedAt === undefined) return;
  const moved = w.version !== undefined ? w.version !== w.stored.version : w.ifUpdatedAt !== w.stored.updatedAt;
  if (!moved) return;
  const read = w.version !== undefined ? (w.version < w.stored.version ? store.recordFieldsAtVersion(w.kind, w.id, w.version) : undefined) : store.recordVersionAt(w.kind, w.id, w.ifUpdatedAt!)?.fields;
  const older = read && w.derive ? { ...read, ...w.derive(read) } : read;
  const encode = w.encode ?? rawString;
  const fields: RecordFieldConflict[] = w.deleting
    ? // deleting what was read: each field someone changed since would go with it (mine: the value read)
      Object.keys(w.stored.fields).flatMap((field) => {
        const theirs = w.stored.fields[field] ?? null;
        // a field the older version does not record (kept since a later migration) is not judged; no older version at all: every field is
        if (older && !(field in older)) return [];
        const base = older ? encode(field, older[field]) : null;
        return older && theirs === base ? [] : [{ field, base, theirs, mine: base, conflicting: true }];
      })
    : Object.entries(w.mine).map(([field, mine]) => {
        const theirs = w.stored.fields[field] ?? null;
        const base = older && field in older ? encode(field, older[field]) : null;
        const known = !!older && field in older;
        return { field, base, theirs, mine, conflicting: theirs !== mine && (!known || theirs !== base) };
      });
  if (!fields.some((f) => f.conflicting)) return;
  const what = RECORD_NAMES[w.kind];
  const where = w.row !== null ? ` on row ${w.row}` : '';
  const names = fields.filter((f) => f.conflicting).map((f) => f.field).join(', ');
  const details: RecordConflictDetails = {
    record: w.kind,
    id: w.id,
    segmentId: w.segmentId,
    row: w.row,
    documentId: w.documentId,
    baseVersion: w.version ?? null,
    theirsVersion: w.stored.version,
    theirsAuthor: typeof w.theirsAuthor === 'function' ? w.theirsAuthor() : w.theirsAuthor,
    theirsAt: w.stored.updatedAt,
    fields,
    ...(w.scope ? { scope: w.scope } : {}),
    ...(w.deleting ? { action: 'delete' as const } : {}),
  };
  const who = details.theirsAuthor ? ` by ${details.theirsAuthor}` : '';
  const outcome = w.deleting ? 'nothing was deleted' : 'nothing was saved';
  const key = `edit-conflict.record${w.deleting ? '.delete' : ''}${details.theirsAuthor ? '.by' : ''}` as const;
  const message = em(
    key,
    { record: [errPart(`record.${w.kind}`)], where: w.row !== null ? [errPart('record.on-row', { row: w.row })] : [], fields: names, ...(details.theirsAuthor ? { author: details.theirsAuthor } : {}) },
    `The ${what}${where} was changed${who} since you read it (${names}); ${outcome}. Reload it, or choose which version to keep.`,
  );
  throw new JiaoduiError('edit-conflict', message, details);
}
