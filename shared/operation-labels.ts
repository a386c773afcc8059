/**
 * Labels of operations (the undo stack, the change log), one builder per kind. Each returns
 * `{ key, params, text }`: `text` is the English label stored in `operations.label` (and
 * shown by the CLI), `key` + `params` are stored beside it (migration 009) so the renderer
 * can word the label in the UI language (renderer/src/i18n-operations.ts has an English and
 * a Traditional Chinese template per key). Rows written before migration 009 have no key:
 * `parseOperationLabel` gives null and the English text is shown.
 * Pure: runs in Node and the browser.
 */
import type { OperationLabelRef, OperationLabelParams } from './domain/schemas';

/** Every label key; the renderer's catalogs must have a template for each (i18n-catalogs.test.ts). */
export const OPERATION_LABEL_KEYS = [
  'segment.edit',
  'segment.editApprove',
  'segment.status',
  'segments.status',
  'segment.furniture.mark',
  'segment.furniture.unmark',
  'segment.split',
  'segments.merge',
  'segment.revert.machine',
  'segment.revert.revision',
  'undo',
  'redo',
  'fix.one',
  'fix.many',
  'dismiss',
  'claim.add',
  'claim.edit',
  'claim.delete',
  'claim.candidate.reject',
  'claim.candidate.restore',
  'xliff.import.one',
  'xliff.import',
  'glossary.apply.one',
  'glossary.apply',
  'mt.segment',
  'mt.segments',
  'english.edit',
  'english.editApprove',
  'english.status',
  'english.statuses',
  'align.english.merge',
  'align.english.split',
  'align.english.shift.up',
  'align.english.shift.down',
  'align.source.merge',
  'align.source.split',
  'align.source.shift.up',
  'align.source.shift.down',
  'replace',
  'propagate.one',
  'propagate',
  'parallel.attach.english',
  'parallel.attach.source',
] as const;
export type OperationLabelKey = (typeof OPERATION_LABEL_KEYS)[number];

/** Params whose values are words the renderer translates too (`status`: a segment status; `fields`: claim fields). */
export const TRANSLATED_PARAMS = { status: ['unreviewed', 'edited', 'approved'], fields: ['text', 'type', 'claimant', 'claimDate', 'verdict', 'evidence', 'notes', 'status', 'assignee', 'ratingNote', 'reviewUrl', 'span'] } as const;

export interface OperationLabel extends OperationLabelRef {
  key: OperationLabelKey;
  /** the English label (operations.label) */
  text: string;
}

const L = (key: OperationLabelKey, params: OperationLabelParams, text: string): OperationLabel => ({ key, params, text });

// ---- segments (core/service.ts) ---------------------------------------------------------------

export const editSegmentLabel = (n: number) => L('segment.edit', { n }, `Edit segment ${n}`);
/** An edit approved in the same step (editSegment with `approve`: the app's Ctrl+Enter). */
export const editApproveLabel = (n: number) => L('segment.editApprove', { n }, `Edit and approve segment ${n}`);

export function statusLabel(ns: readonly number[], status: string): OperationLabel {
  return ns.length === 1
    ? L('segment.status', { n: ns[0], status }, `Mark segment ${ns[0]} ${status}`)
    : L('segments.status', { count: ns.length, status }, `Mark ${ns.length} segments ${status}`);
}

export const furnitureLabel = (n: number, mark: boolean) =>
  L(mark ? 'segment.furniture.mark' : 'segment.furniture.unmark', { n }, `${mark ? 'Mark' : 'Unmark'} segment ${n} as furniture`);

export const splitLabel = (n: number) => L('segment.split', { n }, `Split segment ${n}`);

export const mergeLabel = (n: number) => L('segments.merge', { n, next: n + 1 }, `Merge segments ${n} and ${n + 1}`);

/** Revert to the machine text (revision null) or to a revision's text (core/history.ts). */
export const revertLabel = (n: number, revision: number | null) =>
  revision === null
    ? L('segment.revert.machine', { n }, `Revert segment ${n} to the machine text`)
    : L('segment.revert.revision', { n, revision }, `Revert segment ${n} to revision ${revision}`);

/** "Undo X" / "Redo X": wraps the target's label (`of`, when the target has a key; `label` is its English text). */
export function replayLabel(kind: 'undo' | 'redo', target: { label: string; structured: OperationLabelRef | null }): OperationLabel {
  const text = `${kind === 'undo' ? 'Undo' : 'Redo'} ${target.label}`;
  const of = target.structured ? { key: target.structured.key, params: target.structured.params } : undefined;
  return { key: kind, params: { label: target.label }, ...(of ? { of } : {}), text };
}

// ---- checks --------------------------------------------------------------------------------

export const fixLabel = (rule: string, count: number, n: number) =>
  count > 1 ? L('fix.many', { count, rule }, `Fix ${count} × ${rule}`) : L('fix.one', { rule, n }, `Fix ${rule} in segment ${n}`);

export const dismissLabel = (rule: string) => L('dismiss', { rule }, `Dismiss ${rule}`);

