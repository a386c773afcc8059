import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { JiaoduiError } from '../errors';
import {
  MAX_IMPORT_BYTES,
  TEXT_ENCODINGS,
  decodeText,
  detectEncoding,
  hkscsFromPua,
  parseEncodingName,
  unexpectedShare,
  type TextEncodingName,
} from './encoding';

const FIXTURES = new URL('../../tests/fixtures/encodings/', import.meta.url);
const SAMPLE = new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url);

function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

function bytesOf(...parts: (string | number[])[]): Uint8Array {
  const chunks = parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p)));
  return new Uint8Array(Buffer.concat(chunks));
}

function repeatTo(bytes: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(Math.ceil(size / bytes.length) * bytes.length);
  for (let o = 0; o < out.length; o += bytes.length) out.set(bytes, o);
  return out;
}

/** Run fn, expect a JiaoduiError with the given code, and return it. */
function rejection(fn: () => unknown, code = 'import-rejected'): JiaoduiError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(JiaoduiError);
    expect((e as JiaoduiError).code).toBe(code);
    return e as JiaoduiError;
  }
  throw new Error('expected a JiaoduiError, but nothing was thrown');
}

// The strings the generator (tests/fixtures/encodings/make_fixtures.py) encoded.
const BIG5_TEXT =
  '商湯科技(00020)業績交流會:2023年上線GPU達45000個 生成式AI業務為重點發展方向\n' +
  '董事長兼首席執行官徐立在會上表示，隨著算力規模擴大，集團的日日新大模型性能快速提升。\n' +
  '生成式AI去年收入為11.8億，按年上升200%，佔總收入比例提升到35%；服務於公眾和企業。\n';
const GB18030_TEXT =
  '商汤科技(00020)业绩交流会:2023年上线GPU达45000个 生成式AI业务为重点发展方向\n' +
  '董事长兼首席执行官徐立在会上表示，2023年实施了大装置+大模型的产业布局。\n' +
  '“𠮷野家”的“𠮷”字不在GBK里，在GB18030中用四个字节编码。\n';
const UTF16_TEXT = '商湯科技業績交流會\n上線GPU達45000個，生成式AI業務為重點發展方向。\n';
const UTF16_NOBOM_TEXT = 'Line 1: 商湯科技 SenseTime\r\nLine 2: 2023年上線GPU達45000個。\r\n';
const UTF8_BOM_TEXT = '商湯科技業績交流會\n智通財經 ·  03/28 15:58\n';
const UTF8_TEXT = '生成式AI業務爲重點發展方向。\n𠼤是擴展B區的字。\n';

describe('constants', () => {
  it('lists the supported encodings', () => {
    expect([...TEXT_ENCODINGS]).toEqual(['utf-8', 'utf-16le', 'utf-16be', 'big5', 'gb18030']);
  });

  it('limits imports to 10 MiB', () => {
    expect(MAX_IMPORT_BYTES).toBe(10 * 1024 * 1024);
  });

  it('runs on a TextDecoder that knows Big5 and GB18030 (full ICU)', () => {
    expect(new TextDecoder('big5').decode(new Uint8Array([0xac, 0xb0]))).toBe('為');
    expect(new TextDecoder('gb18030').decode(new Uint8Array([0x95, 0x34, 0xb2, 0x35]))).toBe('𠮷');
  });
});

