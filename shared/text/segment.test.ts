import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as OpenCC from 'opencc-js';
import { segmentText, joinSegments, splitSentences, capRange, MAX_SEGMENT_LENGTH, type SegmentedText } from './segment';

const SAMPLE_PATH = fileURLToPath(new URL('../../samples/sensetime-2023-results-call.zh-Hant.txt', import.meta.url));
const sample = readFileSync(SAMPLE_PATH, 'utf8');
const t2s = OpenCC.Converter({ from: 'tw', to: 'cn' });

const texts = (s: SegmentedText) => s.segments.map((g) => g.text);
const sentences = (p: string) => splitSentences(p).map((r) => p.slice(r.start, r.end));

/** Structural invariants every segmentation must satisfy. */
function checkInvariants(input: string, s: SegmentedText): void {
  expect(joinSegments(s)).toBe(input);
  let pos = s.leading.length;
  expect(/^\s*$/.test(s.leading)).toBe(true);
  s.segments.forEach((g, i) => {
    expect(g.start).toBe(pos);
    expect(g.text).toBe(input.slice(g.start, g.end));
    expect(g.text.length).toBeGreaterThan(0);
    expect(/^\s|\s$/.test(g.text)).toBe(false);
    expect(/^\s*$/.test(g.sep)).toBe(true);
    pos = g.end + g.sep.length;
    const prev = s.segments[i - 1];
    if (prev && prev.paragraph === g.paragraph) {
      expect(g.sentence).toBe(prev.sentence + 1);
      expect(/[\n\r\u2028\u2029]/.test(prev.sep)).toBe(false);
    } else {
      expect(g.sentence).toBe(0);
      expect(g.paragraph).toBe(prev ? prev.paragraph + 1 : 0);
      if (prev) expect(/[\n\r\u2028\u2029]/.test(prev.sep)).toBe(true);
    }
    expect(g.turn === null).toBe(g.speaker === null);
    if (g.furniture) expect(g.speaker).toBeNull();
  });
  expect(pos).toBe(input.length);
}

// Seeded PRNG (mulberry32) so the property test is reproducible.
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const POOL = [
  'a', 'Z', 'e.g', '1', '11.8', '.', '...', '。', '！', '？', '；', '…', '……', '?', '!', ';', ':', '：', ',', '，',
  '」', '「', '"', "'", '）', '中', '文', '億', '𠼤', '😀', '👍🏽', ' ', ' ', '\t', '\n', '\n', '\r\n', '\r', '\u3000',
  '\u00a0', '\u2028', '\u2029', '\ufeff', '\ud800', 'Q:', 'A：', '徐立：', 'Q&A:', '分享', 'share_log', '搶先評論',
  '智通財經 · 03/28 15:58', '2024年3月28日', '譯文內容由第三人軟體翻譯。', '不構成投資建議', '·', '|',
];

describe('segmentText: losslessness', () => {
  it('round-trips hundreds of random strings (seeded)', () => {
    const rand = mulberry32(20240328);
    const fold = (s: string) => s.replace(/[億評論]/g, 'x');
    for (let n = 0; n < 600; n++) {
      const len = Math.floor(rand() * 40);
      let x = '';
      for (let i = 0; i < len; i++) x += POOL[Math.floor(rand() * POOL.length)];
      checkInvariants(x, segmentText(x));
      checkInvariants(x, segmentText(x, { fold }));
    }
  });

  it('round-trips the sample, with and without fold', () => {
    checkInvariants(sample, segmentText(sample));
    checkInvariants(sample, segmentText(sample, { fold: t2s }));
  });

  it('handles the empty string and whitespace-only input', () => {
    expect(segmentText('')).toEqual({ leading: '', segments: [] });
    for (const ws of [' ', '\n', '\r\n\r\n', ' \t\u3000\u00a0\n  \r', '\u2028\u2029']) {
      expect(segmentText(ws)).toEqual({ leading: ws, segments: [] });
    }
  });

  it('keeps a file without a trailing newline intact', () => {
    const s = segmentText('第一句。第二句');
    expect(texts(s)).toEqual(['第一句。', '第二句']);
    expect(s.segments[1].sep).toBe('');
    expect(joinSegments(s)).toBe('第一句。第二句');
  });

  it('handles astral characters and emoji', () => {
    const x = '𠼤字很少見。😀好！👍🏽';
    const s = segmentText(x);
    expect(texts(s)).toEqual(['𠼤字很少見。', '😀好！', '👍🏽']);
    checkInvariants(x, s);
  });
});

