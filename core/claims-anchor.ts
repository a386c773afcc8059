/**
 * Claims follow text changes the way annotations do (called from applyText and
 * applyStructure in segment-writes.ts); their cross-check findings follow them.
 */
import type { Store } from './store';
import { makeAnchor, mapPosition, reanchor } from '../shared/text/anchor';
import type { DiffPart } from '../shared/text/diff';
import { refreshClaimFindings } from './claims-findings';

export function reanchorClaims(store: Store, segmentId: number, oldText: string, newText: string, parts: readonly DiffPart[], now: string): void {
  const claims = store.segmentClaims(segmentId);
  for (const c of claims) {
    if (c.orphaned) continue;
    store.setClaimAnchor(c.id, reanchor(c, oldText, newText, parts), now);
  }
  if (claims.length) refreshClaimFindings(store, claims[0].documentId, now);
}

/**
 * Split/merge (and their undo): carry the claims of the segments leaving to the segments
 * arriving, by their position in the joined text (as applyStructure does for annotations).
 */
export function carryClaims(
  store: Store,
  leaving: readonly { id: number }[],
  fromStarts: readonly number[],
  arriving: readonly { id: number; text: string }[],
  toStarts: readonly number[],
  parts: readonly DiffPart[],
  now: string,
): void {
  const documents = new Set<number>();
  leaving.forEach((seg, i) => {
    for (const c of store.segmentClaims(seg.id)) {
      documents.add(c.documentId);
      const gs = mapPosition(parts, fromStarts[i] + c.start, 'start');
      const ge = Math.max(gs, mapPosition(parts, fromStarts[i] + c.end, 'end'));
      let k = arriving.length - 1;
      while (k > 0 && toStarts[k] > gs) k--;
      const target = arriving[k];
      const anchor = makeAnchor(target.text, Math.min(gs - toStarts[k], target.text.length), Math.min(ge - toStarts[k], target.text.length));
      store.moveClaim(c.id, target.id);
      store.setClaimAnchor(c.id, { ...anchor, orphaned: c.orphaned || anchor.exact !== c.exact }, now);
    }
  });
  for (const d of documents) refreshClaimFindings(store, d, now);
}
