/**
 * Parallel texts in the service (issue 7): attach an original source or an English
 * rendering to a document (decode in any supported encoding, align, store the raw text
 * and each segment's aligned text), English edits and status (revisions 'en' and
 * 'en-status', with the same status rule as the Chinese side), and alignment edits
 * (merge/split/shift rows of a parallel column: 'source'/'en' revisions, operation
 * 'align'). Undo and redo go through applyParallelField like every other field.
 */
import type { NewRevision, ParallelTextRow, SegmentParallelRow, Store } from './store';
import type { ReviewHost } from './review-host';
import type { ChangeResult, Segment, SegmentStatus } from '../shared/domain/schemas';
import type { ArgsOf, ResultOf } from '../shared/contract/api';
import { isJiaoduiError, JiaoduiError, namingFile } from '../shared/errors';
import { em, errPart } from '../shared/error-messages';
import { decodeText, detectEncoding, MAX_IMPORT_BYTES, type EncodingGuess, type TextEncodingName } from '../shared/text/encoding';
import { getConverter } from '../shared/text/convert';
import { alignParallel, applyAlignEdit, type AlignEdit, type ParallelKind } from '../shared/align';
import type { ParallelInfo } from '../shared/align/schemas';
import { alignLabel, attachParallelLabel, editApproveEnglishLabel, editEnglishLabel, englishStatusLabel, serializeOperationLabel } from '../shared/operation-labels';
import { recheckSegment } from './checks';
import { editConflictError, rereadLiveSegment, requireFresh, staleFields, versionAt } from './versions';

const KIND_FIELD = { source: 'source', english: 'en' } as const;
const SEP: Record<ParallelKind, string> = { source: '', english: ' ' };

export function decodeParallel(bytes: Uint8Array, encoding?: TextEncodingName): { text: string; encoding: TextEncodingName; guess: EncodingGuess | null } {
  if (bytes.length > MAX_IMPORT_BYTES) throw new JiaoduiError('import-rejected', em('import.too-large.attach', { size: (bytes.length / 1048576).toFixed(1), limit: MAX_IMPORT_BYTES / 1048576 }));
  const decoded = decodeText(bytes, encoding);
  if (!decoded.text.trim()) throw new JiaoduiError('import-rejected', em('import.no-text.attach'));
  let guess: EncodingGuess | null = null;
  try {
    guess = detectEncoding(bytes);
  } catch {
    guess = null;
  }
  return { text: decoded.text.replace(/^\uFEFF/, ''), encoding: decoded.encoding, guess };
}

/** Align `text` to the document's live segments and store it (replacing an earlier text of that kind). */
/**
 * An attach (or realign) replaces a whole column without an undo step, but every value it
 * changes is a revision ('source', 'en', 'en-status'; reason 'attach') of an operation recorded
 * off the undo stack (state 'dead'): the fields' versions move, so an English edit opened before
 * the attach is refused as stale instead of overwriting the new text (issue 16), and an older
 * undo meets the attached text as a change since.
 */
function recordAttach(store: Store, documentId: number, kind: ParallelKind, rows: readonly { segmentId: number; old: SegmentParallelRow | undefined; text: string }[], author: string, now: string): void {
  const field = kind === 'english' ? 'en' : 'source';
  const revs: NewRevision[] = [];
  for (const { segmentId, old, text } of rows) {
    if ((old?.text ?? '') !== text) revs.push({ segmentId, field, before: old?.text ?? '', after: text, reason: 'attach' });
    if (kind === 'english' && old && old.status !== 'unreviewed') revs.push({ segmentId, field: 'en-status', before: old.status, after: 'unreviewed', reason: 'attach' });
  }
  if (!revs.length) return;
  const label = attachParallelLabel(kind);
  const projectId = store.document(documentId)!.projectId;
  const operationId = store.addOperation({ projectId, kind: 'align', label: label.text, labelData: serializeOperationLabel(label), author, createdAt: now, state: 'dead' });
  store.addRevisions(operationId, author, now, revs);
}

