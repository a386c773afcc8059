/**
 * An open correction is never dropped without a word. Opening another segment's editor (Enter,
 * a double click) or another document while the open editor holds text that differs from the
 * segment's is refused: the editor keeps its text and gets the keyboard back, and the reviewer
 * saves it (Enter, Ctrl+Enter) or discards it (Esc) first. An editor whose text is unchanged
 * closes as before.
 */
import { parseStoredJson } from './json';

/** The open editor: the segment it edits and its text now. */
export interface OpenEdit {
  segmentId: number;
  draft: string;
}

/** Where the open editor's unsaved text is (`index` in the segments, `row` 1-based), or null when there is none. */
export interface HeldEdit {
  index: number;
  row: number;
}

/** The open editor when its text differs from its segment's text as read, else null. */
export function unsavedEdit(editing: OpenEdit | null, segments: readonly { id: number; text: string }[]): HeldEdit | null {
  if (!editing) return null;
  const index = segments.findIndex((s) => s.id === editing.segmentId);
  if (index < 0 || segments[index].text === editing.draft) return null;
  return { index, row: index + 1 };
}

/**
 * Whether opening the editor of segment `target` (null: leaving the document) would drop the
 * open editor's unsaved text: that edit, else null. The same segment's editor is the open one.
 */
export function editHeldBy(editing: OpenEdit | null, segments: readonly { id: number; text: string }[], target: number | null): HeldEdit | null {
  if (editing && target === editing.segmentId) return null;
  return unsavedEdit(editing, segments);
}

/**
 * A correction Esc discarded: kept so that it can be restored (the notice's Restore, Alt+Z), on
 * the version it was based on, so saving it is checked as any edit is. Esc with unchanged text
 * keeps nothing.
 */
export interface DiscardedEdit {
  documentId: number;
  segmentId: number;
  draft: string;
  version?: number | null;
}

/** What Esc in the editor keeps: the open editor's changed text, else null (it just closes). */
export function discardedBy(editing: (OpenEdit & { version?: number | null }) | null, documentId: number | null, segments: readonly { id: number; text: string }[]): DiscardedEdit | null {
  const held = unsavedEdit(editing, segments);
  if (!editing || !held || documentId === null) return null;
  return { documentId, segmentId: editing.segmentId, draft: editing.draft, version: editing.version };
}

/**
 * Where a discarded correction can be restored: its segment's index in the open document, or null
 * (nothing discarded, another document open, its segment gone, or its text now what was typed;
 * `textOf`: which text, the segment's by default, the English for the English editor's draft).
 */
export function restoreIndex<S extends { id: number; text: string }>(discarded: DiscardedEdit | null, documentId: number | null, segments: readonly S[], textOf: (s: S) => string = (s) => s.text): number | null {
  if (!discarded || discarded.documentId !== documentId) return null;
  const index = segments.findIndex((s) => s.id === discarded.segmentId);
  return index < 0 || textOf(segments[index]) === discarded.draft ? null : index;
}

/**
 * What Esc in the English editor keeps (the grid's second or third column): its draft when it
 * differs from the English as saved, with the version the editor opened on, else null.
 */
export function discardedEnglish(documentId: number | null, segmentId: number, draft: string, saved: string, version?: number | null): DiscardedEdit | null {
  if (documentId === null || draft === saved) return null;
  return { documentId, segmentId, draft, version };
}

/**
 * localStorage key of the correction Esc discarded last (per team server, `backendKey`): it stays
 * restorable (Alt+Z) after a reload, a crash or a closed window, until its segment is saved, it is
 * restored, or another correction is discarded.
 */
export const DISCARDED_EDIT_KEY = 'jiaodui.discardedEdit';

/** Parse what DISCARDED_EDIT_KEY holds; null for nothing or anything malformed. */
export function parseDiscardedEdit(raw: string | null): DiscardedEdit | null {
  if (!raw) return null;
  const v = parseStoredJson(raw);
  if (typeof v !== 'object' || v === null) return null;
  const d = v as Record<string, unknown>;
  const id = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0;
  if (!id(d.documentId) || !id(d.segmentId) || typeof d.draft !== 'string') return null;
  if (d.version !== undefined && d.version !== null && !id(d.version)) return null;
  return { documentId: d.documentId as number, segmentId: d.segmentId as number, draft: d.draft, version: (d.version as number | null | undefined) ?? null };
}
