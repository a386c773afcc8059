import type { Migration } from './types';

/**
 * Finding messages in the UI language: besides the English `message`, a finding keeps its
 * message as key + params (JSON `{ key, params }`, shared/finding-messages.ts), which the
 * renderer words through its catalogs. Older rows keep null and show the English message.
 */
export const migration010: Migration = {
  version: 10,
  name: 'finding message data',
  up: (db) => {
    db.exec(`ALTER TABLE findings ADD COLUMN message_data TEXT`);
  },
};
