import { describe, expect, it } from 'vitest';
import { csvDocument, csvField, guardFormula, parseCsvRecords, unguardFormula } from './csv';

describe('shared CSV module', () => {
  it('guards every cell a spreadsheet would run as a formula', () => {
    for (const c of ['=HYPERLINK("http://x","y")', '+cmd', '@SUM(A1)', '-1+1', '\tx', '\rx', "'=x", "''@x"]) expect(guardFormula(c)).toBe(`'${c}`);
    for (const c of ['商湯=1', "'plain", 'a-b', '', "'"]) expect(guardFormula(c)).toBe(c);
  });

  it('unguard inverts guard for every string, including ones that start with apostrophes', () => {
    const samples = ['=1', '-1', "'=1", "''=1", "'", "''", "'x", 'x', '', '@', "'@", '+', '\t', "'-"];
    for (const s of samples) expect(unguardFormula(guardFormula(s))).toBe(s);
  });

  it('a written document reads back cell for cell (hostile cells, quotes, line breaks, spaces)', () => {
    const header = ['a', 'b', 'c'];
    const rows = [
      ['=HYPERLINK("http://evil.example")', '+cmd|/c calc', '@SUM(1)'],
      ['-1+1', "'=kept", ' padded '],
      ['multi\r\nline', 'quote " inside', 'comma, inside'],
    ];
    const csv = csvDocument(header, rows);
    expect(csv.startsWith('\uFEFFa,b,c\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csvField('=1')).toBe("'=1");
    expect(parseCsvRecords(csv).map((r) => r.fields)).toEqual([header, ...rows]);
  });
});
