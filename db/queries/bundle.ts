/**
 * A project's rows for its bundle (shared/bundle/schema.ts; built and applied by core/bundle.ts):
 * every table's rows of one project with their ids, in id order, and the inserts that store a
 * bundle's rows in another database. Column lists come from BUNDLE_COLUMNS (constants, never input).
 */
import type { Db } from '../connection';
import { BUNDLE_COLUMNS, BUNDLE_TABLES, type AnyBundleRow, type BundleTable } from '../../shared/bundle/schema';
import { nextIdSql } from './next-id';
import { messageWording } from '../message-wording';

/** A stored row as read for a bundle: its columns (references still ids) and its own id (null for WITHOUT ROWID tables). */
export type StoredBundleRow = AnyBundleRow & { id: number | null };

export interface ProjectRows {
  project: { id: number; name: string; created_at: string };
  /** the project's settings row (migration 015), when someone has set them */
  settings: { standard_forms: string; version: number; updated_at: string; updated_by: string | null } | null;
  tables: { [T in BundleTable]: StoredBundleRow[] };
  /** operations of other projects that revised this project's segments (a document moved here) */
  foreignOperations: number[];
  labels: { name: string; color: string; shortcut: string | null; is_claim: number }[];
  /** settings `checks.document.<id>` of the project's documents, and `checks.project.<id>` */
  documentCheckRuns: { documentId: number; value: string }[];
  projectCheckRun: string | null;
}

const DOCS = `SELECT id FROM documents WHERE project_id = :p`;
const SEGS = `SELECT id FROM segments WHERE document_id IN (${DOCS})`;
const ANNS = `SELECT id FROM annotations WHERE segment_id IN (${SEGS})`;
const CLAIMS = `SELECT id FROM claims WHERE document_id IN (${DOCS})`;
const GLOSSARY = `SELECT id FROM glossary_entries WHERE project_id = :p OR document_id IN (${DOCS})`;

/** Which rows of each table belong to the project, and their order. */
const WHERE: { [T in BundleTable]: string } = {
  documents: `project_id = :p ORDER BY id`,
  segments: `document_id IN (${DOCS}) ORDER BY id`,
  parallel_texts: `document_id IN (${DOCS}) ORDER BY id`,
  segment_parallel: `segment_id IN (${SEGS}) ORDER BY segment_id, kind`,
  operations: `project_id = :p OR id IN (SELECT operation_id FROM revisions WHERE segment_id IN (${SEGS})) ORDER BY id`,
  annotations: `segment_id IN (${SEGS}) ORDER BY id`,
  annotation_replies: `annotation_id IN (${ANNS}) ORDER BY id`,
  claims: `document_id IN (${DOCS}) ORDER BY id`,
  claim_history: `claim_id IN (${CLAIMS}) ORDER BY id`,
  claim_candidate_decisions: `document_id IN (${DOCS}) ORDER BY id`,
  glossary_entries: `project_id = :p OR document_id IN (${DOCS}) ORDER BY id`,
  findings: `document_id IN (${DOCS}) ORDER BY id`,
  revisions: `segment_id IN (${SEGS}) ORDER BY id`,
  record_versions: `(kind = 'annotation' AND record_id IN (${ANNS})) OR (kind = 'claim' AND record_id IN (${CLAIMS})) OR (kind = 'glossary' AND record_id IN (${GLOSSARY}))
    ORDER BY kind, record_id, version`,
};

const WITHOUT_ROWID = new Set<BundleTable>(['segment_parallel', 'record_versions']);

/** The SQL expression of a bundle column (an annotation's label is read by name). */
function selectColumn(table: BundleTable, col: string): string {
  if (table === 'annotations' && col === 'label') return `(SELECT name FROM annotation_labels l WHERE l.id = t.label_id) AS label`;
  return `t."${col}"`;
}

/** Every row of the project, per table, in one read (call inside a read transaction for one snapshot). */
export function projectRows(db: Db, projectId: number): ProjectRows | undefined {
  const project = db.prepare(`SELECT id, name, created_at FROM projects WHERE id = ?`).get(projectId) as ProjectRows['project'] | undefined;
  if (!project) return undefined;
  const settings = (db.prepare(`SELECT standard_forms, version, updated_at, updated_by FROM project_settings WHERE project_id = ?`).get(projectId) as ProjectRows['settings'] | undefined) ?? null;
  const p = { p: projectId };
  const tables = Object.fromEntries(
    BUNDLE_TABLES.map((table) => {
      const cols = Object.keys(BUNDLE_COLUMNS[table]).map((c) => selectColumn(table, c));
      const id = WITHOUT_ROWID.has(table) ? 'NULL AS id' : 't.id';
      return [table, db.prepare(`SELECT ${id}, ${cols.join(', ')} FROM ${table} t WHERE ${WHERE[table]}`).all(p) as StoredBundleRow[]];
    }),
  ) as ProjectRows['tables'];
  // a bundle's findings carry their English (version 1's meaning), worded where the database keeps it as data only
  const wording = messageWording();
  for (const r of tables.findings as unknown as { message: string; message_data: string | null }[]) r.message = wording.read(r.message, r.message_data);
  const foreignOperations = db
    .prepare(`SELECT id FROM operations WHERE project_id IS NOT :p AND id IN (SELECT operation_id FROM revisions WHERE segment_id IN (${SEGS})) ORDER BY id`)
    .pluck()
    .all(p) as number[];
  const labels = db
    .prepare(`SELECT name, color, shortcut, is_claim FROM annotation_labels WHERE id IN (SELECT label_id FROM annotations WHERE segment_id IN (${SEGS})) ORDER BY position, id`)
    .all(p) as ProjectRows['labels'];
  const documentCheckRuns = db
    .prepare(`SELECT d.id AS documentId, s.value FROM documents d JOIN settings s ON s.key = 'checks.document.' || d.id WHERE d.project_id = :p ORDER BY d.id`)
    .all(p) as ProjectRows['documentCheckRuns'];
  const projectCheckRun = (db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck().get(`checks.project.${projectId}`) as string | undefined) ?? null;
  return { project, settings, tables, foreignOperations, labels, documentCheckRuns, projectCheckRun };
}

