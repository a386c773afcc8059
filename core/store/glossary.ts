/** The glossary's part of the store: entries by scope and what re-rendering for them needs. */
import type { Db } from '../../db/connection';
import * as gq from '../../db/queries/glossary';
import { on } from './bind';

export type { GlossaryScope } from '../../db/queries/glossary';

export function glossaryStore(db: Db) {
  return {
    glossaryEntries: on(db, gq.listScopeEntries),
    /** The entries that apply to a document: its project's and its own. */
    glossaryForDocument: on(db, gq.entriesForDocument),
    glossaryTermsForDocument: on(db, gq.glossaryTermsForDocument),
    glossaryEntry: on(db, gq.getEntry),
    addGlossaryEntry: on(db, gq.insertEntry),
    changeGlossaryEntry: on(db, gq.updateEntry),
    deleteGlossaryEntry: on(db, gq.deleteEntry),
    projectDocumentIds: on(db, gq.documentIdsOfProject),
    liveProjectDocumentIds: on(db, gq.liveDocumentIdsOfProject),
    segmentRenderings: on(db, gq.segmentRenderings),
  };
}
