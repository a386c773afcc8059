/**
 * Character diffs between two versions of a segment, shared by re-anchoring,
 * the review grid's diff display and the change report.
 */
import { diffChars } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

// Bounds keep a pathological edit (a whole paragraph replaced) from stalling a save.
const MAX_EDIT_LENGTH = 4000;
const TIMEOUT_MS = 250;

/** Character-level diff; when the diff is too expensive, a single delete+insert. */
export function charDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  const changes = diffChars(before, after, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS });
  if (!changes) {
    const parts: DiffPart[] = [];
    if (before) parts.push({ op: 'delete', text: before });
    if (after) parts.push({ op: 'insert', text: after });
    return parts;
  }
  return changes
    .filter((c) => c.value.length > 0)
    .map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}

/** Number of characters (UTF-16 units) inserted plus deleted. */
export function editDistance(parts: readonly DiffPart[]): number {
  let n = 0;
  for (const p of parts) if (p.op !== 'equal') n += p.text.length;
  return n;
}
