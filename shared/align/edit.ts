/**
 * Alignment edits on a parallel column: merge a row with the next, split a row at a
 * position (the rest goes to the start of the next row), shift a row's text up or down.
 * Pure: given the column's texts, returns the rows that change (before → after); the
 * service records each as a revision, so alignment edits are undoable like any other.
 */
export type AlignEdit =
  | { op: 'merge' }
  | { op: 'split'; at: number }
  | { op: 'shift'; direction: 'up' | 'down' };

export interface CellChange {
  index: number;
  before: string;
  after: string;
}

function join(x: string, y: string, sep: string): string {
  if (!x) return y;
  if (!y) return x;
  return x + sep + y;
}

/** `sep`: what joins two pieces of text (' ' for English, '' for Chinese). */
export function applyAlignEdit(texts: readonly string[], index: number, edit: AlignEdit, sep: string): CellChange[] {
  if (index < 0 || index >= texts.length) throw new RangeError(`row ${index} is outside the column`);
  const cur = texts[index];
  const out: CellChange[] = [];
  const set = (i: number, after: string) => {
    if (texts[i] !== after) out.push({ index: i, before: texts[i], after });
  };
  switch (edit.op) {
    case 'merge': {
      if (index + 1 >= texts.length) throw new RangeError('the last row has no next row to merge with');
      set(index, join(cur, texts[index + 1], sep));
      set(index + 1, '');
      break;
    }
    case 'split': {
      if (index + 1 >= texts.length) throw new RangeError('the last row has no next row to split into');
      if (edit.at <= 0 || edit.at >= cur.length) throw new RangeError('split inside the text');
      const left = cur.slice(0, edit.at).trimEnd();
      const right = cur.slice(edit.at).trimStart();
      set(index, left);
      set(index + 1, join(right, texts[index + 1], sep));
      break;
    }
    case 'shift': {
      const to = edit.direction === 'down' ? index + 1 : index - 1;
      if (to < 0 || to >= texts.length) throw new RangeError(`no row ${edit.direction === 'down' ? 'below' : 'above'} to shift into`);
      set(to, edit.direction === 'down' ? join(cur, texts[to], sep) : join(texts[to], cur, sep));
      set(index, '');
      break;
    }
  }
  return out;
}
