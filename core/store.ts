/**
 * The store: what handlers ask of the database, by what it means (not SQL), implemented
 * today over db/queries/* with better-sqlite3.
 *
 * Synchronous now, asynchronous possible later: `Store<'sync'>` returns values, a future
 * engine (a server database) would implement `Store<'async'>`, whose methods return
 * promises. Handlers written against the sync store stay synchronous, so better-sqlite3's
 * speed on the hot paths (save, import) is kept; a handler that must run on both awaits the
 * store's results (`await` on a plain value costs one microtask). The store is
 * transaction-scoped: its writes happen only inside the engine's `tx`/`operation`
 * (core/operations/engine.ts), which opens the one IMMEDIATE transaction around them.
 */
import type { Db } from '../db/connection';
import * as projq from '../db/queries/projects';
import * as docq from '../db/queries/documents';
import * as segq from '../db/queries/segments';
import * as setq from '../db/queries/settings';
import * as searchq from '../db/queries/search';
import * as histq from '../db/queries/history';
import type { DocumentMeta, Project, Revision } from '../shared/domain/schemas';
import type { OffsetMap } from '../shared/text/offsetMap';

export type StoreMode = 'sync' | 'async';
/** A store result: the value itself (sync) or a promise of it (async). */
export type Out<M extends StoreMode, T> = M extends 'sync' ? T : Promise<T>;

export type SettingKey = 'author' | 'locale' | 'sampleImported';

export interface Store<M extends StoreMode = 'sync'> {
  // projects
  projects(): Out<M, Project[]>;
  project(id: number): Out<M, Project | undefined>;
  projectNamed(name: string): Out<M, Project | undefined>;
  addProject(name: string, now: string): Out<M, number>;
  renameProject(id: number, name: string): Out<M, void>;
  // documents
  documents(filter: { projectId?: number; trashed?: boolean }): Out<M, DocumentMeta[]>;
  document(id: number): Out<M, DocumentMeta | undefined>;
  documentCount(): Out<M, number>;
  addDocument(d: docq.NewDocument): Out<M, number>;
  changeDocument(id: number, patch: docq.DocumentPatch): Out<M, void>;
  deleteTrashedDocuments(): Out<M, number>;
  // segments
  segment(id: number): Out<M, segq.SegmentRow | undefined>;
  /** A document's live segments in reading order. */
  liveSegments(documentId: number): Out<M, segq.SegmentRow[]>;
  /** The live segment after `position` (split/merge place new segments by it). */
  nextLiveSegment(documentId: number, position: number): Out<M, { id: number; position: number } | undefined>;
  /** Every revision of one segment, oldest first. */
  segmentRevisions(segmentId: number): Out<M, Revision[]>;
  addSegments(rows: Parameters<typeof segq.insertSegments>[1]): Out<M, void>;
  /** Make a document's segments findable by search (after import). */
  indexDocumentSearch(documentId: number): Out<M, void>;
  /** Re-render every segment of a document in its (new) script variant. */
  rerenderDocument(documentId: number, render: (text: string) => { text: string; map: OffsetMap }): Out<M, void>;
  /** Segments whose text holds `query` (trigram index from 3 characters, a scan below). */
  searchSegments(query: string, projectId: number | undefined, limit: number): Out<M, searchq.SearchRow[]>;
  // settings
  setting(key: SettingKey): Out<M, string | undefined>;
  setSetting(key: SettingKey, value: string): Out<M, void>;
}

/** The better-sqlite3 store (synchronous). */
export function sqliteStore(db: Db): Store<'sync'> {
  return {
    projects: () => projq.listProjects(db),
    project: (id) => projq.getProject(db, id),
    projectNamed: (name) => projq.findProjectByName(db, name),
    addProject: (name, now) => projq.insertProject(db, name, now),
    renameProject: (id, name) => projq.renameProject(db, id, name),
    documents: (filter) => docq.listDocuments(db, filter),
    document: (id) => docq.getDocument(db, id),
    documentCount: () => docq.countDocuments(db),
    addDocument: (d) => docq.insertDocument(db, d),
    changeDocument: (id, patch) => docq.updateDocument(db, id, patch),
    deleteTrashedDocuments: () => docq.deleteTrashedDocuments(db),
    segment: (id) => segq.getSegment(db, id),
    liveSegments: (documentId) => segq.listSegments(db, documentId),
    nextLiveSegment: (documentId, position) => segq.nextLiveSegment(db, documentId, position),
    segmentRevisions: (segmentId) => histq.revisionsOfSegment(db, segmentId),
    addSegments: (rows) => segq.insertSegments(db, rows),
    indexDocumentSearch: (documentId) => segq.indexDocumentSegments(db, documentId),
    rerenderDocument: (documentId, render) => {
      for (const s of segq.segmentTexts(db, documentId)) {
        const r = render(s.text);
        segq.updateRendering(db, s.id, r.text, r.map);
      }
    },
    searchSegments: (query, projectId, limit) =>
      Array.from(query).length >= 3 ? searchq.searchTrigram(db, query, projectId, limit) : searchq.searchScan(db, query, projectId, limit),
    setting: (key) => setq.getSetting(db, key),
    setSetting: (key, value) => setq.setSetting(db, key, value),
  };
}
