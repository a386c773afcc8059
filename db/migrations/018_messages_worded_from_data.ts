import type { Migration } from './types';
import { messageWording } from '../message-wording';

/** Rows read at a time. */
const BATCH = 5000;

/**
 * A finding's English message is stored only where its message data does not word it
 * (db/message-wording.ts `messageWording`): the column holds '' for the others, and every
 * reader words them from the data. Rows already stored are brought to that form here, and the
 * version tells an older Jiaodui, which would show those rows with no English, to refuse the
 * database ('db-future') instead.
 */
export const migration018: Migration = {
  version: 18,
  name: 'finding messages worded from their data',
  up: (db) => {
    // in batches by id: a database of many checked large documents holds millions of rows
    const batch = db.prepare(`SELECT id, message, message_data AS messageData FROM findings WHERE id > ? AND message_data IS NOT NULL AND message != '' ORDER BY id LIMIT ?`);
    const blank = db.prepare(`UPDATE findings SET message = '' WHERE id = ?`);
    const wording = messageWording();
    for (let after = 0; ; ) {
      const rows = batch.all(after, BATCH) as { id: number; message: string; messageData: string }[];
      if (!rows.length) break;
      for (const r of rows) if (wording.stored(r.message, r.messageData) === '') blank.run(r.id);
      after = rows[rows.length - 1].id;
    }
  },
};