function store(store: Store, documentId: number, kind: ParallelKind, text: string, meta: { fileName: string | null; encoding: TextEncodingName; byteSize: number }, now: string, author: string): ParallelInfo {
  const segs = store.liveSegments(documentId);
  if (!segs.length) throw new JiaoduiError('conflict', em('conflict.no-segments'));
  const t2s = getConverter('t2s');
  const hant = store.documentScript(documentId).script === 'hant';
  const r = alignParallel(
    segs.map((s) => ({ text: s.text, paragraph: s.paragraph, furniture: s.furniture !== null })),
    text,
    { kind, normaliseTarget: (x) => (hant ? t2s.convert(x) : x), normaliseParallel: (x) => t2s.convert(x) },
  );
  const before = new Map(store.segmentParallelOfDocument(documentId).filter((x) => x.kind === kind).map((x) => [x.segmentId, x]));
  store.setParallelText({ documentId, kind, fileName: meta.fileName, encoding: meta.encoding, byteSize: meta.byteSize, rawText: text, ratio: r.ratio, method: r.method, attachedAt: now });
  store.replaceSegmentParallel(documentId, kind, segs.map((s, i) => ({ segmentId: s.id, text: r.texts[i] })), now);
  // a first attach has nothing to move on from (no editor can be open on a column not there yet)
  if (before.size) recordAttach(store, documentId, kind, segs.map((s, i) => ({ segmentId: s.id, old: before.get(s.id), text: r.texts[i] })), author, now);
  return {
    documentId,
    kind,
    fileName: meta.fileName,
    encoding: meta.encoding,
    byteSize: meta.byteSize,
    attachedAt: now,
    sentences: r.sentences.length,
    aligned: r.texts.filter((x) => x).length,
    segments: segs.length,
    ratio: r.ratio,
    method: r.method,
  };
}

export function attachParallelBytes(host: ReviewHost, documentId: number, kind: ParallelKind, fileName: string, bytes: Uint8Array, encoding?: TextEncodingName): ResultOf<'attachParallelText'> {
  host.requireDocument(documentId);
  const d = namingFile(fileName, () => decodeParallel(bytes, encoding)); // refused before any write
  return host.tx(() => {
    host.touch({ documents: [documentId], reload: [documentId] }); // every row's column changes
    return { ...store(host.store, documentId, kind, d.text, { fileName, encoding: d.encoding, byteSize: bytes.length }, host.now(), host.author()), guess: d.guess };
  });
}

export function attachParallelText(host: ReviewHost, args: ArgsOf<'attachParallelText'>): ResultOf<'attachParallelText'> {
  return attachParallelBytes(host, args.documentId, args.kind, args.fileName, new Uint8Array(Buffer.from(args.data, 'base64')), args.encoding);
}

function info(store: Store, row: ParallelTextRow): ParallelInfo {
  const rows = store.segmentParallelOfDocument(row.documentId).filter((r) => r.kind === row.kind);
  return {
    documentId: row.documentId,
    kind: row.kind,
    fileName: row.fileName,
    encoding: row.encoding as TextEncodingName,
    byteSize: row.byteSize,
    attachedAt: row.attachedAt,
    sentences: 0,
    aligned: rows.filter((r) => r.text).length,
    segments: store.liveSegments(row.documentId).length,
    ratio: row.ratio,
    method: row.method as ParallelInfo['method'],
  };
}

export function listParallelTexts(host: ReviewHost, args: ArgsOf<'listParallelTexts'>): ResultOf<'listParallelTexts'> {
  host.requireDocument(args.documentId);
  return host.store.parallelTexts(args.documentId).map((r) => info(host.store, r));
}

/** Align the stored text again (after splits and merges of the Chinese segments, say). Replaces that column's rows. */
export function realignParallel(host: ReviewHost, args: ArgsOf<'realignParallel'>): ResultOf<'realignParallel'> {
  host.requireDocument(args.documentId);
  const row = host.store.parallelText(args.documentId, args.kind);
  if (!row) throw new JiaoduiError('not-found', em(args.kind === 'english' ? 'not-found.parallel.english' : 'not-found.parallel.source', { id: args.documentId }));
  return host.tx(() => {
    host.touch({ documents: [args.documentId], reload: [args.documentId] });
    return store(host.store, args.documentId, args.kind, row.rawText, { fileName: row.fileName, encoding: row.encoding as TextEncodingName, byteSize: row.byteSize }, host.now(), host.author());
  });
}

// ---- applying values (operations and undo/redo) ---------------------------------------------

function ensureRow(store: Store, segmentId: number, kind: ParallelKind, now: string): SegmentParallelRow {
  const row = store.segmentParallelText(segmentId, kind);
  if (row) return row;
  const fresh: SegmentParallelRow = { segmentId, kind, alignedText: '', text: '', status: 'unreviewed' };
  store.addSegmentParallel(fresh, now);
  return fresh;
}

