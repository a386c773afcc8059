/**
 * Hostile and odd inputs (tests/bad-input/README.md has the table): each is either refused
 * with a specific message and nothing stored changes (databaseDigest before = after), or
 * handled correctly (stored as given, exported losslessly).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freshService, importSample, tempDir } from './test-helpers';
import { openService, PACKAGE_ROOT } from './context';
import type { JiaoduiService } from './service';
import { databaseDigest } from '../db/digest';
import { ExportFormat } from '../shared/domain/schemas';
import { dispatch } from '../shared/contract/dispatch';
import { JiaoduiError } from '../shared/errors';
import { MAX_IMPORT_BYTES, detectEncoding } from '../shared/text/encoding';
import { MAX_SEGMENT_LENGTH } from '../shared/text/limits';
import { cliRunner } from '../cli/test-helpers';

const CORPUS = join(PACKAGE_ROOT, 'tests', 'bad-input');
const ENCODINGS = join(PACKAGE_ROOT, 'tests', 'fixtures', 'encodings');
const corpus = (name: string) => new Uint8Array(readFileSync(join(CORPUS, name)));
const utf8 = (s: string) => new TextEncoder().encode(s);
const wellFormed = (s: string) => !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

let env: Awaited<ReturnType<typeof freshService>>;
let svc: JiaoduiService;
let projectId: number;
let sampleDoc: number;

beforeAll(async () => {
  env = await freshService();
  svc = env.service;
  sampleDoc = importSample(svc).documentId;
  projectId = svc.getDocument({ documentId: sampleDoc }).projectId;
});
afterAll(() => env.cleanup());

/** Run `fn`, expect a JiaoduiError with this code and message, and no change to the database. */
function expectRefused(fn: () => unknown, code: string, message: RegExp): JiaoduiError {
  const before = databaseDigest(svc.db);
  let caught: unknown;
  try {
    fn();
  } catch (e) {
    caught = e;
  }
  expect(caught, 'expected a refusal').toBeInstanceOf(JiaoduiError);
  const err = caught as JiaoduiError;
  expect(err.code).toBe(code);
  expect(err.message).toMatch(message);
  expect(databaseDigest(svc.db), 'a refused request changed the database').toBe(before);
  return err;
}

const call = (method: string, args: unknown) => dispatch(svc, method, args, { checkResults: true });

/** Import through the API (base64, like every transport), and export in the document's own script. */
async function importAndExport(bytes: Uint8Array, fileName = 'x.txt') {
  const r = call('importDocument', { fileName, data: b64(bytes), projectName: 'Bad input' }) as { documentId: number; segments: number; encoding: string };
  const doc = svc.getDocument({ documentId: r.documentId });
  const exported = (await svc.exportDocument({ documentId: r.documentId, format: 'txt', script: doc.script })).content;
  return { ...r, doc, exported, segments: svc.getSegments({ documentId: r.documentId }) };
}

