/** The configurable annotation label set (migration 004). */
import type { Db } from '../connection';
import type { AnnotationLabel } from '../../shared/domain/review';

const SELECT = `SELECT l.id, l.name, l.color, l.shortcut, l.position, l.is_claim = 1 AS claim,
  (SELECT count(*) FROM annotations a WHERE a.label_id = l.id AND a.deleted_at IS NULL) AS uses
  FROM annotation_labels l`;

type RawLabel = Omit<AnnotationLabel, 'claim'> & { claim: number };
const label = (r: RawLabel | undefined): AnnotationLabel | undefined => r && { ...r, claim: r.claim === 1 };

export function listLabels(db: Db): AnnotationLabel[] {
  return (db.prepare(`${SELECT} ORDER BY l.position, l.id`).all() as RawLabel[]).map((r) => label(r)!);
}

export function getLabel(db: Db, id: number): AnnotationLabel | undefined {
  return label(db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as RawLabel | undefined);
}

export function findLabelByName(db: Db, name: string): AnnotationLabel | undefined {
  return label(db.prepare(`${SELECT} WHERE l.name = ? COLLATE NOCASE`).get(name) as RawLabel | undefined);
}

export function findLabelByShortcut(db: Db, shortcut: string): AnnotationLabel | undefined {
  return label(db.prepare(`${SELECT} WHERE l.shortcut = ?`).get(shortcut) as RawLabel | undefined);
}

export function insertLabel(db: Db, l: { name: string; color: string; shortcut: string | null; claim?: boolean }, now: string): number {
  const pos = db.prepare(`SELECT coalesce(max(position), -1) + 1 FROM annotation_labels`).pluck().get() as number;
  return Number(
    db
      .prepare(`INSERT INTO annotation_labels (name, color, shortcut, position, is_claim, created_at) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(l.name, l.color, l.shortcut, pos, l.claim ? 1 : 0, now).lastInsertRowid,
  );
}

export function updateLabel(db: Db, id: number, l: { name?: string; color?: string; shortcut?: string | null; claim?: boolean }): void {
  if (l.claim !== undefined) db.prepare(`UPDATE annotation_labels SET is_claim = ? WHERE id = ?`).run(l.claim ? 1 : 0, id);
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
