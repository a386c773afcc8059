/**
 * The Jiaodui API, declared once. IPC (preload + main), the browser-mode HTTP bridge,
 * the CLI and the renderer client are all typed and validated against this table.
 */
import { z } from 'zod';
import * as S from '../domain/schemas';

const NoArgs = z.object({}).strict();
const Base64 = z.string().max(20 * 1024 * 1024, 'payload too large').regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64');
const Text = (max: number) => z.string().max(max);
const ProjectName = z.string().trim().min(1, 'a project needs a name').max(200);

function method<A extends z.ZodType, R extends z.ZodType>(args: A, result: R, doc: string) {
  return { args, result, doc };
}

export const apiSchema = {
  getInfo: method(NoArgs, S.AppInfo, 'Version, database location and schema version.'),
  getSettings: method(NoArgs, S.Settings, 'Reviewer settings.'),
  updateSettings: method(S.Settings.partial().strict(), S.Settings, 'Change reviewer settings (author name, UI language).'),

  listProjects: method(NoArgs, z.array(S.Project), 'All projects with their document counts.'),
  createProject: method(z.object({ name: ProjectName }).strict(), S.Project, 'Create a project.'),
  renameProject: method(z.object({ projectId: S.Id, name: ProjectName }).strict(), S.Project, 'Rename a project.'),

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
        data: Base64,
        encoding: S.TextEncodingName.optional(),
        variant: S.Variant.optional(),
        projectId: S.Id.optional(),
        projectName: ProjectName.optional(),
        title: z.string().trim().min(1).max(500).optional(),
      })
      .strict(),
    S.ImportResult,
    'Import a text file (base64) into a project (by id or name; default "Inbox").',
  ),

  getSegments: method(z.object({ documentId: S.Id }).strict(), z.array(S.Segment), 'Every segment of a document in order.'),
  editSegment: method(
    z.object({ segmentId: S.Id, text: Text(100_000), reason: Text(500).optional() }).strict(),
    S.ChangeResult,
    'Correct a segment: a revision in a new undoable operation.',
  ),
  setStatus: method(
    z.object({ segmentIds: z.array(S.Id).min(1).max(100_000), status: S.SegmentStatus }).strict(),
    S.ChangeResult,
    'Set the review status of segments (one undoable operation).',
  ),
  setFurniture: method(
    z.object({ segmentId: S.Id, furniture: z.boolean() }).strict(),
    S.ChangeResult,
    'Mark or unmark a segment as page furniture.',
  ),
  splitSegment: method(
    z.object({ segmentId: S.Id, at: z.number().int().positive() }).strict(),
    S.ChangeResult,
    'Split a segment at a position of its current text.',
  ),
  mergeSegments: method(z.object({ segmentId: S.Id }).strict(), S.ChangeResult, 'Merge a segment with the next one.'),
  undo: method(z.object({ projectId: S.Id }).strict(), S.ChangeResult, 'Undo the last operation of a project.'),
  redo: method(z.object({ projectId: S.Id }).strict(), S.ChangeResult, 'Redo the last undone operation of a project.'),
  undoState: method(z.object({ projectId: S.Id }).strict(), S.UndoState, 'What undo/redo would do now.'),
  segmentHistory: method(z.object({ segmentId: S.Id }).strict(), z.array(S.Revision), 'Every revision of a segment, oldest first.'),

  search: method(
    z
      .object({ query: z.string().trim().min(1, 'type something to search for').max(200), projectId: S.Id.optional(), limit: z.number().int().min(1).max(1000).optional() })
      .strict(),
    z.array(S.SearchHit),
    'Search current text and Simplified rendering across documents.',
  ),
  exportDocument: method(
    z.object({ documentId: S.Id, format: S.ExportFormat, script: S.Script }).strict(),
    S.ExportResult,
    'Export the corrected transcript.',
  ),
  listAnnotations: method(z.object({ documentId: S.Id }).strict(), z.array(S.Annotation), 'Annotations of a document.'),
  addAnnotation: method(
    z.object({ segmentId: S.Id, start: z.number().int().min(0), end: z.number().int().min(0), kind: Text(50), body: Text(10_000) }).strict(),
    S.Annotation,
    'Annotate a span of a segment; it follows later edits.',
  ),
} as const;

export type ApiSchema = typeof apiSchema;
export type MethodName = keyof ApiSchema;
export type ArgsOf<M extends MethodName> = z.infer<ApiSchema[M]['args']>;
export type ResultOf<M extends MethodName> = z.infer<ApiSchema[M]['result']>;

/** The API as the service implements it (synchronous: better-sqlite3 is synchronous). */
export type JiaoduiApi = { [M in MethodName]: (args: ArgsOf<M>) => ResultOf<M> };
/** The API as every client sees it, over any transport. */
export type JiaoduiClient = { [M in MethodName]: (args: ArgsOf<M>) => Promise<ResultOf<M>> };

export const methodNames = Object.keys(apiSchema) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(apiSchema, name);
}

/** The error payload every transport returns. */
export const ApiErrorPayload = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ApiErrorPayload = z.infer<typeof ApiErrorPayload>;
