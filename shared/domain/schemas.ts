/**
 * Domain records, declared once as zod schemas; TypeScript types are inferred from them.
 * Everything that crosses a process boundary (IPC, HTTP, CLI JSON) is one of these.
 */
import { z } from 'zod';
import { STANDARD_FORMS, TEXT_ENCODINGS } from './values';
import { EXPORT_FORMATS } from '../export/formats';

export const Id = z.number().int().positive();
export const Script = z.enum(['hant', 'hans']);
/** The Traditional standard of a document (or of its Traditional rendering): OpenCC's t, Taiwan, Hong Kong. */
export const Variant = z.enum(['t', 'tw', 'hk']);
export const TextEncodingName = z.enum(TEXT_ENCODINGS);
export const SegmentStatus = z.enum(['unreviewed', 'edited', 'approved']);
export const FurnitureKind = z.enum(['share', 'byline', 'disclaimer', 'translation-note', 'comment-prompt', 'duplicate', 'manual']);
/** ISO 8601 date, or a month-day without a year (`--03-28`), as the sample's byline gives. */
export const DocDate = z.string().regex(/^(\d{4}-\d{2}-\d{2}|--\d{2}-\d{2}|\d{4}-\d{2}|\d{4})$/, 'a date as YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD');

export const OffsetChunk = z.object({ s: z.number().int(), sl: z.number().int(), d: z.number().int(), dl: z.number().int() });
export const OffsetMapSchema = z.array(OffsetChunk).nullable();

export const Project = z.object({
  id: Id,
  name: z.string(),
  createdAt: z.string(),
  documentCount: z.number().int(),
});

export const Progress = z.object({
  total: z.number().int(),
  unreviewed: z.number().int(),
  edited: z.number().int(),
  approved: z.number().int(),
  furniture: z.number().int(),
});

export const DocumentMeta = z.object({
  id: Id,
  projectId: Id,
  projectName: z.string(),
  title: z.string(),
  source: z.string().nullable(),
  date: DocDate.nullable(),
  dateText: z.string().nullable(),
  script: Script,
  variant: Variant,
  encoding: TextEncodingName,
  fileName: z.string().nullable(),
  byteSize: z.number().int(),
  importedAt: z.string(),
  trashedAt: z.string().nullable(),
  progress: Progress,
});

// ---- versions per field and the conflict a stale write meets (issue 16) ----------------------
// A field's version is the id of its last revision (null: never revised). A write names the
// version it was based on; the service compares inside its write transaction and refuses a
// stale one with an 'edit-conflict' error whose details are EditConflictDetails: what the
// writer saw (base), what is stored now (theirs) and what it tried to write (mine).
// Zod-free helpers for clients: shared/contract/conflict.ts.

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
  /** 'value': refused by an expected-value compare (`ifText`, the CLI's --if-text): the field no longer holds `base` */
  compare: z.enum(['version', 'value']).optional(),
});

/** The details of an 'edit-conflict' error: the first conflict's fields at the top (one-field writes), every one in `conflicts`. */
export const EditConflictDetails = EditConflict.extend({ conflicts: z.array(EditConflict).min(1) });

// Annotations, claims and glossary entries have no per-field revisions: one integer version per
// record (migration 012), and the fields as they were at each older version, so a stale write
// to one of them is refused with the same three sides, field by field.

/** A record's version: bumped whenever a field a reviewer edits changes. */
export const RecordVersion = z.number().int().positive();
export const RecordKind = z.enum(['annotation', 'claim', 'glossary']);

/** One field of a refused record write. Values are strings (a claim's evidence as JSON, a glossary entry's variants joined by ", "; null: empty/unknown). */
export const RecordFieldConflict = z.object({
  field: z.string(),
  /** the value at the version the writer read (null also when that version is not known: an `ifUpdatedAt` write) */
  base: z.string().nullable(),
  theirs: z.string().nullable(),
  mine: z.string().nullable(),
  /** someone else changed this field since, to something other than mine */
  conflicting: z.boolean(),
});

