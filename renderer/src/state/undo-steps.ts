/**
 * Undo and redo with no step to take. The reviewer's own stack being empty is no failure: the
 * server refuses the call (conflict `nothing-to-undo` / `nothing-to-redo`), nothing was written
 * and nothing is lost, so the window says it as a notice and keeps its save state ("Saved"),
 * never a red "Not saved" in the status bar and an error banner that stays until closed.
 */

const EMPTY_STACK_KEYS: ReadonlySet<string> = new Set(['conflict.nothing-to-undo', 'conflict.nothing-to-redo']);

/** Whether `e` is the refusal of an undo or redo that had no step to take. */
export function isEmptyUndoStack(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const { code, messageData } = e as { code?: unknown; messageData?: { key?: unknown } };
  return code === 'conflict' && typeof messageData?.key === 'string' && EMPTY_STACK_KEYS.has(messageData.key);
}
