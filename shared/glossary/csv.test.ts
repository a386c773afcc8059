import { describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../csv/csv';
import { formatErrorMessage } from '../error-messages';
import { glossaryToCsv, parseGlossaryCsv } from './csv';
import type { GlossaryFields } from './schemas';

const WANG: GlossaryFields = { term: '王征', variants: ['王震', '王徵'], type: 'person', note: 'CFO of 商湯科技', english: 'Wang Zheng' };
const TRICKY: GlossaryFields[] = [
  WANG,
  { term: '商湯科技', variants: ['商汤科技'], type: 'organisation', note: 'SenseTime, "AI" company, HK:0020', english: 'SenseTime Group' },
  { term: '日日新', variants: [], type: 'product', note: 'line one\r\nline two\nline three', english: 'SenseNova' },
  { term: '生成式AI', variants: ['生成式Ai', '生成式ai'], type: 'term', note: 'spaces inside, kept', english: 'generative AI, "GenAI"' },
  { term: '徐立', variants: [], type: 'person', note: '', english: '' },
];

describe('glossary CSV', () => {
  it('writes a BOM, the header, CRLF line ends and RFC 4180 quoting', () => {
    const csv = glossaryToCsv([WANG, TRICKY[1]]);
    expect(csv.startsWith('\uFEFFterm,variants,type,note,english\r\n')).toBe(true);
    expect(csv).toContain('王征,王震|王徵,person,CFO of 商湯科技,Wang Zheng\r\n');
    expect(csv).toContain('商湯科技,商汤科技,organisation,"SenseTime, ""AI"" company, HK:0020",SenseTime Group\r\n');
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('round-trips entries with commas, quotes, line breaks and empty fields', () => {
    const csv = glossaryToCsv(TRICKY);
    expect(parseGlossaryCsv(csv).map((e) => e.fields)).toEqual(TRICKY);
    // and again, byte for byte
    expect(glossaryToCsv(parseGlossaryCsv(csv).map((e) => e.fields))).toBe(csv);
  });

  it('guards formulas in every cell and round-trips terms that really start with = + - @', () => {
    const hostile: GlossaryFields[] = [
      { term: '=HYPERLINK("http://evil.example","點我")', variants: ['+cmd /c calc'], type: 'term', note: '@SUM(1+1)', english: '-1+1' },
      { term: '-3dB', variants: ['@王征'], type: 'term', note: "'=already quoted", english: "'plain apostrophe" },
      { term: "''+x", variants: [], type: 'term', note: '', english: '' },
    ];
    const csv = glossaryToCsv(hostile);
    // no raw cell in the file starts like a formula
    for (const line of csv.split('\r\n').slice(1, -1)) {
      for (const raw of line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)) expect(raw.replace(/^"/, '')).not.toMatch(/^[=+\-@]/);
    }
    expect(parseGlossaryCsv(csv).map((e) => e.fields)).toEqual(hostile);
    expect(glossaryToCsv(parseGlossaryCsv(csv).map((e) => e.fields))).toBe(csv);
  });

  it('reads files without a BOM, with LF or CR line ends, columns in any order, blank lines', () => {
    const lf = 'english,term,type,variants,note\nWang Zheng,王征,Person, 王震 | 王徵 ,CFO\n\n徐立,徐立,,,\n,,,,\n';
    const parsed = parseGlossaryCsv(lf);
    expect(parsed.map((e) => e.fields)).toEqual([
      { term: '王征', variants: ['王震', '王徵'], type: 'person', note: 'CFO', english: 'Wang Zheng' },
      { term: '徐立', variants: [], type: 'term', note: '', english: '徐立' },
    ]);
    expect(parsed.map((e) => formatErrorMessage(e.where))).toEqual(['CSV line 2', 'CSV line 4']);
    expect(parseGlossaryCsv('term,variants,type,note,english\r王征,王震,organization,,').map((e) => e.fields.type)).toEqual(['organisation']);
  });

  it('counts physical lines, including line breaks inside quoted fields', () => {
    const csv = 'term,variants,type,note,english\n王征,王震,person,"a\nb\nc",\n徐立,,person,x,\n';
    expect(parseGlossaryCsv(csv).map((e) => formatErrorMessage(e.where))).toEqual(['CSV line 2', 'CSV line 5']);
    expect(parseCsvRecords('a,"b\r\nc"\r\nd,e').map((r) => r.line)).toEqual([1, 3]);
  });

  it('refuses malformed CSV with the line in the message', () => {
    const H = 'term,variants,type,note,english\n';
    expect(() => parseGlossaryCsv('')).toThrow(/CSV line 1: the file is empty/);
    expect(() => parseGlossaryCsv('term,variant,type,note,english\n')).toThrow(/CSV line 1: the header must be .*missing variants; unknown "variant"/);
    expect(() => parseGlossaryCsv(H + '王征,王震,person\n')).toThrow(/CSV line 2: expected 5 fields .* found 3/);
    expect(() => parseGlossaryCsv(H + '王征,王震,person,"unterminated,\n徐立,,,,\n')).toThrow(/CSV line 2: a quoted field is never closed/);
    expect(() => parseGlossaryCsv(H + '徐立,,,,\n王征,王"震,person,,\n')).toThrow(/CSV line 3: a quote \(\"\) inside an unquoted field/);
    expect(() => parseGlossaryCsv(H + '王征,"王震"x,person,,\n')).toThrow(/CSV line 2: unexpected text after a closing quote/);
    expect(() => parseGlossaryCsv(H + '\n\n王征,王震,boss,,\n')).toThrow(/CSV line 4: unknown type "boss"/);
    expect(() => parseGlossaryCsv(H + ',王震,person,,\n')).toThrow(/CSV line 2: the term is empty/);
    expect(() => parseGlossaryCsv(H + '王征,王征,person,,\n')).toThrow(/CSV line 2: the variant "王征" is the term itself/);
    expect(() => parseGlossaryCsv(H + `${'長'.repeat(201)},,person,,\n`)).toThrow(/CSV line 2: the term .* longer than 200/);
    expect(() => parseGlossaryCsv(H + `王征,${Array.from({ length: 51 }, (_, i) => `王${i}`).join('|')},person,,\n`)).toThrow(/CSV line 2: .*51 variants; at most 50/);
    expect(() => parseGlossaryCsv(H + '"王\n征",,person,,\n')).toThrow(/CSV line 2: the term [\s\S]* contains U\+000A/);
  });
});
