/**
 * A small, strict XML reader (there is no DOM parser in Node), shared by the formats that
 * read or write XML: glossary TBX (shared/glossary/tbx.ts), XLIFF 2.0 / 1.2 and DOCX export
 * (shared/export/). Elements, attributes, text, CDATA, comments and processing
 * instructions; the five predefined entities and numeric character references.
 * DOCTYPE and ENTITY declarations are refused (no external or expanding entities), and
 * entity names are looked up in an own-property table only (`&constructor;` is unknown,
 * not Object's constructor). Errors name the line and column. Pure.
 */
import { em, errPart, type ErrorMessageKey, type ErrorMessageParams } from '../error-messages';
import { JiaoduiError } from '../errors';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
  col: number;
}
export type XmlNode = XmlElement | string;

const PREDEFINED: ReadonlyMap<string, string> = new Map([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
]);
const NAME = /[A-Za-z_:\u00c0-\ud7ff\uf900-\ufffd][-A-Za-z0-9_:.\u00b7\u00c0-\ud7ff\uf900-\ufffd]*/y;
const MAX_DEPTH = 100;

/** Whether XML 1.0 allows the code point in a document (Char production). */
function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

/** One UTF-16 unit XML 1.0 cannot carry: C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, a lone surrogate. */
export const XML_INVALID_UNIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The first character XML cannot carry in `s` and where it is, or null. */
export function firstXmlInvalid(s: string): { index: number; unit: string } | null {
  const m = new RegExp(XML_INVALID_UNIT.source).exec(s);
  return m ? { index: m.index, unit: m[0] } : null;
}

