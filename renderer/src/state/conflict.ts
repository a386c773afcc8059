/**
 * The conflict view's logic (issue 16), pure: which write each choice makes, and the merge
 * editor's starting text. The ConflictDialog only shows; useConflict runs the write.
 *
 * - keep theirs: nothing to write (their revision is what is stored); the row is refreshed.
 * - keep mine: the refused value, written against THEIR version (an ordinary new revision
 *   that undo takes back like any other).
 * - merge by hand: the editor's text, written against their version the same way.
 */
import type { ArgsOf } from '../../../shared/contract/api';
import type { EditConflict, SegmentStatus } from '../../../shared/domain/schemas';
import { charDiff } from '../../../shared/text/diff';

export type ConflictChoice = { kind: 'theirs' } | { kind: 'mine' } | { kind: 'merge'; text: string };

/** A write the resolution makes, as a contract call. */
export type ResolutionWrite =
  | { method: 'editSegment'; args: ArgsOf<'editSegment'> }
  | { method: 'setStatus'; args: ArgsOf<'setStatus'> }
  | { method: 'setFurniture'; args: ArgsOf<'setFurniture'> }
  | { method: 'editEnglish'; args: ArgsOf<'editEnglish'> }
  | { method: 'setEnglishStatus'; args: ArgsOf<'setEnglishStatus'> };

/** Only text fields can be merged by hand (a status is one value or the other). */
export function canMerge(c: EditConflict): boolean {
  return c.field === 'text' || c.field === 'en';
}

/** The write a choice makes; null when nothing needs writing (keep theirs, or mine is already stored). */
export function resolutionWrite(c: EditConflict, choice: ConflictChoice): ResolutionWrite | null {
  if (choice.kind === 'theirs') return null;
  if (choice.kind === 'merge' && !canMerge(c)) throw new Error(`A ${c.field} cannot be merged by hand.`);
  const value = choice.kind === 'merge' ? choice.text : c.mine;
  if (value === c.theirs) return null;
  const version = c.theirsVersion;
  switch (c.field) {
    case 'text':
      return { method: 'editSegment', args: { segmentId: c.segmentId, text: value ?? '', version } };
    case 'en':
      return { method: 'editEnglish', args: { segmentId: c.segmentId, text: value ?? '', version } };
    case 'status':
      return { method: 'setStatus', args: { segmentIds: [c.segmentId], status: value as SegmentStatus, versions: [version] } };
    case 'enStatus':
      return { method: 'setEnglishStatus', args: { segmentIds: [c.segmentId], status: value as SegmentStatus, versions: [version] } };
    case 'furniture':
      return { method: 'setFurniture', args: { segmentId: c.segmentId, furniture: value !== null, version } };
  }
}

interface Edit {
  /** the replaced range of the base text */
  start: number;
  end: number;
  text: string;
}

/** The base→other character diff as edits on the base's offsets. */
function editsOf(base: string, other: string): Edit[] {
  const edits: Edit[] = [];
  let pos = 0;
  for (const p of charDiff(base, other)) {
    const last = edits.at(-1);
    const touching = last && last.end === pos;
    if (p.op === 'equal') pos += p.text.length;
    else if (p.op === 'delete') {
      if (touching) last.end += p.text.length;
      else edits.push({ start: pos, end: pos + p.text.length, text: '' });
      pos += p.text.length;
    } else if (touching) last.text += p.text;
    else edits.push({ start: pos, end: pos, text: p.text });
  }
  return edits;
}

const overlaps = (a: Edit, b: Edit) => (a.start < b.end && b.start < a.end) || (a.start === b.start && (a.start === a.end || b.start === b.end));

/**
 * The merge editor's starting text: their text with my changes carried over where they touch
 * other parts of the base than theirs (a character-level three-way merge); where both changed
 * the same part, the editor starts from mine, and the reviewer decides.
 */
export function mergeDraft(c: Pick<EditConflict, 'base' | 'theirs' | 'mine'>): string {
  const base = c.base ?? '';
  const theirs = c.theirs ?? '';
  const mine = c.mine ?? '';
  const a = editsOf(base, mine);
  const b = editsOf(base, theirs);
  if (a.some((x) => b.some((y) => overlaps(x, y)))) return mine;
  const all = [...a, ...b].sort((x, y) => y.start - x.start || y.end - x.end);
  let out = base;
  for (const e of all) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
