/**
 * Dictionary glosses: the CC-CEDICT cache (built once, reused), lookups of 算力, 毛利率 and
 * 首席執行官 (all three are CC-CEDICT headwords), words ICU's segmenter splits, glossary
 * precedence, the fallbacks (longest dictionary word, then the character), pinyin marks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossCacheInWorker, closeGlosses, GLOSS_CACHE_FILE, glossBuildsInThisThread, glossCachePath, Glosses, warmUpGlosses, wordSpan } from './glosses';
import { tempDir } from './test-helpers';

const glossary = [
  { term: '商湯科技', variants: ['商湯科枝'], type: 'organisation' as const, note: 'SenseTime Group', english: 'SenseTime', scope: 'project' as const },
  { term: '算力', variants: [], type: 'term' as const, note: '', english: 'compute', scope: 'document' as const },
];

describe('glosses', () => {
  const tmp = tempDir();
  const cache = join(tmp.dir, GLOSS_CACHE_FILE);
  let g: Glosses;
  beforeAll(() => {
    g = new Glosses(cache);
  });
  afterAll(() => {
    closeGlosses();
    tmp.cleanup();
  });

  it('builds the cache file beside the database at first use, then reuses it', () => {
    expect(glossCachePath(join(tmp.dir, 'jiaodui.db'))).toBe(cache);
    expect(glossCachePath(':memory:')).toBeNull();
    expect(existsSync(cache)).toBe(false);
    const t0 = Date.now();
    expect(g.lookup('算力').length).toBeGreaterThan(0);
    const built = Date.now() - t0;
    expect(existsSync(cache)).toBe(true);
    expect(statSync(cache).size).toBeGreaterThan(5_000_000);
    closeGlosses(); // a new run: the file is opened, not rebuilt
    const t1 = Date.now();
    const mtime = statSync(cache).mtimeMs;
    expect(new Glosses(cache).lookup('毛利率').length).toBeGreaterThan(0);
    expect(statSync(cache).mtimeMs).toBe(mtime);
    expect(Date.now() - t1).toBeLessThan(Math.max(200, built));
  });

  it('looks up 算力, 毛利率 and 首席執行官 with pinyin and senses (either script)', () => {
    expect(g.lookup('算力')[0]).toEqual({
      source: 'cc-cedict',
      traditional: '算力',
      simplified: '算力',
      pinyin: 'suan4 li4',
      pinyinMarked: 'suàn lì',
      english: ['computing power', 'hash rate (digital currency mining)'],
      note: null,
    });
    expect(g.lookup('毛利率')[0]).toMatchObject({ pinyinMarked: 'máo lì lǜ', english: ['gross profit margin; gross margin'] });
    const ceo = g.lookup('首席執行官');
    expect(ceo[0]).toMatchObject({ traditional: '首席執行官', simplified: '首席执行官', english: ['chief executive officer (CEO)'] });
    expect(g.lookup('首席执行官')).toEqual(ceo);
  });

  it('returns nothing for a word absent from both', () => {
    expect(g.lookup('王徵算力毛')).toEqual([]);
    expect(g.lookup('zzqx')).toEqual([]);
  });

  it('finds the word at an offset, joining what the segmenter splits', () => {
    const s = '董事長兼首席執行官徐立表示，算力規模和毛利率都提升了。';
    // ICU cuts 首席|執行官 and 算|力; the dictionary joins them
    for (const [ch, word] of [
      ['執', '首席執行官'],
      ['首', '首席執行官'],
      ['算', '算力'],
      ['力', '算力'],
      ['利', '毛利率'],
    ] as const) {
      const r = g.at(s, s.indexOf(ch));
      expect(r.word, ch).toBe(word);
      expect(s.slice(r.start, r.end)).toBe(word);
      expect(r.entries[0].traditional).toBe(word);
    }
    const comma = g.at(s, s.indexOf('，'));
    expect(comma.entries).toEqual([]);
  });

  it('shows glossary entries first, marked, and lets glossary terms make words', () => {
    const s = '商湯科技的算力';
    const at = g.at(s, 1, glossary);
    expect(at.word).toBe('商湯科技');
    expect(at.entries[0]).toMatchObject({ source: 'glossary', english: ['SenseTime'], note: 'organisation — SenseTime Group' });
    const compute = g.lookup('算力', glossary);
    expect(compute.map((e) => e.source)).toEqual(['glossary', 'cc-cedict']);
    expect(compute[0].english).toEqual(['compute']);
    expect(g.lookup('商湯科枝', glossary)[0].note).toBe('known-wrong form of 商湯科技');
  });

  it('falls back to the longest dictionary word, then to the character', () => {
    const dict = new Set(['執行']);
    // no word at segmenter cuts contains offset 3 (首席|執行官 → only 執行 crosses a cut)
    expect(wordSpan('首席執行官', 3, (w) => dict.has(w))).toEqual({ start: 2, end: 4 });
    expect(wordSpan('首席執行官', 4, () => false)).toEqual({ start: 4, end: 5 });
    expect(wordSpan('a𠼤b', 2, () => false)).toEqual({ start: 1, end: 3 }); // never half a surrogate pair
    expect(wordSpan('GPU數量', 1, () => false)).toEqual({ start: 0, end: 3 });
  });
});

describe('glosses: the warm-up builds the cache in a worker thread (memory)', () => {
  it('builds the file in a worker, so this thread never parses the data, and then reads it', async () => {
    const tmp = tempDir();
    try {
      const cache = join(tmp.dir, GLOSS_CACHE_FILE);
      const before = glossBuildsInThisThread();
      await warmUpGlosses(cache);
      expect(existsSync(cache)).toBe(true);
      expect(glossBuildsInThisThread()).toBe(before);
      expect(new Glosses(cache).lookup('算力')[0].pinyinMarked).toBe('suàn lì');
    } finally {
      closeGlosses();
      tmp.cleanup();
    }
  });

  it('a lookup arriving while the worker builds waits for its file instead of parsing the data again', async () => {
    const tmp = tempDir();
    try {
      const cache = join(tmp.dir, GLOSS_CACHE_FILE);
      const before = glossBuildsInThisThread();
      const built = buildGlossCacheInWorker(cache);
      expect(new Glosses(cache).lookup('毛利率')[0].pinyinMarked).toBe('máo lì lǜ'); // blocks until the worker is done
      expect(glossBuildsInThisThread()).toBe(before);
      await built;
    } finally {
      closeGlosses();
      tmp.cleanup();
    }
  });

  it('a worker that cannot write its file rejects, and the warm-up falls back to building here', async () => {
    const tmp = tempDir();
    try {
      const cache = join(tmp.dir, 'missing-folder', GLOSS_CACHE_FILE);
      await expect(buildGlossCacheInWorker(cache)).rejects.toThrow(/gloss cache worker failed/);
      const before = glossBuildsInThisThread();
      await warmUpGlosses(cache); // in memory, in this thread
      expect(glossBuildsInThisThread()).toBe(before + 1);
      expect(new Glosses(cache).lookup('算力').length).toBeGreaterThan(0);
    } finally {
      closeGlosses();
      tmp.cleanup();
    }
  });
});