/** The details of an 'edit-conflict' error of a record write: every field the write would set. */
export const RecordConflictDetails = z.object({
  record: RecordKind,
  id: z.number().int(),
  /** where it sits: annotations and claims on a segment (row as shown when live); glossary entries nowhere */
  segmentId: z.number().int().nullable(),
  row: z.number().int().nullable(),
  documentId: z.number().int().nullable(),
  /** the version the writer read (null: it sent `ifUpdatedAt`), the version stored now, who and when (when known) */
  baseVersion: RecordVersion.nullable(),
  theirsVersion: RecordVersion,
  theirsAuthor: z.string().nullable(),
  theirsAt: z.string().nullable(),
  fields: z.array(RecordFieldConflict).min(1),
  /** glossary entries: the scope the refused save gave the entry (a resolution saves it there) */
  scope: z.object({ documentId: z.number().int().optional(), projectId: z.number().int().optional() }).optional(),
  /** a refused deletion (deleteClaim with a version): `fields` are those changed since it was read, mine = what the deleter saw */
  action: z.literal('delete').optional(),
});

export const Segment = z.object({
  id: Id,
  documentId: Id,
  /** 0-based order in the document as shown */
  index: z.number().int(),
  paragraph: z.number().int(),
  machineText: z.string(),
  text: z.string(),
  /** separator after this segment (whitespace, line breaks) */
  sep: z.string(),
  /** offsets of the machine text in the decoded original */
  start: z.number().int(),
  end: z.number().int(),
  rendering: z.string(),
  renderingMap: OffsetMapSchema,
  status: SegmentStatus,
  furniture: FurnitureKind.nullable(),
  speaker: z.string().nullable(),
  turn: z.number().int().nullable(),
  updatedAt: z.string(),
  /** parallel texts (migration 007; absent when the document has none): the original source aligned to this segment */
  source: z.string().nullable().optional(),
  /** the English rendering aligned to this segment: current text, the text aligned at attach time (diff base), its own status */
  english: z.object({ text: z.string(), aligned: z.string(), status: SegmentStatus }).nullable().optional(),
  /** each field's version (its last revision id) as of this read; writes send them back (shared/domain/schemas.ts, shared/contract/conflict.ts) */
  versions: SegmentVersions.optional(),
});

/** 'source', 'en', 'en-status': the parallel columns (core/parallel.ts); alignment fixes are 'source'/'en' revisions too. */
export const RevisionField = z.enum(['zh', 'status', 'furniture', 'structure', 'finding', 'source', 'en', 'en-status', 'claim', 'claim-candidate']);
export const Revision = z.object({
  id: Id,
  operationId: Id,
  segmentId: Id,
  field: RevisionField,
  before: z.string().nullable(),
  after: z.string().nullable(),
  author: z.string(),
  createdAt: z.string(),
  reason: z.string(),
});

export const OperationKind = z.enum(['edit', 'status', 'furniture', 'split', 'merge', 'undo', 'redo', 'replace', 'glossary', 'fix', 'dismiss', 'align', 'claim']);
export const Operation = z.object({
  id: Id,
  projectId: Id,
  kind: OperationKind,
  author: z.string(),
  createdAt: z.string(),
  label: z.string(),
  state: z.enum(['done', 'undone', 'dead']),
});

/** An operation label as key + params (shared/operation-labels.ts), for the UI to word in its language. */
export const OperationLabelParams = z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())]));
const OperationLabelCore = z.object({ key: z.string(), params: OperationLabelParams });
export const OperationLabelRef = OperationLabelCore.extend({
  /** undo/redo: the target operation's label */
  of: OperationLabelCore.optional(),
});

export const UndoState = z.object({
  canUndo: z.boolean(),
  canRedo: z.boolean(),
  /** English labels (the CLI shows these; the UI falls back to them) */
  undoLabel: z.string().nullable(),
  redoLabel: z.string().nullable(),
  /** the same labels as key + params; null for operations stored before migration 009 */
  undoLabelKey: OperationLabelRef.nullable().optional(),
  redoLabelKey: OperationLabelRef.nullable().optional(),
});

export const ChangeResult = z.object({
  operationId: Id.nullable(),
  segments: z.array(Segment),
  /** segment ids that no longer exist in the document's current view (split/merge) */
  removedSegmentIds: z.array(Id),
  undo: UndoState,
});

