/** The configurable annotation label set (migration 004). */
import type { Db } from '../connection';
import type { AnnotationLabel } from '../../shared/domain/review';

const SELECT = `SELECT l.id, l.name, l.color, l.shortcut, l.position,
  (SELECT count(*) FROM annotations a WHERE a.label_id = l.id AND a.deleted_at IS NULL) AS uses
  FROM annotation_labels l`;

export function listLabels(db: Db): AnnotationLabel[] {
  return db.prepare(`${SELECT} ORDER BY l.position, l.id`).all() as AnnotationLabel[];
}

export function getLabel(db: Db, id: number): AnnotationLabel | undefined {
  return db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as AnnotationLabel | undefined;
}

export function findLabelByName(db: Db, name: string): AnnotationLabel | undefined {
  return db.prepare(`${SELECT} WHERE l.name = ? COLLATE NOCASE`).get(name) as AnnotationLabel | undefined;
}

export function findLabelByShortcut(db: Db, shortcut: string): AnnotationLabel | undefined {
  return db.prepare(`${SELECT} WHERE l.shortcut = ?`).get(shortcut) as AnnotationLabel | undefined;
}

export function insertLabel(db: Db, l: { name: string; color: string; shortcut: string | null }, now: string): number {
  const pos = db.prepare(`SELECT coalesce(max(position), -1) + 1 FROM annotation_labels`).pluck().get() as number;
  return Number(
    db.prepare(`INSERT INTO annotation_labels (name, color, shortcut, position, created_at) VALUES (?, ?, ?, ?, ?)`).run(l.name, l.color, l.shortcut, pos, now)
      .lastInsertRowid,
  );
}

export function updateLabel(db: Db, id: number, l: { name?: string; color?: string; shortcut?: string | null }): void {
  if (l.name !== undefined) db.prepare(`UPDATE annotation_labels SET name = ? WHERE id = ?`).run(l.name, id);
  if (l.color !== undefined) db.prepare(`UPDATE annotation_labels SET color = ? WHERE id = ?`).run(l.color, id);
  if (l.shortcut !== undefined) db.prepare(`UPDATE annotation_labels SET shortcut = ? WHERE id = ?`).run(l.shortcut, id);
}

/** Annotations of any state (deleted ones too) that carry the label. */
export function labelUsesIncludingDeleted(db: Db, id: number): number {
  return db.prepare(`SELECT count(*) FROM annotations WHERE label_id = ?`).pluck().get(id) as number;
}

export function deleteLabel(db: Db, id: number): void {
  db.prepare(`DELETE FROM annotation_labels WHERE id = ?`).run(id);
}