describe('fixtures', () => {
  const cases: {
    file: string;
    encoding: TextEncodingName;
    bom: boolean;
    confidence: 'certain' | 'high';
    text: string;
  }[] = [
    { file: 'big5.txt', encoding: 'big5', bom: false, confidence: 'high', text: BIG5_TEXT },
    { file: 'gb18030.txt', encoding: 'gb18030', bom: false, confidence: 'high', text: GB18030_TEXT },
    { file: 'utf16le-bom.txt', encoding: 'utf-16le', bom: true, confidence: 'certain', text: UTF16_TEXT },
    { file: 'utf16be-bom.txt', encoding: 'utf-16be', bom: true, confidence: 'certain', text: UTF16_TEXT },
    { file: 'utf16le-nobom.txt', encoding: 'utf-16le', bom: false, confidence: 'high', text: UTF16_NOBOM_TEXT },
    { file: 'utf8-bom.txt', encoding: 'utf-8', bom: true, confidence: 'certain', text: UTF8_BOM_TEXT },
    { file: 'utf8.txt', encoding: 'utf-8', bom: false, confidence: 'high', text: UTF8_TEXT },
  ];

  for (const c of cases) {
    it(`detects ${c.file} as ${c.encoding}`, () => {
      const guess = detectEncoding(fixture(c.file));
      expect(guess.encoding).toBe(c.encoding);
      expect(guess.bom).toBe(c.bom);
      expect(guess.confidence).toBe(c.confidence);
      expect(guess.candidates[0].encoding).toBe(c.encoding);
      const scores = guess.candidates.map((x) => x.score);
      for (const s of scores) expect(Number.isFinite(s)).toBe(true);
    });

    it(`decodes ${c.file} to the exact text`, () => {
      const decoded = decodeText(fixture(c.file));
      expect(decoded).toEqual({
        text: c.text,
        encoding: c.encoding,
        bom: c.bom,
        detected: true,
        confidence: c.confidence,
      });
      expect(decoded.text.startsWith('\uFEFF')).toBe(false);
    });

    it(`decodes ${c.file} with an explicit ${c.encoding} override`, () => {
      const decoded = decodeText(fixture(c.file), c.encoding);
      expect(decoded).toEqual({ text: c.text, encoding: c.encoding, bom: c.bom, detected: false, confidence: 'certain' });
    });
  }

  it('keeps astral characters: 4-byte GB18030 and 4-byte UTF-8', () => {
    expect([...decodeText(fixture('gb18030.txt')).text].filter((ch) => ch === '𠮷')).toHaveLength(2);
    expect(decodeText(fixture('utf8.txt')).text).toContain('𠼤');
  });

  it('does not normalise newlines (CRLF survives)', () => {
    const { text } = decodeText(fixture('utf16le-nobom.txt'));
    expect(text.split('\r\n')).toHaveLength(3);
  });

  it('detects BOM-less UTF-16BE from the NUL pattern', () => {
    const le = fixture('utf16le-nobom.txt');
    const be = new Uint8Array(le.length);
    for (let i = 0; i < le.length; i += 2) {
      be[i] = le[i + 1];
      be[i + 1] = le[i];
    }
    const decoded = decodeText(be);
    expect(decoded.encoding).toBe('utf-16be');
    expect(decoded.bom).toBe(false);
    expect(decoded.text).toBe(UTF16_NOBOM_TEXT);
  });

  it('strips only the BOM: a second U+FEFF inside the text is kept', () => {
    const decoded = decodeText(bytesOf([0xef, 0xbb, 0xbf], 'a\uFEFFb'));
    expect(decoded.text).toBe('a\uFEFFb');
    expect(decoded.bom).toBe(true);
  });
});

