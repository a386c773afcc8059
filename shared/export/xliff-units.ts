/**
 * What the XLIFF 2.0 and 1.2 readers and writers share: the unit Jiaodui reads back, the
 * error, segment text with characters XML cannot carry, and the walk that collects units.
 *
 * Segment text is stored exactly as imported or edited (a vertical tab from Word, a form
 * feed, ESC… stay, so offsets and the plain-text export stay exact). XML 1.0 cannot hold
 * these characters, so the writers encode each one as an inline element the same
 * version's reader turns back into the character: `<cp hex="000B"/>` in 2.0 (the
 * standard's own element for this), `<x id="cpN" ctype="x-jiaodui-cp-000B"/>` in 1.2
 * (which has no <cp>). Pure.
 */
import { em, errPart, type ErrorMessageKey, type ErrorMessageParams } from '../error-messages';
import { JiaoduiError } from '../errors';
import { escapeXml, localName, XML_INVALID_UNIT, type XmlElement } from '../xml/xml';

export interface XliffUnit {
  id: string;
  /** the segment id the unit names, or null when the id is not Jiaodui's `s<n>` */
  segmentId: number | null;
  /** the target text; null when the unit has no target */
  target: string | null;
  line: number;
  /** the text's version when Jiaodui exported the unit (0: never revised); undefined when the file does not say (another tool's, or older) */
  base?: number;
}

/**
 * Where a Jiaodui export records each unit's text version (issue 16): XLIFF 2.0 in an
 * attribute of our own namespace on <unit> (the schema allows ##other there), XLIFF 1.2 in
 * <trans-unit extradata> (its strict schema allows no foreign attribute we could define).
 */
export const JIAODUI_XLIFF_NS = 'urn:jiaodui:xliff:1';
export const BASE_ATTR = 'jd:base';
const EXTRADATA_PREFIX = 'jiaodui-base:';

export function extradataBase(version: number): string {
  return `${EXTRADATA_PREFIX}${version}`;
}

function baseNumber(raw: string | undefined, line: number): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^(0|[1-9][0-9]{0,14})$/.test(raw)) xliffFail('xliff.base-not-number', { value: raw }, line);
  return Number(raw);
}

/** The text version a Jiaodui 2.0 export recorded on a <unit>: our namespace's `base`, whatever prefix the file binds it to. */
export function unitBase20(root: XmlElement, el: XmlElement): number | undefined {
  const prefixes = [root, el].flatMap((e) => Object.entries(e.attrs).filter(([k, v]) => k.startsWith('xmlns:') && v === JIAODUI_XLIFF_NS).map(([k]) => k.slice(6)));
  for (const p of prefixes) if (el.attrs[`${p}:base`] !== undefined) return baseNumber(el.attrs[`${p}:base`], el.line);
  return undefined;
}

/** The text version a Jiaodui 1.2 export recorded in <trans-unit extradata>. */
export function unitBase12(el: XmlElement): number | undefined {
  const x = el.attrs.extradata;
  return x?.startsWith(EXTRADATA_PREFIX) ? baseNumber(x.slice(EXTRADATA_PREFIX.length), el.line) : undefined;
}

export function unitId(segmentId: number): string {
  return `s${segmentId}`;
}

/** Refuse an XLIFF file: `problem` is a key of shared/error-messages.ts, at `line` when given. */
export function xliffFail(problem: ErrorMessageKey, params: ErrorMessageParams = {}, line?: number): never {
  const part = errPart(problem, params);
  throw new JiaoduiError('invalid-input', em('xliff.at', { problem: [line === undefined ? part : errPart('xliff.line', { line, problem: [part] })] }));
}

/** Four (or six) hex digits, an even count as xs:hexBinary wants. */
export function hexOf(unit: string): string {
  const h = unit.charCodeAt(0).toString(16).toUpperCase();
  return h.padStart(h.length <= 4 ? 4 : 6, '0');
}

/** A code point written by `hexOf` (or any 1–6 hex digits) back to its character. */
export function fromHex(hex: string, line: number, element: string): string {
  const cp = /^[0-9A-Fa-f]{1,6}$/.test(hex) ? parseInt(hex, 16) : NaN;
  if (!(cp <= 0x10ffff) || (cp >= 0xd800 && cp <= 0xdfff)) xliffFail('xliff.not-scalar', { element, hex }, line);
  return String.fromCodePoint(cp);
}

/**
 * Segment text as element content: runs XML can carry are escaped, each character it
 * cannot is written by `code` (given the character and its 1-based number in this text).
 */
export function encodeSegmentText(s: string, code: (unit: string, n: number) => string): string {
  let n = 0;
  let out = '';
  let last = 0;
  for (const m of s.matchAll(XML_INVALID_UNIT)) {
    out += escapeXml(s.slice(last, m.index)) + code(m[0], ++n);
    last = m.index + m[0].length;
  }
  return out + escapeXml(s.slice(last));
}

/**
 * The text of a <source>/<target>: text, plus the inline elements `decode` turns into
 * characters (it returns null for any other element, which is refused rather than dropped).
 */
export function readSegmentText(el: XmlElement, decode: (child: XmlElement) => string | null): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else {
      const ch = decode(c);
      if (ch === null) xliffFail('xliff.inline', { name: c.name, parent: localName(el.name) }, c.line);
      out += ch;
    }
  }
  return out;
}

/** Collects units in file order, refusing a missing or repeated id. */
export class UnitList {
  readonly units: XliffUnit[] = [];
  private readonly seen = new Set<string>();

  add(el: XmlElement, what: string, target: () => string | null, base?: number): void {
    const id = el.attrs.id;
    if (!id) xliffFail('xliff.no-id', { element: what }, el.line);
    if (this.seen.has(id)) xliffFail('xliff.id-twice', { id }, el.line);
    this.seen.add(id);
    const m = /^s([1-9][0-9]{0,14})$/.exec(id);
    this.units.push({ id, segmentId: m ? Number(m[1]) : null, target: target(), line: el.line, ...(base !== undefined ? { base } : {}) });
  }
}

/** The namespace of an element: its default namespace or that of its prefix (declared on itself). */
export function rootNamespace(root: XmlElement): string | undefined {
  return root.attrs.xmlns ?? (root.name.includes(':') ? root.attrs[`xmlns:${root.name.split(':')[0]}`] : undefined);
}
