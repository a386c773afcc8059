import type { Migration } from './types';
import { messageWording } from '../message-wording';

/**
 * A finding's English message is stored only where its message data does not word it
 * (db/queries/findings.ts `messageWording`): the column holds '' for the others, and every
 * reader words them from the data. Rows already stored are brought to that form here, and the
 * version tells an older Jiaodui, which would show those rows with no English, to refuse the
 * database ('db-future') instead.
 */
export const migration018: Migration = {
  version: 18,
  name: 'finding messages worded from their data',
  up: (db) => {
    const rows = db.prepare(`SELECT id, message, message_data AS messageData FROM findings WHERE message_data IS NOT NULL AND message != '' ORDER BY id`).all() as { id: number; message: string; messageData: string }[];
    const wording = messageWording();
    const blank = db.prepare(`UPDATE findings SET message = '' WHERE id = ?`);
    for (const r of rows) if (wording.stored(r.message, r.messageData) === '') blank.run(r.id);
  },
};