/** U+000B as a name for messages. */
export function codePointName(unit: string): string {
  return `U+${unit.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * The visible stand-in for a character XML cannot carry, in text nobody reads back
 * (notes, titles, TBX): a C0 control becomes its Unicode control picture (ESC → ␛,
 * VT → ␋), anything else U+FFFD.
 */
export function controlPicture(unit: string): string {
  const c = unit.charCodeAt(0);
  return c < 0x20 ? String.fromCharCode(0x2400 + c) : '\ufffd';
}

/**
 * Escape text for element content, or (attr) for a double-quoted attribute value.
 * Characters XML cannot carry become control pictures, so the result is always
 * well-formed; writers that must keep them (XLIFF segment text) encode them first.
 */
export function escapeXml(s: string, attr = false): string {
  let out = s.replace(XML_INVALID_UNIT, controlPicture).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\r/g, '&#13;');
  if (attr) out = out.replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\t/g, '&#9;');
  return out;
}

class Reader {
  private pos = 0;
  private readonly lineStarts: number[] = [0];

  constructor(private readonly s: string) {
    for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  where(pos = this.pos): { line: number; col: number } {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid] <= pos) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, col: pos - this.lineStarts[lo] + 1 };
  }

  /** Refuse the document at `pos`: `problem` is a key of shared/error-messages.ts. */
  fail(problem: ErrorMessageKey, params: ErrorMessageParams = {}, pos = this.pos): never {
    const w = this.where(pos);
    throw new JiaoduiError('invalid-input', em('xml.at', { line: w.line, col: w.col, problem: [errPart(problem, params)] }));
  }

  private startsWith(t: string): boolean {
    return this.s.startsWith(t, this.pos);
  }

  private skipSpace(): void {
    while (this.pos < this.s.length && /[ \t\n\r]/.test(this.s[this.pos])) this.pos++;
  }

  private name(): string {
    NAME.lastIndex = this.pos;
    const m = NAME.exec(this.s);
    if (!m) this.fail('xml.expected-name', { found: JSON.stringify(this.s.slice(this.pos, this.pos + 10)) });
    this.pos += m[0].length;
    return m[0];
  }

  private until(end: string, what: 'xml.what.comment' | 'xml.what.pi' | 'xml.what.cdata'): string {
    const at = this.s.indexOf(end, this.pos);
    if (at < 0) this.fail('xml.never-closed', { what: [errPart(what)], end });
    const body = this.s.slice(this.pos, at);
    this.pos = at + end.length;
    return body;
  }

  private checkChars(text: string, start: number): void {
    for (let i = 0; i < text.length; i++) {
      const cp = text.codePointAt(i)!;
      if (cp > 0xffff) {
        i++;
        continue;
      }
      if (!isXmlChar(cp)) this.fail('xml.bad-char', { char: `U+${cp.toString(16).toUpperCase().padStart(4, '0')}` }, start + i);
    }
  }

  /** Decode entity and character references in raw text starting at `start`. */
  private decode(raw: string, start: number): string {
    this.checkChars(raw, start);
    if (!raw.includes('&')) return raw;
    let out = '';
    let i = 0;
    while (i < raw.length) {
      const amp = raw.indexOf('&', i);
      if (amp < 0) {
        out += raw.slice(i);
        break;
      }
      out += raw.slice(i, amp);
      const semi = raw.indexOf(';', amp);
      const ref = semi < 0 ? '' : raw.slice(amp + 1, semi);
      if (semi < 0 || !/^(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z_][-A-Za-z0-9_.]*)$/.test(ref)) {
        this.fail('xml.bare-amp', {}, start + amp);
      }
      if (ref.startsWith('#')) {
        const cp = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        if (!Number.isFinite(cp) || !isXmlChar(cp)) this.fail('xml.bad-char-ref', { ref }, start + amp);
        out += String.fromCodePoint(cp);
      } else if (PREDEFINED.has(ref)) {
        out += PREDEFINED.get(ref)!;
      } else {
        this.fail('xml.unknown-entity', { ref }, start + amp);
      }
      i = semi + 1;
    }
    return out;
  }

  /** Comments, processing instructions and whitespace between markup outside the root. */
  private misc(allowDecl: boolean): void {
    for (;;) {
      this.skipSpace();
      if (this.startsWith('<!--')) {
        this.pos += 4;
        this.until('-->', 'xml.what.comment');
      } else if (this.startsWith('<?')) {
        const at = this.pos;
        this.pos += 2;
        const target = this.name();
        const body = this.until('?>', 'xml.what.pi');
        if (target.toLowerCase() === 'xml') {
          if (!allowDecl || at !== 0) this.fail('xml.decl-first', {}, at);
          const enc = /encoding\s*=\s*["']([^"']*)["']/.exec(body);
          if (enc && !/^utf-?8$/i.test(enc[1])) this.fail('xml.encoding', { encoding: enc[1] }, at);
        }
      } else if (this.startsWith('<!DOCTYPE') || this.startsWith('<!doctype')) {
        this.fail('xml.doctype');
      } else if (this.startsWith('<!ENTITY')) {
        this.fail('xml.entity-decl');
      } else return;
      allowDecl = false;
    }
  }

  private attributes(): Record<string, string> {
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = this.pos;
      this.skipSpace();
      if (this.startsWith('/>') || this.startsWith('>')) return attrs;
      if (this.pos === before) this.fail('xml.attr-space');
      const at = this.pos;
      const name = this.name();
      this.skipSpace();
      if (this.s[this.pos] !== '=') this.fail('xml.attr-no-value', { name });
      this.pos++;
      this.skipSpace();
      const q = this.s[this.pos];
      if (q !== '"' && q !== "'") this.fail('xml.attr-unquoted', { name });
      this.pos++;
      const vstart = this.pos;
      const end = this.s.indexOf(q, this.pos);
      if (end < 0) this.fail('xml.attr-unclosed', { name });
      const raw = this.s.slice(vstart, end);
      if (raw.includes('<')) this.fail('xml.attr-lt', { name }, vstart + raw.indexOf('<'));
      this.pos = end + 1;
      if (name in attrs) this.fail('xml.attr-twice', { name }, at);
      attrs[name] = this.decode(raw.replace(/[\t\n\r]/g, ' '), vstart);
    }
  }

  private openTag(): { el: XmlElement; selfClosing: boolean } {
    const at = this.pos;
    this.pos++; // <
    const name = this.name();
    const attrs = this.attributes();
    const selfClosing = this.startsWith('/>');
    this.pos += selfClosing ? 2 : 1;
    const w = this.where(at);
    return { el: { name, attrs, children: [], line: w.line, col: w.col }, selfClosing };
  }

  document(): XmlElement {
    if (this.s.charCodeAt(0) === 0xfeff) this.fail('xml.bom');
    this.misc(true);
    if (this.pos >= this.s.length || this.s[this.pos] !== '<') this.fail(this.pos >= this.s.length ? 'xml.no-root' : 'xml.text-before-root');
    const first = this.openTag();
    const root = first.el;
    const stack: XmlElement[] = first.selfClosing ? [] : [root];
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (this.pos >= this.s.length) this.fail('xml.unclosed', { name: top.name, line: top.line });
      const c = this.s[this.pos];
      if (c !== '<') {
        const lt = this.s.indexOf('<', this.pos);
        const end = lt < 0 ? this.s.length : lt;
        const raw = this.s.slice(this.pos, end);
        const gt = raw.indexOf(']]>');
        if (gt >= 0) this.fail('xml.cdata-end', {}, this.pos + gt);
        const text = this.decode(raw, this.pos);
        this.pos = end;
        top.children.push(text);
        continue;
      }
      if (this.startsWith('</')) {
        const at = this.pos;
        this.pos += 2;
        const name = this.name();
        this.skipSpace();
        if (this.s[this.pos] !== '>') this.fail('xml.close-expected', { name });
        this.pos++;
        if (name !== top.name) this.fail('xml.close-mismatch', { name, open: top.name, line: top.line }, at);
        stack.pop();
      } else if (this.startsWith('<!--')) {
        this.pos += 4;
        this.until('-->', 'xml.what.comment');
      } else if (this.startsWith('<![CDATA[')) {
        const start = this.pos + 9;
        this.pos = start;
        const body = this.until(']]>', 'xml.what.cdata');
        this.checkChars(body, start);
        top.children.push(body);
      } else if (this.startsWith('<?')) {
        this.pos += 2;
        if (this.name().toLowerCase() === 'xml') this.fail('xml.decl-first');
        this.until('?>', 'xml.what.pi');
      } else if (this.startsWith('<!DOCTYPE') || this.startsWith('<!doctype')) {
        this.fail('xml.doctype');
      } else if (this.startsWith('<!')) {
        this.fail(this.startsWith('<!ENTITY') ? 'xml.entity-decl' : 'xml.unexpected-bang');
      } else {
        const { el, selfClosing } = this.openTag();
        top.children.push(el);
        if (!selfClosing) {
          if (stack.length >= MAX_DEPTH) this.fail('xml.too-deep', { max: MAX_DEPTH });
          stack.push(el);
        }
      }
    }
    this.misc(false);
    if (this.pos < this.s.length) this.fail('xml.after-root');
    return root;
  }
}

/** Parse an XML document (a string; line ends are normalised to LF as XML requires). */
export function parseXml(text: string): XmlElement {
  const s = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).replace(/\r\n?/g, '\n');
  return new Reader(s).document();
}

/** The concatenated text content of an element. */
export function textOf(el: XmlElement): string {
  return el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}

/** The child elements, optionally of some names. */
export function childElements(el: XmlElement, ...names: string[]): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== 'string' && (names.length === 0 || names.includes(localName(c.name))));
}

/** A name without its namespace prefix (tbx:term → term). */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i >= 0 && !name.startsWith('xml:') ? name.slice(i + 1) : name;
}
