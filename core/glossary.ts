/**
 * The glossary in the service: entries by document or project scope, applying them
 * (preview as diffs, then one operation = one undo step), CSV/TBX import and export,
 * and keeping renderings in step with the glossary (confirmed names feed conversion).
 * JiaoduiService exposes these as thin methods; every write is one transaction.
 */
import type { GlossaryScope, NewRevision, Store } from './store';
import type { Touched } from './change-log';
import type { ChangeResult, OperationKind, SegmentStatus } from '../shared/domain/schemas';
import { JiaoduiError, namingFile } from '../shared/errors';
import { em, type ErrorMessageRef } from '../shared/error-messages';
import { glossaryScopeValue } from '../shared/contract/conflict';
import { charDiff } from '../shared/text/diff';
import { getConverter } from '../shared/text/convert';
import { renderingConfig } from '../shared/text/script';
import { applyRules, compileRules } from '../shared/glossary/apply';
import { glossaryConverter, phraseKeys } from '../shared/glossary/conversion';
import { glossaryToCsv, parseGlossaryCsv } from '../shared/glossary/csv';
import { glossaryToTbx, parseGlossaryTbx } from '../shared/glossary/tbx';
import { firstConflict, glossaryConflict, normalizeFields } from '../shared/glossary/validate';
import {
  MAX_GLOSSARY_FILE_BYTES,
  type GlossaryChange,
  type GlossaryEntry,
  type GlossaryEntryInput,
  type GlossaryFields,
  type GlossaryFileFormat,
  type GlossaryImportResult,
  type GlossaryPreview,
  type GlossarySaveResult,
  type ParsedGlossaryEntry,
} from '../shared/glossary/schemas';
import { applyText, type DocScript } from './segment-writes';
import { changedSinceSnapshot, editConflictError, requireRecordFresh, snapshot } from './versions';
import { applyGlossaryLabel, type OperationLabel } from '../shared/operation-labels';

/** What the glossary needs from the service: its database, clock, transactions and operations. */
export interface GlossaryContext {
  store: Store;
  now(): string;
  tx<T>(fn: () => T): T;
  /** Name what the write touched, for the change log (core/change-log.ts). */
  touch(t: Touched): void;
  operation(
    projectId: number,
    kind: OperationKind,
    label: OperationLabel,
    body: (record: (r: NewRevision) => void, now: string) => { touched: number[]; removed?: number[] },
  ): ChangeResult;
}

export interface ScopeArgs {
  documentId?: number;
  projectId?: number;
  /** applyGlossary: the preview's snapshot (core/versions.ts) */
  snapshot?: number;
}

interface ResolvedScope {
  scope: GlossaryScope;
  projectId: number;
  /** the project name or the document title */
  name: string;
}

function resolveScope(store: Store, args: ScopeArgs): ResolvedScope {
  if (args.documentId !== undefined && args.projectId !== undefined) {
    throw new JiaoduiError('invalid-input', em('glossary.scope-both'));
  }
  if (args.documentId !== undefined) {
    const d = store.document(args.documentId);
    if (!d) throw new JiaoduiError('not-found', em('not-found.document', { id: args.documentId }));
    return { scope: { kind: 'document', id: d.id }, projectId: d.projectId, name: d.title };
  }
  if (args.projectId !== undefined) {
    const p = store.project(args.projectId);
    if (!p) throw new JiaoduiError('not-found', em('not-found.project', { id: args.projectId }));
    return { scope: { kind: 'project', id: p.id }, projectId: p.id, name: p.name };
  }
  throw new JiaoduiError('invalid-input', em('glossary.scope-none'));
}

function documentsOf(store: Store, scope: GlossaryScope): number[] {
  return scope.kind === 'project' ? store.projectDocumentIds(scope.id) : [scope.id];
}

// ---- rendering ------------------------------------------------------------------------

/** Per document, the strings whose presence makes its rendering depend on the glossary. */
function renderingKeys(store: Store, documentIds: readonly number[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const id of documentIds) {
    const d = store.documentScript(id);
    if (d) out.set(id, phraseKeys(d.script, d.variant, d.glossary));
  }
  return out;
}

/**
 * Re-render the segments of `documentIds` that contain a glossary phrase now or did
 * before (`before`, from renderingKeys). Returns how many renderings changed.
 */
