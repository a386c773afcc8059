/**
 * XLIFF 2.0 exchange: one <unit> per segment (id `s<segment id>`), source = machine
 * text, target = current text, segment state from the review status (unreviewed →
 * initial, edited → translated, approved → final), annotation comments as <note>s.
 * Always in the document's own script, so that what comes back maps onto the stored text.
 * Characters XML cannot carry are <cp hex="…"/> in source and target (read back), and
 * control pictures in notes and attributes (informative, not read back). Each unit records
 * the text's version at export (`jd:base`, xliff-units.ts), so an import refuses units whose
 * text someone changed since (core/export.ts).
 * Reading back (`parseXliff`, 2.0 or 1.2 by the root element's version) uses the strict
 * XML reader (no DOCTYPE/ENTITY) and checks the whole file before anything is applied. Pure.
 */
import { errPart } from '../error-messages';
import type { SegmentStatus } from '../domain/schemas';
import { childElements, escapeXml, localName, parseXml, type XmlElement } from '../xml/xml';
import { baseFileName, langTag, type ExportDoc } from './model';
import { BASE_ATTR, encodeSegmentText, fromHex, hexOf, JIAODUI_XLIFF_NS, readSegmentText, rootNamespace, unitBase20, UnitList, unitId, xliffFail as fail, type XliffUnit } from './xliff-units';
import { parseXliff12, XLIFF12_NS } from './xliff12';

export { unitId, type XliffUnit } from './xliff-units';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

const STATE: Record<SegmentStatus, 'initial' | 'translated' | 'final'> = { unreviewed: 'initial', edited: 'translated', approved: 'final' };

export function xliffState(status: SegmentStatus): 'initial' | 'translated' | 'final' {
  return STATE[status];
}

/** Segment text for <source>/<target>: a character XML cannot carry becomes <cp hex="…"/>. */
function segmentXml(s: string): string {
  return encodeSegmentText(s, (unit) => `<cp hex="${hexOf(unit)}"/>`);
}

export function toXliff(doc: ExportDoc, notes: ReadonlyMap<number, readonly string[]>): string {
  const lang = langTag(doc.script);
  const x = (s: string) => escapeXml(s);
  const a = (s: string) => escapeXml(s, true);
  const units = doc.segments.map((s) => {
    const ns = notes.get(s.id) ?? [];
    const noteXml = ns.length ? `\n      <notes>${ns.map((n) => `\n        <note category="comment">${x(n)}</note>`).join('')}\n      </notes>` : '';
    const name = s.furniture ? ` type="jiaodui:furniture-${a(s.furniture)}"` : '';
    const base = s.textVersion !== undefined ? ` ${BASE_ATTR}="${s.textVersion}"` : '';
    return `    <unit id="${unitId(s.id)}" name="${s.index + 1}"${name}${base}>${noteXml}
      <segment state="${xliffState(s.status)}">
        <source>${segmentXml(s.machineText)}</source>
        <target>${segmentXml(s.text)}</target>
      </segment>
    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF_NS}" xmlns:jd="${JIAODUI_XLIFF_NS}" version="2.0" srcLang="${lang}" trgLang="${lang}">
  <file id="d${doc.id}" original="${a(doc.title)}" xml:space="preserve">
${units.join('\n')}
  </file>
</xliff>
`;
}

export function exportXliff(doc: ExportDoc, notes: ReadonlyMap<number, readonly string[]>): { fileName: string; mime: string; content: string } {
  return { fileName: `${baseFileName(doc)}.xlf`, mime: 'application/xliff+xml', content: toXliff(doc, notes) };
}

/** <cp hex="…"/> back to its character; any other inline element is refused. */
function decodeInline(el: XmlElement): string | null {
  if (localName(el.name) !== 'cp' || el.children.length) return null;
  return fromHex(el.attrs.hex ?? '', el.line, '<cp hex>');
}

/** Read the units of an XLIFF file, 2.0 or 1.2 (by the root's version attribute). Throws on anything malformed. */
export function parseXliff(text: string): XliffUnit[] {
  const root = parseXml(text);
  if (localName(root.name) !== 'xliff') fail('xliff.root', { name: root.name });
  const version = root.attrs.version ?? '';
  if (version === '1.2') return parseXliff12(root);
  if (version !== '2.0') fail('xliff.version', { version: version });
  const ns = rootNamespace(root);
  if (ns !== XLIFF_NS) fail(ns === XLIFF12_NS ? 'xliff.not-20.is-12' : 'xliff.not-20', { namespace: ns ? `"${ns}"` : [errPart('xliff.namespace-missing')] });
  const list = new UnitList();
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      const n = localName(c.name);
      if (n === 'file' || n === 'group') walk(c);
      else if (n === 'unit') {
        list.add(c, 'unit', () => {
          const segs = childElements(c, 'segment');
          if (segs.length !== 1) fail('xliff.segments', { id: String(c.attrs.id), count: segs.length }, c.line);
          const targets = childElements(segs[0], 'target');
          if (targets.length > 1) fail('xliff.two-targets', { id: String(c.attrs.id) }, c.line);
          return targets.length ? readSegmentText(targets[0], decodeInline) : null;
        }, unitBase20(root, c));
      }
    }
  };
  walk(root);
  return list.units;
}
