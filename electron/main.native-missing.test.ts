/**
 * Development run without better-sqlite3 built for Electron: a dialog that says how to
 * build it, exit code 1, and no window. (Bundled main under the stand-in electron.)
 */
import { afterAll, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createFakeElectron, makeAppRoot, runMain } from './fake-electron';

const tmp = mkdtempSync(join(tmpdir(), 'jiaodui-native-'));
let restore: () => void = () => {};
afterAll(() => {
  restore();
  rmSync(tmp, { recursive: true, force: true });
});

it('shows how to build the Electron SQLite module and exits 1', async () => {
  const fake = createFakeElectron({ home: join(tmp, 'home'), resourcesPath: join(tmp, 'resources'), isPackaged: false });
  const appRoot = await makeAppRoot(join(tmp, 'app'));
  restore = await runMain(appRoot, fake, ['electron', appRoot, '--db', join(tmp, 'x.db')], join(tmp, 'resources'));
  for (let i = 0; i < 200 && fake.record.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
  expect(fake.record.exitCode).toBe(1);
  expect(fake.record.windows).toHaveLength(0);
  const [[title, body]] = fake.record.errorBoxes;
  expect(title).toMatch(/SQLite module for Electron is missing/);
  expect(body).toContain(join(appRoot, 'build', 'electron', 'better_sqlite3.node'));
  expect(body).toContain('node scripts/build-electron-native.mjs');
}, 60_000);
