import type { Migration } from './types';

/**
 * Operation labels in the UI language: besides the English `label`, an operation keeps its
 * label as key + params (JSON `{ key, params, of? }`, shared/operation-labels.ts), which the
 * renderer words through its catalogs. Older rows keep null and show the English label.
 */
export const migration009: Migration = {
  version: 9,
  name: 'operation label keys',
  up: (db) => {
    db.exec(`ALTER TABLE operations ADD COLUMN label_data TEXT`);
  },
};
