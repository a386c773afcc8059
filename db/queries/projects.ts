import type { Db } from '../connection';
import type { Project } from '../../shared/domain/schemas';
import { nextIdSql } from './next-id';

const SELECT = `SELECT p.id, p.name, p.created_at AS createdAt,
  (SELECT count(*) FROM documents d WHERE d.project_id = p.id AND d.trashed_at IS NULL) AS documentCount
  FROM projects p`;

export function listProjects(db: Db): Project[] {
  return db.prepare(`${SELECT} ORDER BY p.name COLLATE NOCASE`).all() as Project[];
}
export function getProject(db: Db, id: number): Project | undefined {
  return db.prepare(`${SELECT} WHERE p.id = ?`).get(id) as Project | undefined;
}
export function findProjectByName(db: Db, name: string): Project | undefined {
  return db.prepare(`${SELECT} WHERE p.name = ? COLLATE NOCASE`).get(name) as Project | undefined;
}
export function insertProject(db: Db, name: string, now: string): number {
  return Number(db.prepare(`INSERT INTO projects (id, name, created_at) VALUES (${nextIdSql('projects')}, ?, ?)`).run(name, now).lastInsertRowid);
}
export function renameProject(db: Db, id: number, name: string): void {
  db.prepare(`UPDATE projects SET name = ? WHERE id = ?`).run(name, id);
}

/** How many documents a project holds, in the library and in the Trash. */
export function countProjectDocuments(db: Db, id: number): { live: number; trashed: number } {
  return db
    .prepare(`SELECT count(*) FILTER (WHERE trashed_at IS NULL) AS live, count(*) FILTER (WHERE trashed_at IS NOT NULL) AS trashed FROM documents WHERE project_id = ?`)
    .get(id) as { live: number; trashed: number };
}

/**
 * Delete a project that holds no document, with what is its alone: its glossary entries (their
 * kept versions go by trigger), its settings, the note of its last project check and its undo
 * steps. A step that changed segments of documents since moved to another project is their
 * history: it stays, with the project of the first document it changed, and is no longer
 * undoable ('dead'). Returns how many glossary entries went.
 */
export function deleteEmptyProject(db: Db, id: number, checkKey: string): number {
  const entries = db.prepare(`DELETE FROM glossary_entries WHERE project_id = ?`).run(id).changes;
  db.prepare(`DELETE FROM project_settings WHERE project_id = ?`).run(id);
  db.prepare(`DELETE FROM settings WHERE key = ?`).run(checkKey);
  db.prepare(
    `UPDATE operations SET state = 'dead', project_id = (
       SELECT d.project_id FROM revisions r JOIN segments s ON s.id = r.segment_id JOIN documents d ON d.id = s.document_id
       WHERE r.operation_id = operations.id ORDER BY r.id LIMIT 1)
     WHERE project_id = ? AND EXISTS (SELECT 1 FROM revisions r WHERE r.operation_id = operations.id)`,
  ).run(id);
  // a kept step may name a deleted one as what it undid
  db.prepare(`UPDATE operations SET target_operation_id = NULL WHERE target_operation_id IN (SELECT id FROM operations WHERE project_id = ?) AND project_id <> ?`).run(id, id);
  db.prepare(`DELETE FROM operations WHERE project_id = ?`).run(id);
  db.prepare(`DELETE FROM projects WHERE id = ?`).run(id);
  return entries;
}
