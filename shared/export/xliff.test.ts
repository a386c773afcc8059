/**
 * XLIFF 2.0 and 1.2 with hostile content: every export validates against its OASIS
 * schema (xmllint, offline) and reads back to exactly the stored text, control
 * characters included; translate-toolkit reads the 1.2 file.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseXliff, toXliff } from './xliff';
import { toXliff12, xliff12State } from './xliff12';
import type { ExportDoc } from './model';
import { seg } from './test-fixtures';
import { HAS_XMLLINT, XLIFF12_SCHEMA, XLIFF20_SCHEMA, xmllint } from '../../core/testing/xmllint';

/** Text a document can hold that XML handles badly or not at all. */
const HOSTILE = [
  'Word line\u000bbreak, page\u000cbreak', // VT, FF: manual line and page breaks
  'esc\u001b[31m bs\u0008 nul\u0000 us\u001f del\u007f', // other C0 controls (DEL is allowed in XML)
  'cdata ]]> end, amp & lt < gt > quot " apos \'',
  'entities as text: &amp; &lt; &#x1B; &#0; &constructor; &__proto__;',
  'astral 𠀋𩸽 and emoji 👩‍💻, RTL \u200f\u202eمرحبا\u202c marks, BOM \ufeff inside',
  'tab\there, CR\ronly, CRLF\r\nand LF\nlines, noncharacter \uffff and \ufffe',
  '  leading and trailing spaces  ',
];

function hostileDoc(): ExportDoc {
  return {
    id: 3,
    title: 'Title <&> "q" \u001b\u000b',
    script: 'hant',
    leading: '',
    segments: HOSTILE.map((t, i) =>
      seg(i + 1, t, '\n', { text: i % 2 ? t : `${t}（改）`, status: (['unreviewed', 'edited', 'approved'] as const)[i % 3], furniture: i === 0 ? 'share' : null }),
    ),
  };
}

const NOTES = new Map<number, string[]>([
  [1, ['reviewer: note with \u001b and \u000b ]]> & <tag>', 'second: &amp; 𠀋']],
  [2, ['x\u0000y']],
]);

describe.each([
  ['XLIFF 2.0', toXliff, XLIFF20_SCHEMA],
  ['XLIFF 1.2', toXliff12, XLIFF12_SCHEMA],
] as const)('%s with hostile content', (_name, write, schema) => {
  it('reads back every target exactly, control characters included', () => {
    const doc = hostileDoc();
    const units = parseXliff(write(doc, NOTES));
    expect(units.map((u) => u.segmentId)).toEqual(doc.segments.map((s) => s.id));
    expect(units.map((u) => u.target)).toEqual(doc.segments.map((s) => s.text));
  });

  it('writes no character XML forbids, and shows controls in notes and the title as control pictures', () => {
    const xml = write(hostileDoc(), NOTES);
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
    expect(xml).toContain('reviewer: note with ␛ and ␋ ]]&gt; &amp; &lt;tag&gt;');
    expect(xml).toContain('x␀y');
    expect(xml).toContain('original="Title &lt;&amp;&gt; &quot;q&quot; ␛␋"');
  });

  it.skipIf(!HAS_XMLLINT)('validates against the OASIS schema (xmllint; skipped when it is not installed)', () => {
    const r = xmllint(write(hostileDoc(), NOTES), schema);
    expect(r.stderr).toContain('validates');
    expect(r.status).toBe(0);
  });
});

describe('control characters in segment text', () => {
  it('2.0 writes them as <cp hex>, 1.2 as <x> with a private ctype, and both read them back', () => {
    const doc: ExportDoc = { id: 1, title: 't', script: 'hant', leading: '', segments: [seg(1, 'a\u000bb\u001bc', '')] };
    const x20 = toXliff(doc, new Map());
    expect(x20).toContain('<target>a<cp hex="000B"/>b<cp hex="001B"/>c</target>');
    const x12 = toXliff12(doc, new Map());
    expect(x12).toContain('a<x id="cp1" ctype="x-jiaodui-cp-000B" equiv-text="␋"/>b<x id="cp2" ctype="x-jiaodui-cp-001B" equiv-text="␛"/>c</target>');
    // a CAT tool may write the code point differently: any hex case and length reads back
    expect(parseXliff(x20.replace('<cp hex="001B"/>', '<cp hex="1b"/>'))[0].target).toBe('a\u000bb\u001bc');
    expect(parseXliff(x12.replace('x-jiaodui-cp-001B', 'x-jiaodui-cp-1b'))[0].target).toBe('a\u000bb\u001bc');
  });

  it('refuses a <cp> or <x> that is not a Unicode scalar value, and any other inline code', () => {
    const doc: ExportDoc = { id: 1, title: 't', script: 'hant', leading: '', segments: [seg(1, 'a\u000bb', '')] };
    const x20 = toXliff(doc, new Map());
    const x12 = toXliff12(doc, new Map());
    expect(() => parseXliff(x20.replace('<target>a<cp hex="000B"/>', '<target>a<cp hex="D800"/>'))).toThrow(/"D800" is not a Unicode scalar value/);
    expect(() => parseXliff(x20.replace('<target>a<cp hex="000B"/>', '<target>a<cp hex="110000"/>'))).toThrow(/not a Unicode scalar value/);
    expect(() => parseXliff(x20.replace('<target>a<cp hex="000B"/>', '<target>a<cp/>'))).toThrow(/"" is not/);
    expect(() => parseXliff(x12.replace('<target state="needs-review-translation">a<x id="cp1" ctype="x-jiaodui-cp-000B"', '<target>a<x id="1" ctype="lb"'))).toThrow(
      /inline element <x> in <target> is not supported/,
    );
    expect(() => parseXliff(x12.replace('<target state="needs-review-translation">a', '<target>a<g id="1">b</g>'))).toThrow(/inline element <g>/);
  });
});

