/** The library's part of the store: projects, documents and settings. */
import type { Db } from '../../db/connection';
import * as projq from '../../db/queries/projects';
import * as docq from '../../db/queries/documents';
import * as setq from '../../db/queries/settings';
import * as psq from '../../db/queries/project-settings';
import { on } from './bind';

export type { NewDocument, DocumentPatch } from '../../db/queries/documents';
export type { ProjectSettingsRow } from '../../db/queries/project-settings';

/** The settings the service keeps; `mt.*` are the translation settings (core/mt.ts); `checks.*` when checks last ran (core/checks.ts); `team.*` the team server's (core/accounts.ts); `claimReview.*` the fact-check publisher (core/claims.ts). */
export type SettingKey = 'author' | 'locale' | 'sampleImported' | `mt.${string}` | `checks.${string}` | `team.${string}` | `claimReview.${string}`;

export function libraryStore(db: Db) {
  return {
    // projects
    projects: on(db, projq.listProjects),
    project: on(db, projq.getProject),
    projectNamed: on(db, projq.findProjectByName),
    addProject: on(db, projq.insertProject),
    renameProject: on(db, projq.renameProject),
    projectDocumentCounts: on(db, projq.countProjectDocuments),
    deleteEmptyProject: on(db, projq.deleteEmptyProject),
    /** A project's settings (migration 015; defaults and version 0 before anyone set them). */
    projectSettings: on(db, psq.getProjectSettings),
    /** The house style for standard forms of a document's project (shared/checks/house-style.ts). */
    standardFormsOfDocument: on(db, psq.standardFormsOfDocument),
    setStandardForms: on(db, psq.setStandardForms),
    // documents
    documents: on(db, docq.listDocuments),
    document: on(db, docq.getDocument),
    documentCount: on(db, docq.countDocuments),
    /** A document's date (null: none; undefined: no such document). */
    documentDate: on(db, docq.getDocumentDate),
    /** The text before a document's first segment (front matter the export keeps). */
    documentLeading: on(db, docq.getDocumentLeading),
    /** What renders a document's other script: script, variant and the glossary terms that apply. */
    documentScript: on(db, docq.getDocumentScript),
    addDocument: on(db, docq.insertDocument),
    changeDocument: on(db, docq.updateDocument),
    deleteTrashedDocuments: on(db, docq.deleteTrashedDocuments),
    // settings
    setting: (key: SettingKey) => setq.getSetting(db, key),
    setSetting: (key: SettingKey, value: string) => setq.setSetting(db, key, value),
  };
}
