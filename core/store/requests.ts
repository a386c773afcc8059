/** Request ids' part of the store (migration 016; core/requests.ts uses it). */
import type { Db } from '../../db/connection';
import * as reqq from '../../db/queries/request-ids';
import { on } from './bind';

export type { RequestIdRow } from '../../db/queries/request-ids';

export function requestStore(db: Db) {
  return {
    findRequestId: on(db, reqq.findRequestId),
    addRequestId: on(db, reqq.addRequestId),
    pruneRequestIds: on(db, reqq.pruneRequestIds),
  };
}
