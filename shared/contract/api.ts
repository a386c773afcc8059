/**
 * The Jiaodui API, declared once. IPC (preload + main), the browser-mode HTTP bridge,
 * the CLI and the renderer client are all typed and validated against this table.
 */
import { z } from 'zod';
import * as S from '../domain/schemas';
import * as RD from '../domain/review';
import * as R from './review';
import * as G from '../glossary/schemas';
import * as CL from '../claims/schemas';
import * as PA from '../align/schemas';
import * as RC from './recovery';
import * as MT from '../mt/schemas';
import * as TM from './team';
import * as PB from '../bundle/schema';
import { MAX_SEGMENT_LENGTH } from '../text/limits';
import { isTimeZone, REPORT_LOCALES } from '../export/report-wording';
import { FieldVersion, Snapshot } from '../domain/schemas';

/** Versions are optional (older scripts send none); the app always sends what it last read (shared/domain/schemas.ts, shared/contract/conflict.ts). */
const Version = FieldVersion.optional();
const Versions = z.array(FieldVersion).max(100_000).optional();
import type { CallerContext } from './caller';

const NoArgs = z.object({}).strict();
const Base64 = z.string().max(20 * 1024 * 1024, 'payload too large').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
/**
 * A file's bytes: base64 from any transport (JSON, IPC), or the bytes themselves from an
 * in-process caller (the CLI), which spares encoding, checking and decoding 1.3 MB of base64
 * per MB imported. The same size limit as the base64 form.
 */
const FileBytes = z.union([Base64, z.instanceof(Uint8Array).refine((b) => b.length <= (20 * 1024 * 1024 * 3) / 4, 'payload too large')], {
  error: 'expected the file as base64 text',
});
const Text = (max: number) => z.string().max(max);
const ProjectName = z.string().trim().min(1, 'a project needs a name').max(200);

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string) {
  return { args, result, doc };
}

