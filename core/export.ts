/**
 * Exports and exchange formats over the database: gathers a document's segments,
 * annotations, revisions and findings, and hands them to the pure writers in
 * shared/export/. XLIFF import (2.0 or 1.2): every changed target becomes a revision (reason
 * 'xliff-import') in one operation, after the whole file has been checked.
 */
import type { Store } from './store';
import { glossaryConverter } from '../shared/glossary/conversion';
import type { ChangeResult, DocumentMeta, ExportResult, ScriptT } from '../shared/domain/schemas';
import { JiaoduiError } from '../shared/errors';
import { em, errPart, type ErrorMessageRef } from '../shared/error-messages';
import type { ExportDoc } from '../shared/export/model';
import { exportTranscript } from '../shared/export/transcript';
import { bilingualCsv } from '../shared/export/csv';
import { exportChangeReport, type ReportOperation, type ReportRevision } from '../shared/export/report';
import type { ReportLocale } from '../shared/export/report-wording';
import { parseOperationLabel } from '../shared/operation-labels';
import { parseFindingMessage } from '../shared/finding-messages';
import { exportXliff, parseXliff, type XliffUnit } from '../shared/export/xliff';
import { exportXliff12 } from '../shared/export/xliff12';
import { exportWebAnnotations } from '../shared/export/annotations';
import { furnitureByDefault } from '../shared/export/formats';
import { baseFileName, type ClaimNote, type ClaimNotes, type TranscriptOptions } from '../shared/export/model';
import { mapForward } from '../shared/text/offsetMap';
import type { AlignedText } from '../shared/text/convert';
import type { ReviewHost } from './review-host';
import { writeText } from './segment-writes';
import { editConflictError, staleFields } from './versions';
import { xliffImportLabel } from '../shared/operation-labels';

/** The Word exports load docx (1 MB of JavaScript) only when asked for: a CLI run or start-up that exports no .docx never compiles it. */
const loadDocx = () => import('../shared/export/docx');

export type { ExportFormatT } from '../shared/domain/schemas';
import type { ExportFormatT } from '../shared/domain/schemas';

export interface ExportArgs {
  documentId: number;
  format: ExportFormatT;
  script: ScriptT;
  marked?: boolean;
  includeFurniture?: boolean;
  /** append the claims as notes (transcripts) */
  claims?: boolean;
  /** the change report's times: the exporting side's IANA time zone (default UTC) */
  timeZone?: string;
  /** the change report's language: the exporting side's UI language (default English) */
  locale?: ReportLocale;
}

export function loadExportDoc(store: Store, doc: DocumentMeta): ExportDoc {
  // The text versions are read BEFORE the texts: a save committed in between then makes the
  // recorded version older than the exported text, so an import refuses that unit rather than
  // silently overwriting the save (the safe direction).
  const versions = new Map(store.latestRevisionIdsOfDocument(doc.id).filter((r) => r.field === 'zh').map((r) => [r.segmentId, r.id]));
  return {
    id: doc.id,
    title: doc.title,
    script: doc.script,
    leading: store.documentLeading(doc.id),
    segments: store.liveSegments(doc.id).map((s) => ({
      id: s.id,
      index: s.index,
      machineText: s.machineText,
      text: s.text,
      sep: s.sep,
      status: s.status,
      furniture: s.furniture,
      speaker: s.speaker,
      // segments gain an English text in a later migration; tables show it where present
      english: englishOf(s),
      textVersion: versions.get(s.id) ?? 0,
    })),
  };
}

function englishOf(s: object): string | null {
  const e = (s as { english?: unknown }).english;
  return typeof e === 'string' ? e : null;
}

/** Who last changed each changed segment's text, and when (tracked changes in DOCX). */
function withChangeInfo(store: Store, data: ExportDoc): ExportDoc {
  return {
    ...data,
    segments: data.segments.map((s) => {
      if (s.text === s.machineText) return s;
      const last = store.segmentRevisions(s.id).filter((r) => r.field === 'zh').at(-1);
      return last ? { ...s, changedBy: last.author, changedAt: last.createdAt } : s;
    }),
  };
}

/** Text of the document → the target script: identity, or the document's glossary-aware converter (confirmed names stay). */
export function converterTo(store: Store, documentId: number, target: ScriptT): (text: string) => string {
  const ds = store.documentScript(documentId);
  if (ds.script === target) return (t) => t;
  const c = glossaryConverter(ds.script, ds.variant, ds.glossary);
  return (t) => (t ? c.convert(t) : t);
}

/** Like converterTo, with the offset map from the text to its conversion (null: identity). */
export function alignedConverterTo(store: Store, documentId: number, target: ScriptT): (text: string) => AlignedText {
  const ds = store.documentScript(documentId);
  if (ds.script === target) return (text) => ({ text, map: null });
  const c = glossaryConverter(ds.script, ds.variant, ds.glossary);
  return (text) => (text ? c.convertAligned(text) : { text, map: null });
}