describe('refused imports change nothing', () => {
  it('1 binary: a PNG image is named', () => {
    const png = new Uint8Array(readFileSync(join(ENCODINGS, 'binary.png')));
    expectRefused(() => svc.importBytes(png, { fileName: 'image.txt' }), 'import-rejected', /looks like a PNG image/);
    expectRefused(() => call('importDocument', { fileName: 'a.txt', data: b64(png) }), 'import-rejected', /PNG image/);
  });

  it('2 binary: a PDF and a gzip header are named', () => {
    expectRefused(() => svc.importBytes(utf8('%PDF-1.7\n%âãÏÓ\n1 0 obj\n'), { fileName: 'a.pdf' }), 'import-rejected', /looks like a PDF file/);
    expectRefused(() => svc.importBytes(new Uint8Array([0x1f, 0x8b, 8, 0, 0, 0, 0, 0]), { fileName: 'a.gz' }), 'import-rejected', /gzip archive/);
  });

  it('3 binary: seeded random bytes (no magic number) are refused as binary', () => {
    let x = 0x2545f491;
    const bytes = new Uint8Array(4096).map(() => {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      return x & 0xff;
    });
    expectRefused(() => svc.importBytes(bytes, { fileName: 'random.bin' }), 'import-rejected', /binary file|not valid text/);
  });

  it('4 empty file', () => {
    expectRefused(() => svc.importBytes(new Uint8Array(0), { fileName: 'empty.txt' }), 'import-rejected', /empty \(0 bytes\)/);
    expectRefused(() => call('importDocument', { fileName: 'empty.txt', data: '' }), 'import-rejected', /empty/);
  });

  it('5 whitespace only (ASCII, U+3000, a BOM and whitespace)', () => {
    expectRefused(() => svc.importBytes(utf8(' \t\r\n\u3000\n  '), { fileName: 'ws.txt' }), 'import-rejected', /only whitespace/);
    expectRefused(() => svc.importBytes(utf8('\ufeff \n\n'), { fileName: 'ws.txt' }), 'import-rejected', /byte-order mark and whitespace/);
  });

  it('5b only zero-width and other invisible characters (ZWSP, ZWNJ, ZWJ, FEFF, WJ, bidi marks) is refused as empty', () => {
    for (const text of ['\u200b\u200c\u200d\ufeff\u2060', '\u200b\n\u200b\u3000\u200d\r\n\u2060 ', '\u200e\u200f\u2066\u2069\u00ad\ufe0f']) {
      expectRefused(() => svc.importBytes(utf8(text), { fileName: 'zw.txt' }), 'import-rejected', /only whitespace and invisible characters/);
      expectRefused(() => call('importDocument', { fileName: 'zw.txt', data: b64(utf8(text)) }), 'import-rejected', /invisible characters/);
    }
    // A visible character among them is text.
    expect(svc.importBytes(utf8('\u200b中\u200b'), { fileName: 'one.txt', projectName: 'Bad input' }).segments).toBe(1);
  });

  it('6 a 50 MB file is refused by the size limit, naming the size (service and previewImport)', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x41);
    expect(big.length).toBeGreaterThan(MAX_IMPORT_BYTES);
    expectRefused(() => svc.importBytes(big, { fileName: 'big.txt' }), 'import-rejected', /50\.0 MB, larger than the 10 MB import limit/);
    // Over every transport the base64 payload itself is capped (20 MB of base64) before decoding.
    expectRefused(() => call('importDocument', { fileName: 'big.txt', data: 'QUFB'.repeat((50 * 1024 * 1024) / 3) }), 'invalid-input', /payload too large/);
    // An 11 MB file fits the payload cap and is refused by the import limit, naming its size.
    const eleven = b64(new Uint8Array(11 * 1024 * 1024).fill(0x41));
    expectRefused(() => call('importDocument', { fileName: 'eleven.txt', data: eleven }), 'import-rejected', /11\.0 MB, larger than the 10 MB/);
    expectRefused(() => call('previewImport', { fileName: 'eleven.txt', data: eleven }), 'import-rejected', /11\.0 MB/);
  });

  it('6b a 50 MB file on disk through the CLI: exit 2, one line naming the size, database untouched', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'cli.db');
      (await openService(dbPath)).db.close();
      const before = databaseDigest((await openService(dbPath)).db);
      const file = join(dir, 'big.txt');
      writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x41));
      const r = cliRunner(() => dbPath)('import', file);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      const lines = r.err.trimEnd().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^jiaodui: .*50\.0 MB.*10 MB/);
      const s = await openService(dbPath);
      expect(databaseDigest(s.db)).toBe(before);
      s.db.close();
    } finally {
      cleanup();
    }
  });

  it('7 invalid UTF-8 (0xFF is invalid in UTF-8, Big5 and GB18030): every tried encoding is named with its offset', () => {
    const bytes = new Uint8Array([...utf8('正常文字'), 0xff, ...utf8('後面')]);
    expectRefused(() => svc.importBytes(bytes, { fileName: 'bad.txt' }), 'import-rejected', /not valid text in any supported encoding.*UTF-8 \(invalid at byte 12\)/);
    // forcing UTF-8 names the offset too
    expectRefused(() => svc.importBytes(bytes, { fileName: 'bad.txt', encoding: 'utf-8' }), 'import-rejected', /not valid UTF-8 text: the first invalid byte sequence is at byte offset 12/);
  });

  it('7b Shift-JIS, EUC-JP and CESU-8 are refused naming the likely encoding (not imported as GB18030/Big5 mojibake)', () => {
    const enc = (name: string) => new Uint8Array(readFileSync(join(ENCODINGS, name)));
    expectRefused(() => svc.importBytes(enc('shift-jis.txt'), { fileName: 'ja.txt' }), 'import-rejected', /looks like Shift-JIS \(Japanese\)/);
    expectRefused(() => call('importDocument', { fileName: 'ja.txt', data: b64(enc('euc-jp.txt')) }), 'import-rejected', /looks like EUC-JP \(Japanese\)/);
    expectRefused(() => call('previewImport', { fileName: 'j.txt', data: b64(enc('cesu-8.txt')) }), 'import-rejected', /CESU-8/);
  });

  it('7c a Big5-HKSCS Hong Kong text imports with its HKSCS characters, detected as Big5 with high confidence', async () => {
    const bytes = new Uint8Array(readFileSync(join(ENCODINGS, 'big5-hkscs.txt')));
    const r = await importAndExport(bytes, 'hk.txt');
    expect(r).toMatchObject({ encoding: 'big5', encodingDetected: true, encodingConfidence: 'high' });
    const text = r.segments.map((s) => s.text).join('');
    for (const c of ['哋', '啲', '嘅', '㗎', '喺', '冇', '𨋢', '燊']) expect(text).toContain(c);
    expect(text).not.toMatch(/[\ue000-\uf8ff]/);
  });

  it('7d the CLI says which encoding it used and how sure detection is; the JSON carries both', async () => {
    const { dir, cleanup } = tempDir();
    try {
      const dbPath = join(dir, 'cli.db');
      const run = cliRunner(() => dbPath);
      const r = run('import', join(ENCODINGS, 'big5-hkscs.txt'));
      expect(r.code, r.err).toBe(0);
      expect(JSON.parse(r.out)).toMatchObject({ encoding: 'big5', encodingDetected: true, encodingConfidence: 'high' });
      expect(r.err).toMatch(/^jiaodui: big5-hkscs\.txt: encoding Big5 \(detected, confidence high\), \d+ segments\n$/);
      const chosen = run('import', join(ENCODINGS, 'gb18030.txt'), '--encoding', 'gbk');
      expect(chosen.err).toMatch(/encoding GB18030 \(as chosen\)/);
      const ja = run('import', join(ENCODINGS, 'shift-jis.txt'));
      expect(ja.code).toBe(2);
      expect(ja.err).toMatch(/^jiaodui: .*looks like Shift-JIS \(Japanese\)/);
    } finally {
      cleanup();
    }
  });

  it('8 a NUL byte in the middle of UTF-8 text is refused as binary, naming the offset', () => {
    const bytes = corpus('nul-in-middle.txt');
    const at = bytes.indexOf(0);
    expectRefused(() => svc.importBytes(bytes, { fileName: 'nul.txt' }), 'import-rejected', new RegExp(`NUL bytes \\(the first at byte offset ${at}\\)`));
  });

  it('9 lone surrogate in UTF-16 input (with a BOM) is refused with the offset', () => {
    expectRefused(() => svc.importBytes(corpus('utf16le-lone-surrogate.txt'), { fileName: 'u16.txt' }), 'import-rejected', /UTF-16LE byte-order mark but is not valid UTF-16LE: the first invalid byte sequence is at byte offset 6/);
  });

  it('9b a byte-order mark followed by no text (FF FE 00 01 …, the other byte order, UTF-32) is refused naming the file: import, preview and attach', () => {
    const junk = new Uint8Array([0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05]);
    const err = expectRefused(() => svc.importBytes(junk, { fileName: 'junk.txt' }), 'import-rejected', /^junk\.txt: The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is not text: .*probably a binary file/);
    expect(err.details).toMatchObject({ reason: 'implausible', fileName: 'junk.txt' });
    // the app's path: preview and import over the contract, the same message
    expectRefused(() => call('previewImport', { fileName: 'junk.txt', data: b64(junk) }), 'import-rejected', /^junk\.txt: The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is not text/);
    expectRefused(() => call('importDocument', { fileName: 'junk.txt', data: b64(junk) }), 'import-rejected', /^junk\.txt: .*not text/);
    // English in UTF-16BE behind a UTF-16LE mark: the right order is named, and choosing it imports the text
    const english = 'Quarterly revenue rose 12 percent.\nNet profit was flat.\n';
    const swapped = new Uint8Array([0xff, 0xfe, ...Buffer.from(english, 'utf16le').swap16()]);
    expectRefused(() => call('previewImport', { fileName: 'be.txt', data: b64(swapped) }), 'import-rejected', /^be\.txt: .*It reads as UTF-16BE text instead \(the byte-order mark is wrong\): choose UTF-16BE as the encoding/);
    const preview = call('previewImport', { fileName: 'be.txt', data: b64(swapped), encoding: 'utf-16be' }) as { preview: string };
    expect(preview.preview).toBe(english);
    expectRefused(() => svc.importBytes(new Uint8Array([0xff, 0xfe, 0, 0, 0x2d, 0x4e, 0, 0]), { fileName: 'u32.txt' }), 'import-rejected', /^u32\.txt: The file starts with a UTF-32LE byte-order mark/);
    // an attached parallel text is refused the same way, naming its file
    expectRefused(() => svc.attachParallelText({ documentId: sampleDoc, kind: 'english', fileName: 'en.txt', data: b64(junk) }), 'import-rejected', /^en\.txt: The file starts with a UTF-16LE byte-order mark/);
  });

  it('9c real UTF-16LE and UTF-16BE Chinese with a BOM still import', async () => {
    const text = '商湯科技業績交流會\n上線GPU達45000個，生成式AI業務為重點發展方向。\n';
    for (const [bom, bytes, enc] of [[[0xff, 0xfe], Buffer.from(text, 'utf16le'), 'utf-16le'], [[0xfe, 0xff], Buffer.from(text, 'utf16le').swap16(), 'utf-16be']] as const) {
      const r = await importAndExport(new Uint8Array([...bom, ...bytes]));
      expect([r.encoding, r.exported]).toEqual([enc, text]);
    }
  });

  it('10 an unknown encoding name through the API is a validation error', () => {
    expectRefused(() => call('importDocument', { fileName: 'a.txt', data: b64(utf8('中文')), encoding: 'shift_jis' }), 'invalid-input', /encoding/);
  });
});