export const apiSchema = {
  getInfo: method(NoArgs, S.AppInfo, 'Version, database location and schema version.'),
  recoveryStatus: method(NoArgs, RC.RecoveryStatus, "Whether the app started on a damaged database ('recovery': then only the recovery methods work) and the backups that could replace it."),
  recoverDatabase: method(RC.RecoverArgs, RC.RecoveryResult, 'Recover from a damaged database: open a copy of one of the listed backups, or start with a new empty database. The damaged file is kept, renamed.'),
  getSettings: method(NoArgs, S.Settings, 'Reviewer settings.'),
  updateSettings: method(S.Settings.partial().strict(), S.Settings, 'Change reviewer settings (author name, UI language).'),

  listProjects: method(NoArgs, z.array(S.Project), 'All projects with their document counts.'),
  createProject: method(z.object({ name: ProjectName }).strict(), S.Project, 'Create a project.'),
  renameProject: method(z.object({ projectId: S.Id, name: ProjectName }).strict(), S.Project, 'Rename a project.'),
  deleteProject: method(
    z.object({ projectId: S.Id }).strict(),
    z.object({ projectId: S.Id, glossaryEntries: z.number().int().nonnegative() }),
    'Delete a project that holds no document (none in the Trash either), with its glossary and settings, for good; refused as a conflict while it holds any.',
  ),
  getProjectSettings: method(z.object({ projectId: S.Id }).strict(), S.ProjectSettings, "A project's settings: the house style for standard forms (unset, ministry, press) with its version."),
  updateProjectSettings: method(
    z.object({ projectId: S.Id, standardForms: S.StandardFormsValue, version: z.number().int().nonnegative().optional() }).strict(),
    S.ProjectSettingsResult,
    "Set a project's house style for standard forms (佔/占, 拼/拚 in Taiwan; 公佈/公布, 宣佈/宣布 in Hong Kong); refused as a conflict when `version` (what the caller read) is no longer the stored one. Re-runs the regional checks of the project's checked documents.",
  ),

  listDocuments: method(
    z.object({ projectId: S.Id.optional(), trashed: z.boolean().optional() }).strict(),
    z.array(S.DocumentMeta),
    'Documents, optionally of one project; trashed=true lists the Trash.',
  ),
  getDocument: method(z.object({ documentId: S.Id }).strict(), S.DocumentMeta, 'One document with its progress.'),
  updateDocument: method(
    z
      .object({
        documentId: S.Id,
        title: z.string().trim().min(1).max(500).optional(),
        source: z.string().max(500).nullable().optional(),
        date: S.DocDate.nullable().optional(),
        variant: S.Variant.optional(),
      })
      .strict(),
    S.DocumentMeta,
    'Edit document metadata. Changing the variant re-renders the Simplified column.',
  ),
  moveDocument: method(z.object({ documentId: S.Id, projectId: S.Id }).strict(), S.DocumentMeta, 'Move a document to another project.'),
  trashDocument: method(z.object({ documentId: S.Id }).strict(), S.DocumentMeta, 'Move a document to the Trash.'),
  restoreDocument: method(z.object({ documentId: S.Id }).strict(), S.DocumentMeta, 'Restore a document from the Trash.'),
  emptyTrash: method(NoArgs, z.object({ deleted: z.number().int() }), 'Delete every trashed document for good.'),

  previewImport: method(
    z.object({ fileName: Text(500), data: Base64, encoding: S.TextEncodingName.optional(), variant: S.Variant.optional() }).strict(),
    S.ImportPreview,
    'Detect encoding, script and variant of a file without storing anything.',
  ),
  importDocument: method(
    z
      .object({
        fileName: Text(500),
        data: FileBytes,
        encoding: S.TextEncodingName.optional(),
        variant: S.Variant.optional(),
        projectId: S.Id.optional(),
        projectName: ProjectName.optional(),
        title: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    S.ImportResult,
    'Import a text file (base64; in-process callers may pass the bytes) into a project (by id or name; default "Inbox").',
  ),

  getSegments: method(z.object({ documentId: S.Id }).strict(), z.array(S.Segment), 'Every segment of a document in order.'),
  getSegmentsById: method(
    z.object({ segmentIds: z.array(S.Id).max(10_000) }).strict(),
    z.array(S.Segment),
    'The listed segments as they are now (by document, in order); split or merged-away ones are left out. What a window fetches for a change made elsewhere.',
  ),
  editSegment: method(
    z
      .object({
        segmentId: S.Id,
        text: Text(MAX_SEGMENT_LENGTH),
        reason: Text(500).optional(),
        /** the text's version as last read (Segment.versions.text); refused with 'edit-conflict' when it changed since */
        version: Version,
        /** the text as last read (an expected-value compare: the CLI's --if-text) */
        ifText: Text(MAX_SEGMENT_LENGTH).optional(),
        /** approve the segment in the same operation (one undo step: save, approve) */
        approve: z.boolean().optional(),
        /** with `approve`: the status's version as last read (Segment.versions.status) */
        statusVersion: Version,
      })
      .strict(),
    S.ChangeResult,
    "Correct a segment: a revision in a new undoable operation. With `version` or `ifText`, refused ('edit-conflict', with base/theirs/mine) when the text changed since. With `approve`, the segment is approved in the same operation (`statusVersion`: its status's version as read).",
  ),
  setStatus: method(
    z.object({ segmentIds: z.array(S.Id).min(1).max(100_000), status: S.SegmentStatus, versions: Versions }).strict(),
    S.ChangeResult,
    "Set the review status of segments (one undoable operation). `versions`: each segment's status version as read (same order); a status changed since refuses the step ('edit-conflict').",
  ),
  setFurniture: method(
    z.object({ segmentId: S.Id, furniture: z.boolean(), version: Version }).strict(),
    S.ChangeResult,
    'Mark or unmark a segment as page furniture.',
  ),
  splitSegment: method(
    z.object({ segmentId: S.Id, at: z.number().int().positive(), version: Version }).strict(),
    S.ChangeResult,
    "Split a segment at a position of its current text (`version`: the text's version the position was read from).",
  ),
  mergeSegments: method(
    z.object({ segmentId: S.Id, version: Version, nextSegmentId: S.Id.optional(), nextVersion: Version }).strict(),
    S.ChangeResult,
    "Merge a segment with the next one (`nextSegmentId`/`nextVersion`: the next segment and its text's version as read; refused when either changed).",
  ),
  undo: method(z.object({ projectId: S.Id }).strict(), S.ChangeResult, "Undo the caller's (reviewer's) last operation in a project; refused when a field it restores has changed since."),
  redo: method(z.object({ projectId: S.Id }).strict(), S.ChangeResult, "Redo the caller's last undone operation in a project; refused when a field it restores has changed since."),
  undoState: method(z.object({ projectId: S.Id }).strict(), S.UndoState, "What the caller's undo/redo would do now."),
  segmentHistory: method(z.object({ segmentId: S.Id }).strict(), z.array(S.Revision), 'Every revision of a segment, oldest first.'),

  search: method(
    z
      .object({ query: z.string().trim().min(1, 'type something to search for').max(200), projectId: S.Id.optional(), limit: z.number().int().min(1).max(1000).optional() })
      .strict(),
    z.array(S.SearchHit),
    'Search current text and Simplified rendering across documents.',
  ),
  exportDocument: method(
    z
      .object({
        documentId: S.Id,
        format: S.ExportFormat,
        script: S.Script,
        /** show insertions/deletions against the machine text (txt, md, html; docx as tracked changes) */
        marked: z.boolean().optional(),
        /** keep page furniture (txt, md, html, docx, csv, docx-bilingual); default: left out of the reading copies (md, html, docx), kept in txt and the tables */
        includeFurniture: z.boolean().optional(),
        /** append the document's claims (verdict, evidence) as numbered notes (txt, md, html; docx as footnotes) */
        claims: z.boolean().optional(),
        /** change report: the exporting side's IANA time zone, its times are written in (with their UTC offset); default UTC */
        timeZone: z
          .string()
          .max(64)
          .refine(isTimeZone, { message: 'not a time zone this system knows (an IANA name such as Asia/Taipei or UTC)' })
          .optional(),
        /** change report: the exporting side's UI language (default en) */
        locale: z.enum(REPORT_LOCALES).optional(),
      })
      .strict(),
    S.ExportResult,
    'Export a document: transcript (txt, md, html, docx; clean or marked; optional claims notes), bilingual table (csv, docx-bilingual), change report (report-html, report-json), XLIFF 2.0 (xliff), XLIFF 1.2 (xliff12) or Web Annotations. Binary formats (docx) come back base64 (encoding "base64").',
  ),
  importXliff: method(
    z.object({ documentId: S.Id, content: Text(20 * 1024 * 1024) }).strict(),
    S.ChangeResult.extend({ changed: z.number().int(), units: z.number().int() }),
    "Apply an XLIFF 2.0 or 1.2 file's targets (version from the root element) to a document: changed targets become revisions (reason 'xliff-import') in one undoable operation; all or nothing.",
  ),
  listRules: method(NoArgs, z.array(S.RuleInfo), 'The checks Jiaodui runs, with what each looks for.'),
  runChecks: method(
    z.object({ documentId: S.Id, rules: z.array(z.string().max(50)).max(50).optional() }).strict(),
    S.FindingsReport,
    'Run the checks over a document (all rules, or the listed ones) and store the findings.',
  ),
  checkProject: method(
    z.object({ projectId: S.Id }).strict(),
    S.FindingsReport,
    'Cross-document checks of a project: one person or role written differently in two documents.',
  ),
  listFindings: method(z.object({ documentId: S.Id }).strict(), S.FindingsReport, 'Stored findings of a document, grouped, with counts.'),
  applyFix: method(
    z
      .object({
        findingId: S.Id,
        fixIndex: z.number().int().min(0).max(20).optional(),
        scope: z.enum(['one', 'group']),
        snapshot: Snapshot,
        /** a merged card's other findings (listFindings' `mergedIds`): with scope group, their groups are fixed in the same step */
        mergedIds: z.array(S.Id).max(20).optional(),
      })
      .strict(),
    S.ChangeResult,
    "Apply a finding's suggested fix to its location, or to every location of its group (one undo step); with mergedIds (scope group), a merged card's every group in that one step.",
  ),
  dismissFinding: method(
    z.object({ findingId: S.Id, reason: z.string().trim().min(1, 'say why the finding is dismissed').max(500), scope: z.enum(['one', 'group']) }).strict(),
    S.FindingsReport,
    'Dismiss a finding (or its whole group) with a reason; undoable, and not raised again until the text changes.',
  ),
  listAnnotations: method(
    z.object({ documentId: S.Id, includeDeleted: z.boolean().optional() }).strict(),
    z.array(S.Annotation),
    'Annotations of a document (with replies); deleted ones only with includeDeleted.',
  ),
  addAnnotation: method(
    z
      .object({
        segmentId: S.Id,
        start: z.number().int().min(0),
        end: z.number().int().min(0),
        kind: Text(50),
        body: Text(10_000),
        labelId: S.Id.nullable().optional(),
        /** offsets into the text (default) or into the rendering, mapped back through the offset map */
        in: z.enum(['text', 'rendering']).optional(),
      })
      .strict(),
    S.Annotation,
    'Annotate a span of a segment (a comment, or a tag with a label); it follows later edits.',
  ),
  // ---- review workflow: find/replace, repetitions, history, annotation threads (shared/contract/review.ts)
  previewReplace: method(R.FindReplaceArgs, RD.ReplacePreview, 'Every match of a find (literal or regex, optionally across scripts) in a scope, each with its replacement.'),
  replaceAll: method(R.FindReplaceArgs, RD.ReplaceResult, "Replace every match in the scope as one undoable operation (kind 'replace'); all or nothing."),
  replaceHits: method(R.ReplaceHitsArgs, RD.ReplaceResult, 'Replace the listed matches (ids from previewReplace) as one undoable operation.'),
  findRepetitions: method(R.FindRepetitionsArgs, RD.Repetitions, "Other live segments of the project with this segment's machine text whose text differs from its correction."),
  propagateEdit: method(R.PropagateEditArgs, RD.ReplaceResult, "Give repetitions this segment's text, as one undoable operation."),
  revertSegment: method(R.RevertSegmentArgs, S.ChangeResult, "Restore a segment's text as of a revision (null: the machine text); a new revision, reason 'revert'."),
  documentChangeLog: method(R.DocumentChangeLogArgs, RD.ChangeLog, 'Revisions of a document, newest first, filterable by reason and author, with change counts.'),
  updateAnnotation: method(R.UpdateAnnotationArgs, S.Annotation, "Change an annotation's text or label."),
  replyToAnnotation: method(R.ReplyArgs, S.Annotation, 'Reply to an annotation.'),
  resolveAnnotation: method(R.ResolveArgs, S.Annotation, 'Resolve or reopen an annotation.'),
  deleteAnnotation: method(R.AnnotationIdArgs, S.Annotation, 'Delete an annotation (kept as deleted; restoreAnnotation brings it back).'),
  restoreAnnotation: method(R.AnnotationIdArgs, S.Annotation, 'Restore a deleted annotation.'),
  listLabels: method(NoArgs, z.array(RD.AnnotationLabel), 'The annotation label set.'),
  createLabel: method(R.CreateLabelArgs, RD.AnnotationLabel, 'Add an annotation label (name, colour, shortcut key).'),
  updateLabel: method(R.UpdateLabelArgs, RD.AnnotationLabel, 'Change an annotation label.'),
  deleteLabel: method(R.LabelIdArgs, z.array(RD.AnnotationLabel), 'Delete a label no annotation uses.'),
  attention: method(R.AttentionArgs, RD.Attention, 'Segments of a document with an open comment or an open finding.'),
  // ---- glossary / termbase (shared/glossary/schemas.ts, core/glossary.ts)
  listGlossary: method(G.GlossaryListArgs, z.array(G.GlossaryEntry), "Glossary entries: a document's own and its project's (documentId), or a project's (projectId)."),
  saveGlossaryEntry: method(G.GlossaryEntryInput, G.GlossarySaveResult, 'Create or update (id) a glossary entry in a document or project scope; re-renders what it affects.'),
  deleteGlossaryEntry: method(z.object({ id: S.Id }).strict(), G.GlossaryDeleteResult, 'Delete a glossary entry; re-renders what it affected.'),
  previewGlossary: method(G.GlossaryScopeArgs, G.GlossaryPreview, 'Every segment applying the glossary would change, with before/after and the character diff.'),
  applyGlossary: method(G.GlossaryScopeArgs, S.ChangeResult, "Replace every forbidden variant with its term across a document or project: one undoable operation (kind 'glossary')."),
  importGlossary: method(G.GlossaryImportArgs, G.GlossaryImportResult, 'Import a CSV or TBX glossary (base64) into a document or project scope; all or nothing.'),
  exportGlossary: method(G.GlossaryExportArgs, S.ExportResult, 'Export the glossary of a document or project scope as CSV (UTF-8 with BOM) or TBX.'),
  // ---- claims for fact-checking (shared/claims/, core/claims.ts)
  listClaimCandidates: method(CL.ListClaimCandidatesArgs, z.array(CL.ClaimCandidate), 'Sentences of a document stating a checkable quantity: type, normalised quantities, claimant. Rejected candidates only with includeRejected.'),
  createClaim: method(CL.CreateClaimArgs, CL.Claim, "Make a claim from a span of a segment (or a candidate's span); it follows later edits."),
  addClaim: method(CL.AddClaimArgs, CL.Claim, 'Make a claim from any span of a segment (in its text, or its rendering with in: "rendering") or from the whole segment (no offsets); it follows later edits.'),
  updateClaim: method(
    CL.UpdateClaimArgs,
    CL.Claim,
    'Change a claim: its span (start/end in its segment), text as restated, type, claimant, date, verdict, status (new → in-progress → ready-for-review → published | discarded; publishing needs a verdict and records when), assignee, rating note, review URL, evidence, notes. Every change kept in its history; ifUpdatedAt refuses a stale write.',
  ),
  addClaimEvidence: method(CL.AddClaimEvidenceArgs, CL.Claim, 'Add an evidence item to a claim: a URL (http/https), a segment of a project document, or a note; stamped with who and when.'),
  removeClaimEvidence: method(CL.RemoveClaimEvidenceArgs, CL.Claim, 'Remove an evidence item from a claim (its history keeps it).'),
  listClaims: method(CL.ListClaimsArgs, z.array(CL.Claim), 'The claims of a document, in text order, filtered by assignee, status, verdict, claimant; discarded ones only when asked for.'),
  claimsReport: method(CL.ListClaimsArgs, CL.ClaimsReport, 'The claims view in one call: claims (filtered), counts by status, cross-checks, and per claim which claims it was compared with and whether it agrees.'),
  listPeople: method(CL.DocumentClaimsArgs, z.array(CL.ClaimPerson), 'People a claimant can be picked from: speakers, glossary person entries, names the entity rules found, claimants used (never a Q&A turn marker).'),
  getClaimReviewSettings: method(NoArgs, CL.ClaimReviewSettings, 'Who publishes the fact-checks (ClaimReview publisher organisation and its URL).'),
  updateClaimReviewSettings: method(CL.UpdateClaimReviewSettingsArgs, CL.ClaimReviewSettings, 'Set the fact-check publisher organisation and its URL.'),
  claimHistory: method(CL.ClaimIdArgs, z.array(CL.ClaimHistoryEntry), 'Every change of a claim, oldest first.'),
  crossCheckClaims: method(CL.DocumentClaimsArgs, z.array(CL.ClaimCrossCheck), 'Cross-checks between the claims of a document: shares, implied totals, growth stated two ways, parts and wholes, repeated metrics, exchange rates; each with its stored finding (rule claims-crosscheck).'),
  exportClaims: method(CL.ExportClaimsArgs, S.ExportResult, 'Export the claims of a document as CSV (UTF-8 with BOM), JSON or schema.org ClaimReview JSON-LD.'),
  deleteClaim: method(CL.DeleteClaimArgs, S.ChangeResult, 'Delete a claim (kept stored with its history; undo restores it). With version: refused (edit-conflict, action "delete") when the claim was changed since. requestId: a repeat is answered with the first answer.'),
  rejectClaimCandidate: method(CL.ClaimCandidateArgs, S.ChangeResult, 'Reject a suggested claim candidate (stored; hidden from listClaimCandidates; undoable).'),
  restoreClaimCandidate: method(CL.ClaimCandidateArgs, S.ChangeResult, 'Take back the rejection of a claim candidate (undoable).'),
  // ---- parallel texts: original source and English rendering (shared/align/, core/parallel.ts)
  attachParallelText: method(PA.AttachParallelArgs, PA.AttachParallelResult, "Attach a document's original source or English rendering (a file, base64, any supported encoding): aligned to the segments, paragraphs then sentences; replaces an earlier text of that kind."),
  listParallelTexts: method(PA.DocumentArgs, z.array(PA.ParallelInfo), 'The parallel texts attached to a document.'),
  realignParallel: method(PA.RealignArgs, PA.ParallelInfo, 'Align a stored parallel text again from its raw text (replaces that column).'),
  editEnglish: method(PA.EditEnglishArgs, S.ChangeResult, "Write or correct a segment's English: an 'en' revision in a new undoable operation."),
  setEnglishStatus: method(PA.SetEnglishStatusArgs, S.ChangeResult, "Set the review status of segments' English (one undoable operation)."),
  editAlignment: method(PA.EditAlignmentArgs, S.ChangeResult, "Fix the alignment of a parallel column: merge a row with the next, split it, or shift its text up or down (one undoable operation 'align')."),
  // ---- machine translation and dictionary glosses (shared/mt/, core/mt.ts, core/glosses.ts)
  getMtSettings: method(NoArgs, MT.MtSettingsView, 'Machine translation settings (provider, address, model, limits); never the key, only whether one is set and how it is kept.'),
  updateMtSettings: method(MT.UpdateMtSettingsArgs, MT.MtSettingsView, 'Change machine translation settings; apiKey sets (or, null, forgets) the key, kept encrypted where the OS really encrypts, else for this session only.'),
  startTranslation: method(MT.StartTranslationArgs, MT.MtJob, "Machine-translate listed segments or every untranslated one, in the background; only empty or machine-written English is filled. Poll with getTranslationJob."),
  getTranslationJob: method(MT.JobIdArgs, MT.MtJob, 'Progress of a translation job: counts, per-segment failures, glossary terms missing in the output.'),
  cancelTranslation: method(MT.JobIdArgs, MT.MtJob, 'Cancel a translation job (what is translated stays).'),
  lookupGloss: method(MT.GlossLookupArgs, MT.GlossLookup, "Dictionary entries for a word: the document's glossary first, then CC-CEDICT."),
  glossAt: method(MT.GlossAtArgs, MT.GlossAt, 'The word at an offset of a text (Intl.Segmenter boundaries joined by the dictionary) and its entries.'),

  whoAmI: method(NoArgs, TM.WhoAmI, "The caller's team account and role (null: local use, where every action is allowed)."),
  listUsers: method(NoArgs, z.array(TM.Account), "The team server's reviewers with their roles, sessions and sign-in state (admin)."),
  addUser: method(
    TM.AddUserArgs,
    TM.AddUserResult,
    'Add a reviewer (or reactivate a revoked one) with a role; answers a one-time sign-in token and address, valid 72 hours, stored only hashed (admin).',
  ),
  revokeUser: method(TM.RevokeUserArgs, TM.RevokeUserResult, "Revoke a reviewer: their sessions end at once and their unused sign-in address stops working (admin)."),
  exportProjectBundle: method(
    z.object({ projectId: S.Id }).strict(),
    PB.ProjectBundle,
    "A project as a bundle (shared/bundle/schema.ts): documents with their segments, full history (operations and revisions, undone ones too), annotations, claims with evidence and history, glossary, findings, parallel texts, who and when of everything, without database ids; with the digest of that form. Read in one transaction. What `jiaodui pull` fetches from a team server and `push` sends.",
  ),
  importProjectBundle: method(
    z
      .object({
        /** a bundle as exportProjectBundle returns it; its header is checked here, the rest by the handler (a newer format is refused as 'bundle-future') */
        bundle: PB.BundleHeader.loose(),
        /** the new project's name (default: the bundle's); a name in use is refused ('conflict') */
        name: ProjectName.optional(),
      })
      .strict(),
    z.object({ project: S.Project, digest: z.string(), counts: PB.BundleCounts }),
    "Store a project bundle as a new project, in one transaction: refused ('bundle-digest') when its content does not match its digest, ('conflict') when a project has its name; the stored copy is read back and must have the bundle's digest, else nothing is stored. Ids are new; authors and times are kept.",
  ),
  presence: method(
    TM.PresenceArgs,
    z.array(TM.PresenceEntry),
    "A window's heartbeat (every 15 s): it shows documentId (null: none). Answers who else has which document open now; an entry lapses 45 s after its last beat.",
  ),
} as const;

export type ApiSchema = typeof apiSchema;
export type MethodName = keyof ApiSchema;
export type ArgsOf<M extends MethodName> = z.infer<ApiSchema[M]['args']>;
export type ResultOf<M extends MethodName> = z.infer<ApiSchema[M]['result']>;

/**
 * Methods the service implements asynchronously (they read the database synchronously
 * first, then do async work such as packing a DOCX). Every other method is synchronous.
 */
export type AsyncMethods = 'exportDocument' | 'recoverDatabase';

/** The API as the service implements it (synchronous — better-sqlite3 is — except AsyncMethods). */
export type ReturnOf<M extends MethodName> = M extends AsyncMethods ? Promise<ResultOf<M>> : ResultOf<M>;
/** `caller`: who calls (shared/contract/caller.ts); the dispatcher passes the transport's, in-process callers may omit it. */
export type JiaoduiApi = { [M in MethodName]: (args: ArgsOf<M>, caller?: CallerContext) => ReturnOf<M> };
/** The API as every client sees it, over any transport. */
export type JiaoduiClient = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

export const methodNames = Object.keys(apiSchema) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiSchema, name);
}

/** The error payload every transport returns. */
export const ApiErrorPayload = z.object({
  // messageData: the message's key and parameters (shared/error-messages.ts), for the UI language
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional(), messageData: z.unknown().optional() }),
});
export type ApiErrorPayload = z.infer<typeof ApiErrorPayload>;