/**
 * The claims appendix: every claim on an exported segment, in text order, numbered; its
 * reference goes at the end of the claim's span (an orphaned claim's at the end of its
 * segment), mapped into the target script.
 */
export function claimNotes(store: Store, data: ExportDoc, target: ScriptT, includeFurniture: boolean | undefined): ClaimNotes {
  const aligned = alignedConverterTo(store, data.id, target);
  const convert = converterTo(store, data.id, target);
  const segs = new Map(data.segments.map((s) => [s.id, s]));
  const refs = new Map<number, { at: number; n: number }[]>();
  const notes: ClaimNote[] = [];
  for (const c of store.documentClaims(data.id)) {
    const s = segs.get(c.segmentId);
    if (!s || (s.furniture && includeFurniture === false)) continue;
    const n = notes.length + 1;
    const end = c.orphaned ? s.text.length : Math.max(0, Math.min(c.end, s.text.length));
    const at = mapForward(aligned(s.text).map, end, 'end');
    refs.set(s.id, [...(refs.get(s.id) ?? []), { at, n }]);
    notes.push({
      n,
      text: convert(c.text),
      verdict: c.verdict,
      claimant: c.claimant ? convert(c.claimant) : null,
      claimDate: c.claimDate,
      evidence: c.evidence.map((e) =>
        e.kind === 'url'
          ? { url: e.url, note: e.note }
          : e.kind === 'segment'
            ? { url: '', note: convert(`${e.documentTitle} #${e.index + 1}「${e.quote}」${e.note ? ` ${e.note}` : ''}`) }
            : { url: '', note: e.note },
      ),
      notes: c.notes,
      orphaned: c.orphaned,
    });
  }
  return { refs, notes };
}

/** Notes per segment: each live annotation's comment (with the quoted span) and its replies. */
export function segmentNotes(store: Store, documentId: number): Map<number, string[]> {
  const notes = new Map<number, string[]>();
  for (const a of store.annotationThreads(documentId)) {
    const lines = [`${a.author}: ${a.body}${a.exact ? ` [${a.exact}]` : ''}${a.resolvedAt ? ' (resolved)' : ''}`, ...a.replies.map((r) => `${r.author}: ${r.body}`)];
    notes.set(a.segmentId, [...(notes.get(a.segmentId) ?? []), lines.join('\n')]);
  }
  return notes;
}

/**
 * Everything is read from the database synchronously, before the first await (DOCX
 * packing is asynchronous), so an export sees one consistent state.
 */
export async function exportDocument(store: Store, doc: DocumentMeta, args: ExportArgs, now: string, author: string): Promise<ExportResult> {
  const data = loadExportDoc(store, doc);
  // reading copies leave page furniture out unless asked to keep it; txt and the tables keep it
  args = { ...args, includeFurniture: args.includeFurniture ?? furnitureByDefault(args.format) };
  const transcript = (): TranscriptOptions => ({
    script: args.script,
    convert: converterTo(store, doc.id, args.script),
    marked: args.marked,
    includeFurniture: args.includeFurniture,
    ...(args.claims ? { notes: claimNotes(store, data, args.script, args.includeFurniture) } : {}),
  });
  switch (args.format) {
    case 'txt':
    case 'md':
    case 'html':
      return exportTranscript(data, args.format, transcript());
    case 'docx': {
      const { transcriptDocx, transcriptDocxName, DOCX_MIME } = await loadDocx();
      const d = args.marked ? withChangeInfo(store, data) : data;
      const opts = { ...transcript(), author, date: now };
      const content = await transcriptDocx(d, opts);
      return { fileName: transcriptDocxName(d, opts), mime: DOCX_MIME, content, encoding: 'base64' };
    }
    case 'docx-bilingual': {
      const { bilingualDocx, bilingualDocxName, DOCX_MIME } = await loadDocx();
      const opts = {
        toHant: converterTo(store, doc.id, 'hant'),
        toHans: converterTo(store, doc.id, 'hans'),
        notes: segmentNotes(store, doc.id),
        includeFurniture: args.includeFurniture,
        author,
      };
      return { fileName: bilingualDocxName(data), mime: DOCX_MIME, content: await bilingualDocx(data, opts), encoding: 'base64' };
    }
    case 'csv':
      return {
        fileName: `${baseFileName(data)}.bilingual.csv`,
        mime: 'text/csv;charset=utf-8',
        content: bilingualCsv(data, {
          toHant: converterTo(store, doc.id, 'hant'),
          toHans: converterTo(store, doc.id, 'hans'),
          notes: segmentNotes(store, doc.id),
          includeFurniture: args.includeFurniture,
        }),
      };
    case 'report-html':
    case 'report-json': {
      const revisions = new Map<number, ReportRevision[]>();
      for (const s of data.segments) {
        const revs = store.segmentRevisions(s.id).filter((r) => r.field === 'zh');
        if (revs.length) revisions.set(s.id, revs.map((r) => ({ author: r.author, createdAt: r.createdAt, reason: r.reason, before: r.before, after: r.after })));
      }
      const findings = store.documentFindings(doc.id).map((f) => ({
        segmentId: f.segmentId,
        rule: f.rule,
        severity: f.severity,
        message: f.message,
        messageData: parseFindingMessage(f.messageData),
        text: f.text,
        dismissedReason: f.dismissedReason,
        dismissedAt: f.dismissedAt,
        group: f.group,
      }));
      // every revision of the document (newest first), grouped under its operation
      const revsOf = new Map<number, ReportOperation['revisions'][number][]>();
      for (const r of store.documentRevisions(doc.id, {}, Number.MAX_SAFE_INTEGER)) {
        revsOf.set(r.operationId, [{ segmentId: r.segmentId, field: r.field, before: r.before, after: r.after, reason: r.reason }, ...(revsOf.get(r.operationId) ?? [])]);
      }
      const operations = store.documentOperations(doc.id).map(({ labelData, ...o }) => ({ ...o, labelData: parseOperationLabel(labelData), revisions: revsOf.get(o.id) ?? [] }));
      return exportChangeReport({ doc: data, revisions, findings, generatedAt: now, operations, timeZone: args.timeZone, locale: args.locale }, args.format);
    }
    case 'xliff':
      return exportXliff(data, segmentNotes(store, doc.id));
    case 'xliff12':
      return exportXliff12(data, segmentNotes(store, doc.id));
    case 'annotations':
      return exportWebAnnotations(data, store.annotationThreads(doc.id), {
        source: `urn:jiaodui:document:${doc.id}`,
        labels: new Map(store.labels().map((l) => [l.id, l.name])),
      });
  }
}