describe('segmentText: paragraphs', () => {
  it('splits on \\n, \\r\\n, \\r, U+2028 and U+2029; blank lines are separators', () => {
    const x = '甲。\r\n\r\n乙。\r丙。\u2028丁。\u2029戊。\n';
    const s = segmentText(x);
    expect(texts(s)).toEqual(['甲。', '乙。', '丙。', '丁。', '戊。']);
    expect(s.segments.map((g) => g.paragraph)).toEqual([0, 1, 2, 3, 4]);
    expect(s.segments.map((g) => g.sep)).toEqual(['\r\n\r\n', '\r', '\u2028', '\u2029', '\n']);
  });

  it('puts indentation and trailing whitespace into the separators', () => {
    const x = '\n\u3000\u3000第一段。  \n    第二段。\t\n';
    const s = segmentText(x);
    expect(s.leading).toBe('\n\u3000\u3000');
    expect(texts(s)).toEqual(['第一段。', '第二段。']);
    expect(s.segments[0].sep).toBe('  \n    ');
    expect(s.segments[1].sep).toBe('\t\n');
  });

  it('gives whitespace between sentences of a paragraph to the previous sep', () => {
    const s = segmentText('It grew. Then it fell.');
    expect(texts(s)).toEqual(['It grew.', 'Then it fell.']);
    expect(s.segments[0].sep).toBe(' ');
    expect(s.segments.map((g) => [g.paragraph, g.sentence])).toEqual([[0, 0], [0, 1]]);
  });
});

describe('splitSentences', () => {
  it('splits after CJK and ASCII terminators', () => {
    expect(sentences('你好。再見！真的？是；否')).toEqual(['你好。', '再見！', '真的？', '是；', '否']);
    expect(sentences('方向?多模態如何?好!行;')).toEqual(['方向?', '多模態如何?', '好!', '行;']);
  });

  it('keeps closing quotes and brackets with their sentence', () => {
    expect(sentences('他說：「好。」然後走了。')).toEqual(['他說：「好。」', '然後走了。']);
    expect(sentences('『真的嗎？』（他問。）對。')).toEqual(['『真的嗎？』', '（他問。）', '對。']);
    expect(sentences('他說“好。”她說"行。"完')).toEqual(['他說“好。”', '她說"行。"', '完']);
    expect(sentences('《書名。》【注。】')).toEqual(['《書名。》', '【注。】']);
    expect(sentences('He said "fine." Then left.')).toEqual(['He said "fine."', 'Then left.']);
  });

  it('keeps runs of terminators together', () => {
    expect(sentences('真的？！不會吧……好吧。')).toEqual(['真的？！', '不會吧……', '好吧。']);
    expect(sentences('What?! Wait... OK.')).toEqual(['What?!', 'Wait...', 'OK.']);
    expect(sentences('等等...然後呢?!沒了')).toEqual(['等等...', '然後呢?!', '沒了']);
    expect(sentences('嗯⋯⋯好')).toEqual(['嗯⋯⋯', '好']);
  });

  it('never splits decimals', () => {
    expect(sentences('收入爲11.8億,按年上升200%。')).toEqual(['收入爲11.8億,按年上升200%。']);
    expect(sentences('去年收入爲3.8億人民幣。')).toEqual(['去年收入爲3.8億人民幣。']);
    expect(sentences('在人工智能2.0時代的競爭中。1.0時代也是。')).toEqual([
      '在人工智能2.0時代的競爭中。',
      '1.0時代也是。',
    ]);
    expect(sentences('增長３．８億。')).toEqual(['增長３．８億。']);
  });

  it('splits on ASCII . only before whitespace, end or CJK', () => {
    expect(sentences('It grew. Then it fell.')).toEqual(['It grew.', 'Then it fell.']);
    expect(sentences('見futu.com網站')).toEqual(['見futu.com網站']);
    expect(sentences('He paid 5. 然後走了')).toEqual(['He paid 5.', '然後走了']);
    expect(sentences('This is v2.然後')).toEqual(['This is v2.', '然後']);
    expect(sentences('我們選A.然後呢')).toEqual(['我們選A.', '然後呢']);
  });

  it('does not split after abbreviations, initials or before lower case', () => {
    expect(sentences('Big firms, e.g. 11.8 billion.')).toEqual(['Big firms, e.g. 11.8 billion.']);
    expect(sentences('See Fig. 3 and Dr. Wu.')).toEqual(['See Fig. 3 and Dr. Wu.']);
    expect(sentences('Made in the U.S. by J. Smith.')).toEqual(['Made in the U.S. by J. Smith.']);
    expect(sentences('It cost approx. five dollars.')).toEqual(['It cost approx. five dollars.']);
    expect(sentences('Use it. then stop')).toEqual(['Use it. then stop']);
  });

  it('does not split ASCII ?!; inside Latin tokens (URLs, code)', () => {
    expect(sentences('見 a.php?id=1 頁面。')).toEqual(['見 a.php?id=1 頁面。']);
    expect(sentences('if x!=y 則')).toEqual(['if x!=y 則']);
  });

  it('does not split on commas or colons', () => {
    expect(sentences('第一,持續保持:領先，擴充：規模')).toEqual(['第一,持續保持:領先，擴充：規模']);
  });

  it('returns one range for a paragraph without terminator and none for whitespace', () => {
    expect(sentences('Q&A:')).toEqual(['Q&A:']);
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences(' \u3000 ')).toEqual([]);
  });

  it('trims whitespace from sentences and never returns empty ranges', () => {
    expect(splitSentences('  甲。  乙。  ')).toEqual([
      { start: 2, end: 4 },
      { start: 6, end: 8 },
    ]);
    expect(sentences('。。！')).toEqual(['。。！']);
    expect(sentences('」好')).toEqual(['」好']);
  });
});

