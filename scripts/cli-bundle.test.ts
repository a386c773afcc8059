import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleState } from './cli-bundle.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A package root with two sources and (optionally) a bundle built at `builtAt`. */
function fakeRoot(builtAt?: number): string {
  const root = mkdtempSync(join(tmpdir(), 'jiaodui-cli-bundle-'));
  dirs.push(root);
  mkdirSync(join(root, 'cli'));
  mkdirSync(join(root, 'shared'));
  const old = new Date(Date.now() - 60_000);
  for (const f of ['cli/entry.ts', 'shared/errors.ts']) {
    writeFileSync(join(root, f), 'x');
    utimesSync(join(root, f), old, old);
  }
  if (builtAt !== undefined) {
    mkdirSync(join(root, 'dist', 'cli'), { recursive: true });
    writeFileSync(join(root, 'dist', 'cli', 'entry.mjs'), '');
    writeFileSync(join(root, 'dist', 'cli', 'inputs.json'), JSON.stringify({ builtAt, inputs: ['cli/entry.ts', 'shared/errors.ts'] }));
  }
  return root;
}

describe('bundleState (the staleness rule of bin/jiaodui.mjs)', () => {
  it('is missing without a manifest or without the entry', () => {
    expect(bundleState(fakeRoot())).toBe('missing');
    const root = fakeRoot(Date.now());
    rmSync(join(root, 'dist', 'cli', 'entry.mjs'));
    expect(bundleState(root)).toBe('missing');
    writeFileSync(join(root, 'dist', 'cli', 'entry.mjs'), '');
    writeFileSync(join(root, 'dist', 'cli', 'inputs.json'), '{"builtAt": "soon"}');
    expect(bundleState(root)).toBe('missing');
  });

  it('is fresh when no input changed after the build started', () => {
    expect(bundleState(fakeRoot(Date.now()))).toBe('fresh');
  });

  it('is stale when an input was edited after the build started, or is gone', () => {
    const edited = fakeRoot(Date.now() - 30_000);
    writeFileSync(join(edited, 'shared', 'errors.ts'), 'changed');
    expect(bundleState(edited)).toBe('stale');

    const gone = fakeRoot(Date.now());
    rmSync(join(gone, 'cli', 'entry.ts'));
    expect(bundleState(gone)).toBe('stale');
  });
});
