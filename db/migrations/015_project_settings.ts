import type { Migration } from './types';

/**
 * Project settings (session 10): the house style for the standard forms writers write both ways
 * (佔/占, 拼/拚 in Taiwan; 公佈/公布, 宣佈/宣布 in Hong Kong; shared/checks/house-style.ts), one row
 * per project once someone has set it (no row: 'unset', version 0). `version` goes up by one on
 * every change: a write based on an older one is refused (core/project-settings.ts), never applied
 * over someone else's choice. `updated_by` names who set it last (the conflict's "by").
 */
export const migration015: Migration = {
  version: 15,
  name: 'project settings',
  up: (db) => {
    db.exec(`
      CREATE TABLE project_settings (
        project_id INTEGER PRIMARY KEY REFERENCES projects(id),
        standard_forms TEXT NOT NULL DEFAULT 'unset' CHECK (standard_forms IN ('unset', 'ministry', 'press')),
        version INTEGER NOT NULL DEFAULT 1,
        updated_at TEXT NOT NULL,
        updated_by TEXT
      );
    `);
  },
};
