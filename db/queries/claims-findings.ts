/**
 * Findings of the claims cross-check (rule `claims-crosscheck`) are stored with the other
 * findings but recomputed from the claims, not from the text: a full run of the checks
 * replaces every other document finding and leaves these (and their dismissals) alone.
 */
import type { Db } from '../connection';

/** Delete a document's segment- and document-scope findings except those of `keepRule`. */
export function deleteCheckFindingsExcept(db: Db, documentId: number, keepRule: string): void {
  db.prepare(`DELETE FROM findings WHERE document_id = ? AND scope IN ('segment', 'document') AND rule <> ?`).run(documentId, keepRule);
}