describe('Big5 vs GB18030', () => {
  it('Big5 bytes also decode "cleanly" as GB18030, but score far lower', () => {
    const guess = detectEncoding(fixture('big5.txt'));
    expect(guess.candidates.map((c) => c.encoding)).toEqual(['big5', 'gb18030']);
    const [big5, gb] = guess.candidates;
    expect(big5.score - gb.score).toBeGreaterThan(0.5);
    // The misreading is real and lossy-looking garbage, which is why scoring has to decide.
    const misread = decodeText(fixture('big5.txt'), 'gb18030');
    expect(misread.text).not.toBe(BIG5_TEXT);
    expect(misread.text).toMatch(/[\uE000-\uF8FF]/);
  });

  it('GB18030 bytes are chosen as GB18030 (Big5 fails on the 4-byte sequence)', () => {
    const guess = detectEncoding(fixture('gb18030.txt'));
    expect(guess.encoding).toBe('gb18030');
    expect(guess.candidates.map((c) => c.encoding)).toEqual(['gb18030']);
  });

  it('GB18030 text without 4-byte sequences is still told apart from Big5 by score', () => {
    // The first two lines only: no 𠮷, so both encodings may decode; the Simplified reading must win.
    const bytes = fixture('gb18030.txt');
    const cut = bytes.indexOf(0x0a, bytes.indexOf(0x0a) + 1) + 1;
    const guess = detectEncoding(bytes.subarray(0, cut));
    expect(guess.encoding).toBe('gb18030');
    expect(guess.confidence).toBe('high');
    const big5 = guess.candidates.find((c) => c.encoding === 'big5');
    if (big5) expect(guess.candidates[0].score - big5.score).toBeGreaterThan(0.25);
    expect(decodeText(bytes.subarray(0, cut)).text).toBe(GB18030_TEXT.split('\n').slice(0, 2).join('\n') + '\n');
  });

  it('a single Big5 line is still Big5', () => {
    const bytes = fixture('big5.txt');
    const line = bytes.subarray(0, bytes.indexOf(0x0a) + 1);
    expect(detectEncoding(line).encoding).toBe('big5');
    expect(decodeText(line).text).toBe(BIG5_TEXT.split('\n')[0] + '\n');
  });
});

describe('overrides', () => {
  it('refuses an override that does not decode, naming the encoding and the byte offset', () => {
    const bytes = fixture('gb18030.txt');
    const err = rejection(() => decodeText(bytes, 'big5'));
    // The first invalid Big5 sequence is the first 4-byte GB18030 sequence (𠮷 = 95 34 B2 35).
    const offset = Buffer.from(bytes).indexOf(Buffer.from([0x95, 0x34, 0xb2, 0x35]));
    expect(offset).toBe(150);
    expect(err.message).toContain('Big5');
    expect(err.message).toContain(`byte offset ${offset}`);
    expect(err.details).toMatchObject({ reason: 'bad-encoding', encoding: 'big5', offset });
  });

  it('reports offset 0 when the first byte is already wrong', () => {
    const err = rejection(() => decodeText(fixture('big5.txt'), 'utf-8'));
    expect(err.message).toContain('UTF-8');
    expect(err.message).toContain('byte offset 0');
  });

  it('reports the start of the bad sequence, not where the decoder noticed it', () => {
    // E5 95 is the start of a 3-byte sequence, broken by "x".
    expect(rejection(() => decodeText(bytesOf('abc', [0xe5, 0x95], 'xyz'), 'utf-8')).message).toContain(
      'byte offset 3',
    );
    // A sequence cut off at the end of the file.
    expect(rejection(() => decodeText(bytesOf('ab', [0xe5, 0x95]), 'utf-8')).message).toContain('byte offset 2');
    // UTF-16 with an odd number of bytes.
    expect(rejection(() => decodeText(bytesOf([0x41, 0x00, 0x42, 0x00, 0x43]), 'utf-16le')).message).toContain(
      'byte offset 4',
    );
    // A lone high surrogate followed by "B".
    expect(
      rejection(() => decodeText(bytesOf([0x41, 0x00, 0x3d, 0xd8, 0x42, 0x00]), 'utf-16le')).message,
    ).toContain('byte offset 2');
  });

  it('an override strips its own BOM and keeps bytes that are not its BOM', () => {
    expect(decodeText(fixture('utf8-bom.txt'), 'utf-8')).toMatchObject({ bom: true, text: UTF8_BOM_TEXT });
    // A UTF-16LE BOM is not valid UTF-8.
    expect(rejection(() => decodeText(fixture('utf16le-bom.txt'), 'utf-8')).message).toContain('byte offset 0');
  });

  it('an override still refuses empty, binary and oversized input', () => {
    expect(rejection(() => decodeText(fixture('empty.txt'), 'utf-8')).message).toMatch(/^The file is empty/);
    expect(rejection(() => decodeText(fixture('whitespace.txt'), 'utf-8')).message).toMatch(/^The file is empty/);
    expect(rejection(() => decodeText(fixture('binary.png'), 'big5')).message).toMatch(/PNG/);
    // ASCII-only UTF-16 read as UTF-8 is valid, but full of NULs.
    const asciiUtf16 = bytesOf([0x41, 0x00, 0x42, 0x00, 0x0a, 0x00]);
    expect(decodeText(asciiUtf16).text).toBe('AB\n');
    expect(rejection(() => decodeText(asciiUtf16, 'utf-8')).message).toMatch(/NUL.*UTF-16LE or UTF-16BE/);
  });
});

