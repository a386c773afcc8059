/**
 * XLIFF 1.2 exchange (what many CAT tools and translate-toolkit read): one <trans-unit>
 * per segment with the ids, texts and notes of the 2.0 export (xliff.ts), in
 * file/body. Review status: unreviewed → state "needs-review-translation", edited →
 * "translated", approved → "final" plus approved="yes"; furniture as restype
 * "x-jiaodui-furniture-<kind>". 1.2 has no <cp>: a character XML cannot carry is
 * `<x id="cpN" ctype="x-jiaodui-cp-000B" equiv-text="␋"/>` (a placeholder with a private
 * ctype the strict schema allows; N counts within the element, so the same character
 * in source and target shares an id), read back by `parseXliff12`. Pure.
 */
import { errPart } from '../error-messages';
import type { SegmentStatus } from '../domain/schemas';
import { childElements, controlPicture, escapeXml, localName, type XmlElement } from '../xml/xml';
import { baseFileName, langTag, type ExportDoc } from './model';
import { encodeSegmentText, extradataBase, fromHex, hexOf, readSegmentText, rootNamespace, unitBase12, UnitList, unitId, xliffFail as fail, type XliffUnit } from './xliff-units';

export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';

const STATE: Record<SegmentStatus, string> = { unreviewed: 'needs-review-translation', edited: 'translated', approved: 'final' };
const CP_CTYPE = /^x-jiaodui-cp-([0-9A-Fa-f]{1,6})$/;

export function xliff12State(status: SegmentStatus): string {
  return STATE[status];
}

function segmentXml(s: string): string {
  return encodeSegmentText(s, (unit, n) => `<x id="cp${n}" ctype="x-jiaodui-cp-${hexOf(unit)}" equiv-text="${escapeXml(controlPicture(unit), true)}"/>`);
}

export function toXliff12(doc: ExportDoc, notes: ReadonlyMap<number, readonly string[]>): string {
  const lang = langTag(doc.script);
  const x = (s: string) => escapeXml(s);
  const a = (s: string) => escapeXml(s, true);
  const units = doc.segments.map((s) => {
    const noteXml = (notes.get(s.id) ?? []).map((n) => `\n        <note>${x(n)}</note>`).join('');
    const restype = s.furniture ? ` restype="x-jiaodui-furniture-${a(s.furniture)}"` : '';
    const approved = s.status === 'approved' ? ' approved="yes"' : '';
    const base = s.textVersion !== undefined ? ` extradata="${extradataBase(s.textVersion)}"` : '';
    return `      <trans-unit id="${unitId(s.id)}" resname="${s.index + 1}"${restype}${approved}${base}>
        <source>${segmentXml(s.machineText)}</source>
        <target state="${xliff12State(s.status)}">${segmentXml(s.text)}</target>${noteXml}
      </trans-unit>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF12_NS}" version="1.2">
  <file original="${a(doc.title)}" source-language="${lang}" target-language="${lang}" datatype="plaintext" xml:space="preserve">
    <body>
${units.join('\n')}
    </body>
  </file>
</xliff>
`;
}

export function exportXliff12(doc: ExportDoc, notes: ReadonlyMap<number, readonly string[]>): { fileName: string; mime: string; content: string } {
  return { fileName: `${baseFileName(doc)}.xliff12.xlf`, mime: 'application/xliff+xml', content: toXliff12(doc, notes) };
}

/** <x ctype="x-jiaodui-cp-…"/> back to its character; any other inline element is refused. */
function decodeInline(el: XmlElement): string | null {
  const m = localName(el.name) === 'x' && !el.children.length ? CP_CTYPE.exec(el.attrs.ctype ?? '') : null;
  return m ? fromHex(m[1], el.line, '<x ctype>') : null;
}

/** The units of an XLIFF 1.2 document (root already known to be <xliff version="1.2">). */
export function parseXliff12(root: XmlElement): XliffUnit[] {
  const ns = rootNamespace(root);
  if (ns !== XLIFF12_NS) fail('xliff.not-12', { namespace: ns ? `"${ns}"` : [errPart('xliff.namespace-missing')] });
  const list = new UnitList();
  const walk = (el: XmlElement) => {
    for (const c of childElements(el)) {
      const n = localName(c.name);
      if (n === 'file' || n === 'body' || n === 'group') walk(c);
      else if (n === 'trans-unit') {
        list.add(c, 'trans-unit', () => {
          const targets = childElements(c, 'target');
          if (targets.length > 1) fail('xliff.two-targets', { id: String(c.attrs.id) }, c.line);
          return targets.length ? readSegmentText(targets[0], decodeInline) : null;
        }, unitBase12(c));
      }
    }
  };
  walk(root);
  return list.units;
}
