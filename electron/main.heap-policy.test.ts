/**
 * The main process applies the server's heap policy before it opens the service (core/heap-policy.ts):
 * a malformed override is refused at start with its name, before any database is opened.
 * (Bundled main under the stand-in electron; the policy's values are unit-tested in core/heap-policy.test.ts.)
 */
import { afterAll, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_GROWING_ENV } from '../core/heap-policy';
import { createFakeElectron, makeAppRoot, runMain } from './fake-electron';

const tmp = mkdtempSync(join(tmpdir(), 'jiaodui-heap-'));
let restore: () => void = () => {};
const saved = process.env[HEAP_GROWING_ENV];
afterAll(() => {
  restore();
  if (saved === undefined) delete process.env[HEAP_GROWING_ENV];
  else process.env[HEAP_GROWING_ENV] = saved;
  rmSync(tmp, { recursive: true, force: true });
});

it('refuses a malformed heap override with its name and exits 1, opening no database', async () => {
  process.env[HEAP_GROWING_ENV] = 'lots';
  const fake = createFakeElectron({ home: join(tmp, 'home'), resourcesPath: join(tmp, 'resources') });
  const appRoot = await makeAppRoot(join(tmp, 'app'));
  const db = join(tmp, 'x.db');
  restore = await runMain(appRoot, fake, ['electron', appRoot, '--db', db], join(tmp, 'resources'));
  for (let i = 0; i < 200 && fake.record.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
  expect(fake.record.exitCode).toBe(1);
  expect(fake.record.windows).toHaveLength(0);
  const [[title, body]] = fake.record.errorBoxes;
  expect(title).toMatch(/cannot start/);
  expect(body).toContain(`${HEAP_GROWING_ENV} must be a whole number`);
  expect(existsSync(db)).toBe(false);
}, 60_000);
