import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { glossaryToTbx, parseGlossaryTbx } from './tbx';
import { escapeXml, parseXml, textOf } from '../xml/xml';
import type { GlossaryFields } from './schemas';
import { normalizeFields } from './validate';
import { xmllint } from '../../core/testing/xmllint';

const ENTRIES: GlossaryFields[] = [
  { term: '王征', variants: ['王震', '王徵'], type: 'person', note: 'CFO of 商湯科技 <finance> & "strategy"', english: 'Wang Zheng' },
  { term: '商湯科技', variants: [], type: 'organisation', note: 'first line\r\nsecond line', english: "SenseTime's group" },
  { term: '日日新', variants: ['日日新大模型'], type: 'product', note: '', english: '' },
  { term: '𠼤字', variants: ['A&B'], type: 'term', note: 'astral ✓', english: 'x < y > z' },
];

function hasXmllint(): boolean {
  return spawnSync('xmllint', ['--version']).status === 0;
}

describe('strict XML reader', () => {
  it('reads elements, attributes, text, CDATA, comments and entity references', () => {
    const root = parseXml(
      '\uFEFF<?xml version="1.0" encoding="utf-8"?>\n<!-- c --><a x="1 &amp; 2" y=\'&quot;q&apos;\'><b>&lt;&#x738B;&#24449;&gt;</b><![CDATA[<raw & text>]]><?pi ok?><c/></a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.attrs).toEqual({ x: '1 & 2', y: '"q\'' });
    expect(textOf(root)).toBe('<王征><raw & text>');
    expect(escapeXml('a<b>&"\'\r', true)).toBe('a&lt;b&gt;&amp;&quot;&apos;&#13;');
  });

  it('refuses DOCTYPE and ENTITY declarations and unknown entities', () => {
    expect(() => parseXml('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x "boom">]><tbx/>')).toThrow(/line 1, column 22: DOCTYPE declarations are not accepted/);
    expect(() => parseXml('<a><!ENTITY x "y"></a>')).toThrow(/ENTITY declarations are not accepted/);
    expect(() => parseXml('<a>&x;</a>')).toThrow(/unknown entity &x;/);
    expect(() => parseXml('<a>&#0;</a>')).toThrow(/&#0; is not a valid XML character/);
    expect(() => parseXml('<a>&#xD800;</a>')).toThrow(/not a valid XML character/);
    expect(() => parseXml('<a>R&D</a>')).toThrow(/a bare "&"/);
  });

  it('looks entity names up in its own table only: names of Object.prototype are unknown entities', () => {
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf']) {
      expect(() => parseXml(`<a>&${name};</a>`), name).toThrow(new RegExp(`unknown entity &${name};`));
      expect(() => parseXml(`<a b="&${name};"/>`), name).toThrow(new RegExp(`unknown entity &${name};`));
    }
    expect(textOf(parseXml('<a>&amp;constructor;</a>'))).toBe('&constructor;');
  });

  it('names the line and column of malformed markup', () => {
    expect(() => parseXml('<a>\n  <b>\n</a>')).toThrow(/XML line 3, column 1: <\/a> does not close <b> \(line 2\)/);
    expect(() => parseXml('<a>\n<b>')).toThrow(/<b> \(line 2\) is never closed/);
    expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/attribute x appears twice/);
    expect(() => parseXml('<a x=1/>')).toThrow(/must be quoted/);
    expect(() => parseXml('<a/><b/>')).toThrow(/content after the root element/);
    expect(() => parseXml('text<a/>')).toThrow(/text before the root element/);
    expect(() => parseXml('')).toThrow(/no root element/);
    expect(() => parseXml('<a>\u0001</a>')).toThrow(/U\+0001 is not allowed/);
    expect(() => parseXml('<?xml version="1.0" encoding="Big5"?><a/>')).toThrow(/only UTF-8/);
    expect(() => parseXml('<a><!-- never closed </a>')).toThrow(/a comment is never closed/);
    expect(() => parseXml(`${'<a>'.repeat(150)}${'</a>'.repeat(150)}`)).toThrow(/nested more than 100 deep/);
  });
});