export const SearchHit = z.object({
  documentId: Id,
  documentTitle: z.string(),
  projectId: Id,
  segmentId: Id,
  index: z.number().int(),
  text: z.string(),
  /** where the query matched in `text` (the current Traditional text), when it matched there */
  matchStart: z.number().int().nullable(),
  matchEnd: z.number().int().nullable(),
  matchedIn: z.enum(['text', 'rendering']),
});

export const ImportResult = z.object({
  documentId: Id,
  segments: z.number().int(),
  encoding: TextEncodingName,
  /** whether the encoding was detected (false: chosen with --encoding / the import dialog) */
  encodingDetected: z.boolean(),
  /** how sure detection is: certain (a BOM, or chosen), high, low (a guess: check the text) */
  encodingConfidence: z.enum(['certain', 'high', 'low']),
  script: Script,
  variant: Variant,
});

export const EncodingGuess = z.object({
  encoding: TextEncodingName,
  bom: z.boolean(),
  confidence: z.enum(['certain', 'high', 'low']),
  candidates: z.array(z.object({ encoding: TextEncodingName, score: z.number() })),
});

export const ImportPreview = z.object({
  guess: EncodingGuess,
  encoding: TextEncodingName,
  preview: z.string(),
  script: Script,
  variant: Variant,
  segments: z.number().int(),
  title: z.string().nullable(),
  byteSize: z.number().int(),
});

/** A span anchored to a segment by position and quote (annotations, claims): re-anchored on every text change. */
export const AnchoredSpan = z.object({
  segmentId: Id,
  start: z.number().int(),
  end: z.number().int(),
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
  orphaned: z.boolean(),
});

export const Annotation = AnchoredSpan.extend({
  id: Id,
  kind: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** the record's version (migration 012): bumped by every change of the fields a reviewer edits; writes send it back (issue 16) */
  version: z.number().int().positive(),
  /** review workflow (migration 004): label (tag), author, thread state, explicit deletion */
  labelId: Id.nullable(),
  author: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  deletedAt: z.string().nullable(),
  deletedBy: z.string().nullable(),
  replies: z.array(z.object({ id: Id, annotationId: Id, author: z.string(), body: z.string(), createdAt: z.string() })),
});

export const Settings = z.object({
  author: z.string().min(1).max(200),
  locale: z.enum(['en', 'zh-Hant']),
});

/**
 * A project's settings (migration 015): the house style for the standard forms writers write both
 * ways (shared/checks/house-style.ts). `version` 0: never set; every change adds one.
 */
