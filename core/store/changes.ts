/** The change log's part of the store (migration 011): what the engine appends and the feed reads. */
import type { Db } from '../../db/connection';
import * as changeq from '../../db/queries/changes';
import { on } from './bind';

export type { ChangeRow, NewChange } from '../../db/queries/changes';

export function changeStore(db: Db) {
  return {
    /** The connection's count of rows written so far: a transaction wrote something when it moved. */
    writesSoFar: on(db, changeq.totalChanges),
    appendChange: on(db, changeq.appendChange),
    /** The newest seq (0: an empty log). */
    latestChangeSeq: on(db, changeq.latestSeq),
    /** The oldest seq still kept (0: an empty log). */
    oldestChangeSeq: on(db, changeq.oldestSeq),
    changesAfter: on(db, changeq.changesAfter),
    pruneChanges: on(db, changeq.pruneChanges),
  };
}