/** Apply one parallel field value, as an operation or its undo/redo does. */
export function applyParallelField(store: Store, segmentId: number, field: 'source' | 'en' | 'en-status', value: string | null, now: string): void {
  if (field === 'en-status') {
    ensureRow(store, segmentId, 'english', now);
    store.setSegmentParallelStatus(segmentId, 'english', (value ?? 'unreviewed') as SegmentStatus, now);
    return;
  }
  const kind: ParallelKind = field === 'en' ? 'english' : 'source';
  ensureRow(store, segmentId, kind, now);
  store.setSegmentParallelText(segmentId, kind, value ?? '', now);
  recheckSegment(store, segmentId, now);
}

/**
 * Set a segment's English inside an operation: an 'en' revision and the status rule (back to
 * the aligned text → unreviewed, else edited). `machine`: machine output awaiting review, so
 * unreviewed whatever it says (core/mt.ts); the reviewer's later edit makes it edited.
 */
export function writeEnglish(
  store: Store,
  record: (r: NewRevision) => void,
  segmentId: number,
  text: string,
  reason: string,
  now: string,
  /** `status`: the English status the change leaves instead of the rule's (an edit approved in the same step) */
  opts: { machine?: boolean; status?: SegmentStatus } = {},
): boolean {
  const row = store.segmentParallelText(segmentId, 'english') ?? { segmentId, kind: 'english' as const, alignedText: '', text: '', status: 'unreviewed' as const };
  if (row.text === text) return false;
  record({ segmentId, field: 'en', before: row.text, after: text, reason });
  applyParallelField(store, segmentId, 'en', text, now);
  const status: SegmentStatus = opts.status ?? (opts.machine || text === row.alignedText ? 'unreviewed' : 'edited');
  if (status !== row.status) {
    record({ segmentId, field: 'en-status', before: row.status, after: status, reason });
    store.setSegmentParallelStatus(segmentId, 'english', status, now);
  }
  return true;
}

export function editEnglish(host: ReviewHost, args: ArgsOf<'editEnglish'>): ChangeResult {
  const seen = host.requireLiveSegment(args.segmentId);
  const label = args.approve ? editApproveEnglishLabel(seen.index + 1) : editEnglishLabel(seen.index + 1);
  return host.operation(seen.projectId, 'edit', label, (record, now) => {
    // read again inside the transaction, and compare the English's version there (core/versions.ts);
    // `approve` (the English editor's Ctrl+Enter): the approval in the same operation, its status versioned too
    const seg = rereadLiveSegment(host, seen);
    requireFresh(host.store, seg, [
      { field: 'en', version: args.version, mine: args.text },
      ...(args.approve ? [{ field: 'enStatus' as const, version: args.statusVersion, mine: 'approved' }] : []),
    ]);
    const changed = writeEnglish(host.store, record, seg.id, args.text, args.reason ?? 'manual', now, args.approve ? { status: 'approved' } : {});
    const before = host.store.segmentParallelText(seg.id, 'english')?.status ?? 'unreviewed';
    if (args.approve && !changed && before !== 'approved') {
      record({ segmentId: seg.id, field: 'en-status', before, after: 'approved', reason: 'review' });
      applyParallelField(host.store, seg.id, 'en-status', 'approved', now);
    }
    return { touched: [seg.id] };
  });
}

/** Only the English status's version is compared: an approval does not conflict with an edit of the Chinese text. */
export function setEnglishStatus(host: ReviewHost, args: ArgsOf<'setEnglishStatus'>): ChangeResult {
  const seen = args.segmentIds.map((id) => host.requireLiveSegment(id));
  if (new Set(seen.map((s) => s.projectId)).size > 1) throw new JiaoduiError('invalid-input', em('segment.status-several-projects'));
  const label = englishStatusLabel(seen.map((s) => s.index + 1), args.status);
  return host.operation(seen[0].projectId, 'status', label, (record, now) => {
    const segs = seen.map((s) => rereadLiveSegment(host, s));
    const conflicts = segs.flatMap((s, i) => staleFields(host.store, s, [{ field: 'enStatus', version: versionAt(args.versions, i, segs.length), mine: args.status }]));
    if (conflicts.length) throw editConflictError(conflicts);
    for (const s of segs) {
      const row = host.store.segmentParallelText(s.id, 'english');
      const before = row?.status ?? 'unreviewed';
      if (before === args.status) continue;
      record({ segmentId: s.id, field: 'en-status', before, after: args.status, reason: 'review' });
      applyParallelField(host.store, s.id, 'en-status', args.status, now);
    }
    return { touched: segs.map((s) => s.id) };
  });
}