describe('XLIFF 1.2', () => {
  const doc: ExportDoc = {
    id: 4,
    title: 'doc',
    script: 'hans',
    leading: '',
    segments: [
      seg(1, 'share_log', '\n', { furniture: 'share' }),
      seg(2, '董事长王震表示', '\n', { text: '董事长王征表示', status: 'edited' }),
      seg(3, '收入', '\n', { status: 'approved' }),
    ],
  };

  it('writes file/body/trans-unit with the states, approval, furniture and notes', () => {
    const xml = toXliff12(doc, new Map([[2, ['me: 名字 <check>']]]));
    expect(xml).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">');
    expect(xml).toContain('source-language="zh-Hans" target-language="zh-Hans" datatype="plaintext"');
    expect(xml).toContain('<trans-unit id="s1" resname="1" restype="x-jiaodui-furniture-share">');
    expect(xml).toContain('<target state="translated">董事长王征表示</target>\n        <note>me: 名字 &lt;check&gt;</note>');
    expect(xml).toContain('<trans-unit id="s3" resname="3" approved="yes">');
    expect(['unreviewed', 'edited', 'approved'].map((s) => xliff12State(s as 'edited'))).toEqual(['needs-review-translation', 'translated', 'final']);
  });

  it('is read by version: units in groups, no target, and the same refusals as 2.0', () => {
    const xml = toXliff12(doc, new Map());
    expect(parseXliff(xml).map((u) => [u.id, u.target])).toEqual([
      ['s1', 'share_log'],
      ['s2', '董事长王征表示'],
      ['s3', '收入'],
    ]);
    const grouped = xml.replace('<body>', '<body><group id="g">').replace('</body>', '</group></body>').replace(/<target state="final">收入<\/target>/, '');
    expect(parseXliff(grouped).map((u) => u.target)).toEqual(['share_log', '董事长王征表示', null]);
    expect(() => parseXliff(xml.replace('version="1.2"', 'version="1.1"'))).toThrow(/version "1.1" is not supported \(2.0 or 1.2\)/);
    expect(() => parseXliff(xml.replace('document:1.2', 'document:2.0'))).toThrow(/not an XLIFF 1.2 file/);
    expect(() => parseXliff(xml.replace('id="s2"', 'id="s1"'))).toThrow(/"s1" appears twice/);
    expect(() => parseXliff(xml.replace(' id="s2"', ''))).toThrow(/a <trans-unit> has no id/);
    expect(() => parseXliff(xml.replace('</target>', '</target><target>x</target>'))).toThrow(/more than one <target>/);
    expect(() => parseXliff(xml.replace('<target state="translated">', '<target state="translated">&constructor;'))).toThrow(/unknown entity &constructor;/);
    expect(() => parseXliff(xml.replace('<xliff', '<!DOCTYPE x [<!ENTITY a "b">]>\n<xliff'))).toThrow(/DOCTYPE/);
  });

  it('a 2.0 file that names the 1.2 namespace says so', () => {
    const x20 = toXliff(doc, new Map()).replace('urn:oasis:names:tc:xliff:document:2.0', 'urn:oasis:names:tc:xliff:document:1.2');
    expect(() => parseXliff(x20)).toThrow(/not an XLIFF 2.0 file .*which is XLIFF 1.2/);
  });

  const HAS_XLIFF2PO = spawnSync('xliff2po', ['--version']).status === 0;
  it.skipIf(!HAS_XLIFF2PO)('translate-toolkit reads it: xliff2po gives every unit with its target (skipped when translate-toolkit is not installed)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-ttk-'));
    try {
      const withHostile: ExportDoc = { ...doc, segments: [...doc.segments, seg(4, 'a & <b> ]]> 𠀋', '\n', { text: 'a & <b> ]]> 𠀋 改', status: 'edited' })] };
      writeFileSync(join(dir, 'in.xlf'), toXliff12(withHostile, new Map()));
      const r = spawnSync('xliff2po', ['-i', join(dir, 'in.xlf'), '-o', join(dir, 'out.po')], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      const po = readFileSync(join(dir, 'out.po'), 'utf8');
      expect(po).toContain('#: s2\n#, fuzzy\nmsgid "董事长王震表示"\nmsgstr "董事长王征表示"');
      expect(po).toContain('#: s3\nmsgid "收入"\nmsgstr "收入"'); // approved: not fuzzy
      expect(po).toContain('msgid "a & <b> ]]> 𠀋"\nmsgstr "a & <b> ]]> 𠀋 改"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
