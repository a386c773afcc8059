/**
 * XLIFF 2.0 exchange: one <unit> per segment (id `s<segment id>`), source = machine
 * text, target = current text, segment state from the review status (unreviewed →
 * initial, edited → translated, approved → final), annotation comments as <note>s.
 * Always in the document's own script, so that what comes back maps onto the stored text.
 * Reading back uses the strict XML reader (no DOCTYPE/ENTITY) and checks the whole file
 * before anything is applied. Pure.
 */
import type { SegmentStatus } from '../domain/schemas';
import { JiaoduiError } from '../errors';
import { childElements, escapeXml, localName, parseXml, type XmlElement } from '../glossary/xml';
import { baseFileName, langTag, type ExportDoc } from './model';

export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';

const STATE: Record<SegmentStatus, 'initial' | 'translated' | 'final'> = { unreviewed: 'initial', edited: 'translated', approved: 'final' };

export function xliffState(status: SegmentStatus): 'initial' | 'translated' | 'final' {
  return STATE[status];
}

export function unitId(segmentId: number): string {
  return `s${segmentId}`;
}

export function toXliff(doc: ExportDoc, notes: ReadonlyMap<number, readonly string[]>): string {
  const lang = langTag(doc.script);
  const x = (s: string) => escapeXml(s);
  const a = (s: string) => escapeXml(s, true);
  const units = doc.segments.map((s) => {
    const ns = notes.get(s.id) ?? [];
    const noteXml = ns.length ? `\n      <notes>${ns.map((n) => `\n        <note category="comment">${x(n)}</note>`).join('')}\n      </notes>` : '';
    const name = s.furniture ? ` type="jiaodui:furniture-${a(s.furniture)}"` : '';
    return `    <unit id="${unitId(s.id)}" name="${s.index + 1}"${name}>${noteXml}
      <segment state="${xliffState(s.status)}">
        <source>${x(s.machineText)}</source>
        <target>${x(s.text)}</target>
      </segment>
    </unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="${lang}" trgLang="${lang}">
  <file id="d${doc.id}" original="${a(doc.title)}" xml:space="preserve">
${units.join('\n')}
  </file>
</xliff>
`;
}

export function exportXliff(doc: ExportDoc, notes: ReadonlyMap<number, readonly string[]>): { fileName: string; mime: string; content: string } {
  return { fileName: `${baseFileName(doc)}.xlf`, mime: 'application/xliff+xml', content: toXliff(doc, notes) };
}

export interface XliffUnit {
  id: string;
  /** the segment id the unit names, or null when the id is not Jiaodui's `s<n>` */
  segmentId: number | null;
  /** the target text; null when the unit has no target */
  target: string | null;
  line: number;
}

function fail(message: string): never {
  throw new JiaoduiError('invalid-input', `XLIFF: ${message}`);
}

/** The plain text of a <source>/<target>; inline codes are refused rather than dropped. */
function plainText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c !== 'string') fail(`line ${c.line}: inline element <${c.name}> in <${localName(el.name)}> is not supported (plain text only).`);
    else out += c;
  }
  return out;
}

/** Read the units of an XLIFF 2.0 file (Jiaodui's subset: one segment per unit). Throws on anything malformed. */
export function parseXliff(text: string): XliffUnit[] {
  const root = parseXml(text);
  if (localName(root.name) !== 'xliff') fail(`the root element is <${root.name}>, not <xliff>.`);
  const ns = root.attrs.xmlns ?? (root.name.includes(':') ? root.attrs[`xmlns:${root.name.split(':')[0]}`] : undefined);
  if (ns !== XLIFF_NS) fail(`not an XLIFF 2.0 file (namespace ${ns ? `"${ns}"` : 'missing'}).`);
  if (root.attrs.version !== '2.0') fail(`version "${root.attrs.version ?? ''}" is not supported (2.0 only).`);
  const units: XliffUnit[] = [];
  const seen = new Set<string>();
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      const n = localName(c.name);
      if (n === 'file' || n === 'group') walk(c);
      else if (n === 'unit') {
        const id = c.attrs.id;
        if (!id) fail(`line ${c.line}: a <unit> has no id.`);
        if (seen.has(id)) fail(`line ${c.line}: unit id "${id}" appears twice.`);
        seen.add(id);
        const segs = childElements(c, 'segment');
        if (segs.length !== 1) fail(`line ${c.line}: unit "${id}" has ${segs.length} segments; Jiaodui units have exactly one.`);
        const targets = childElements(segs[0], 'target');
        if (targets.length > 1) fail(`line ${c.line}: unit "${id}" has more than one <target>.`);
        const m = /^s([1-9][0-9]{0,14})$/.exec(id);
        units.push({ id, segmentId: m ? Number(m[1]) : null, target: targets.length ? plainText(targets[0]) : null, line: c.line });
      }
    }
  };
  walk(root);
  return units;
}
