import type { Db } from '../connection';
import type { Project } from '../../shared/domain/schemas';

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
  return Number(db.prepare(`INSERT INTO projects (name, created_at) VALUES (?, ?)`).run(name, now).lastInsertRowid);
}
export function renameProject(db: Db, id: number, name: string): void {
  db.prepare(`UPDATE projects SET name = ? WHERE id = ?`).run(name, id);
}