export function rerenderForGlossary(store: Store, documentIds: readonly number[], before: Map<number, string[]> = new Map(), changedIds?: number[]): number {
  let changed = 0;
  for (const id of new Set(documentIds)) {
    const d = store.documentScript(id);
    if (!d) continue;
    const keys = [...new Set([...phraseKeys(d.script, d.variant, d.glossary), ...(before.get(id) ?? [])])];
    if (!keys.length) continue;
    const conv = glossaryConverter(d.script, d.variant, d.glossary);
    for (const s of store.segmentRenderings(id)) {
      if (!keys.some((k) => s.text.includes(k))) continue;
      const r = conv.convertAligned(s.text);
      const map = r.map ? JSON.stringify(r.map) : null;
      if (r.text === s.rendering && map === s.renderingMap) continue;
      store.setSegmentRendering(s.id, r.text, r.map);
      changedIds?.push(s.id);
      changed++;
    }
  }
  return changed;
}

/**
 * Run a write that changes which glossary applies to `documentIds` (an entry saved,
 * deleted or imported; a document moved to another project) and re-render what it
 * affects. Call inside the write's transaction.
 */
export function withGlossaryRerender<T>(store: Store, documentIds: readonly number[], write: () => T): { value: T; rerendered: number; segments: number[] } {
  const before = renderingKeys(store, documentIds);
  const value = write();
  const segments: number[] = [];
  return { value, rerendered: rerenderForGlossary(store, documentIds, before, segments), segments };
}


// ---- entries --------------------------------------------------------------------------

export function listGlossary(store: Store, args: ScopeArgs): GlossaryEntry[] {
  if (args.documentId !== undefined) {
    const d = store.document(args.documentId);
    if (!d) throw new JiaoduiError('not-found', em('not-found.document', { id: args.documentId }));
    if (args.projectId !== undefined && args.projectId !== d.projectId) {
      throw new JiaoduiError('invalid-input', em('glossary.document-not-in-project', { id: d.id, project: args.projectId }));
    }
    return store.glossaryForDocument(d.id);
  }
  return store.glossaryEntries(resolveScope(store, args).scope);
}

export function saveGlossaryEntry(ctx: GlossaryContext, args: GlossaryEntryInput): GlossarySaveResult {
  const fields = normalizeFields(args);
  return ctx.tx(() => {
    const target = resolveScope(ctx.store, args);
    const existing = args.id !== undefined ? ctx.store.glossaryEntry(args.id) : undefined;
    if (args.id !== undefined && !existing) throw new JiaoduiError('not-found', em('not-found.glossary-entry', { id: args.id }));
    if (existing) {
      requireRecordFresh(ctx.store, {
        kind: 'glossary',
        id: existing.id,
        // the scope is compared too: a stale save must not move an entry back where someone else moved it from
        stored: { version: existing.version, updatedAt: existing.updatedAt, fields: { ...entryFields(existing), scope: glossaryScopeValue(scopeOfEntry(existing)) } },
        mine: { ...entryFields(fields), scope: glossaryScopeValue(target.scope) },
        derive: (older) => ({ scope: glossaryScopeValue(older.documentId !== null && older.documentId !== undefined ? { kind: 'document', id: Number(older.documentId) } : { kind: 'project', id: Number(older.projectId) }) }),
        version: args.version,
        ifUpdatedAt: args.ifUpdatedAt,
        encode: (field, raw) => (field === 'variants' && typeof raw === 'string' ? joinVariants(JSON.parse(raw) as string[]) : raw === null ? null : String(raw)),
        segmentId: null,
        row: null,
        documentId: existing.documentId,
        theirsAuthor: () => ctx.store.lastChangeReviewer('glossary', existing.id),
        scope: args.documentId !== undefined ? { documentId: args.documentId } : { projectId: args.projectId },
      });
    }
    const others = ctx.store.glossaryEntries(target.scope).filter((e) => e.id !== args.id);
    const conflict = glossaryConflict(fields, others);
    if (conflict) throw new JiaoduiError('conflict', em('conflict.glossary-save', { term: fields.term, reason: [conflict] }));
    const docs = [...documentsOf(ctx.store, target.scope), ...(existing ? documentsOf(ctx.store, scopeOfEntry(existing)) : [])];
    const now = ctx.now();
    const { value: id, rerendered, segments } = withGlossaryRerender(ctx.store, docs, () => {
      if (existing) {
        ctx.store.changeGlossaryEntry(existing.id, target.scope, fields, now);
        return existing.id;
      }
      return ctx.store.addGlossaryEntry(target.scope, fields, now);
    });
    ctx.touch({ glossary: [id], projects: [target.projectId], documents: docs, segments });
    return { entry: ctx.store.glossaryEntry(id)!, rerendered };
  });
}

/** Variants as one text (the glossary panel's field; a conflict's value): joined by ", ". */
export const joinVariants = (variants: readonly string[]): string => variants.join(', ');

/** An entry's content as the strings a conflict shows (record versions, migration 012). */
function entryFields(f: GlossaryFields): Record<string, string> {
  return { term: f.term, variants: joinVariants(f.variants), type: f.type, note: f.note, english: f.english };
}

