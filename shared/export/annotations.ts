/**
 * Annotations as W3C Web Annotation JSON-LD (an AnnotationCollection with one page).
 * The target is the document's clean transcript in its own script (leading text,
 * segments and separators, as the txt export writes it); each annotation is selected by
 * a TextQuoteSelector (exact + up to 32 characters of prefix/suffix) and, unless it is
 * orphaned, a TextPositionSelector counted in Unicode code points, as the model
 * requires (JavaScript strings count UTF-16 units: 𠼤 is two of them but one code point).
 * Replies become annotations with motivation "replying" targeting their thread. Pure.
 */
import type { Annotation } from '../domain/schemas';
import { baseFileName, langTag, type ExportDoc } from './model';

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const CONTEXT_CHARS = 32;

/** Code points in a string (not UTF-16 units). */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** The last / first `n` code points of a string. */
function lastCodePoints(s: string, n: number): string {
  const a = Array.from(s);
  return a.slice(Math.max(0, a.length - n)).join('');
}
function firstCodePoints(s: string, n: number): string {
  return Array.from(s).slice(0, n).join('');
}

export interface WebAnnotationOptions {
  /** IRI of the document (the annotations' target source) */
  source: string;
  labels: ReadonlyMap<number, string>;
}

export function toWebAnnotations(doc: ExportDoc, annotations: readonly Annotation[], opts: WebAnnotationOptions): Record<string, unknown> {
  // where each segment starts in the full text (UTF-16 offsets)
  const starts = new Map<number, number>();
  let full = doc.leading;
  for (const s of doc.segments) {
    starts.set(s.id, full.length);
    full += s.text + s.sep;
  }
  const items: Record<string, unknown>[] = [];
  for (const a of annotations) {
    const at = starts.get(a.segmentId);
    if (at === undefined || a.deletedAt) continue;
    const id = `${opts.source}/annotations/${a.id}`;
    const gs = at + a.start;
    const ge = at + a.end;
    const exact = a.orphaned ? a.exact : full.slice(gs, ge);
    const selectors: Record<string, unknown>[] = [
      {
        type: 'TextQuoteSelector',
        exact,
        prefix: a.orphaned ? a.prefix : lastCodePoints(full.slice(0, gs), CONTEXT_CHARS),
        suffix: a.orphaned ? a.suffix : firstCodePoints(full.slice(ge), CONTEXT_CHARS),
      },
    ];
    if (!a.orphaned) selectors.push({ type: 'TextPositionSelector', start: codePointLength(full.slice(0, gs)), end: codePointLength(full.slice(0, ge)) });
    const body: Record<string, unknown>[] = [];
    if (a.body) body.push({ type: 'TextualBody', value: a.body, format: 'text/plain', language: langTag(doc.script), purpose: a.kind === 'tag' ? 'describing' : 'commenting' });
    const label = a.labelId !== null ? opts.labels.get(a.labelId) : undefined;
    if (label) body.push({ type: 'TextualBody', value: label, purpose: 'tagging' });
    items.push({
      id,
      type: 'Annotation',
      motivation: a.kind === 'tag' ? 'tagging' : 'commenting',
      creator: { type: 'Person', name: a.author },
      created: a.createdAt,
      modified: a.updatedAt,
      ...(a.resolvedAt ? { 'jiaodui:resolved': a.resolvedAt } : {}),
      body,
      target: { source: opts.source, selector: selectors.length === 1 ? selectors[0] : selectors },
    });
    for (const r of a.replies) {
      items.push({
        id: `${id}/replies/${r.id}`,
        type: 'Annotation',
        motivation: 'replying',
        creator: { type: 'Person', name: r.author },
        created: r.createdAt,
        body: { type: 'TextualBody', value: r.body, format: 'text/plain' },
        target: id,
      });
    }
  }
  return {
    '@context': [CONTEXT, { jiaodui: 'urn:jiaodui:' }],
    id: `${opts.source}/annotations`,
    type: 'AnnotationCollection',
    label: doc.title,
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

export function exportWebAnnotations(doc: ExportDoc, annotations: readonly Annotation[], opts: WebAnnotationOptions) {
  return {
    fileName: `${baseFileName(doc)}.annotations.jsonld`,
    mime: 'application/ld+json;profile="http://www.w3.org/ns/anno.jsonld"',
    content: JSON.stringify(toWebAnnotations(doc, annotations, opts), null, 2) + '\n',
  };
}
