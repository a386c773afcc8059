/**
 * The main process applies the server's heap policy before it opens the service (core/heap-policy.ts):
 * a malformed override (heap growing, or shapes kept) is refused at start with its name, before any database is opened.
 * (Bundled main under the stand-in electron; the policy's values are unit-tested in core/heap-policy.test.ts.)
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEAP_GROWING_ENV, RETAIN_MAPS_ENV } from '../core/heap-policy';
import { createFakeElectron, makeAppRoot, runMain } from './fake-electron';

const tmp = mkdtempSync(join(tmpdir(), 'jiaodui-heap-'));
let restore: () => void = () => {};
const saved = { [HEAP_GROWING_ENV]: process.env[HEAP_GROWING_ENV], [RETAIN_MAPS_ENV]: process.env[RETAIN_MAPS_ENV] };
afterEach(() => {
  restore();
  restore = () => {};
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

it.each([
  [HEAP_GROWING_ENV, 'lots', `${HEAP_GROWING_ENV} must be a whole number`],
  [RETAIN_MAPS_ENV, '-3', `${RETAIN_MAPS_ENV} must be a whole number 0–1000`],
])('refuses a malformed %s with its name and exits 1, opening no database', async (name, value, message) => {
  process.env[name] = value;
  const run = join(tmp, name);
  const fake = createFakeElectron({ home: join(run, 'home'), resourcesPath: join(run, 'resources') });
  const appRoot = await makeAppRoot(join(run, 'app'));
  const db = join(run, 'x.db');
  restore = await runMain(appRoot, fake, ['electron', appRoot, '--db', db], join(run, 'resources'));
  for (let i = 0; i < 200 && fake.record.exitCode === null; i++) await new Promise((r) => setTimeout(r, 25));
  expect(fake.record.exitCode).toBe(1);
  expect(fake.record.windows).toHaveLength(0);
  const [[title, body]] = fake.record.errorBoxes;
  expect(title).toMatch(/cannot start/);
  expect(body).toContain(message);
  expect(existsSync(db)).toBe(false);
}, 60_000);
