/**
 * What the status bar says of saving: saving, a failed save, a correction not saved yet in the
 * open editor, or saved. "Saved" is never said while an editor holds text that is not.
 */
import type { SaveState } from './useReview';

export type SaveLine =
  | { kind: 'saving' }
  | { kind: 'error'; message: string }
  | { kind: 'unsaved'; row: number }
  | { kind: 'saved' };

/** `unsavedRow`: the open editor's row (1-based) while its text differs from the segment's, else null. */
export function saveLine(state: SaveState, unsavedRow: number | null): SaveLine {
  if (state.kind !== 'saved') return state;
  return unsavedRow !== null ? { kind: 'unsaved', row: unsavedRow } : state;
}
