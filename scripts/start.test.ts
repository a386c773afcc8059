import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freshCliBundle, rendererIsStale, serveArgs } from './start.mjs';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('start.mjs', () => {
  it('serveArgs forwards only --db and --port, in either spelling', () => {
    expect(serveArgs(['--db', '/tmp/a.db', 'file.txt', '--port=5173', '--other'])).toEqual(['--db', '/tmp/a.db', '--port', '5173']);
    expect(serveArgs(['--db=/x.db', '--port', '0'])).toEqual(['--db', '/x.db', '--port', '0']);
    expect(serveArgs(['--dbx', 'y', 'a.txt'])).toEqual([]);
    expect(serveArgs(['--no-open', 'a.txt', '--db=/x.db'])).toEqual(['--no-open', '--db', '/x.db']);
  });

  it('rendererIsStale: missing build, then sources newer than the build', () => {
    const root = mkdtempSync(join(tmpdir(), 'jiaodui-start-'));
    dirs.push(root);
    mkdirSync(join(root, 'renderer', 'src'), { recursive: true });
    mkdirSync(join(root, 'shared'), { recursive: true });
    writeFileSync(join(root, 'renderer', 'src', 'App.tsx'), 'x');
    writeFileSync(join(root, 'package.json'), '{}');
    expect(rendererIsStale(root)).toBe(true);

    mkdirSync(join(root, 'dist', 'renderer'), { recursive: true });
    writeFileSync(join(root, 'dist', 'renderer', 'index.html'), '<!doctype html>');
    const old = new Date(Date.now() - 60_000);
    for (const p of ['renderer/src/App.tsx', 'renderer/src', 'renderer', 'shared', 'package.json']) utimesSync(join(root, p), old, old);
    expect(rendererIsStale(root)).toBe(false);

    writeFileSync(join(root, 'shared', 'commands.ts'), 'changed');
    expect(rendererIsStale(root)).toBe(true);
  });

  it('freshCliBundle: rebuilds a stale command bundle before browser mode serves, and says when it cannot', async () => {
    const said: string[] = [];
    const out = { write: (t: string) => said.push(t) };
    expect(await freshCliBundle(async () => false, out)).toBe(true);
    expect(said).toEqual([]);
    expect(await freshCliBundle(async () => true, out)).toBe(true);
    expect(said).toEqual(['Built the command bundle (dist/cli).\n']);
    said.length = 0;
    const missing = Object.assign(new Error("Cannot find package 'esbuild' imported from /x/scripts/build-cli.mjs\n    at …"), { code: 'ERR_MODULE_NOT_FOUND' });
    expect(
      await freshCliBundle(async () => {
        throw missing;
      }, out),
    ).toBe(false);
    expect(said).toEqual(["The command bundle (dist/cli) could not be built (Cannot find package 'esbuild' imported from /x/scripts/build-cli.mjs); the server runs the TypeScript sources through tsx.\n"]);
  });
});
