/**
 * The bundled main process on a damaged database (under the stand-in electron of
 * fake-electron.ts): no crash and no error box; the window opens in the recovery state,
 * where IPC answers only the recovery methods, and opening a backup brings the whole API up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC_CHANNEL } from '../shared/contract/transport';
import { APP_URL } from './security';
import { createFakeElectron, makeAppRoot, runMain } from './fake-electron';
import { openService } from '../core/context';
import { backupDatabase } from '../core/backup';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Invoke = (event: unknown, ...args: unknown[]) => unknown;

const tmp = mkdtempSync(join(tmpdir(), 'jiaodui-main-recovery-'));
const appRoot = join(tmp, 'app');
const dbPath = join(tmp, 'db', 'test.db');
const backup = `${dbPath}.backup-v4-2026-01-01T00-00-00-000Z`;
const fake = createFakeElectron({ home: join(tmp, 'home'), resourcesPath: join(tmp, 'resources') });
const { record } = fake;
let restore: () => void = () => {};

async function api(method: string, args: unknown = {}): Promise<Envelope> {
  const event = { sender: { id: record.windows[0].webContents.id }, senderFrame: { url: APP_URL, parent: null } };
  return (await (record.ipcHandlers.get(IPC_CHANNEL) as Invoke)(event, method, args)) as Envelope;
}

beforeAll(async () => {
  mkdirSync(appRoot, { recursive: true });
  await makeAppRoot(appRoot);
  const s = await openService(dbPath);
  s.createProject({ name: 'Before the damage' });
  await backupDatabase(s.db, backup);
  s.db.pragma('wal_checkpoint(TRUNCATE)');
  s.db.close();
  const fd = openSync(dbPath, 'r+');
  writeSync(fd, Buffer.alloc(Math.min(64 * 1024, statSync(dbPath).size - 8192), 0x5a), 0, undefined, 4096);
  closeSync(fd);
  restore = await runMain(appRoot, fake, ['/opt/Jiaodui/jiaodui', '--db', dbPath, '--no-sandbox'], join(tmp, 'resources'));
  for (let i = 0; i < 200 && record.windows.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
}, 60_000);

afterAll(() => {
  restore();
  rmSync(tmp, { recursive: true, force: true });
});

describe('main process on a damaged database', () => {
  it('opens the window in the recovery state instead of failing', async () => {
    expect(record.errorBoxes).toEqual([]);
    expect(record.windows).toHaveLength(1);
    const status = await api('recoveryStatus');
    expect(status).toMatchObject({ ok: true, value: { state: 'recovery', dbPath } });
    expect((status as { value: { backups: { file: string }[] } }).value.backups.map((b) => b.file)).toContain(backup);
    expect(await api('listProjects')).toMatchObject({ ok: false, error: { code: 'db-corrupt' } });
  });

  it('opening a backup keeps the damaged file and brings the whole API up', async () => {
    const r = await api('recoverDatabase', { choice: 'backup', file: backup });
    expect(r).toMatchObject({ ok: true, value: { openedBackup: backup } });
    const projects = await api('listProjects');
    expect(projects.ok && (projects.value as { name: string }[]).map((p) => p.name)).toContain('Before the damage');
    expect(readdirSync(join(tmp, 'db')).some((f) => f.startsWith('test.db.corrupt-'))).toBe(true);
    expect(existsSync(backup)).toBe(true);
    expect((await api('recoveryStatus')) as Envelope).toMatchObject({ ok: true, value: { state: 'ok' } });
  });
});