/** Columns an insert may name beyond the bundle's: the project a row belongs to, an annotation's label. */
const EXTRA_COLUMNS: Partial<Record<BundleTable, readonly string[]>> = {
  documents: ['project_id'],
  operations: ['project_id'],
  glossary_entries: ['project_id'],
  annotations: ['label_id'],
};

function insertableColumns(table: BundleTable, row: AnyBundleRow): string[] {
  const allowed = new Set([...Object.keys(BUNDLE_COLUMNS[table]), ...(EXTRA_COLUMNS[table] ?? [])]);
  const cols = Object.keys(row);
  const unknown = cols.find((c) => !allowed.has(c));
  if (unknown !== undefined) throw new Error(`bundle insert: ${table} has no column ${unknown}`);
  return cols;
}

/** Store one row (references already resolved to this database's ids); its new id (0 for WITHOUT ROWID tables). */
export function insertBundleRow(db: Db, table: BundleTable, row: AnyBundleRow): number {
  const cols = insertableColumns(table, row);
  // a document takes an id no document ever had (next-id.ts), as one imported here does (projects: insertProjectRow)
  const idFirst = table === 'documents' && !cols.includes('id') ? { col: '"id", ', value: `${nextIdSql('documents')}, ` } : { col: '', value: '' };
  const r = db.prepare(`INSERT INTO ${table} (${idFirst.col}${cols.map((c) => `"${c}"`).join(', ')}) VALUES (${idFirst.value}${cols.map(() => '?').join(', ')})`).run(...cols.map((c) => row[c]));
  return WITHOUT_ROWID.has(table) ? 0 : Number(r.lastInsertRowid);
}

/** Set a reference that points forward (an operation undone by a later one): after both rows exist. */
export function setBundleReference(db: Db, table: 'operations' | 'segments', id: number, column: 'undone_seq' | 'target_operation_id' | 'parent_id', value: number): void {
  db.prepare(`UPDATE ${table} SET "${column}" = ? WHERE id = ?`).run(value, id);
}

/** A bundle's project settings as they were stored where it was exported (version, who and when kept). */
export function insertProjectSettingsRow(db: Db, projectId: number, r: { standard_forms: string; version: number; updated_at: string; updated_by: string | null }): void {
  db.prepare(`INSERT INTO project_settings (project_id, standard_forms, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?)`).run(projectId, r.standard_forms, r.version, r.updated_at, r.updated_by);
}

export function insertProjectRow(db: Db, name: string, createdAt: string): number {
  return Number(db.prepare(`INSERT INTO projects (id, name, created_at) VALUES (${nextIdSql('projects')}, ?, ?)`).run(name, createdAt).lastInsertRowid);
}

/** A label by name (case-insensitive, as names are unique), or undefined. */
export function labelIdByName(db: Db, name: string): number | undefined {
  return db.prepare(`SELECT id FROM annotation_labels WHERE name = ? COLLATE NOCASE`).pluck().get(name) as number | undefined;
}

/** Add a label a bundle brings (its shortcut only when no label has it yet); its id. */
export function insertBundleLabel(db: Db, l: { name: string; color: string; shortcut: string | null; is_claim: number }, createdAt: string): number {
  const shortcutFree = l.shortcut !== null && db.prepare(`SELECT 1 FROM annotation_labels WHERE shortcut = ?`).get(l.shortcut) === undefined;
  const position = (db.prepare(`SELECT ifnull(max(position), -1) + 1 FROM annotation_labels`).pluck().get() as number) ?? 0;
  return Number(
    db
      .prepare(`INSERT INTO annotation_labels (name, color, shortcut, position, created_at, is_claim) VALUES (?, ?, ?, ?, ?, ?)`)
      .run(l.name, l.color, shortcutFree ? l.shortcut : null, position, createdAt, l.is_claim).lastInsertRowid,
  );
}

/** Note a check run of an imported document or project (settings checks.*). */
export function setCheckRun(db: Db, key: `checks.document.${number}` | `checks.project.${number}`, value: string): void {
  db.prepare(`INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`).run(key, value);
}
