/** Claims follow text changes the way annotations do (called from applyText in segment-writes.ts). */
import type { Db } from '../db/connection';
import * as cq from '../db/queries/claims';
import { reanchor } from '../shared/text/anchor';
import type { DiffPart } from '../shared/text/diff';

export function reanchorClaims(db: Db, segmentId: number, oldText: string, newText: string, parts: readonly DiffPart[], now: string): void {
  for (const c of cq.listClaimsOfSegment(db, segmentId)) {
    if (c.orphaned) continue;
    cq.updateClaimAnchor(db, c.id, reanchor(c, oldText, newText, parts), now);
  }
}
