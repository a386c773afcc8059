import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRESH_DIR, loadFresh } from './fresh';

describe('eval/fresh', () => {
  it('puts every text in exactly one half, and lists every text file', () => {
    const a = loadFresh('A').map((d) => d.file);
    const b = loadFresh('B').map((d) => d.file);
    expect(a.filter((f) => b.includes(f))).toEqual([]);
    expect([...a, ...b].sort()).toEqual(readdirSync(FRESH_DIR).filter((f) => f.endsWith('.txt')).sort());
    expect(a.length).toBeGreaterThanOrEqual(6);
    expect(b.length).toBeGreaterThanOrEqual(6);
  });

  it('holds texts of 800–2,000 characters whose listed people are named in them', () => {
    for (const d of loadFresh()) {
      expect([...d.text].length, d.file).toBeGreaterThanOrEqual(800);
      expect([...d.text].length, d.file).toBeLessThanOrEqual(2000);
      for (const p of d.people) expect(d.text.includes(p.name), `${d.file}: ${p.name}`).toBe(true);
    }
  });
});