describe('rejections', () => {
  it('refuses an empty file', () => {
    const err = rejection(() => detectEncoding(fixture('empty.txt')));
    expect(err.message).toMatch(/^The file is empty/);
    expect(err.details).toMatchObject({ reason: 'empty' });
    rejection(() => decodeText(new Uint8Array(0)));
  });

  it('refuses a whitespace-only file', () => {
    expect(rejection(() => decodeText(fixture('whitespace.txt'))).message).toMatch(/^The file is empty/);
  });

  it('refuses a file with only a BOM (and whitespace)', () => {
    expect(rejection(() => decodeText(bytesOf([0xef, 0xbb, 0xbf]))).message).toMatch(/^The file is empty/);
    expect(rejection(() => decodeText(bytesOf([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]))).message).toMatch(
      /^The file is empty.*byte-order mark/,
    );
  });

  it('refuses a PNG, naming the type', () => {
    const err = rejection(() => detectEncoding(fixture('binary.png')));
    expect(err.message).toMatch(/^This looks like a PNG image, not plain text/);
    expect(err.details).toMatchObject({ reason: 'binary', kind: 'png' });
  });

  it.each([
    ['PDF', bytesOf('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n')],
    ['ZIP', bytesOf('PK', [0x03, 0x04, 0x14, 0x00], 'word/document.xml')],
    ['GIF', bytesOf('GIF89a', [0x01, 0x00, 0x01, 0x00])],
    ['JPEG', bytesOf([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF')],
  ])('refuses a %s file, naming the type', (type, bytes) => {
    expect(rejection(() => decodeText(bytes)).message).toMatch(new RegExp(`^This looks like an? ${type}`));
  });

  it('refuses binary data with NUL bytes that are not UTF-16', () => {
    const bytes = new Uint8Array(256).map((_, i) => (i * 37) & 0xff);
    const err = rejection(() => detectEncoding(bytes));
    expect(err.message).toMatch(/binary file.*NUL/);
  });

  it('says so when a file looks like BOM-less UTF-16 but does not decode', () => {
    const truncated = fixture('utf16le-nobom.txt').subarray(0, 41);
    const err = rejection(() => detectEncoding(truncated));
    expect(err.message).toMatch(/^The file looks like UTF-16LE text without a byte-order mark, but it is not valid/);
    expect(err.message).toContain('byte offset 40');
    expect(err.message).toContain('odd number of bytes');
  });

  it('never reports high confidence for a reading that does not look like Chinese', () => {
    // 0xFF alone is invalid in WHATWG Big5, but ICU's Big5 (Node) maps it to a private-use character.
    const bytes = bytesOf('plain ascii text ', [0xff], ' more ascii\n');
    let guess;
    try {
      guess = detectEncoding(bytes);
    } catch (e) {
      expect((e as JiaoduiError).code).toBe('import-rejected');
      return;
    }
    expect(guess.confidence).toBe('low');
  });

  it('refuses data with many control characters', () => {
    const bytes = bytesOf('text\x01\x02\x03\x1b[0m more text\x07\x08 and\x0e\x0f\x10\x11 more');
    const err = rejection(() => detectEncoding(bytes));
    expect(err.message).toMatch(/binary file.*control characters/);
  });

  it('accepts \\t \\n \\r \\f and a rare stray control character', () => {
    const text = 'a\tb\r\nc\fd\n' + '商湯科技業績交流會。'.repeat(20) + '\x1a';
    expect(decodeText(bytesOf(text)).text).toBe(text);
  });

  it('refuses a file larger than MAX_IMPORT_BYTES, stating the size and the limit', () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1024 * 1024).fill(0x61);
    const err = rejection(() => detectEncoding(big));
    expect(err.message).toContain('11.0 MB');
    expect(err.message).toContain('10 MB');
    expect(err.details).toMatchObject({ reason: 'too-large', size: big.length, limit: MAX_IMPORT_BYTES });
    rejection(() => decodeText(big, 'utf-8'));
  });

  it('accepts a file of exactly MAX_IMPORT_BYTES', () => {
    const edge = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    expect(decodeText(edge).text.length).toBe(MAX_IMPORT_BYTES);
  });

  it('refuses bytes that decode in no supported encoding, listing what was tried', () => {
    const err = rejection(() => detectEncoding(fixture('latin1-garbage.bin')));
    expect(err.message).toMatch(/^The file is not valid text in any supported encoding/);
    for (const name of ['UTF-8', 'Big5', 'GB18030']) expect(err.message).toContain(name);
    expect(err.details).toMatchObject({ reason: 'undecodable' });
  });
});

describe('parseEncodingName', () => {
  it.each([
    ['utf8', 'utf-8'],
    ['UTF-8', 'utf-8'],
    ['utf-16le', 'utf-16le'],
    ['UTF16LE', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
    ['utf16be', 'utf-16be'],
    ['big5', 'big5'],
    ['Big-5', 'big5'],
    ['BIG5', 'big5'],
    ['gb18030', 'gb18030'],
    ['GBK', 'gb18030'],
    ['gb2312', 'gb18030'],
    [' utf-8 ', 'utf-8'],
  ])('%s -> %s', (input, expected) => {
    expect(parseEncodingName(input)).toBe(expected);
  });

  it('refuses unknown names with invalid-input, listing the accepted ones', () => {
    for (const bad of ['latin1', 'shift_jis', '', 'toString', 'utf-16']) {
      const err = rejection(() => parseEncodingName(bad), 'invalid-input');
      expect(err.message).toContain('utf-8');
      expect(err.message).toContain('big5');
      expect(err.message).toContain('gb18030');
    }
  });
});

describe('the real sample', () => {
  const bytes = new Uint8Array(readFileSync(SAMPLE));

  it('is UTF-8 with high confidence and decodes to the file content exactly', () => {
    const decoded = decodeText(bytes);
    expect(decoded.encoding).toBe('utf-8');
    expect(decoded.confidence).toBe('high');
    expect(decoded.bom).toBe(false);
    expect(decoded.text).toBe(Buffer.from(bytes).toString('utf8'));
    // Lossless: encoding the text again gives the original bytes.
    expect(Buffer.from(decoded.text, 'utf8').equals(Buffer.from(bytes))).toBe(true);
  });
});

describe('performance', () => {
  it.each([
    ['big5.txt', 'big5'],
    ['gb18030.txt', 'gb18030'],
    ['utf16le-nobom.txt', 'utf-16le'],
  ] as const)('detects and decodes 1 MB of %s quickly', (file, encoding) => {
    const bytes = repeatTo(fixture(file), 1024 * 1024);
    decodeText(bytes); // warm up
    const t0 = performance.now();
    const decoded = decodeText(bytes);
    const ms = performance.now() - t0;
    expect(decoded.encoding).toBe(encoding);
    expect(decoded.text.length).toBeGreaterThan(300_000);
    // Typically under 15 ms; the bound is loose so a loaded CI machine does not flake.
    expect(ms).toBeLessThan(250);
  });

  it('detects and decodes 1 MB of the UTF-8 sample quickly', () => {
    const bytes = repeatTo(new Uint8Array(readFileSync(SAMPLE)), 1024 * 1024);
    decodeText(bytes);
    const t0 = performance.now();
    expect(decodeText(bytes).encoding).toBe('utf-8');
    expect(performance.now() - t0).toBeLessThan(250);
  });
});

describe('unsupported encodings are refused, Hong Kong texts are not', () => {
  // The strings make_fixtures.py encoded (Python's big5hkscs / shift_jis / euc_jp codecs; glibc iconv agrees).
  const HKSCS_TEXT =
    '佢哋話呢啲嘢唔係咁嘅，我哋喺度等咗好耐㗎。冇問題，聽日再傾。\n' +
    '陳大文同李嘉欣喺銅鑼灣食咗碗雲吞麵。鄧小姐話：「嗰間舖頭冇晒貨喇。」\n' +
    '𨋢壞咗，啱啱搵人整返。屯門邨嘅梁振英、何鴻燊都係香港人。\n';

  it('a Big5-HKSCS text imports as written: HKSCS characters, not private-use stand-ins', () => {
    const d = decodeText(fixture('big5-hkscs.txt'));
    expect(d).toMatchObject({ encoding: 'big5', confidence: 'high' });
    expect(d.text).toBe(HKSCS_TEXT);
    expect(d.text).not.toMatch(/[\ue000-\uf8ff]/);
    for (const c of ['哋', '啲', '嘅', '㗎', '喺', '冇', '𨋢']) expect(d.text).toContain(c);
    expect(decodeText(fixture('big5-hkscs.txt'), 'big5').text).toBe(HKSCS_TEXT); // the explicit choice too
  });

  it('maps every HKSCS private-use point ICU returns back, and leaves other text alone', () => {
    expect(hkscsFromPua('\ue5a2')).toBe('哋'); // what ICU gives for 92 5D
    expect(hkscsFromPua('\uf325')).toBe('Ê̄'); // a sequence: Ê + combining macron
    expect(hkscsFromPua('商湯 abc')).toBe('商湯 abc');
  });

  for (const [file, likely] of [
    ['shift-jis.txt', /looks like Shift-JIS \(Japanese\)/],
    ['euc-jp.txt', /looks like EUC-JP \(Japanese\)/],
    ['cesu-8.txt', /looks like UTF-8 with separately encoded surrogate halves \(CESU-8/],
  ] as const) {
    it(`refuses ${file} (it decodes "cleanly" as Big5 or GB18030, into nonsense) naming the likely encoding`, () => {
      const e = rejection(() => decodeText(fixture(file)));
      expect(e.message).toMatch(/does not look like Chinese text .* read as (Big5|GB18030), \d+% of its characters are private-use, unassigned or very rare/);
      expect(e.message).toMatch(likely);
      expect(e.details).toMatchObject({ reason: 'implausible' });
      rejection(() => detectEncoding(fixture(file)));
    });
  }

  it('states the threshold on the share: a Big5/GB18030 reading that is mostly uncommon characters is refused', () => {
    // 偼偱偁傞… is Shift-JIS hiragana read as GB18030: assigned ideographs, but no Chinese text is made of them
    expect(unexpectedShare('偼偱偁傞丅柤慜偼傑偩柍偄丅偳偙偱惗傟偨偐偲傫偲尒摉偑').share).toBeGreaterThan(0.85);
    expect(unexpectedShare(BIG5_TEXT).share).toBeLessThan(0.3);
    expect(unexpectedShare(HKSCS_TEXT).share).toBeLessThan(0.7);
  });

  it('names the encoding of a large file too (the sample ends inside a character)', () => {
    const one = fixture('shift-jis.txt');
    // one ASCII byte first, then whole copies: the 64 KiB sample ends inside a two-byte character
    const big = new Uint8Array([0x78, ...repeatTo(one, 300 * 1024)]);
    expect(new TextDecoder('shift_jis', { fatal: true }).decode(big.subarray(0, 64 * 1024), { stream: true }).length).toBeGreaterThan(0);
    expect(() => new TextDecoder('shift_jis', { fatal: true }).decode(big.subarray(0, 64 * 1024))).toThrow();
    expect(rejection(() => decodeText(big)).message).toMatch(/looks like Shift-JIS/);
  });

  it('an explicit encoding is taken at its word', () => {
    expect(decodeText(fixture('shift-jis.txt'), 'gb18030').encoding).toBe('gb18030');
  });
});

describe('text behind a byte-order mark must be plausible text', () => {
  const LE = [0xff, 0xfe];
  const BE = [0xfe, 0xff];
  const utf16le = (s: string) => [...Buffer.from(s, 'utf16le')];
  const utf16be = (s: string) => [...Buffer.from(s, 'utf16le').swap16()];

  it('still imports real UTF-16LE and UTF-16BE Chinese with a BOM (and the fixtures, Big5 and GB18030)', () => {
    for (const [bom, enc, encode] of [[LE, 'utf-16le', utf16le], [BE, 'utf-16be', utf16be]] as const) {
      expect(decodeText(bytesOf(bom, encode(UTF16_TEXT)))).toMatchObject({ encoding: enc, bom: true, text: UTF16_TEXT });
      expect(decodeText(bytesOf(bom, encode('你好')))).toMatchObject({ encoding: enc, text: '你好' });
      expect(decodeText(bytesOf(bom, encode('Hello, world.\n')))).toMatchObject({ encoding: enc, text: 'Hello, world.\n' });
      // Japanese: its kana are neither ASCII nor common Chinese, but it is text
      expect(decodeText(bytesOf(bom, encode('日本語のテキストです。これはテストの文章であり、ひらがなとカタカナを含みます。'))).encoding).toBe(enc);
    }
    expect(decodeText(fixture('utf16le-bom.txt')).encoding).toBe('utf-16le');
    expect(decodeText(fixture('utf16be-bom.txt')).encoding).toBe('utf-16be');
    expect(decodeText(fixture('big5.txt')).encoding).toBe('big5');
    expect(decodeText(fixture('gb18030.txt')).encoding).toBe('gb18030');
    expect(decodeText(fixture('big5-hkscs.txt')).encoding).toBe('big5');
  });

  it('refuses FF FE followed by bytes that read as no text, calling it binary or damaged', () => {
    const e = rejection(() => decodeText(bytesOf(LE, [0x00, 0x01, 0x02, 0x03, 0x04, 0x05])));
    expect(e.message).toBe(
      'The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is not text: none of its 3 characters is ASCII, ' +
        'a common Chinese character or CJK punctuation (Chinese text is mostly these). No supported encoding reads it as text: ' +
        'it is probably a binary file, or damaged. Import a plain-text file (.txt, preferably UTF-8) instead.',
    );
    expect(e.details).toMatchObject({ reason: 'implausible', encoding: 'utf-16le', decidedBy: 'bom', problem: 'uncommon', suggest: null });
    // private-use points (which the other byte order reads as two Latin letters: not clearly text either)
    expect(rejection(() => decodeText(bytesOf(LE, [0x00, 0xe0, 0x01, 0xe0]))).message).toMatch(/2 of its 2 visible characters are private-use code points \(U\+E000, U\+E001\)\. No supported encoding/);
    // what detection and the preview both see
    expect(() => detectEncoding(bytesOf(LE, [0x00, 0x01, 0x02, 0x03]))).toThrow(/not text/);
  });

  it('names the other byte order when the mark does not match the text, and that choice then imports it', () => {
    const english = 'Hello world, this is an English text.\nSecond line here.\n';
    const wrong = bytesOf(LE, utf16be(english));
    const e = rejection(() => decodeText(wrong));
    expect(e.message).toMatch(/^The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is not text: only 1 of its 56 characters is ASCII/);
    expect(e.message).toContain('It reads as UTF-16BE text instead (the byte-order mark is wrong): choose UTF-16BE as the encoding (`--encoding utf-16be` on the command line), or re-save the file as UTF-8.');
    expect(e.details).toMatchObject({ suggest: 'utf-16be' });
    // the explicit choice drops the mismatched mark (U+FFFE in that order) and reads the text
    expect(decodeText(wrong, 'utf-16be')).toMatchObject({ text: english, bom: true, detected: false });
    // Chinese behind the wrong mark: read in the mark's order it is not even valid (surrogates), and the message says which order is
    const chinese = bytesOf(BE, utf16le(UTF16_TEXT));
    const c = rejection(() => decodeText(chinese));
    expect(c.message).toMatch(/not text|not valid UTF-16BE/);
    expect(c.message).toContain('It reads as UTF-16LE text instead (the byte-order mark is wrong)');
    expect(decodeText(chinese, 'utf-16le').text).toBe(UTF16_TEXT);
    const invalid = bytesOf(LE, utf16be(UTF16_TEXT));
    expect(rejection(() => decodeText(invalid)).message).toMatch(/not valid UTF-16LE: .*It reads as UTF-16BE text instead/);
  });

  it('refuses a text with no Chinese character or Latin letter behind a mark (UTF-8 too)', () => {
    expect(rejection(() => decodeText(bytesOf(LE, utf16le('Привет мир\n')))).message).toBe(
      'The file starts with a UTF-16LE byte-order mark, but read as UTF-16LE it is no text to review: none of its 9 visible characters ' +
        'is a Chinese character or a Latin letter ("П", "р", "и", "в", "е", …). Jiaodui reviews Chinese text: import a file that contains it.',
    );
    expect(rejection(() => decodeText(bytesOf([0xef, 0xbb, 0xbf], '\ue000\ue001\ue002'))).message).toMatch(/^The file starts with a UTF-8 byte-order mark, but read as UTF-8 it is not text: 3 of its 3 visible characters are private-use/);
    expect(decodeText(bytesOf([0xef, 0xbb, 0xbf], '2023年')).text).toBe('2023年');
  });

  it('refuses BOM-less UTF-16 (from its NULs) that has no letters', () => {
    expect(rejection(() => decodeText(bytesOf(utf16le('2023 45000\r\n11.8 %\r\n')))).message).toMatch(/^The file looks like UTF-16LE without a byte-order mark \(from its NUL bytes\), but read as UTF-16LE it is no text to review/);
    expect(decodeText(bytesOf(utf16le('2023 Q1 45000\r\n'))).text).toBe('2023 Q1 45000\r\n');
  });

  it('a detected UTF-8 (or Big5/GB18030) reading is judged too: no letters or mostly private-use is refused, any Chinese or Latin letter imports', () => {
    expect(rejection(() => decodeText(bytesOf('12345\n'))).message).toBe(
      'Read as UTF-8 (detected), the file is no text to review: none of its 5 visible characters is a Chinese character or a Latin letter ("1", "2", "3", "4", "5", …). Jiaodui reviews Chinese text: import a file that contains it.',
    );
    expect(rejection(() => decodeText(bytesOf('😀😀\n'))).message).toMatch(/none of its 2 visible characters .* \("😀"\)\./);
    expect(rejection(() => decodeText(bytesOf('\ue000\ue001x'))).message).toMatch(/^Read as UTF-8 \(detected\), the file is not text: 2 of its 3 visible characters are private-use code points \(U\+E000, U\+E001\)\. No supported encoding reads it as text/);
    for (const ok of ['中', 'abc', '2023年第一季', '第1條\n']) expect(decodeText(bytesOf(ok)).text).toBe(ok);
    // an explicit encoding is taken at its word
    expect(decodeText(bytesOf('12345\n'), 'utf-8').text).toBe('12345\n');
  });

  it('names UTF-32 byte-order marks instead of reading them as UTF-16', () => {
    const le32 = bytesOf([0xff, 0xfe, 0, 0, 0x2d, 0x4e, 0, 0, 0x87, 0x65, 0, 0]);
    expect(rejection(() => decodeText(le32)).message).toBe('The file starts with a UTF-32LE byte-order mark (FF FE 00 00): UTF-32 text cannot be imported. Re-save it as UTF-8 (or UTF-16) and import it again.');
    expect(rejection(() => decodeText(bytesOf([0, 0, 0xfe, 0xff, 0, 0, 0x4e, 0x2d]))).message).toMatch(/UTF-32BE byte-order mark \(00 00 FE FF\)/);
  });

  it('an explicit encoding is still taken at its word', () => {
    // the same junk the detection refuses reads as chosen
    expect(decodeText(bytesOf(LE, [0x00, 0x01, 0x02, 0x03]), 'utf-16le').text).toBe('\u0100\u0302');
  });
});
