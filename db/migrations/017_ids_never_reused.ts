import type { Migration } from './types';

/**
 * Project and document ids are never given twice. SQLite gives a new row one more than the largest
 * id in the table, so deleting the newest document (emptying the Trash) or project let the next
 * import take its id: a window, a team member's open view, a bookmark (the last document opened),
 * a kept claim write or a settings key (`checks.document.N`) naming the old one then named a new,
 * unrelated one. `id_high_water` keeps the largest id each table ever held (a trigger notes a
 * deleted row's); inserts take one more than both (db/queries/next-id.ts).
 */
export const migration017: Migration = {
  version: 17,
  name: 'ids never reused',
  up: (db) => {
    db.exec(`
      CREATE TABLE id_high_water (tbl TEXT PRIMARY KEY, last INTEGER NOT NULL) WITHOUT ROWID;
      INSERT INTO id_high_water (tbl, last) SELECT 'projects', coalesce(max(id), 0) FROM projects;
      INSERT INTO id_high_water (tbl, last) SELECT 'documents', coalesce(max(id), 0) FROM documents;
      CREATE TRIGGER projects_id_high_water AFTER DELETE ON projects BEGIN
        UPDATE id_high_water SET last = max(last, OLD.id) WHERE tbl = 'projects';
      END;
      CREATE TRIGGER documents_id_high_water AFTER DELETE ON documents BEGIN
        UPDATE id_high_water SET last = max(last, OLD.id) WHERE tbl = 'documents';
      END;
    `);
  },
};
