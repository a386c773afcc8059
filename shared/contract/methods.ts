/**
 * The API's method names without zod: the sandboxed preload builds its client from
 * this list so that the schemas (and zod) stay out of it. Kept equal to
 * `Object.keys(apiSchema)` by the type check below and by methods.test.ts: add a
 * method to api.ts, add its name here.
 */
import type { MethodName } from './api';

export const METHOD_NAMES = [
  'getInfo',
  'getSettings',
  'updateSettings',
  'listProjects',
  'createProject',
  'renameProject',
  'listDocuments',
  'getDocument',
  'updateDocument',
  'moveDocument',
  'trashDocument',
  'restoreDocument',
  'emptyTrash',
  'previewImport',
  'importDocument',
  'getSegments',
  'editSegment',
  'setStatus',
  'setFurniture',
  'splitSegment',
  'mergeSegments',
  'undo',
  'redo',
  'undoState',
  'segmentHistory',
  'search',
  'exportDocument',
  'listRules',
  'runChecks',
  'checkProject',
  'listFindings',
  'applyFix',
  'dismissFinding',
  'listAnnotations',
  'addAnnotation',
  'previewReplace',
  'replaceAll',
  'replaceHits',
  'findRepetitions',
  'propagateEdit',
  'revertSegment',
  'documentChangeLog',
  'updateAnnotation',
  'replyToAnnotation',
  'resolveAnnotation',
  'deleteAnnotation',
  'restoreAnnotation',
  'listLabels',
  'createLabel',
  'updateLabel',
  'deleteLabel',
  'attention',
  'listGlossary',
  'saveGlossaryEntry',
  'deleteGlossaryEntry',
  'previewGlossary',
  'applyGlossary',
  'importGlossary',
  'exportGlossary',
] as const satisfies readonly MethodName[];

/** Compile-time: every method of the contract is listed (a missing one names itself in the error). */
type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
export const METHOD_NAMES_COMPLETE: [Missing] extends [never] ? true : { missing: Missing } = true;