describe('glossary TBX', () => {
  it('writes TBX-Basic (v3 style) with preferred and deprecated terms, type, note and English', () => {
    const tbx = glossaryToTbx([ENTRIES[0]], { title: 'Samples' });
    expect(tbx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tbx type="TBX-Basic" style="dca" xml:lang="zh-Hant" xmlns="urn:iso:std:iso:30042:ed-2">/);
    expect(tbx).toContain('<langSec xml:lang="zh-Hant">');
    expect(tbx).toContain('<term>王征</term>\n            <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>');
    expect(tbx).toContain('<term>王震</term>\n            <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(tbx).toContain('<descrip type="termType">person</descrip>');
    expect(tbx).toContain('<descrip type="note">CFO of 商湯科技 &lt;finance&gt; &amp; "strategy"</descrip>');
    expect(tbx).toContain('<langSec xml:lang="en">');
  });

  it('round-trips every field, including markup characters, CRLF and astral characters', () => {
    const tbx = glossaryToTbx(ENTRIES);
    expect(parseGlossaryTbx(tbx).map((e) => e.fields)).toEqual(ENTRIES);
    expect(glossaryToTbx(parseGlossaryTbx(tbx).map((e) => e.fields))).toBe(tbx);
  });

  it.skipIf(!hasXmllint())('is well-formed XML according to xmllint', () => {
    const r = spawnSync('xmllint', ['--noout', '-'], { input: glossaryToTbx(ENTRIES), encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('normalises a vertical tab or form feed in a note to a line break and refuses other control characters, naming them', () => {
    const base = { term: '王征', variants: [], type: 'person' };
    expect(normalizeFields({ ...base, note: 'line\u000bbreak\u000cpage' }).note).toBe('line\nbreak\npage');
    expect(() => normalizeFields({ ...base, note: 'esc\u001b' })).toThrow(/the note of "王征" contains U\+001B, a character TBX \(XML\) cannot carry; remove it/);
    expect(() => normalizeFields({ ...base, note: 'nul\u0000' })).toThrow(/U\+0000/);
    expect(() => normalizeFields({ ...base, note: 'bs\u0008' })).toThrow(/U\+0008/);
    expect(() => normalizeFields({ ...base, note: 'x\uffff' })).toThrow(/U\+FFFF/);
    expect(() => normalizeFields({ ...base, english: 'Wang\u001bZheng' })).toThrow(/English rendering of "王征" contains U\+001B/);
    expect(() => normalizeFields({ ...base, term: '王\ufffe征' })).toThrow(/U\+FFFE/);
    // XML itself cannot carry them: a TBX file that tries is refused by the reader
    const tbx = glossaryToTbx([{ ...base, type: 'person', note: 'a', english: '' }]).replace('<descrip type="note">a', '<descrip type="note">a&#11;b');
    expect(() => parseGlossaryTbx(tbx)).toThrow(/&#11; is not a valid XML character/);
  });

  it.skipIf(!hasXmllint())('stays well-formed and round-trips with hostile text; a stored control character is written as its control picture', () => {
    const hostile: GlossaryFields[] = [
      { term: ']]>&<', variants: ['&amp;', '&constructor;'], type: 'term', note: 'cdata ]]> amp & lt < &#x1B; &__proto__; \u200f\u202eRTL\u202c 𠀋👩‍💻 \ufeff', english: 'a ]]> b & c <d>' },
      { term: '𩸽', variants: [], type: 'product', note: 'tab\there\r\nCRLF\nLF  ', english: '\u200fRTL' },
    ];
    const normalised = hostile.map((e) => normalizeFields(e));
    const tbx = glossaryToTbx(normalised);
    expect(xmllint(tbx).status).toBe(0);
    expect(parseGlossaryTbx(tbx).map((e) => e.fields)).toEqual(normalised);
    // a note stored before control characters were refused still exports as well-formed XML
    const legacy = glossaryToTbx([{ term: '王征', variants: [], type: 'person', note: 'old\u001bnote\u0000\u000b', english: '' }]);
    expect(legacy).toContain('<descrip type="note">old␛note␀␋</descrip>');
    const r = xmllint(legacy);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('reads TBX 2008 (martif, termEntry, langSet, tig/ntig) and <note>', () => {
    const martif = `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="t1">
      <note>CFO</note>
      <langSet xml:lang="zh-TW">
        <tig><term>王征</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>王震</term><termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
      </langSet>
      <langSet xml:lang="en-US"><tig><term>Wang Zheng</term></tig></langSet>
    </termEntry>
    <termEntry id="t2"><langSet xml:lang="zh"><tig><term>徐立</term></tig></langSet></termEntry>
  </body></text>
</martif>`;
    expect(parseGlossaryTbx(martif).map((e) => e.fields)).toEqual([
      { term: '王征', variants: ['王震'], type: 'term', note: 'CFO', english: 'Wang Zheng' },
      { term: '徐立', variants: [], type: 'term', note: '', english: '' },
    ]);
  });

  it('refuses malformed TBX naming the element and line', () => {
    const wrap = (entry: string) => `<tbx><text><body>\n${entry}\n</body></text></tbx>`;
    expect(() => parseGlossaryTbx('<html/>')).toThrow(/TBX <html> at line 1: the root element must be <tbx>/);
    expect(() => parseGlossaryTbx('<tbx><body/></tbx>')).toThrow(/has no <text> element/);
    expect(() => parseGlossaryTbx(wrap('<conceptEntry><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry>'))).toThrow(
      /TBX <conceptEntry> at line 2: has no Chinese term/,
    );
    expect(() =>
      parseGlossaryTbx(
        wrap(
          '<conceptEntry><langSec xml:lang="zh-Hant">\n<termSec><term>甲</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec>\n<termSec><term>乙</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>',
        ),
      ),
    ).toThrow(/TBX <termSec> at line 4: a second preferred term \("乙"; the first is "甲"\)/);
    expect(() =>
      parseGlossaryTbx(wrap('<conceptEntry><langSec xml:lang="zh-Hant"><termSec><term>甲</term></termSec>\n<termSec><term>乙</term></termSec></langSec></conceptEntry>')),
    ).toThrow(/TBX <termSec> at line 3: "乙" has no administrativeStatus/);
    expect(() => parseGlossaryTbx(wrap('<conceptEntry><descrip type="termType">boss</descrip><langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec></conceptEntry>'))).toThrow(
      /TBX <conceptEntry> at line 2: unknown type "boss"/,
    );
    expect(() => parseGlossaryTbx(wrap('<conceptEntry><langSec xml:lang="zh"><termSec/></langSec></conceptEntry>'))).toThrow(/TBX <termSec> at line 2: has no <term>/);
    expect(() => parseGlossaryTbx(wrap('<conceptEntry><langSec xml:lang="zh"><termSec><term>甲</term></termSec></langSec></conceptEnty>'))).toThrow(
      /XML line 2, column \d+: <\/conceptEnty> does not close <conceptEntry>/,
    );
  });
});
