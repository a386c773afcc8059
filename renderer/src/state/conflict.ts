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
import type { EditConflict, EditConflictDetails, RecordConflictDetails, RecordFieldConflict, RecordKind, SegmentStatus } from '../../../shared/domain/schemas';
import { charDiff } from '../../../shared/text/diff';
import { parseGlossaryScopeValue } from '../../../shared/contract/conflict';

/** What the view shows: a segment field's conflict, or a record's (annotation, claim, glossary entry). */
export type ShownConflict = EditConflictDetails | RecordConflictDetails;

export const isRecordConflict = (c: ShownConflict): c is RecordConflictDetails => 'record' in c;

/** A key that changes when another conflict is shown (the view starts afresh). */
export const conflictKey = (c: ShownConflict): string => (isRecordConflict(c) ? `${c.record}:${c.id}:${c.theirsVersion}` : `${c.segmentId}:${c.theirsVersion ?? ''}`);

/**
 * The conflicts waiting to be shown, with one more: a newer conflict of the same segment field or
 * record takes the place of the one waiting (its theirs is the newer); others wait their turn after it.
 */
export function addConflict(list: readonly ShownConflict[], c: ShownConflict): ShownConflict[] {
  const target = (x: ShownConflict) => (isRecordConflict(x) ? `${x.record}:${x.id}` : `${x.segmentId}:${x.field}`);
  const i = list.findIndex((x) => target(x) === target(c));
  return i < 0 ? [...list, c] : list.map((x, k) => (k === i ? c : x));
}

/** merge: a segment field's merged text; mergeFields: a record's fields as merged by hand (fields left out keep mine). */
export type ConflictChoice = { kind: 'theirs' } | { kind: 'mine' } | { kind: 'merge'; text: string } | { kind: 'mergeFields'; fields: Record<string, string | null> };

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
  if (choice.kind === 'mergeFields') throw new Error('A segment field is merged as one text.');
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

/**
 * The open editor's save when the view shows a status conflict of it: a save with its approval
 * (Ctrl+Enter, or its retry after the team server came back) refused only because someone changed
 * the segment's status since. Its text was not refused, and is not in the conflict's details.
 */
export interface RefusedSave {
  segmentId: number;
  /** the editor's text */
  text: string;
  /** the text version the editor opened on */
  version?: number | null;
}

/**
 * A status conflict of a refused save with approval: the choice must not lose the editor's text.
 * Keep mine saves the text and the approval in one operation against THEIR status version; keep
 * theirs writes nothing and leaves the editor open with the text (saving it is then an ordinary
 * save). null: not such a conflict (a text conflict, another segment's, another status) — the
 * ordinary resolution applies.
 */
