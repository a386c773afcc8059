/**
 * Throw sites converted to message data (shared/error-messages.ts): the glossary's field checks,
 * CSV, TBX, XML and XLIFF parsing, alignment edits. Each refusal carries its key and parameters
 * (numbers as numbers: a line, a column), and its English message reads as it did before.
 */
import { describe, expect, it } from 'vitest';
import { applyAlignEdit } from './align';
import { errPart } from './error-messages';
import { parseXliff } from './export/xliff';
import { parseGlossaryCsv } from './glossary/csv';
import { parseGlossaryTbx } from './glossary/tbx';
import { firstConflict, normalizeFields } from './glossary/validate';
import { parseXml } from './xml/xml';
import { thrownJiaoduiError } from './error-test-helpers';

const thrown = thrownJiaoduiError;

const tbx = (entry: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n${entry}\n</body></text></tbx>\n`;

describe('converted throw sites give key and parameters', () => {
  it('the glossary form: a field check without a place', () => {
    const e = thrown(() => normalizeFields({ term: '  ' }));
    expect(e.code).toBe('invalid-input');
    expect(e.message).toBe('the term is empty');
    expect(e.messageData).toEqual({ key: 'glossary.term-empty', params: {} });
    const long = thrown(() => normalizeFields({ term: '王征', note: '注'.repeat(2001) }));
    expect(long.messageData).toEqual({ key: 'glossary.text-too-long', params: { what: [errPart('glossary.what.note', { term: '王征' })], max: 2000 } });
    expect(long.message).toBe('the note of "王征" is longer than 2000 characters');
    const bar = thrown(() => normalizeFields({ term: '王|征' }));
    expect(bar.message).toBe('the term "王|征" contains “|” (it separates variants)');
  });

  it('a conflict between entries is a nested message', () => {
    expect(firstConflict([{ term: '王征', variants: ['王震'] }, { term: '王震', variants: [] }])).toEqual({ index: 1, message: errPart('glossary.conflict.term-is-variant', { term: '王震', of: '王征' }) });
  });

  it('CSV: the line as a number, the problem nested; the header problems listed', () => {
    const e = thrown(() => parseGlossaryCsv('term,variants,type,note,english\n王征,王震\n'));
    expect(e.messageData).toEqual({ key: 'csv.at', params: { line: 2, problem: [errPart('csv.glossary-fields', { expected: 5, header: 'term,variants,type,note,english', found: 2 })] } });
    expect(e.message).toBe('CSV line 2: expected 5 fields (term,variants,type,note,english), found 2');
    const header = thrown(() => parseGlossaryCsv('term,variants,type,english,extra\n'));
    expect(header.message).toBe('CSV line 1: the header must be term,variants,type,note,english (missing note; unknown "extra")');
    const field = thrown(() => parseGlossaryCsv('term,variants,type,note,english\n王征,王征,,,\n'));
    expect(field.messageData).toEqual({ key: 'glossary.at', params: { where: [errPart('glossary.where.csv', { line: 2 })], problem: [errPart('glossary.variant-is-term', { variant: '王征' })] } });
    expect(field.message).toBe('CSV line 2: the variant "王征" is the term itself');
  });

  it('XML: line and column as numbers, the problem nested', () => {
    const e = thrown(() => parseXml('<a>\n  <b></a>'));
    expect(e.messageData).toEqual({ key: 'xml.at', params: { line: 2, col: 6, problem: [errPart('xml.close-mismatch', { name: 'a', open: 'b', line: 2 })] } });
    expect(e.message).toBe('XML line 2, column 6: </a> does not close <b> (line 2)');
  });

  it('TBX: the element and its line', () => {
    const e = thrown(() => parseGlossaryTbx(tbx('<conceptEntry id="1"><langSec xml:lang="en"><termSec><term>Wang</term></termSec></langSec></conceptEntry>')));
    expect(e.messageData).toEqual({ key: 'tbx.at', params: { element: 'conceptEntry', line: 4, problem: [errPart('tbx.no-chinese')] } });
    expect(e.message).toBe('TBX <conceptEntry> at line 4: has no Chinese term (a <langSec xml:lang="zh-Hant"> with a <term>)');
  });

  it('XLIFF: the problem nested, at its line when there is one', () => {
    const e = thrown(() => parseXliff('<xliff version="3.0"/>'));
    expect(e.messageData).toEqual({ key: 'xliff.at', params: { problem: [errPart('xliff.version', { version: '3.0' })] } });
    expect(e.message).toBe('XLIFF: version "3.0" is not supported (2.0 or 1.2).');
  });

  it('alignment: why an edit cannot be made', () => {
    const e = thrown(() => applyAlignEdit(['a', 'b'], 1, { op: 'merge' }, ' '));
    expect(e.messageData).toEqual({ key: 'align.merge-last', params: {} });
  });
});