/**
 * Apply an XLIFF file's targets to a document: all or nothing, one undoable operation. A unit
 * whose text someone changed since the export (its recorded version, `jd:base`, is no longer the
 * text's) is refused with an 'edit-conflict' listing every such unit: the file's target would
 * silently overwrite that change. Files without recorded versions (other tools') are applied as before.
 */
/** The first ten units as a list parameter: `"s3" (line 12), "x" (line 14), …` (English joins the parts with a space). */
function unitList(units: readonly XliffUnit[]): ErrorMessageRef[] {
  const shown = units.slice(0, 10);
  const parts = shown.map((u, k) => errPart('xliff.unit-at', { id: u.id, line: u.line, sep: k < shown.length - 1 || units.length > shown.length ? [errPart('list.comma')] : '' }));
  return units.length > shown.length ? [...parts, errPart('list.more')] : parts;
}

export function importXliff(host: ReviewHost, documentId: number, content: string): ChangeResult & { changed: number; units: number } {
  const doc = host.requireDocument(documentId);
  const units = parseXliff(content);
  const live = new Map(host.store.liveSegments(documentId).map((s) => [s.id, s]));
  const unknown = units.filter((u) => u.segmentId === null || !live.has(u.segmentId));
  if (unknown.length) {
    throw new JiaoduiError(
      'invalid-input',
      em('xliff.unknown-units', { count: unknown.length, document: documentId, units: unitList(unknown) }),
    );
  }
  const differs = (u: XliffUnit) => u.target !== null && u.target !== live.get(u.segmentId!)!.text;
  const r = host.operation(doc.projectId, 'edit', xliffImportLabel(units.filter(differs).length), (record, now) => {
    // inside the write transaction: the stored texts and versions the targets are compared with
    const segs = units.filter((u) => u.target !== null).map((u) => ({ u, seg: host.requireLiveSegment(u.segmentId!) }));
    const conflicts = segs.flatMap(({ u, seg }) => staleFields(host.store, seg, [{ field: 'text', version: u.base === undefined ? undefined : u.base || null, mine: u.target }]));
    if (conflicts.length) {
      throw new JiaoduiError(
        'edit-conflict',
        em('edit-conflict.xliff', { count: conflicts.length, segments: conflicts.slice(0, 10).map((c) => `s${c.segmentId}`).join(', ') + (conflicts.length > 10 ? ', …' : '') }),
        editConflictError(conflicts).details,
      );
    }
    const touched: number[] = [];
    for (const { u, seg } of segs) {
      if (u.target === seg.text) continue;
      writeText(host.store, record, seg, u.target!, 'xliff-import', now);
      touched.push(seg.id);
    }
    return { touched };
  });
  return { ...r, changed: r.segments.length, units: units.length };
}