function scopeOfEntry(e: GlossaryEntry): GlossaryScope {
  return e.scope === 'project' ? { kind: 'project', id: e.projectId } : { kind: 'document', id: e.documentId! };
}

export function deleteGlossaryEntry(ctx: GlossaryContext, id: number): { deleted: number; rerendered: number } {
  return ctx.tx(() => {
    const existing = ctx.store.glossaryEntry(id);
    if (!existing) throw new JiaoduiError('not-found', em('not-found.glossary-entry', { id }));
    const docs = documentsOf(ctx.store, scopeOfEntry(existing));
    const { rerendered, segments } = withGlossaryRerender(ctx.store, docs, () => ctx.store.deleteGlossaryEntry(id));
    ctx.touch({ glossary: [id], projects: [existing.projectId], documents: docs, segments });
    return { deleted: id, rerendered };
  });
}

// ---- applying -------------------------------------------------------------------------

interface Plan {
  projectId: number;
  changes: GlossaryChange[];
}

/** Every segment the glossary would change in the scope (live documents, live segments). */
function planGlossary(store: Store, args: ScopeArgs): Plan {
  const target = resolveScope(store, args);
  const docIds = target.scope.kind === 'project' ? store.liveProjectDocumentIds(target.scope.id) : [target.scope.id];
  const changes: GlossaryChange[] = [];
  for (const docId of docIds) {
    const meta = store.document(docId)!;
    const entries = store.glossaryTermsForDocument(docId);
    if (!entries.length) continue;
    const toHans = getConverter(renderingConfig('hant', meta.variant));
    const compiled = compileRules(entries, meta.script, (s) => toHans.convert(s));
    if (!compiled.rules.size) continue;
    for (const seg of store.liveSegments(docId)) {
      const applied = applyRules(seg.text, compiled);
      if (applied.text === seg.text) continue;
      const statusAfter: SegmentStatus = applied.text === seg.machineText ? 'unreviewed' : 'edited';
      changes.push({
        documentId: docId,
        documentTitle: meta.title,
        segmentId: seg.id,
        index: seg.index,
        before: seg.text,
        after: applied.text,
        parts: charDiff(seg.text, applied.text),
        status: seg.status,
        statusAfter,
        replacements: applied.replacements,
      });
    }
  }
  return { projectId: target.projectId, changes };
}

function summarize(changes: readonly GlossaryChange[]): Omit<GlossaryPreview, 'changes' | 'snapshot'> {
  return {
    segments: changes.length,
    documents: new Set(changes.map((c) => c.documentId)).size,
    replacements: changes.reduce((n, c) => n + c.replacements.reduce((m, r) => m + r.count, 0), 0),
    approvedReset: changes.filter((c) => c.status === 'approved').length,
  };
}

export function previewGlossary(store: Store, args: ScopeArgs): GlossaryPreview {
  const at = snapshot(store); // before the reads: anything committed meanwhile counts as newer
  const { changes } = planGlossary(store, args);
  return { changes, ...summarize(changes), snapshot: at };
}

/**
 * Replace every forbidden variant with its term across the scope: one transaction,
 * one operation (kind 'glossary', one undo step), a 'zh' revision per segment and a
 * 'status' revision where the status changes (approved → edited), reason 'glossary'.
 * With the preview's `snapshot`, refused ('edit-conflict') when a segment it would change was
 * edited since the preview: the reviewer confirmed other texts than those now stored.
 */
export function applyGlossary(ctx: GlossaryContext, args: ScopeArgs): ChangeResult {
  return ctx.tx(() => {
    const plan = planGlossary(ctx.store, args);
    const n = plan.changes.length;
    return ctx.operation(plan.projectId, 'glossary', applyGlossaryLabel(n), (record, now) => {
      const stale = changedSinceSnapshot(ctx.store, plan.changes.map((c) => ({ seg: ctx.store.segment(c.segmentId)!, mine: c.after })), args.snapshot);
      if (stale.length) throw editConflictError(stale);
      const scripts = new Map<number, DocScript>();
      const touched: number[] = [];
      for (const c of plan.changes) {
        const seg = ctx.store.segment(c.segmentId)!;
        let doc = scripts.get(seg.documentId);
        if (!doc) {
          doc = ctx.store.documentScript(seg.documentId);
          scripts.set(seg.documentId, doc);
        }
        record({ segmentId: seg.id, field: 'zh', before: seg.text, after: c.after, reason: 'glossary' });
        applyText(ctx.store, seg, doc, c.after, now);
        if (c.statusAfter !== seg.status) {
          record({ segmentId: seg.id, field: 'status', before: seg.status, after: c.statusAfter, reason: 'glossary' });
          ctx.store.setSegmentStatus(seg.id, c.statusAfter, now);
        }
        touched.push(seg.id);
      }
      return { touched };
    });
  });
}

