/**
 * Glossary as TBX (TermBase eXchange, ISO 30042), TBX-Basic in the TBX v3 (2019) DCA
 * style Jiaodui writes:
 *
 *   <tbx type="TBX-Basic" style="dca" xml:lang="zh-Hant" xmlns="urn:iso:std:iso:30042:ed-2">
 *     … <text><body>
 *       <conceptEntry id="…">
 *         <descrip type="termType">person</descrip>
 *         <descrip type="note">CFO of 商湯科技</descrip>
 *         <langSec xml:lang="zh-Hant">
 *           <termSec><term>王征</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>
 *           <termSec><term>王震</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></termSec>
 *         </langSec>
 *         <langSec xml:lang="en"><termSec><term>Wang Zheng</term></termSec></langSec>
 *       </conceptEntry>
 *
 * Reading also accepts TBX 2008 (`martif` root, `termEntry`, `langSet`, `tig`/`ntig`),
 * `termEntry` under a `tbx` root, and `<note>` elements. The canonical term is the
 * preferred one (or the only/first term without a status); deprecated and superseded
 * terms are the variants. Pure functions over the strict reader in xml.ts.
 */
import { em, errPart, type ErrorMessageKey, type ErrorMessageParams } from '../error-messages';
import { JiaoduiError } from '../errors';
import type { GlossaryFields, ParsedGlossaryEntry } from './schemas';
import { normalizeFields } from './validate';
import { childElements, escapeXml, localName, parseXml, textOf, type XmlElement } from '../xml/xml';

const PREFERRED = 'preferredTerm-admn-sts';
const DEPRECATED = 'deprecatedTerm-admn-sts';
const SUPERSEDED = 'supersededTerm-admn-sts';
const ADMITTED = 'admittedTerm-admn-sts';

export interface TbxOptions {
  /** shown in the header's sourceDesc */
  title?: string;
}