// ---- claims (core/claims.ts) ------------------------------------------------------------------

export const addClaimLabel = (n: number) => L('claim.add', { n }, `Add claim in segment ${n}`);

export const editClaimLabel = (id: number, fields: readonly string[], n: number) =>
  L('claim.edit', { id, fields: [...fields], n }, `Edit claim ${id} (${fields.join(', ')}) in segment ${n}`);

export const deleteClaimLabel = (id: number, n: number) => L('claim.delete', { id, n }, `Delete claim ${id} in segment ${n}`);

export const claimCandidateLabel = (rejected: boolean, n: number) =>
  L(rejected ? 'claim.candidate.reject' : 'claim.candidate.restore', { n }, `${rejected ? 'Reject' : 'Restore'} claim candidate in segment ${n}`);

// ---- imports, glossary, machine translation, English, alignment ---------------------------

export const xliffImportLabel = (count: number) =>
  count === 1 ? L('xliff.import.one', { count }, 'Import XLIFF (1 segment)') : L('xliff.import', { count }, `Import XLIFF (${count} segments)`);

export const applyGlossaryLabel = (count: number) =>
  count === 1 ? L('glossary.apply.one', { count }, 'Apply glossary to 1 segment') : L('glossary.apply', { count }, `Apply glossary to ${count} segments`);

export const mtSegmentLabel = (n: number) => L('mt.segment', { n }, `Machine-translate segment ${n}`);

/** A translation job's writes joined into one operation (core/mt.ts). */
export const mtSegmentsLabel = (count: number) => L('mt.segments', { count }, `Machine-translate ${count} segments`);

export const editEnglishLabel = (n: number) => L('english.edit', { n }, `Edit English of segment ${n}`);
export const editApproveEnglishLabel = (n: number) => L('english.editApprove', { n }, `Edit and approve English of segment ${n}`);

export function englishStatusLabel(ns: readonly number[], status: string): OperationLabel {
  return ns.length === 1
    ? L('english.status', { n: ns[0], status }, `Mark English of segment ${ns[0]} ${status}`)
    : L('english.statuses', { count: ns.length, status }, `Mark English of ${ns.length} segments ${status}`);
}

/** Attaching (or aligning again) a parallel text: recorded off the undo stack, so its revisions move the fields' versions (issue 16). */
export const attachParallelLabel = (kind: 'english' | 'source') =>
  kind === 'english' ? L('parallel.attach.english', {}, 'Attach the English rendering') : L('parallel.attach.source', {}, 'Attach the original source');

export function alignLabel(kind: 'english' | 'source', op: 'merge' | 'split' | 'shift', direction: 'up' | 'down' | undefined, n: number): OperationLabel {
  const what = kind === 'english' ? 'English' : 'source';
  const key = (op === 'shift' ? `align.${kind}.shift.${direction ?? 'down'}` : `align.${kind}.${op}`) as OperationLabelKey;
  return L(key, { n }, `Align ${what}: ${op}${direction ? ` ${direction}` : ''} at segment ${n}`);
}

// ---- find/replace and repetitions (core/replace.ts) ------------------------------------------

function clip(s: string, max = 30): string {
  return s.length > max ? s.slice(0, max - 1) + '…' : s;
}

export const replaceLabel = (find: string, replacement: string) =>
  L('replace', { find: clip(find), replace: clip(replacement) }, `Replace “${clip(find)}” with “${clip(replacement)}”`);

export const propagateLabel = (n: number, count: number) =>
  count === 1
    ? L('propagate.one', { n, count }, `Apply the correction of segment ${n} to 1 repetition`)
    : L('propagate', { n, count }, `Apply the correction of segment ${n} to ${count} repetitions`);

// ---- storage -------------------------------------------------------------------------------

/** The JSON stored in operations.label_data: key, params (and `of` for undo/redo). */
export function serializeOperationLabel(l: OperationLabelRef): string {
  return JSON.stringify(l.of ? { key: l.key, params: l.params, of: l.of } : { key: l.key, params: l.params });
}

const isParams = (v: unknown): v is OperationLabelParams =>
  !!v &&
  typeof v === 'object' &&
  !Array.isArray(v) &&
  Object.values(v).every((p) => typeof p === 'string' || typeof p === 'number' || (Array.isArray(p) && p.every((x) => typeof x === 'string')));

const isRef = (v: unknown): v is { key: string; params: OperationLabelParams } =>
  !!v && typeof v === 'object' && typeof (v as { key?: unknown }).key === 'string' && isParams((v as { params?: unknown }).params);

/** The stored label data, or null (rows before migration 009, or anything unreadable): show the English text then. */
export function parseOperationLabel(json: string | null | undefined): OperationLabelRef | null {
  if (!json) return null;
  let v: unknown;
  try {
    v = JSON.parse(json);
  } catch {
    return null;
  }
  if (!isRef(v)) return null;
  const of = (v as { of?: unknown }).of;
  if (of !== undefined && !isRef(of)) return null;
  return of ? { key: v.key, params: v.params, of: { key: of.key, params: of.params } } : { key: v.key, params: v.params };
}
