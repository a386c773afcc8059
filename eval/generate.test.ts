/** The committed corpus is exactly what the generator makes from eval/texts and eval/seeds.json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../core/test-helpers';
import { DATA_DIR, generatePart, readSeeds, readSplit, splitClusters, TEXTS_DIR } from './lib/dataset';
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
