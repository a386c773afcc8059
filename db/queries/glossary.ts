/** Glossary entries (termbase) by project or document scope. */
import type { Db } from '../connection';
import type { GlossaryEntry, GlossaryFields, GlossaryScopeKindT } from '../../shared/glossary/schemas';

export interface GlossaryScope {
  kind: GlossaryScopeKindT;
  /** the project id or the document id */
  id: number;
}

const COLS = `g.id, g.project_id AS ownProjectId, g.document_id AS documentId, coalesce(g.project_id, d.project_id) AS projectId,
  g.term, g.variants, g.type, g.note, g.english, g.created_at AS createdAt, g.updated_at AS updatedAt, g.version`;
const FROM = `FROM glossary_entries g LEFT JOIN documents d ON d.id = g.document_id`;

type Raw = Omit<GlossaryEntry, 'variants' | 'scope'> & { variants: string; ownProjectId: number | null };

function fromRaw(r: Raw): GlossaryEntry {
  const { ownProjectId, variants, ...rest } = r;
  return { ...rest, scope: ownProjectId !== null ? 'project' : 'document', variants: JSON.parse(variants) as string[] };
}

function scopeWhere(scope: GlossaryScope): string {
  return scope.kind === 'project' ? 'g.project_id = ?' : 'g.document_id = ?';
}

/** The entries of exactly one scope, oldest first. */
export function listScopeEntries(db: Db, scope: GlossaryScope): GlossaryEntry[] {
  return (db.prepare(`SELECT ${COLS} ${FROM} WHERE ${scopeWhere(scope)} ORDER BY g.id`).all(scope.id) as Raw[]).map(fromRaw);
}

/** What applies to a document: its project's entries, then its own (oldest first in each). */
export function entriesForDocument(db: Db, documentId: number): GlossaryEntry[] {
  return (
    db
      .prepare(
        `SELECT ${COLS} ${FROM}
         WHERE g.document_id = @doc OR g.project_id = (SELECT project_id FROM documents WHERE id = @doc)
         ORDER BY g.document_id IS NOT NULL, g.id`,
      )
      .all({ doc: documentId }) as Raw[]
  ).map(fromRaw);
}

/** Term and variants only, in the same order, for rendering (cheap: called on every text write). */
export function glossaryTermsForDocument(db: Db, documentId: number): { term: string; variants: string[]; scope: GlossaryScopeKindT }[] {
  const rows = db
    .prepare(
      `SELECT term, variants, document_id IS NOT NULL AS isDoc FROM glossary_entries
       WHERE document_id = @doc OR project_id = (SELECT project_id FROM documents WHERE id = @doc)
       ORDER BY document_id IS NOT NULL, id`,
    )
    .all({ doc: documentId }) as { term: string; variants: string; isDoc: number }[];
  return rows.map((r) => ({ term: r.term, variants: JSON.parse(r.variants) as string[], scope: r.isDoc ? 'document' : 'project' }));
}

export function getEntry(db: Db, id: number): GlossaryEntry | undefined {
  const r = db.prepare(`SELECT ${COLS} ${FROM} WHERE g.id = ?`).get(id) as Raw | undefined;
  return r && fromRaw(r);
}

export function insertEntry(db: Db, scope: GlossaryScope, f: GlossaryFields, now: string): number {
  return Number(
    db
      .prepare(
        `INSERT INTO glossary_entries (project_id, document_id, term, variants, type, note, english, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(scope.kind === 'project' ? scope.id : null, scope.kind === 'document' ? scope.id : null, f.term, JSON.stringify(f.variants), f.type, f.note, f.english, now, now)
      .lastInsertRowid,
  );
}

export function updateEntry(db: Db, id: number, scope: GlossaryScope, f: GlossaryFields, now: string): void {
  db.prepare(
    `UPDATE glossary_entries SET project_id = ?, document_id = ?, term = ?, variants = ?, type = ?, note = ?, english = ?, updated_at = ? WHERE id = ?`,
  ).run(scope.kind === 'project' ? scope.id : null, scope.kind === 'document' ? scope.id : null, f.term, JSON.stringify(f.variants), f.type, f.note, f.english, now, id);
}

export function deleteEntry(db: Db, id: number): void {
  db.prepare(`DELETE FROM glossary_entries WHERE id = ?`).run(id);
}

/** Every document of a project (trashed ones too: they keep a rendering consistent with the glossary). */
export function documentIdsOfProject(db: Db, projectId: number): number[] {
  return db.prepare(`SELECT id FROM documents WHERE project_id = ? ORDER BY id`).pluck().all(projectId) as number[];
}

/** Live documents of a project, for applying the glossary across it. */
export function liveDocumentIdsOfProject(db: Db, projectId: number): number[] {
  return db.prepare(`SELECT id FROM documents WHERE project_id = ? AND trashed_at IS NULL ORDER BY id`).pluck().all(projectId) as number[];
}

/** Segments (retired ones too) with text and rendering, for re-rendering after a glossary change. */
export function segmentRenderings(db: Db, documentId: number): { id: number; text: string; rendering: string; renderingMap: string | null }[] {
  return db
    .prepare(`SELECT id, current_text AS text, rendering, rendering_map AS renderingMap FROM segments WHERE document_id = ?`)
    .all(documentId) as { id: number; text: string; rendering: string; renderingMap: string | null }[];
}