describe('odd inputs handled correctly', () => {
  it('11 UTF-16LE and UTF-16BE without a BOM are detected and round-trip', async () => {
    const text = 'Report 報告：營收 11.8 億元。\nQ: 問題？\n';
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const [bytes, enc] of [[le, 'utf-16le'], [be, 'utf-16be']] as const) {
      const r = await importAndExport(new Uint8Array(bytes));
      expect(r.encoding).toBe(enc);
      expect(r.exported).toBe(text);
    }
  });

  it('11b an explicit encoding reads a file detection refuses (BOM-less UTF-16 without ASCII looks binary)', async () => {
    const text = '你好！營收增長。';
    const bytes = new Uint8Array(Buffer.from(text, 'utf16le'));
    expectRefused(() => svc.importBytes(bytes, { fileName: 'u16.txt' }), 'import-rejected', /binary file/);
    const preview = call('previewImport', { fileName: 'u16.txt', data: b64(bytes), encoding: 'utf-16le' }) as { preview: string; encoding: string };
    expect([preview.encoding, preview.preview]).toEqual(['utf-16le', text]);
    const r = call('importDocument', { fileName: 'u16.txt', data: b64(bytes), encoding: 'utf-16le', projectName: 'Bad input' }) as { documentId: number };
    expect((await svc.exportDocument({ documentId: r.documentId, format: 'txt', script: 'hant' })).content).toBe(text);
  });

  it('12 Big5 is detected and decoded exactly', async () => {
    const bytes = new Uint8Array(readFileSync(join(ENCODINGS, 'big5.txt')));
    expect(detectEncoding(bytes).encoding).toBe('big5');
    const r = await importAndExport(bytes);
    expect(r.encoding).toBe('big5');
    expect(r.exported).toBe(new TextDecoder('big5').decode(bytes));
  });

  it('13 GB18030 (with a four-byte sequence) is detected and decoded exactly', async () => {
    const bytes = new Uint8Array(readFileSync(join(ENCODINGS, 'gb18030.txt')));
    const r = await importAndExport(bytes);
    expect(r.encoding).toBe('gb18030');
    expect(r.exported).toBe(new TextDecoder('gb18030').decode(bytes));
    expect(r.exported).toContain('𠮷');
  });

  it('14 bytes valid as Big5 AND as GB18030: both candidates listed (low confidence or a clear margin), override works', () => {
    const bytes = corpus('big5-and-gb18030.txt');
    const guess = detectEncoding(bytes);
    const names = guess.candidates.map((c) => c.encoding);
    expect(names).toEqual(expect.arrayContaining(['big5', 'gb18030']));
    expect(guess.encoding).toBe('gb18030'); // 中文测试报告显示 (common characters) beats 笢恅聆彸… (rare ones)
    const preview = call('previewImport', { fileName: 'amb.txt', data: b64(bytes) }) as { guess: typeof guess; preview: string };
    expect(preview.guess.candidates.map((c) => c.encoding)).toEqual(names);
    expect(preview.preview).toBe('中文测试报告显示');
    const forced = call('previewImport', { fileName: 'amb.txt', data: b64(bytes), encoding: 'big5' }) as { preview: string };
    expect(forced.preview).toBe('笢恅聆彸惆豢珆尨');
  });

  it('15 mixed line endings (CRLF, LF, CR in one file) export losslessly', async () => {
    const bytes = corpus('mixed-line-endings.txt');
    const r = await importAndExport(bytes);
    expect(r.exported).toBe(new TextDecoder().decode(bytes));
    expect(r.segments.length).toBeGreaterThanOrEqual(4);
    expect(r.segments.every((s) => !/[\r\n]/.test(s.text))).toBe(true);
  });

  it('16 a BOM in the middle is kept (only a leading BOM is stripped)', async () => {
    const body = new TextDecoder('utf-8', { ignoreBOM: true }).decode(corpus('bom-in-middle.txt'));
    const r = await importAndExport(new Uint8Array([0xef, 0xbb, 0xbf, ...corpus('bom-in-middle.txt')]));
    expect(r.exported).toBe(body);
    expect(r.exported.indexOf('\ufeff')).toBeGreaterThan(0);
  });

  it('17 zero-width and bidi control characters are kept, lossless, and searchable around', async () => {
    const bytes = corpus('bidi-zero-width.txt');
    const text = new TextDecoder().decode(bytes);
    const r = await importAndExport(bytes);
    expect(r.exported).toBe(text);
    for (const c of ['\u200b', '\u200c', '\u200d', '\u2060', '\u202e', '\u202c', '\u2066', '\u2069', '\u200f', '\u200e']) {
      expect(r.segments.some((s) => s.text.includes(c)), `U+${c.charCodeAt(0).toString(16)}`).toBe(true);
    }
    // an edit that adds one more survives storage exactly
    const seg = r.segments[0];
    const edited = call('editSegment', { segmentId: seg.id, text: seg.text + '\u2067x\u2069' }) as { segments: { text: string }[] };
    expect(edited.segments[0].text).toBe(seg.text + '\u2067x\u2069');
  });

  it('18 HTML and script in the text are stored and exported verbatim as text; HTML exports escape them', async () => {
    const bytes = corpus('html-script.txt');
    const text = new TextDecoder().decode(bytes);
    const r = await importAndExport(bytes);
    expect(r.exported).toBe(text);
    expect(r.exported).toContain('<script>window.__pwned=1</script>');
    expect(r.exported).toContain('<img src=x onerror="window.__pwned=1">');
    expect(r.exported).toContain('&lt;已轉義&gt;'); // not unescaped either
    expect(r.segments.map((s) => s.text).join('')).toContain('<script>window.__pwned=1</script>');
    const hits = call('search', { query: '<script>' }) as { documentId: number }[];
    expect(hits.some((h) => h.documentId === r.documentId)).toBe(true);
    // Every HTML export (whichever exist when this runs) escapes it: no live tag survives.
    const formats = (ExportFormat.options as readonly string[]).filter((f) => /html/.test(f));
    for (const format of formats) {
      const out = (await call('exportDocument', { documentId: r.documentId, format, script: r.doc.script })) as { content: string };
      expect(out.content, format).not.toMatch(/<script>window\.__pwned|<img src=x/i);
      if (format !== 'html') continue; // reports list findings, not necessarily this text
      expect(out.content, format).toMatch(/&lt;script&gt;window\.__pwned=1&lt;\/script&gt;/);
      expect(out.content, format).toMatch(/&lt;img src=x onerror=(&quot;|&#34;|")window\.__pwned=1(&quot;|&#34;|")&gt;/);
    }
    const ann = call('addAnnotation', { segmentId: r.segments[1].id, start: 0, end: 4, kind: 'comment', body: '<img src=x onerror=alert(1)>' }) as { body: string; exact: string };
    expect(ann.body).toBe('<img src=x onerror=alert(1)>');
  });

  it('19 a 100,000-character line with no punctuation imports, is split sensibly or kept whole, and exports losslessly', async () => {
    const han = '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方';
    let line = '';
    let x = 12345;
    while (line.length < 100_000) {
      x = (x * 1103515245 + 12345) >>> 0;
      line += han[x % han.length];
    }
    const text = `標題\n${line}\n`;
    const r = await importAndExport(utf8(text));
    expect(r.exported).toBe(text);
    const body = r.segments.filter((s) => s.text !== '標題');
    expect(body.map((s) => s.text).join('')).toBe(line);
    expect(body.every((s) => s.text.length > 0)).toBe(true);
  });

  it('19b a 150,000-character line is cut into segments an edit can still write (at most MAX_SEGMENT_LENGTH), lossless', async () => {
    const clause = '營收同比增長百分之十五，';
    const line = clause.repeat(Math.ceil(150_000 / clause.length)).slice(0, 150_000);
    const text = `標題\n${line}\n`;
    const r = await importAndExport(utf8(text));
    expect(r.exported).toBe(text);
    const body = r.segments.filter((s) => s.text !== '標題');
    expect(body.length).toBeGreaterThanOrEqual(2);
    expect(body.map((s) => s.text).join('')).toBe(line);
    for (const s of body) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH);
      // every piece can still be edited through the contract (its limit is the same constant)
      const edited = call('editSegment', { segmentId: s.id, text: s.text.replace('營收', '收入') }) as { operationId: number | null };
      expect(edited.operationId).not.toBeNull();
    }
    // …and merging them back into one over-long segment is refused, changing nothing.
    expectRefused(() => call('mergeSegments', { segmentId: body[0].id }), 'invalid-input', /more than a segment may \(100000\)/);
  });

  it('20 CJK Extension B and emoji next to span boundaries: annotations widen to whole characters, a split inside a pair is refused', async () => {
    const text = '𠀀😀中𠀁文。\n';
    const r = await importAndExport(utf8(text));
    expect(r.exported).toBe(text);
    const seg = r.segments[0];
    expect(seg.text).toBe('𠀀😀中𠀁文。');
    // exact pair boundaries are kept
    const a = call('addAnnotation', { segmentId: seg.id, start: 2, end: 4, kind: 'comment', body: 'emoji' }) as { start: number; end: number; exact: string };
    expect([a.start, a.end, a.exact]).toEqual([2, 4, '😀']);
    // offsets inside a pair widen to the whole character rather than splitting it
    const b = call('addAnnotation', { segmentId: seg.id, start: 1, end: 6, kind: 'comment', body: 'inside' }) as { start: number; end: number; exact: string };
    expect([b.start, b.end, b.exact]).toEqual([0, 7, '𠀀😀中𠀁']);
    expect(wellFormed(b.exact)).toBe(true);
    // a split inside a pair is refused, nothing changes
    for (const at of [1, 3, 6]) expectRefused(() => call('splitSegment', { segmentId: seg.id, at }), 'invalid-input', /inside a character \(a surrogate pair\)/);
    // a split between pairs works and keeps both halves well-formed; undo restores the segment
    const split = call('splitSegment', { segmentId: seg.id, at: 4 }) as { segments: { text: string }[] };
    expect(split.segments.map((s) => s.text)).toEqual(['𠀀😀', '中𠀁文。']);
    const docId = r.documentId;
    call('undo', { projectId: r.doc.projectId });
    expect((await svc.exportDocument({ documentId: docId, format: 'txt', script: r.doc.script })).content).toBe(text);
    // the Simplified rendering keeps the astral characters too
    const hans = (await svc.exportDocument({ documentId: docId, format: 'txt', script: r.doc.script === 'hant' ? 'hans' : 'hant' })).content;
    expect(hans).toContain('𠀀😀');
    expect(wellFormed(hans)).toBe(true);
  });

  it('21 lone surrogates in edit text (and other text arguments) via the API are refused; nothing stored changes', () => {
    const seg = svc.getSegments({ documentId: sampleDoc })[3];
    expectRefused(() => call('editSegment', { segmentId: seg.id, text: 'a\ud800b' }), 'invalid-input', /text: contains a lone surrogate \(U\+D800\) at index 1/);
    expectRefused(() => call('editSegment', { segmentId: seg.id, text: '\udc00' + seg.text }), 'invalid-input', /lone surrogate \(U\+DC00\)/);
    expectRefused(() => call('editSegment', { segmentId: seg.id, text: seg.text + '\ud83d' }), 'invalid-input', /lone surrogate/);
    expectRefused(() => call('addAnnotation', { segmentId: seg.id, start: 0, end: 1, kind: 'comment', body: 'x\udfff' }), 'invalid-input', /body: contains a lone surrogate/);
    expectRefused(() => call('createProject', { name: 'p\ud800' }), 'invalid-input', /name: contains a lone surrogate/);
    expectRefused(() => call('saveGlossaryEntry', { projectId, term: '王震', variants: ['王\ud800'] }), 'invalid-input', /variants\.0: contains a lone surrogate/);
    // a well-formed astral character is fine
    const ok = call('editSegment', { segmentId: seg.id, text: seg.text + '𠀀' }) as { segments: { text: string }[] };
    expect(ok.segments[0].text).toBe(seg.text + '𠀀');
    call('undo', { projectId });
  });
});

