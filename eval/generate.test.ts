/** The committed corpus is exactly what the generator makes from eval/texts and eval/seeds.json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/test-helpers';
import { DATA_DIR, generatePart, readPart, readSeeds, readSplit, splitClusters, TEXTS_DIR } from './lib/dataset';
import { CLASSES } from './lib/labels';
import { MIN_HELDOUT_PER_CLASS } from './lib/thresholds';
import type { Part } from './lib/corrupt';
import { openccCliAvailable, OPENCC_CLI } from './lib/roundtrip';

const tmp = tempDir();
afterAll(() => tmp.cleanup());

function files(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const cluster of readdirSync(dir).sort()) for (const f of readdirSync(join(dir, cluster)).sort()) out[`${cluster}/${f}`] = readFileSync(join(dir, cluster, f), 'utf8');
  return out;
}

function regenerates(part: Part) {
  const seeds = readSeeds();
  const split = splitClusters(TEXTS_DIR, seeds);
  expect(split).toEqual(readSplit());
  generatePart(TEXTS_DIR, tmp.dir, part, split, seeds);
  expect(files(join(tmp.dir, part))).toEqual(files(join(DATA_DIR, part)));
}

describe('eval corpus generation', () => {
  it('regenerates the dev part byte for byte', { timeout: 120_000 }, () => regenerates('dev'));
  it.skipIf(!openccCliAvailable())(`regenerates the held-out part byte for byte (needs ${OPENCC_CLI})`, { timeout: 120_000 }, () => regenerates('heldout'));
  it('has a held-out part to regenerate', () => expect(existsSync(join(DATA_DIR, 'heldout'))).toBe(true));
});

describe('eval labels', () => {
  const parts = (['dev', 'heldout'] as const).map((part) => ({ part, data: readPart(part) }));

  it('every label quotes the text at its place, and counterparts lie in other documents of the cluster', () => {
    for (const { data } of parts)
      for (const { labels, texts } of data)
        for (const i of labels.instances) {
          for (const s of i.spans) expect(texts.get(s.doc)!.slice(s.start, s.end), i.id).toBe(i.wrong);
          for (const c of i.counterparts ?? []) {
            expect(texts.has(c.doc), i.id).toBe(true);
            expect(c.end, i.id).toBeGreaterThan(c.start);
          }
          if (i.class === 'people') expect(i.counterparts?.length, i.id).toBeGreaterThan(0);
        }
  });

  it(`the held-out part has at least ${MIN_HELDOUT_PER_CLASS} instances of every error class`, () => {
    const heldout = parts.find((p) => p.part === 'heldout')!.data.flatMap((d) => d.labels.instances);
    for (const c of CLASSES) expect(heldout.filter((i) => i.class === c).length, c).toBeGreaterThanOrEqual(MIN_HELDOUT_PER_CLASS);
  });

  it('no cluster is in both parts', () => {
    const split = readSplit();
    expect(split.dev.filter((c) => split.heldout.includes(c))).toEqual([]);
  });
});