export const StandardFormsValue = z.enum(STANDARD_FORMS, { error: `standard forms must be one of ${STANDARD_FORMS.join(', ')}` });
export const ProjectSettings = z.object({
  projectId: Id,
  standardForms: StandardFormsValue,
  version: z.number().int().nonnegative(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type ProjectSettings = z.infer<typeof ProjectSettings>;
/** The settings after a change, and the documents whose checks it re-ran (those checked before). */
export const ProjectSettingsResult = ProjectSettings.extend({ rechecked: z.array(Id) });
export type ProjectSettingsResult = z.infer<typeof ProjectSettingsResult>;

/** The export formats (shared/export/formats.ts: the list and what each format reads). */
export const ExportFormat = z.enum(EXPORT_FORMATS);
export type ExportFormatT = z.infer<typeof ExportFormat>;
/** `content` is text (encoding absent or 'utf8') or, for binary formats (DOCX), base64 (encoding 'base64'). */
export const ExportResult = z.object({ fileName: z.string(), mime: z.string(), content: z.string(), encoding: z.enum(['utf8', 'base64']).optional() });

export const AppInfo = z.object({
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  author: z.string(),
  sampleProjectId: Id.nullable(),
});

export type Project = z.infer<typeof Project>;
export type Progress = z.infer<typeof Progress>;
export type DocumentMeta = z.infer<typeof DocumentMeta>;
export type Segment = z.infer<typeof Segment>;
export type Revision = z.infer<typeof Revision>;
export type RevisionField = z.infer<typeof RevisionField>;
export type Operation = z.infer<typeof Operation>;
export type OperationKind = z.infer<typeof OperationKind>;
export type UndoState = z.infer<typeof UndoState>;
export type OperationLabelRef = z.infer<typeof OperationLabelRef>;
export type OperationLabelParams = z.infer<typeof OperationLabelParams>;
export type ChangeResult = z.infer<typeof ChangeResult>;
export type SearchHit = z.infer<typeof SearchHit>;
export type ImportResult = z.infer<typeof ImportResult>;
export type ImportPreview = z.infer<typeof ImportPreview>;
export type Annotation = z.infer<typeof Annotation>;
export type Settings = z.infer<typeof Settings>;
export type SegmentStatus = z.infer<typeof SegmentStatus>;
export type FurnitureKindT = z.infer<typeof FurnitureKind>;
export type ScriptT = z.infer<typeof Script>;
export type VariantT = z.infer<typeof Variant>;
export type ExportResult = z.infer<typeof ExportResult>;
export type AppInfo = z.infer<typeof AppInfo>;

// ---- findings (checks) ------------------------------------------------------------------

export const Severity = z.enum(['error', 'warning', 'info']);
type FindingMessageDataT = { key: string; params: Record<string, string | number | FindingMessageDataT[]> };
/** A finding message as key + params; a parameter may be a list of nested messages. */
export const FindingMessageData: z.ZodType<FindingMessageDataT> = z.lazy(() =>
  z.object({ key: z.string(), params: z.record(z.string(), z.union([z.string(), z.number(), z.array(FindingMessageData)])) }),
);
export const FixSchema = z.object({ start: z.number().int(), end: z.number().int(), replacement: z.string() });
export const FindingLocation = z.object({
  findingId: Id,
  documentId: Id,
  segmentId: Id,
  segmentIndex: z.number().int(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  fixes: z.array(FixSchema),
  /** a few characters either side of the quote in the current text (tells two equal quotes apart) */
  before: z.string().optional(),
  after: z.string().optional(),
});
/** A finding as the app shows it: the primary location plus the other locations of its group. */
export const StoredFinding = FindingLocation.extend({
  id: Id,
  rule: z.string(),
  severity: Severity,
  message: z.string(),
  /** the message as key + params (shared/finding-messages.ts), for the UI language; null on findings stored before it existed */
  messageData: FindingMessageData.nullable(),
  group: z.string().nullable(),
  scope: z.enum(['segment', 'document', 'project']),
  related: z.array(FindingLocation),
  dismissedReason: z.string().nullable(),
  dismissedAt: z.string().nullable(),
  /**
   * The other stored findings shown in this card: a project check's finding and the document's own
   * of the same rule at the same place are one card with every reason (shared/checks/merge.ts
   * `mergeStoredCards`); dismissing the card dismisses each of them.
   */
  mergedIds: z.array(Id).optional(),
});
export const FindingsReport = z.object({
  findings: z.array(StoredFinding),
  counts: z.object({
    byRule: z.record(z.string(), z.number().int()),
    bySeverity: z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int() }),
    dismissed: z.number().int(),
  }),
  ms: z.number(),
  /** the newest revision id when these findings were read: fix all sends it back, and is refused where a segment changed since */
  snapshot: Snapshot,
  /** the project's last project check (null: never run), and whether texts changed since: its results are then out of date */
  projectCheck: z.object({ at: z.string(), stale: z.boolean() }).nullable().optional(),
});
export const RuleInfo = z.object({ id: z.string(), title: z.string(), scope: z.enum(['segment', 'document', 'project']), description: z.string() });

export type StoredFinding = z.infer<typeof StoredFinding>;
export type FindingsReport = z.infer<typeof FindingsReport>;
export type ProjectCheckState = NonNullable<FindingsReport['projectCheck']>;
export type FieldVersionT = z.infer<typeof FieldVersion>;
export type SegmentVersionsT = z.infer<typeof SegmentVersions>;
export type VersionedField = z.infer<typeof VersionedField>;
export type EditConflict = z.infer<typeof EditConflict>;
export type EditConflictDetails = z.infer<typeof EditConflictDetails>;
export type RecordKind = z.infer<typeof RecordKind>;
export type RecordFieldConflict = z.infer<typeof RecordFieldConflict>;
export type RecordConflictDetails = z.infer<typeof RecordConflictDetails>;