describe('glossary', () => {
  it('22 absurdly long glossary entries (10,000-character terms) are validation errors, nothing changed', () => {
    const long = '王'.repeat(10_000);
    expectRefused(() => call('saveGlossaryEntry', { projectId, term: long }), 'invalid-input', /term: a term is at most 200 characters/);
    expectRefused(() => call('saveGlossaryEntry', { projectId, term: '王震', variants: [long] }), 'invalid-input', /variants\.0: a term is at most 200 characters/);
    expectRefused(() => call('saveGlossaryEntry', { projectId, term: '王震', note: long }), 'invalid-input', /note/);
    // and the same inside an imported CSV
    const csv = utf8(`term,variants,type,note,english\n${long},王徵,person,,\n`);
    expectRefused(() => call('importGlossary', { projectId, fileName: 'long.csv', data: b64(csv) }), 'invalid-input', /200 characters/);
  });

  it('23 malformed CSV and TBX glossary imports give a clear error, nothing changed', () => {
    const imp = (name: string) => () => call('importGlossary', { projectId, fileName: name, data: b64(corpus(name)) });
    expectRefused(imp('glossary-unclosed-quote.csv'), 'invalid-input', /CSV line 2: a quoted field is never closed/);
    expectRefused(imp('glossary-bad-type.csv'), 'invalid-input', /spaceship/);
    expectRefused(imp('glossary-not-xml.tbx'), 'invalid-input', /XML line \d+, column \d+|TBX/);
    expectRefused(imp('glossary-binary.csv'), 'invalid-input', /not UTF-8 text/);
    expectRefused(() => call('importGlossary', { projectId, fileName: 'terms.xlsx', data: b64(utf8('a,b')) }), 'invalid-input', /use a \.csv or \.tbx file/);
    expectRefused(() => call('importGlossary', { projectId, fileName: 'x.csv', data: '!!!not base64' }), 'invalid-input', /not base64/);
  });
});

describe('corpus README', () => {
  it('lists every committed corpus file', () => {
    const readme = readFileSync(join(CORPUS, 'README.md'), 'utf8');
    for (const f of ['html-script.txt', 'mixed-line-endings.txt', 'bidi-zero-width.txt', 'bom-in-middle.txt', 'nul-in-middle.txt', 'utf16le-lone-surrogate.txt', 'big5-and-gb18030.txt', 'glossary-unclosed-quote.csv', 'glossary-bad-type.csv', 'glossary-not-xml.tbx', 'glossary-binary.csv']) {
      expect(readme).toContain(`\`${f}\``);
    }
  });
});