describe('segmentText: duplicates under fold', () => {
  it('marks the copy already in the folded script, whichever comes first', () => {
    const fold = (s: string) => t2s(s);
    const a = segmentText('商汤科技业绩交流会\n\n商湯科技業績交流會\n\n正文。', { fold });
    expect(a.segments.map((g) => g.furniture)).toEqual(['duplicate', null, null]);
    const b = segmentText('商湯科技業績交流會\n\n商汤科技业绩交流会\n\n正文。', { fold });
    expect(b.segments.map((g) => g.furniture)).toEqual([null, 'duplicate', null]);
  });

  it('leaves identical repeats and unrelated paragraphs alone', () => {
    const s = segmentText('第二,推動。\n第二,推動。\n不同的段落。', { fold: t2s });
    expect(s.segments.every((g) => g.furniture === null)).toBe(true);
  });

  it('does nothing without fold', () => {
    const s = segmentText('商汤科技业绩交流会\n商湯科技業績交流會');
    expect(s.segments.map((g) => g.furniture)).toEqual([null, null]);
  });
});

describe('segmentText: speaker turns', () => {
  it('opens turns on labels, continues them, and ends them at furniture', () => {
    const x = '前言。\nQ:問題一?\nA:回答。補充。\n續答。\n分享\n之後。\n徐立：大家好。';
    const s = segmentText(x);
    const rows = s.segments.map((g) => [g.text, g.speaker, g.turn, g.turnStart]);
    expect(rows).toEqual([
      ['前言。', null, null, false],
      ['Q:問題一?', 'Q', 0, true],
      ['A:回答。', 'A', 1, true],
      ['補充。', 'A', 1, false],
      ['續答。', 'A', 1, false],
      ['分享', null, null, false],
      ['之後。', null, null, false],
      ['徐立：大家好。', '徐立', 2, true],
    ]);
  });
});