// ---- files ----------------------------------------------------------------------------

export function glossaryFormatOf(fileName: string): GlossaryFileFormat | null {
  const m = /\.([A-Za-z0-9]+)$/.exec(fileName.trim());
  const ext = m?.[1].toLowerCase();
  if (ext === 'csv') return 'csv';
  if (ext === 'tbx' || ext === 'xml') return 'tbx';
  return null;
}

/** Decode and parse a glossary file (pure; throws naming the line or element). */
export function parseGlossaryFile(fileName: string, bytes: Uint8Array): ParsedGlossaryEntry[] {
  const format = glossaryFormatOf(fileName);
  if (!format) throw new JiaoduiError('invalid-input', em('glossary.file.format', { file: fileName }));
  if (bytes.length > MAX_GLOSSARY_FILE_BYTES) throw new JiaoduiError('invalid-input', em('glossary.file.too-large', { file: fileName, limit: MAX_GLOSSARY_FILE_BYTES / 1048576 }));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new JiaoduiError('invalid-input', em('glossary.file.not-utf8', { file: fileName }));
  }
  // a malformed file is refused naming it (the app's toast as the CLI's line: `g.tbx: XML line 5, …`)
  return namingFile(
    fileName,
    () => {
      const entries = format === 'csv' ? parseGlossaryCsv(text) : parseGlossaryTbx(text);
      const seen = new Map<string, ErrorMessageRef>();
      for (const e of entries) {
        const prev = seen.get(e.fields.term);
        if (prev) throw new JiaoduiError('invalid-input', em('glossary.file.duplicate', { where: [e.where], term: e.fields.term, prev: [prev] }));
        seen.set(e.fields.term, e.where);
      }
      return entries;
    },
    ['invalid-input'],
  );
}

function sameFields(a: GlossaryFields, b: GlossaryFields): boolean {
  return a.term === b.term && a.type === b.type && a.note === b.note && a.english === b.english && JSON.stringify(a.variants) === JSON.stringify(b.variants);
}

/**
 * Import entries into a scope: an entry whose term exists there is overwritten by the
 * file's version, the others are added. All or nothing: any error names the line or
 * element, and nothing is stored.
 */
export function importGlossary(ctx: GlossaryContext, args: ScopeArgs & { fileName: string; data: string }): GlossaryImportResult {
  const parsed = parseGlossaryFile(args.fileName, new Uint8Array(Buffer.from(args.data, 'base64')));
  return ctx.tx(() => {
    const target = resolveScope(ctx.store, args);
    const existing = ctx.store.glossaryEntries(target.scope);
    const byTerm = new Map(existing.map((e) => [e.term, e]));
    const importedTerms = new Set(parsed.map((p) => p.fields.term));
    // What the scope will hold: the entries the file does not overwrite (consistent among
    // themselves), then the file's, so any conflict is reported at a line of the file.
    const kept = existing.filter((e) => !importedTerms.has(e.term));
    const conflict = firstConflict([...kept, ...parsed.map((p) => p.fields)]);
    if (conflict) throw new JiaoduiError('conflict', em('conflict.glossary-import', { where: [parsed[conflict.index - kept.length].where], reason: [conflict.message] }));
    const now = ctx.now();
    const result = { added: 0, updated: 0, unchanged: 0 };
    const docs = documentsOf(ctx.store, target.scope);
    const touchedEntries: number[] = [];
    const { rerendered, segments } = withGlossaryRerender(ctx.store, docs, () => {
      for (const p of parsed) {
        const old = byTerm.get(p.fields.term);
        if (!old) {
          touchedEntries.push(ctx.store.addGlossaryEntry(target.scope, p.fields, now));
          result.added++;
        } else if (sameFields(old, p.fields)) result.unchanged++;
        else {
          ctx.store.changeGlossaryEntry(old.id, target.scope, p.fields, now);
          touchedEntries.push(old.id);
          result.updated++;
        }
      }
    });
    ctx.touch({ glossary: touchedEntries, projects: [target.projectId], documents: docs, segments });
    return { ...result, rerendered };
  });
}

export function exportGlossary(store: Store, args: ScopeArgs & { format: GlossaryFileFormat }): { fileName: string; mime: string; content: string } {
  const target = resolveScope(store, args);
  const entries = store.glossaryEntries(target.scope);
  const base = target.name.replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 80) || `${target.scope.kind}-${target.scope.id}`;
  if (args.format === 'csv') return { fileName: `${base}.glossary.csv`, mime: 'text/csv;charset=utf-8', content: glossaryToCsv(entries) };
  return { fileName: `${base}.glossary.tbx`, mime: 'application/x-tbx+xml;charset=utf-8', content: glossaryToTbx(entries, { title: target.name }) };
}
