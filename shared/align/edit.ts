/**
 * Alignment edits on a parallel column: merge a row with the next, split a row at a
 * position (the rest goes to the start of the next row), shift a row's text up or down.
 * Pure: given the column's texts, returns the rows that change (before → after); the
 * service records each as a revision, so alignment edits are undoable like any other.
 */
import { em, type ErrorMessageKey, type ErrorMessageParams } from '../error-messages';
import { JiaoduiError } from '../errors';

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
/** Why an edit cannot be made here ('invalid-input'; core/parallel.ts says which edit). */
function alignError(key: ErrorMessageKey, params: ErrorMessageParams = {}): JiaoduiError {
  return new JiaoduiError('invalid-input', em(key, params));
}

export function applyAlignEdit(texts: readonly string[], index: number, edit: AlignEdit, sep: string): CellChange[] {
  if (index < 0 || index >= texts.length) throw alignError('align.outside', { row: index });
  const cur = texts[index];
  const out: CellChange[] = [];
  const set = (i: number, after: string) => {
    if (texts[i] !== after) out.push({ index: i, before: texts[i], after });
  };
  switch (edit.op) {
    case 'merge': {
      if (index + 1 >= texts.length) throw alignError('align.merge-last');
      set(index, join(cur, texts[index + 1], sep));
      set(index + 1, '');
      break;
    }
    case 'split': {
      if (index + 1 >= texts.length) throw alignError('align.split-last');
      if (edit.at <= 0 || edit.at >= cur.length) throw alignError('align.split-edge');
      const left = cur.slice(0, edit.at).trimEnd();
      const right = cur.slice(edit.at).trimStart();
      set(index, left);
      set(index + 1, join(right, texts[index + 1], sep));
      break;
    }
    case 'shift': {
      const to = edit.direction === 'down' ? index + 1 : index - 1;
      if (to < 0 || to >= texts.length) throw alignError(edit.direction === 'down' ? 'align.shift-below' : 'align.shift-above');
      set(to, edit.direction === 'down' ? join(cur, texts[to], sep) : join(texts[to], cur, sep));
      set(index, '');
      break;
    }
  }
  return out;
}