export function saveResolution(c: EditConflictDetails, choice: ConflictChoice, save: RefusedSave | null): { write: ResolutionWrite | null; keepEditor: boolean } | null {
  if (!save || save.segmentId !== c.segmentId || c.field !== 'status' || c.mine !== 'approved') return null;
  if (c.conflicts.some((x) => x.segmentId === save.segmentId && x.field === 'text')) return null;
  if (choice.kind === 'theirs') return { write: null, keepEditor: true };
  if (choice.kind !== 'mine') throw new Error(`A ${c.field} cannot be merged by hand.`);
  return { write: { method: 'editSegment', args: { segmentId: save.segmentId, text: save.text, version: save.version, approve: true, statusVersion: c.theirsVersion } }, keepEditor: false };
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

// ---- annotations, claims, glossary entries (record versions, migration 012) ----------------

/** A write resolving a record conflict: the chosen fields, written against THEIR version. */
export type RecordResolutionWrite =
  | { method: 'updateAnnotation'; args: ArgsOf<'updateAnnotation'> }
  | { method: 'updateClaim'; args: ArgsOf<'updateClaim'> }
  | { method: 'saveGlossaryEntry'; args: ArgsOf<'saveGlossaryEntry'> }
  /** a refused deletion (action 'delete'), kept: deleted against their version */
  | { method: 'deleteClaim'; args: ArgsOf<'deleteClaim'> };

const MERGEABLE: Record<RecordKind, readonly string[]> = {
  annotation: ['body'],
  claim: ['text', 'claimant', 'notes'],
  glossary: ['term', 'variants', 'note', 'english'],
};

/** Free-text fields are merged in an editor; the others (a label, a type, a verdict…) are one value or the other. */
export function canMergeField(record: RecordKind, field: string): boolean {
  return MERGEABLE[record].includes(field);
}

/** The fields the view shows: those someone else changed to something other than mine. */
export function shownFields(c: RecordConflictDetails): RecordFieldConflict[] {
  return c.fields.filter((f) => f.conflicting);
}

/** The merge editor's start: mine where nobody else changed the field; for the others a three-way merge (free text) or mine. */
export function recordMergeDraft(c: RecordConflictDetails): Record<string, string | null> {
  return Object.fromEntries(
    c.fields.map((f) => [f.field, f.conflicting && canMergeField(c.record, f.field) && f.base !== null ? mergeDraft({ base: f.base, theirs: f.theirs, mine: f.mine }) : f.mine]),
  );
}

/** Which kind of scope a conflict's scope value names (the dialog words it: this document / the whole project). */
export function scopeKindOf(value: string | null): 'document' | 'project' | null {
  const s = parseGlossaryScopeValue(value);
  return s === null ? null : 'documentId' in s ? 'document' : 'project';
}

const SEGMENT_STATUSES: readonly string[] = ['unreviewed', 'edited', 'approved'];
const CLAIM_VALUE_FIELDS: readonly string[] = ['status', 'verdict', 'type'];
/**
 * The catalog key that words a stored value of a conflicting field in the UI language (a segment's
 * status "approved" → status.approved; a claim's verdict "mostly-true" → claims.value.verdict.mostly-true),
 * or null for free text, shown as written. `record` null: a segment's field.
 */
export function valueLabelKey(record: RecordKind | null, field: string, value: string | null): { catalog: 'main' | 'claims'; key: string } | null {
  if (value === null) return null;
  if (record === null) return (field === 'status' || field === 'enStatus') && SEGMENT_STATUSES.includes(value) ? { catalog: 'main', key: `status.${value}` } : null;
  return record === 'claim' && CLAIM_VALUE_FIELDS.includes(field) ? { catalog: 'claims', key: `claims.value.${field}.${value}` } : null;
}

/** Variants as the glossary panel and the conflict show them ("a, b"), back to a list. */
export function splitVariantText(text: string | null): string[] {
  return (text ?? '')
    .split(/[,，、]/)
    .map((v) => v.trim())
    .filter(Boolean);
}

/** The write a choice makes for a record conflict; null when nothing needs writing (keep theirs, or the stored fields already are the choice). */
export function recordResolutionWrite(c: RecordConflictDetails, choice: ConflictChoice): RecordResolutionWrite | null {
  if (choice.kind === 'theirs') return null;
  if (choice.kind === 'merge') throw new Error('A record is merged field by field.');
  if (c.action === 'delete') {
    // a deletion is all or nothing: keep mine deletes the claim as it is now (their changes go with it, kept in its history)
    if (choice.kind !== 'mine') throw new Error('A refused deletion is kept or not; there is nothing to merge.');
    return { method: 'deleteClaim', args: { claimId: c.id, version: c.theirsVersion } };
  }
  const value = (f: RecordFieldConflict) => (choice.kind === 'mergeFields' && f.field in choice.fields ? choice.fields[f.field] : f.mine);
  const v = Object.fromEntries(c.fields.map((f) => [f.field, value(f)]));
  if (c.fields.every((f) => v[f.field] === f.theirs)) return null;
  const version = c.theirsVersion;
  const has = (k: string) => k in v;
  switch (c.record) {
    case 'annotation':
      return {
        method: 'updateAnnotation',
        args: { annotationId: c.id, version, ...(has('body') ? { body: v.body ?? '' } : {}), ...(has('labelId') ? { labelId: v.labelId === null ? null : Number(v.labelId) } : {}) },
      };
    case 'claim': {
      type A = ArgsOf<'updateClaim'>;
      const args: A = { claimId: c.id, version };
      if (has('text')) args.text = v.text ?? '';
      if (has('type')) args.type = v.type as A['type'];
      if (has('claimant')) args.claimant = v.claimant;
      if (has('claimDate')) args.claimDate = v.claimDate;
      if (has('verdict')) args.verdict = v.verdict as A['verdict'];
      if (has('evidence')) args.evidence = JSON.parse(v.evidence ?? '[]') as A['evidence'];
      if (has('notes')) args.notes = v.notes ?? '';
      if (has('status')) args.status = v.status as A['status'];
      return { method: 'updateClaim', args };
    }
    case 'glossary': {
      type G = ArgsOf<'saveGlossaryEntry'>;
      const chosen = has('scope') ? parseGlossaryScopeValue(v.scope) : null;
      const scope = chosen ?? (c.scope?.documentId !== undefined ? { documentId: c.scope.documentId } : { projectId: c.scope?.projectId });
      return {
        method: 'saveGlossaryEntry',
        args: { id: c.id, version, ...scope, term: v.term ?? '', variants: splitVariantText(v.variants), type: v.type as G['type'], note: v.note ?? '', english: v.english ?? '' } as G,
      };
    }
  }
}
