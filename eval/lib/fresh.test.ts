import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRESH_DIR, HALVES, isMeasureOnly, loadFresh, parseHalf, refusedOn } from './fresh';

describe('eval/fresh', () => {
  it('puts every text in exactly one half, and lists every text file', () => {
    const halves = HALVES.map((h) => loadFresh(h).map((d) => d.file));
    const all = halves.flat();
    expect(new Set(all).size).toBe(all.length);
    expect([...all].sort()).toEqual(readdirSync(FRESH_DIR).filter((f) => f.endsWith('.txt')).sort());
    for (const files of halves) expect(files.length).toBeGreaterThanOrEqual(6);
  });

  it('keeps half C to the twelve texts of session 9, seven for Taiwan and five for Hong Kong', () => {
    const c = loadFresh('C');
    expect(c.map((d) => d.file.slice(0, 2))).toEqual(Array.from({ length: 12 }, (_, i) => String(13 + i)));
    expect(c.filter((d) => d.region === 'tw').length).toBe(7);
    expect(c.filter((d) => d.region === 'hk').length).toBe(5);
  });

  it('keeps half D to the twelve texts of session 10, seven for Taiwan and five for Hong Kong', () => {
    const d = loadFresh('D');
    expect(d.map((x) => x.file.slice(0, 2))).toEqual(Array.from({ length: 12 }, (_, i) => String(25 + i)));
    expect(d.filter((x) => x.region === 'tw').length).toBe(7);
    expect(d.filter((x) => x.region === 'hk').length).toBe(5);
  });

  it('keeps halves E and F to the sixteen texts of session 14, odd numbers tuning (E), even ones measured (F)', () => {
    const e = loadFresh('E').map((x) => Number(x.file.slice(0, 2)));
    const f = loadFresh('F').map((x) => Number(x.file.slice(0, 2)));
    expect(e).toEqual([37, 39, 41, 43, 45, 47, 49, 51]);
    expect(f).toEqual([38, 40, 42, 44, 46, 48, 50, 52]);
    expect(loadFresh('G').map((x) => Number(x.file.slice(0, 2)))).toEqual([53, 54, 55, 56, 57, 58, 59, 60]);
  });

  it('keeps halves H and I to the sixteen texts of session 18, odd numbers tuning (H), even ones measured (I), each half eight for Taiwan and eight for Hong Kong between them', () => {
    const h = loadFresh('H');
    const i = loadFresh('I');
    expect(h.map((x) => Number(x.file.slice(0, 2)))).toEqual([61, 63, 65, 67, 69, 71, 73, 75]);
    expect(i.map((x) => Number(x.file.slice(0, 2)))).toEqual([62, 64, 66, 68, 70, 72, 74, 76]);
    for (const half of [h, i]) expect(half.filter((x) => x.region === 'tw').length).toBe(4);
    expect(isMeasureOnly('I')).toBe(true);
    expect(isMeasureOnly('H')).toBe(false);
    // half J: sixteen more to tune on, written after half I's aggregate reading
    expect(loadFresh('J').map((x) => Number(x.file.slice(0, 2)))).toEqual(Array.from({ length: 16 }, (_, k) => 77 + k));
    expect(isMeasureOnly('J')).toBe(false);
  });

  it('holds texts of 800–2,600 characters whose listed people are named in them', () => {
    for (const d of loadFresh()) {
      expect([...d.text].length, d.file).toBeGreaterThanOrEqual(800);
      expect([...d.text].length, d.file).toBeLessThanOrEqual(2600);
      for (const p of d.people) expect(d.text.includes(p.name), `${d.file}: ${p.name}`).toBe(true);
    }
  });

  it('refuses a split that puts a text in two halves or in none, whichever half is asked for', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-fresh-'));
    try {
      const doc = (n: string) => ({ file: `${n}-x.txt`, region: 'tw', people: [] });
      writeFileSync(join(dir, 'fresh.json'), JSON.stringify({ about: 'x', documents: [doc('01'), doc('02')] }));
      for (const n of ['01', '02']) writeFileSync(join(dir, `${n}-x.txt`), '正文');
      const split = (s: object) => writeFileSync(join(dir, 'split.json'), JSON.stringify({ note: 'x', A: [], B: [], C: [], D: [], E: [], F: [], G: [], H: [], I: [], J: [], ...s }));
      split({ A: ['01'], C: ['02'] });
      expect(loadFresh('C', dir).map((d) => d.file)).toEqual(['02-x.txt']);
      split({ A: ['01'], B: ['02'], C: ['02'] });
      expect(() => loadFresh('A', dir)).toThrow(/02-x\.txt must be in exactly one half .*B, C/);
      split({ A: ['01'] });
      expect(() => loadFresh(undefined, dir)).toThrow(/02-x\.txt must be in exactly one half .*none/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads --fresh A to J, and nothing else', () => {
    expect(HALVES.map((h) => parseHalf(h))).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    for (const bad of [undefined, '', 'K', 'c', 'i', 'AB']) expect(() => parseHalf(bad)).toThrow(/--fresh takes A, B, C, D, E, F, G, H, I, J \(/);
  });

  it('measures halves B, C, D, F and I in aggregate only: every listing option is refused there, none on halves A, E, G and H or dev', () => {
    expect(HALVES.filter((h) => isMeasureOnly(h))).toEqual(['B', 'C', 'D', 'F', 'I']);
    expect(refusedOn('F', { '--misses': true })).toEqual(['--misses']);
    expect(refusedOn('E', { '--misses': true })).toEqual([]);
    expect(refusedOn('G', { '--misses': true })).toEqual([]);
    expect(refusedOn('H', { '--misses': true })).toEqual([]);
    expect(refusedOn('I', { '--misses': true, '--clean': true })).toEqual(['--misses', '--clean']);
    const listing = { '--misses': true, '--clean': false, '--info': true };
    expect(refusedOn('D', listing)).toEqual(['--misses', '--info']);
    expect(refusedOn('D', { '--clean': true })).toEqual(['--clean']);
    expect(refusedOn('C', listing)).toEqual(['--misses', '--info']);
    expect(refusedOn('B', listing)).toEqual(['--misses', '--info']);
    expect(refusedOn('C', { '--misses': false })).toEqual([]);
    expect(refusedOn('A', listing)).toEqual([]);
    expect(refusedOn(null, listing)).toEqual([]);
  });
});
