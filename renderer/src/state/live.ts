/**
 * How a window follows changes, as pure functions: the query keys of what it shows (one
 * TanStack Query cache, renderer/src/state/queries.ts), what a change made elsewhere means
 * for it (planRemoteChange), and how fetched rows are patched into the open document
 * (patchSegments) — never a refetch of the whole document for one remote save.
 */
import type { ChangeEvent } from '../../../shared/contract/changes';
import type { ChangeResult, Segment } from '../../../shared/domain/schemas';

/**
 * Query keys, hierarchical so that one prefix invalidates a family: ['doc', id] covers the
 * document's findings, claims, annotations, attention and change log; ['segment', id] its history.
 */
export const keys = {
  doc: (documentId: number) => ['doc', documentId] as const,
  findings: (documentId: number) => ['doc', documentId, 'findings'] as const,
  claims: (documentId: number) => ['doc', documentId, 'claims'] as const,
  annotations: (documentId: number) => ['doc', documentId, 'annotations'] as const,
  attention: (documentId: number) => ['doc', documentId, 'attention'] as const,
  glossary: (documentId: number) => ['doc', documentId, 'glossary'] as const,
  changeLog: (documentId: number, reason: string, author: string) => ['doc', documentId, 'changelog', reason, author] as const,
  segment: (segmentId: number) => ['segment', segmentId] as const,
  history: (segmentId: number) => ['segment', segmentId, 'history'] as const,
  project: (projectId: number) => ['project', projectId] as const,
  undo: (projectId: number) => ['project', projectId, 'undo'] as const,
  replace: () => ['replace'] as const,
  replacePreview: (args: unknown) => ['replace', JSON.stringify(args)] as const,
  labels: () => ['labels'] as const,
  /** cross-document search results (state/useSearch.ts); ['search'] covers every query's */
  searchAll: () => ['search'] as const,
  search: (query: string) => ['search', query] as const,
  /** the library lists: projects, documents, the Trash (state/useLibrary.ts) */
  library: () => ['library'] as const,
};
export type QueryKey = readonly unknown[];

/** What the window shows: the open document (if any) and its project. */
export interface View {
  documentId: number | null;
  projectId: number | null;
}

/** What to do for one change made elsewhere. */
export interface RemotePlan {
  /** refetch the open document's rows whole (a parallel text attached, the variant changed, or unknown scope) */
  reloadRows: boolean;
  /** fetch these rows by id and patch them in (some may belong to other documents: filtered after the fetch) */
  fetchSegments: number[];
  /** rows to drop (split or merged away) */
  removeSegments: number[];
  /** refetch the open document's metadata and progress */
  refreshDocument: boolean;
  /** the library lists (projects, documents, their progress) are stale: in `invalidate` as keys.library(), except when the open document's refresh refetches them (useReview.refreshDoc) */
  refreshLibrary: boolean;
  /** query-cache prefixes to invalidate */
  invalidate: QueryKey[];
}

const has = (list: readonly number[] | undefined, id: number | null) => id !== null && !!list?.includes(id);

/** Everything the window shows may be stale (a resync, or a write that named nothing). */
export function planEverything(view: View): RemotePlan {
  return {
    reloadRows: view.documentId !== null,
    fetchSegments: [],
    removeSegments: [],
    refreshDocument: view.documentId !== null,
    refreshLibrary: true,
    invalidate: [[]], // the empty prefix: every query
  };
}

/** What a change made by another window or process means for this view. */
export function planRemoteChange(e: ChangeEvent, view: View): RemotePlan {
  const ids = e.ids;
  if (ids.topics?.includes('unknown')) return planEverything(view);
  const doc = view.documentId;
  const inDoc = has(ids.documents, doc) || has(ids.reload, doc);
  const reloadRows = has(ids.reload, doc);
  const segments = ids.segments ?? [];
  const removed = ids.removedSegments ?? [];
  const invalidate: QueryKey[] = [];
  if (inDoc && doc !== null) invalidate.push(keys.doc(doc));
  for (const id of [...segments, ...removed]) invalidate.push(keys.segment(id));
  if (segments.length || removed.length || ids.reload?.length) invalidate.push(keys.replace());
  // search results show texts of any document: a text changed anywhere, a document imported, trashed, restored or renamed
  if (segments.length || removed.length || ids.reload?.length || ids.topics?.includes('library')) invalidate.push(keys.searchAll());
  if (view.projectId !== null && has(ids.projects, view.projectId)) invalidate.push(keys.project(view.projectId));
  // a glossary entry of the open document's project (its own or the project's): the glossary panel shows both
  if (doc !== null && ids.glossary?.length && (inDoc || has(ids.projects, view.projectId))) invalidate.push(keys.glossary(doc));
  if (ids.topics?.includes('labels')) invalidate.push(keys.labels());
  const refreshLibrary = !!(ids.topics?.includes('library') || ids.documents?.length || ids.projects?.length);
  // the library lists (projects, documents, progress); for the open document, its refresh refetches them (useReview.refreshDoc)
  if (refreshLibrary && !inDoc) invalidate.push(keys.library());
  return {
    reloadRows,
    // the feed names a segment's document too: rows of other documents are not fetched
    fetchSegments: inDoc && !reloadRows ? segments : [],
    removeSegments: inDoc && !reloadRows ? removed : [],
    refreshDocument: inDoc,
    refreshLibrary,
    invalidate,
  };
}

/** The queries a window's own write makes stale (its ChangeResult already patched the rows and undo state). */
export function invalidationsForOwnChange(r: Pick<ChangeResult, 'segments' | 'removedSegmentIds'>, documentId: number | null): QueryKey[] {
  const out: QueryKey[] = [];
  if (documentId !== null) out.push(keys.doc(documentId));
  for (const s of r.segments) out.push(keys.segment(s.id));
  for (const id of r.removedSegmentIds) out.push(keys.segment(id));
  out.push(keys.replace());
  if (r.segments.length || r.removedSegmentIds.length) out.push(keys.searchAll());
  return out;
}

/**
 * Patch fetched rows into a document's rows: replace the ones shown, drop `removed`, insert new
 * ones (a split's second half) at their index. Indices are positions in the document, so after
 * a split or merge the rows after it are renumbered here as the database renumbered them.
 * Returns the same array when nothing changed.
 */
export function patchSegments(rows: Segment[], fetched: readonly Segment[], removed: readonly number[]): Segment[] {
  if (!fetched.length && !removed.some((id) => rows.some((s) => s.id === id))) return rows;
  const byId = new Map(fetched.map((s) => [s.id, s]));
  const gone = new Set(removed);
  let out = rows.filter((s) => !gone.has(s.id)).map((s) => byId.get(s.id) ?? s);
  const shown = new Set(out.map((s) => s.id));
  const added = fetched.filter((s) => !shown.has(s.id)).sort((a, b) => a.index - b.index);
  if (!added.length && out.length === rows.length) return out;
  for (const s of added) out.splice(Math.min(Math.max(0, s.index), out.length), 0, s);
  out = out.map((s, i) => (s.index === i ? s : { ...s, index: i }));
  return out;
}