/** The TBX document for a list of entries. */
export function glossaryToTbx(entries: readonly GlossaryFields[], opts: TbxOptions = {}): string {
  const x = (s: string) => escapeXml(s);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<tbx type="TBX-Basic" style="dca" xml:lang="zh-Hant" xmlns="urn:iso:std:iso:30042:ed-2">',
    '  <tbxHeader>',
    '    <fileDesc>',
    '      <sourceDesc>',
    `        <p>${x(opts.title ? `Jiaodui glossary: ${opts.title}` : 'Jiaodui glossary')}</p>`,
    '      </sourceDesc>',
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  entries.forEach((e, k) => {
    out.push(`      <conceptEntry id="c${k + 1}">`);
    out.push(`        <descrip type="termType">${x(e.type)}</descrip>`);
    if (e.note) out.push(`        <descrip type="note">${x(e.note)}</descrip>`);
    out.push('        <langSec xml:lang="zh-Hant">');
    const term = (t: string, status: string) =>
      `          <termSec>\n            <term>${x(t)}</term>\n            <termNote type="administrativeStatus">${status}</termNote>\n          </termSec>`;
    out.push(term(e.term, PREFERRED));
    for (const v of e.variants) out.push(term(v, DEPRECATED));
    out.push('        </langSec>');
    if (e.english) {
      out.push('        <langSec xml:lang="en">');
      out.push(`          <termSec>\n            <term>${x(e.english)}</term>\n          </termSec>`);
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  });
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}

/** An input error naming the element and its line: `problem` is a key of shared/error-messages.ts. */
function tbxError(el: XmlElement, problem: ErrorMessageKey, params: ErrorMessageParams = {}): JiaoduiError {
  return new JiaoduiError('invalid-input', em('tbx.at', { element: el.name, line: el.line, problem: [errPart(problem, params)] }));
}

const whereOf = (el: XmlElement) => errPart('glossary.where.tbx', { element: el.name, line: el.line });

function lang(el: XmlElement): string {
  return (el.attrs['xml:lang'] ?? '').toLowerCase();
}

/** A descrip/termNote/note value of a given type directly under `el`. */
function typed(el: XmlElement, type: string): XmlElement[] {
  return childElements(el, 'descrip', 'termNote', 'admin').filter((d) => d.attrs.type === type);
}

interface TermInfo {
  text: string;
  status: string | null;
  el: XmlElement;
}

/** Terms of a langSec/langSet: termSec (v3), tig, ntig/termGrp (2008). */
function termsOf(langEl: XmlElement): TermInfo[] {
  const out: TermInfo[] = [];
  for (const t of childElements(langEl, 'termSec', 'tig', 'ntig')) {
    const holder = localName(t.name) === 'ntig' ? (childElements(t, 'termGrp')[0] ?? t) : t;
    const termEls = childElements(holder, 'term');
    if (termEls.length !== 1) throw tbxError(t, termEls.length ? 'tbx.term-count' : 'tbx.no-term');
    const statusEls = [...typed(holder, 'administrativeStatus'), ...(holder === t ? [] : typed(t, 'administrativeStatus'))];
    out.push({ text: textOf(termEls[0]), status: statusEls.length ? textOf(statusEls[0]).trim() : null, el: t });
  }
  return out;
}

function entryFields(entry: XmlElement): GlossaryFields {
  const langs = childElements(entry, 'langSec', 'langSet');
  const zh = langs.filter((l) => lang(l).startsWith('zh'));
  const en = langs.filter((l) => lang(l).startsWith('en'));
  const terms = zh.flatMap(termsOf);
  if (!terms.length) throw tbxError(entry, 'tbx.no-chinese');
  for (const t of terms) {
    if (t.status === ADMITTED) throw tbxError(t.el, 'tbx.admitted', { term: t.text });
    if (t.status !== null && t.status !== PREFERRED && t.status !== DEPRECATED && t.status !== SUPERSEDED) {
      throw tbxError(t.el, 'tbx.unknown-status', { status: t.status });
    }
  }
  const preferred = terms.filter((t) => t.status === PREFERRED);
  if (preferred.length > 1) throw tbxError(preferred[1].el, 'tbx.second-preferred', { term: preferred[1].text, first: preferred[0].text });
  const canonical = preferred[0] ?? terms.find((t) => t.status === null);
  if (!canonical) throw tbxError(entry, 'tbx.all-deprecated');
  const variants = terms.filter((t) => t !== canonical).map((t) => {
    if (t.status === null) throw tbxError(t.el, 'tbx.no-status', { term: t.text });
    return t.text;
  });
  const english = en.flatMap(termsOf)[0]?.text ?? '';
  const scopes = [entry, ...langs];
  const typeEl = scopes.flatMap((s) => childElements(s, 'descrip').filter((d) => d.attrs.type === 'termType'))[0];
  const noteEls = scopes.flatMap((s) => [...childElements(s, 'descrip').filter((d) => d.attrs.type === 'note'), ...childElements(s, 'note')]);
  const note = noteEls.map((n) => textOf(n).trim()).filter(Boolean).join('\n');
  return normalizeFields({ term: canonical.text, variants, type: typeEl ? textOf(typeEl) : '', note, english }, whereOf(entry));
}

/** Parse a TBX document into entries. Throws naming the element and line. */
export function parseGlossaryTbx(text: string): ParsedGlossaryEntry[] {
  const root = parseXml(text);
  const rootName = localName(root.name);
  if (rootName !== 'tbx' && rootName !== 'martif') throw tbxError(root, 'tbx.root');
  const textEl = childElements(root, 'text')[0];
  if (!textEl) throw tbxError(root, 'tbx.no-text');
  const body = childElements(textEl, 'body')[0];
  if (!body) throw tbxError(textEl, 'tbx.no-body');
  return childElements(body, 'conceptEntry', 'termEntry').map((e) => ({ fields: entryFields(e), where: whereOf(e) }));
}
