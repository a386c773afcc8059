/** Word-level diff for English text (the English column draws corrections word by word). */
import { diffWordsWithSpace } from 'diff';
import { charDiff, type DiffPart } from '../text/diff';

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ op: 'equal', text: before }] : [];
  if (before.length + after.length > 20_000) return charDiff(before, after);
  return diffWordsWithSpace(before, after)
    .filter((c) => c.value.length > 0)
    .map((c) => ({ op: c.added ? 'insert' : c.removed ? 'delete' : 'equal', text: c.value }));
}
