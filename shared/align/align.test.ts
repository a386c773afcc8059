import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segmentText } from '../text/segment';
import { getConverter } from '../text/convert';
import { alignParallel, anchorsOf, applyAlignEdit, type AlignTarget } from './index';

const t2s = (s: string) => getConverter('t2s').convert(s);

function targets(text: string): AlignTarget[] {
  return segmentText(text).segments.map((s) => ({ text: s.text, paragraph: s.paragraph, furniture: !!s.furniture }));
}

// A constructed Traditional document: 3 paragraphs, 7 sentences.
const HANT = [
  '公司去年收入爲11.8億元，按年上升200%。董事長徐立在會上表示，集團將繼續投入研發。',
  '絕影汽車去年收入爲3.8億人民幣。它佔總收入的比例爲11%。',
  '展望2024年，集團有三大戰略目標。第一，保持技術領先。第二，推動業務增長。',
].join('\n\n');

describe('anchors', () => {
  it('normalise numbers across languages and scripts', () => {
    expect(anchorsOf('收入爲11.8億元', 'zh').has('n:1180000000')).toBe(true);
    expect(anchorsOf('revenue of 1.18 billion yuan', 'en').has('n:1180000000')).toBe(true);
    expect(anchorsOf('上升200%', 'zh').has('p:200')).toBe(true);
    expect(anchorsOf('up 200%', 'en').has('p:200')).toBe(true);
    expect(anchorsOf('三大戰略目標', 'zh').has('n:3')).toBe(false); // 三 alone before 大 is not a count
    expect(anchorsOf('二十五家公司', 'zh').has('n:25')).toBe(true);
    expect(anchorsOf('三倍', 'zh').has('n:3')).toBe(true);
    expect(anchorsOf('生成式AI業務', 'zh').has('w:ai')).toBe(true);
    expect(anchorsOf('On March 28, the company', 'en').has('n:3')).toBe(true);
  });
});

describe('alignParallel: Simplified source vs Traditional output', () => {
  it('aligns near 1:1 texts sentence by sentence', () => {
    const src = t2s(HANT);
    const tg = targets(HANT);
    const r = alignParallel(tg, src, { kind: 'source', normaliseTarget: t2s, normaliseParallel: t2s });
    expect(r.method).toBe('paragraphs');
    expect(r.texts).toEqual(tg.map((t) => t2s(t.text)));
  });

  it('handles a merged and a split sentence in the source', () => {
    const tg = targets(HANT);
    // source: sentences 3+4 of the output were one sentence; output sentence 1 is two in the source
    const src = [
      '公司去年收入为11.8亿元。按年上升200%。董事长徐立在会上表示，集团将继续投入研发。',
      '绝影汽车去年收入为3.8亿人民币，它占总收入的比例为11%。',
      '展望2024年，集团有三大战略目标。第一，保持技术领先。第二，推动业务增长。',
    ].join('\n');
    const r = alignParallel(tg, src, { kind: 'source', normaliseTarget: t2s });
    expect(r.texts[0]).toBe('公司去年收入为11.8亿元。按年上升200%。'); // split: two source sentences on one row
    expect(r.texts[1]).toBe('董事长徐立在会上表示，集团将继续投入研发。');
    expect(r.texts[2]).toBe('绝影汽车去年收入为3.8亿人民币，它占总收入的比例为11%。'); // merged: on the first row
    expect(r.texts[3]).toBe('');
    expect(r.texts.slice(4)).toEqual(['展望2024年，集团有三大战略目标。', '第一，保持技术领先。', '第二，推动业务增长。']);
    expect(r.beads.map((b) => b.type)).toEqual(['1-2', '1-1', '2-1', '1-1', '1-1', '1-1']);
  });
});

describe('alignParallel: English vs Chinese', () => {
  const english = [
    'Revenue last year was 1.18 billion yuan, up 200% year on year. Chairman Xu Li said at the meeting that the group would keep investing in research.',
    'SenseAuto revenue last year was 380 million yuan and it accounted for 11% of total revenue.',
    'Looking ahead to 2024, the group has three strategic goals. First, stay ahead in technology.',
    'Second, drive business growth.',
  ].join('\n\n');

  it('estimates the length ratio from the data and aligns with anchors, merges and splits', () => {
    const tg = targets(HANT);
    const r = alignParallel(tg, english, { kind: 'english' });
    expect(r.ratio).toBeGreaterThan(2);
    expect(r.texts[0]).toBe('Revenue last year was 1.18 billion yuan, up 200% year on year.');
    expect(r.texts[1]).toMatch(/^Chairman Xu Li/);
    // two Chinese sentences, one English sentence: on the first row, the second left empty
    expect(r.texts[2]).toBe('SenseAuto revenue last year was 380 million yuan and it accounted for 11% of total revenue.');
    expect(r.texts[3]).toBe('');
    expect(r.texts[4]).toBe('Looking ahead to 2024, the group has three strategic goals.');
    expect(r.texts[5]).toBe('First, stay ahead in technology.');
    expect(r.texts[6]).toBe('Second, drive business growth.');
  });

  it('aligns a parallel text given as one block (no paragraphs) over the whole document', () => {
    const tg = targets(HANT);
    const r = alignParallel(tg, english.replace(/\n\n/g, ' '), { kind: 'english' });
    expect(r.method).toBe('sentences');
    expect(r.texts[0]).toMatch(/^Revenue/);
    expect(r.texts[6]).toBe('Second, drive business growth.');
  });

  it('leaves page furniture without English', () => {
    const doc = '分享\n\n' + HANT;
    const tg = targets(doc);
    tg[0].furniture = true;
    const r = alignParallel(tg, english, { kind: 'english' });
    expect(r.texts[0]).toBe('');
    expect(r.texts[1]).toMatch(/^Revenue/);
  });
});

