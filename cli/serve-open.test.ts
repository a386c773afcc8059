/**
 * `jiaodui serve` opens the browser on its address through the platform's opener (here a fake
 * `xdg-open` first on PATH, with a display), and not with --no-open (which the e2e fixtures pass).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { SERVE_URL, spawnScript } from '../core/testing/spawn-script';

const ROOT = resolve(import.meta.dirname, '..');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'jiaodui-open-'));
  const fake = join(dir, 'bin', 'xdg-open');
  mkdirSync(join(dir, 'bin'));
  // the fake opener records what it was asked to open
  writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > "${join(dir, 'opened.txt')}.tmp" && mv "${join(dir, 'opened.txt')}.tmp" "${join(dir, 'opened.txt')}"\n`);
  chmodSync(fake, 0o755);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function serve(extra: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${join(dir, 'bin')}${delimiter}${process.env.PATH}`, DISPLAY: ':99', CI: '' };
  delete env.WAYLAND_DISPLAY;
  const child = spawnScript(join(ROOT, 'bin', 'jiaodui.mjs'), ['--db', join(dir, `db-${extra.length}.db`), 'serve', ...extra], { cwd: ROOT, env });
  const url = (await child.waitFor(SERVE_URL, 60_000))[0];
  return { child, url };
}

async function until(pred: () => boolean, what: string) {
  for (let i = 0; !pred(); i++) {
    if (i > 300) throw new Error(`never: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe.skipIf(process.platform !== 'linux')('serve opens the browser', () => {
  it('with --no-open it opens nothing', async () => {
    const { child, url } = await serve(['--no-open']);
    try {
      // a full round trip after the address was printed (the opener is started right after printing it)
      const r = await fetch(url.replace(/#.*/, ''));
      expect(r.status).toBe(200);
    } finally {
      await child.stop(5000);
    }
    expect(existsSync(join(dir, 'opened.txt'))).toBe(false);
  }, 90_000);

  it('with a display, runs xdg-open on the printed address', async () => {
    const { child, url } = await serve([]);
    try {
      await until(() => existsSync(join(dir, 'opened.txt')), 'xdg-open ran');
      expect(readFileSync(join(dir, 'opened.txt'), 'utf8')).toBe(url + '\n');
      expect(child.stderr()).not.toMatch(/Could not open a browser/);
    } finally {
      await child.stop(5000);
    }
  }, 90_000);
});