describe('segmentText: the SenseTime sample', () => {
  const s = segmentText(sample, { fold: t2s });
  const paragraphText = (p: number) =>
    s.segments
      .filter((g) => g.paragraph === p)
      .map((g, i, all) => g.text + (i < all.length - 1 ? g.sep : ''))
      .join('');
  const furnitureParagraphs = () => {
    const seen = new Map<number, string>();
    for (const g of s.segments) if (g.furniture) seen.set(g.paragraph, g.furniture);
    return [...seen.entries()].map(([p, kind]) => [kind, paragraphText(p)]);
  };

  it('finds exactly the expected furniture', () => {
    expect(furnitureParagraphs()).toEqual([
      ['share', 'share_log'],
      ['duplicate', '商汤科技(00020)业绩交流会:2023年上线GPU达45000个 生成式AI业务为重点发展方向'],
      ['byline', '智通財經 ·\u00a0 03/28 15:58'],
      ['translation-note', '譯文內容由第三人軟體翻譯。'],
      [
        'disclaimer',
        '以上內容僅用作資訊或教育之目的,不構成與富途相關的任何投資建議。富途竭力但無法保證上述全部內容的真實性、準確性和原創性。',
      ],
      ['comment-prompt', '搶先評論'],
    ]);
    // Every sentence of a furniture paragraph carries the kind.
    const disclaimer = s.segments.filter((g) => g.furniture === 'disclaimer');
    expect(disclaimer.length).toBe(2);
  });

  it('without fold keeps both headlines as content', () => {
    const plain = segmentText(sample);
    const kinds = new Map<number, string>();
    for (const g of plain.segments) if (g.furniture) kinds.set(g.paragraph, g.furniture);
    expect([...kinds.values()]).toEqual(['share', 'byline', 'translation-note', 'disclaimer', 'comment-prompt']);
    expect(plain.segments[1].text.startsWith('商汤科技')).toBe(true);
    expect(plain.segments[1].furniture).toBeNull();
  });

  it('keeps Q&A: as content', () => {
    const qa = s.segments.find((g) => g.text === 'Q&A:')!;
    expect(qa.furniture).toBeNull();
    expect(qa.speaker).toBeNull();
  });

  it('does not split 11.8億, 3.8億 or 2.0時代', () => {
    for (const token of ['11.8億', '3.8億', '2.0時代', '1.0時代', '18.4億']) {
      expect(s.segments.some((g) => g.text.includes(token))).toBe(true);
    }
    expect(s.segments.some((g) => /\d\.$/.test(g.text))).toBe(false);
  });

  it('detects the Q/A turns', () => {
    const q = s.segments.find((g) => g.text.startsWith('Q:算力一直是我們的優勢'))!;
    expect(q.speaker).toBe('Q');
    expect(q.turnStart).toBe(true);
    const a = s.segments.find((g) => g.paragraph === q.paragraph + 1)!;
    expect(a.text.startsWith('A:')).toBe(true);
    expect(a.speaker).toBe('A');
    expect(a.turn).toBe(q.turn! + 1);
    expect(a.turnStart).toBe(true);

    const cont = s.segments.find((g) => g.text === '首先是商業模式。')!;
    expect(cont.sentence).toBe(0);
    expect(cont.turnStart).toBe(false);
    const opener = s.segments.find((g) => g.paragraph === cont.paragraph - 1 && g.sentence === 0)!;
    expect(opener.text.startsWith('A:從商業模式上')).toBe(true);
    expect(cont.speaker).toBe('A');
    expect(cont.turn).toBe(opener.turn);
  });

  it('has null speakers before the first turn and eight Q/A turns in all', () => {
    const firstTurn = s.segments.findIndex((g) => g.speaker !== null);
    expect(s.segments.slice(0, firstTurn).every((g) => g.speaker === null && g.turn === null)).toBe(true);
    const openers = s.segments.filter((g) => g.turnStart);
    expect(openers.map((g) => g.speaker)).toEqual(['Q', 'A', 'Q', 'A', 'Q', 'A', 'Q', 'A']);
    expect(openers.map((g) => g.turn)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    // The turn ends at the translation note.
    const note = s.segments.find((g) => g.furniture === 'translation-note')!;
    expect(s.segments.slice(s.segments.indexOf(note)).every((g) => g.speaker === null)).toBe(true);
  });
});

describe('segments never exceed what an edit may write (MAX_SEGMENT_LENGTH)', () => {
  it('cuts a 150,000-character line without terminators after a clause mark, losslessly', () => {
    const clause = '這是一個沒有句號的很長的子句，'; // 15 characters, ends in a comma
    const line = clause.repeat(10_000);
    expect(line.length).toBe(150_000);
    const seg = segmentText(`標題\n${line}\n`);
    expect(joinSegments(seg)).toBe(`標題\n${line}\n`);
    const long = seg.segments.filter((s) => s.paragraph === 1);
    expect(long.length).toBe(2);
    for (const s of long) {
      expect(s.text.length).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH);
      expect(s.text.endsWith('，') || s === long.at(-1)).toBe(true);
    }
  });

  it('without any soft break, cuts at the limit but never inside a surrogate pair or before a combining mark', () => {
    const p = '𠀀'.repeat(60_000); // 120,000 code units, all astral
    const ranges = splitSentences(p);
    expect(ranges.length).toBe(2);
    for (const r of ranges) {
      expect(r.end - r.start).toBeLessThanOrEqual(MAX_SEGMENT_LENGTH);
      expect(p.slice(r.start, r.end)).toBe('𠀀'.repeat((r.end - r.start) / 2));
    }
    const marks = 'e\u0301'.repeat(60_000);
    for (const r of capRange(marks, { start: 0, end: marks.length })) expect(marks[r.start]).toBe('e');
  });

  it('leaves sentences within the limit alone', () => {
    const p = '甲。'.repeat(10) + '乙'.repeat(MAX_SEGMENT_LENGTH);
    const ranges = splitSentences(p);
    expect(ranges).toHaveLength(11);
    expect(ranges.at(-1)!.end - ranges.at(-1)!.start).toBe(MAX_SEGMENT_LENGTH);
  });
});