export function editAlignment(host: ReviewHost, args: ArgsOf<'editAlignment'>): ChangeResult {
  const seg = host.requireLiveSegment(args.segmentId);
  const segs = host.store.liveSegments(seg.documentId);
  const byId = new Map(host.store.segmentParallelOfDocument(seg.documentId).filter((r) => r.kind === args.kind).map((r) => [r.segmentId, r.text]));
  const texts = segs.map((s) => byId.get(s.id) ?? '');
  let edit: AlignEdit;
  if (args.op === 'split') {
    if (args.at === undefined) throw new JiaoduiError('invalid-input', em('align.needs-position'));
    edit = { op: 'split', at: args.at };
  } else if (args.op === 'shift') {
    if (!args.direction) throw new JiaoduiError('invalid-input', em('align.needs-direction'));
    edit = { op: 'shift', direction: args.direction };
  } else edit = { op: 'merge' };
  let changes;
  try {
    changes = applyAlignEdit(texts, seg.index, edit, SEP[args.kind]);
  } catch (e) {
    if (!isJiaoduiError(e) || !e.messageData) throw e;
    throw new JiaoduiError('invalid-input', em('align.cannot', { op: [errPart(`align.op.${args.op}`)], problem: [e.messageData] }));
  }
  const field = KIND_FIELD[args.kind];
  return host.operation(seg.projectId, 'align', alignLabel(args.kind, args.op, args.direction, seg.index + 1), (record, now) => {
    for (const c of changes) {
      const id = segs[c.index].id;
      record({ segmentId: id, field, before: c.before, after: c.after, reason: `align:${args.op}` });
      applyParallelField(host.store, id, field, c.after, now);
    }
    return { touched: changes.map((c) => segs[c.index].id) };
  });
}

// ---- split and merge of the Chinese segments carry the parallel rows -------------------------------

/** Split: the first new segment keeps the parallel texts, the second starts empty. Merge: the texts are joined. */
export function carryParallel(store: Store, from: readonly number[], to: readonly number[], now: string): void {
  const rows = from.map((id) => store.segmentParallel(id));
  const kinds = new Set(rows.flat().map((r) => r.kind));
  for (const kind of kinds) {
    const mine = rows.map((rs) => rs.find((r) => r.kind === kind));
    if (to.length === 1) {
      const present = mine.filter((r): r is SegmentParallelRow => !!r);
      const join = (f: (r: SegmentParallelRow) => string) => present.map(f).filter((x) => x).join(SEP[kind]);
      const statuses = present.map((r) => r.status);
      const status: SegmentStatus = statuses.every((s) => s === 'approved') ? 'approved' : statuses.every((s) => s === 'unreviewed') ? 'unreviewed' : 'edited';
      store.addSegmentParallel({ segmentId: to[0], kind, alignedText: join((r) => r.alignedText), text: join((r) => r.text), status }, now);
    } else {
      const first = mine[0];
      to.forEach((id, i) => {
        store.addSegmentParallel(i === 0 && first ? { ...first, segmentId: id } : { segmentId: id, kind, alignedText: '', text: '', status: 'unreviewed' }, now);
      });
    }
  }
}

// ---- the public segment record ------------------------------------------------------------------

/** Add each segment's parallel texts (when its document has any). */
export function withParallel(store: Store, segments: Segment[]): Segment[] {
  const docs = [...new Set(segments.map((s) => s.documentId))];
  const maps = new Map<number, { kinds: Set<ParallelKind>; rows: Map<number, SegmentParallelRow[]> }>();
  for (const d of docs) {
    const kinds = store.attachedParallelKinds(d);
    const rows = new Map<number, SegmentParallelRow[]>();
    const all = segments.length > 50 ? store.segmentParallelOfDocument(d) : segments.filter((s) => s.documentId === d).flatMap((s) => store.segmentParallel(s.id));
    for (const r of all) rows.set(r.segmentId, [...(rows.get(r.segmentId) ?? []), r]);
    if (kinds.size || rows.size) maps.set(d, { kinds, rows });
  }
  if (!maps.size) return segments;
  return segments.map((s) => {
    const m = maps.get(s.documentId);
    if (!m) return s;
    const rs = m.rows.get(s.id) ?? [];
    const src = rs.find((r) => r.kind === 'source');
    const en = rs.find((r) => r.kind === 'english');
    return {
      ...s,
      source: src ? src.text : m.kinds.has('source') ? '' : null,
      english: en ? { text: en.text, aligned: en.alignedText, status: en.status } : m.kinds.has('english') ? { text: '', aligned: '', status: 'unreviewed' as const } : null,
    };
  });
}
