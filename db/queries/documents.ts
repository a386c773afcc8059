import type { Db } from '../connection';
import type { DocumentMeta, Progress } from '../../shared/domain/schemas';
import { glossaryTermsForDocument } from './glossary';
import { nextIdSql } from './next-id';

type GlossaryTermsRow = ReturnType<typeof glossaryTermsForDocument>[number];

export interface NewDocument {
  projectId: number;
  title: string;
  source: string | null;
  date: string | null;
  dateText: string | null;
  script: 'hant' | 'hans';
  variant: 't' | 'tw' | 'hk';
  encoding: string;
  fileName: string | null;
  byteSize: number;
  contentSha256: string;
  leading: string;
  importedAt: string;
}

interface DocRow extends Omit<DocumentMeta, 'progress'> {
  total: number;
  unreviewed: number;
  edited: number;
  approved: number;
  furniture: number;
}

const SELECT = `SELECT d.id, d.project_id AS projectId, p.name AS projectName, d.title, d.source, d.doc_date AS date,
  d.date_text AS dateText, d.script, d.variant, d.encoding, d.file_name AS fileName, d.byte_size AS byteSize,
  d.imported_at AS importedAt, d.trashed_at AS trashedAt,
  count(s.id) AS total,
  count(s.id) FILTER (WHERE s.status = 'unreviewed') AS unreviewed,
  count(s.id) FILTER (WHERE s.status = 'edited') AS edited,
  count(s.id) FILTER (WHERE s.status = 'approved') AS approved,
  count(s.id) FILTER (WHERE s.furniture IS NOT NULL) AS furniture
  FROM documents d JOIN projects p ON p.id = d.project_id
  LEFT JOIN segments s ON s.document_id = d.id AND s.retired = 0`;

function toMeta(r: DocRow): DocumentMeta {
  const { total, unreviewed, edited, approved, furniture, ...rest } = r;
  const progress: Progress = { total, unreviewed, edited, approved, furniture };
  return { ...rest, progress } as DocumentMeta;
}

export function listDocuments(db: Db, filter: { projectId?: number; trashed?: boolean }): DocumentMeta[] {
  const where = [filter.trashed ? 'd.trashed_at IS NOT NULL' : 'd.trashed_at IS NULL'];
  const params: unknown[] = [];
  if (filter.projectId !== undefined) {
    where.push('d.project_id = ?');
    params.push(filter.projectId);
  }
  const rows = db.prepare(`${SELECT} WHERE ${where.join(' AND ')} GROUP BY d.id ORDER BY d.imported_at DESC, d.id DESC`).all(...params) as DocRow[];
  return rows.map(toMeta);
}

export function getDocument(db: Db, id: number): DocumentMeta | undefined {
  const r = db.prepare(`${SELECT} WHERE d.id = ? GROUP BY d.id`).get(id) as DocRow | undefined;
  return r && toMeta(r);
}

/** A document's date (undefined: no such document) without counting its segments as getDocument does. */
export function getDocumentDate(db: Db, id: number): string | null | undefined {
  const r = db.prepare(`SELECT doc_date AS date FROM documents WHERE id = ?`).get(id) as { date: string | null } | undefined;
  return r ? r.date : undefined;
}

export function getDocumentLeading(db: Db, id: number): string {
  return (db.prepare(`SELECT leading FROM documents WHERE id = ?`).pluck().get(id) as string | undefined) ?? '';
}

export function insertDocument(db: Db, d: NewDocument): number {
  return Number(
    db
      .prepare(
        `INSERT INTO documents (id, project_id, title, source, doc_date, date_text, script, variant, encoding, file_name, byte_size, content_sha256, leading, imported_at)
         VALUES (${nextIdSql('documents')}, @projectId, @title, @source, @date, @dateText, @script, @variant, @encoding, @fileName, @byteSize, @contentSha256, @leading, @importedAt)`,
      )
      .run(d).lastInsertRowid,
  );
}

const UPDATABLE = { title: 'title', source: 'source', date: 'doc_date', variant: 'variant', projectId: 'project_id', trashedAt: 'trashed_at' } as const;
export type DocumentPatch = Partial<Record<keyof typeof UPDATABLE, string | number | null>>;

export function updateDocument(db: Db, id: number, patch: DocumentPatch): void {
  const keys = (Object.keys(patch) as (keyof typeof UPDATABLE)[]).filter((k) => patch[k] !== undefined);
  if (!keys.length) return;
  const sets = keys.map((k) => `${UPDATABLE[k]} = @${k}`).join(', ');
  db.prepare(`UPDATE documents SET ${sets} WHERE id = @id`).run({ ...patch, id });
}

/** Deletes the trashed documents, and each one's settings key named by `settingKeyOf` (its last check run: core/checks.ts). */
export function deleteTrashedDocuments(db: Db, settingKeyOf: (documentId: number) => string): number {
  const ids = db.prepare(`SELECT id FROM documents WHERE trashed_at IS NOT NULL`).pluck().all() as number[];
  const del = db.prepare(`DELETE FROM documents WHERE id = ?`);
  const setting = db.prepare(`DELETE FROM settings WHERE key = ?`);
  for (const id of ids) {
    del.run(id);
    setting.run(settingKeyOf(id));
  }
  // Operations left without revisions can no longer be undone meaningfully.
  db.prepare(`DELETE FROM operations WHERE NOT EXISTS (SELECT 1 FROM revisions r WHERE r.operation_id = operations.id)`).run();
  return ids.length;
}

export function documentExistsWithHash(db: Db, projectId: number, sha256: string): number | undefined {
  return db.prepare(`SELECT id FROM documents WHERE project_id = ? AND content_sha256 = ? AND trashed_at IS NULL`).pluck().get(projectId, sha256) as number | undefined;
}

/** Script, variant and the glossary terms that apply (they feed the rendering; see shared/glossary/conversion.ts). */
export function getDocumentScript(db: Db, id: number): { script: 'hant' | 'hans'; variant: 't' | 'tw' | 'hk'; glossary: GlossaryTermsRow[] } {
  const row = db.prepare(`SELECT script, variant FROM documents WHERE id = ?`).get(id) as { script: 'hant' | 'hans'; variant: 't' | 'tw' | 'hk' };
  return row && { ...row, glossary: glossaryTermsForDocument(db, id) };
}

export function countDocuments(db: Db): number {
  return db.prepare(`SELECT count(*) FROM documents`).pluck().get() as number;
}