describe('alignment edits', () => {
  const col = ['A one.', 'B two.', '', 'D four.'];
  it('merge, split and shift return the rows that change', () => {
    expect(applyAlignEdit(col, 0, { op: 'merge' }, ' ')).toEqual([
      { index: 0, before: 'A one.', after: 'A one. B two.' },
      { index: 1, before: 'B two.', after: '' },
    ]);
    expect(applyAlignEdit(['A one. B two.', ''], 0, { op: 'split', at: 6 }, ' ')).toEqual([
      { index: 0, before: 'A one. B two.', after: 'A one.' },
      { index: 1, before: '', after: 'B two.' },
    ]);
    expect(applyAlignEdit(col, 1, { op: 'shift', direction: 'down' }, ' ')).toEqual([
      { index: 2, before: '', after: 'B two.' },
      { index: 1, before: 'B two.', after: '' },
    ]);
    expect(applyAlignEdit(col, 3, { op: 'shift', direction: 'up' }, '')).toEqual([
      { index: 2, before: '', after: 'D four.' },
      { index: 3, before: 'D four.', after: '' },
    ]);
    expect(() => applyAlignEdit(col, 3, { op: 'merge' }, ' ')).toThrow();
  });
});

describe('alignParallel: long documents', () => {
  const sample = readFileSync(join(__dirname, '../../samples/sensetime-2023-results-call.zh-Hant.txt'), 'utf8');
  const english = readFileSync(join(__dirname, '../../tests/fixtures/parallel/sensetime-2023.en.txt'), 'utf8').trim();
  // the part of the transcript the English fixture covers (its first nine paragraphs)
  const covered = sample.split('\n\n').slice(0, 9).join('\n\n');
  const section = (k: number) => `第${k}節\n\n${covered}`;
  const sectionEn = (k: number) => `Section ${k}\n\n${english}`;

  it('aligns a partial translation (English for the first third) and leaves the rest empty', () => {
    const copies = 12;
    const translated = 4;
    const doc = Array.from({ length: copies }, (_, k) => section(k + 1)).join('\n\n');
    const en = Array.from({ length: translated }, (_, k) => sectionEn(k + 1)).join('\n\n');
    const tg = targets(doc);
    const per = tg.length / copies;
    // one section alone, aligned: what every translated section should receive
    const one = alignParallel(targets(section(1)), sectionEn(1), { kind: 'english' }).texts;
    expect(one[0]).toBe('Section 1');
    expect(one.filter((x) => x).length).toBeGreaterThan(10);
    const r = alignParallel(tg, en, { kind: 'english' });
    for (let k = 0; k < copies; k++) {
      const rows = r.texts.slice(k * per, (k + 1) * per);
      if (k < translated) {
        expect(rows[0]).toBe(`Section ${k + 1}`);
        expect(rows.filter((x) => x).length).toBeGreaterThan(10);
      }
      else expect(rows.every((x) => x === '')).toBe(true);
    }
  });

  it('finishes on a large input (≈0.5 MB: the whole source, and an English rendering of every section)', () => {
    let doc = '';
    while (doc.length < 170_000) doc += sample + '\n\n';
    const tg = targets(doc);
    const src = alignParallel(tg, t2s(doc), { kind: 'source', normaliseTarget: t2s, normaliseParallel: t2s });
    expect(src.texts).toEqual(tg.map((t) => t2s(t.text)));
    const copies = 150;
    const long = Array.from({ length: copies }, (_, k) => section(k + 1)).join('\n\n');
    const tl = targets(long);
    const per = tl.length / copies;
    const en = alignParallel(tl, Array.from({ length: copies }, (_, k) => sectionEn(k + 1)).join('\n\n'), { kind: 'english' });
    for (let k = 0; k < copies; k++) {
      const rows = en.texts.slice(k * per, (k + 1) * per);
      expect(rows[0]).toBe(`Section ${k + 1}`);
      expect(rows.filter((x) => x).length).toBeGreaterThan(10);
    }
  });
});
