/** A project's settings (migration 015): the house style for standard forms, versioned. */
import type { Db } from '../connection';
import type { StandardForms } from '../../shared/domain/values';

export interface ProjectSettingsRow {
  projectId: number;
  standardForms: StandardForms;
  /** 0: never set */
  version: number;
  updatedAt: string | null;
  updatedBy: string | null;
}

/** The project's settings as stored (no row: the defaults, version 0). */
export function getProjectSettings(db: Db, projectId: number): ProjectSettingsRow {
  const row = db
    .prepare(`SELECT project_id AS projectId, standard_forms AS standardForms, version, updated_at AS updatedAt, updated_by AS updatedBy FROM project_settings WHERE project_id = ?`)
    .get(projectId) as ProjectSettingsRow | undefined;
  return row ?? { projectId, standardForms: 'unset', version: 0, updatedAt: null, updatedBy: null };
}

/** A document's project's standard forms ('unset' without a row). */
export function standardFormsOfDocument(db: Db, documentId: number): StandardForms {
  const v = db.prepare(`SELECT ps.standard_forms FROM documents d JOIN project_settings ps ON ps.project_id = d.project_id WHERE d.id = ?`).pluck().get(documentId) as StandardForms | undefined;
  return v ?? 'unset';
}

/** Set the standard forms; the version goes up by one (the first write stores version 1). */
export function setStandardForms(db: Db, projectId: number, value: StandardForms, now: string, by: string | null): void {
  db.prepare(
    `INSERT INTO project_settings (project_id, standard_forms, version, updated_at, updated_by) VALUES (?, ?, 1, ?, ?)
     ON CONFLICT (project_id) DO UPDATE SET standard_forms = excluded.standard_forms, version = version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  ).run(projectId, value, now, by);
}
