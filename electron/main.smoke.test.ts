/**
 * The bundled main process (dist/electron/main.cjs as esbuild makes it), run under
 * plain Node against a recorded stand-in for `electron` (fake-electron.ts): first-start
 * sample import, command-line import, the app protocol, IPC trust checks, dialogs,
 * menus, navigation guards, permissions, CSP and window state. What only a real
 * Electron can show (the page, the preload, the sandbox) is in e2e/electron.spec.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPC_CHANNEL } from '../shared/contract/transport';
import { COMMAND_CHANNEL } from '../shared/commands';
import { CONTENT_SECURITY_POLICY } from '../core/http-policy';
import { APP_URL } from './security';
import { SHELL_OPEN_FILES_CHANNEL, SHELL_SAVE_FILE_CHANNEL } from './channels';
import { FEED_EVENT_CHANNEL, FEED_SUBSCRIBE_CHANNEL, type ChangeEvent } from '../shared/contract/changes';
import { callerContext } from '../shared/contract/caller';
import { openService } from '../core/context';
import { createFakeElectron, makeAppRoot, runMain, type FakeWebContents } from './fake-electron';

type Envelope = { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };
type Invoke = (event: unknown, ...args: unknown[]) => unknown;

const tmp = mkdtempSync(join(tmpdir(), 'jiaodui-main-'));
const appRoot = join(tmp, 'app');
const home = join(tmp, 'home');
const dbPath = join(tmp, 'db', 'test.db');
const cliFile = join(tmp, 'from-command-line.txt');
const secondFile = join(tmp, 'from-second-instance.txt');
const dialogFile = join(tmp, 'from-dialog.txt');
const exportPath = join(tmp, 'exported.txt');

const fake = createFakeElectron({
  home,
  resourcesPath: join(tmp, 'resources'),
  openDialogResult: { canceled: false, filePaths: [dialogFile] },
  saveDialogResult: { canceled: false, filePath: exportPath },
});
const { record } = fake;

function wc(): FakeWebContents {
  return record.windows[0].webContents;
}
function trustedEvent(over: Partial<{ url: string; parent: unknown; senderId: number }> = {}) {
  return {
    sender: { id: over.senderId ?? wc().id },
    senderFrame: { url: over.url ?? APP_URL, parent: over.parent ?? null },
  };
}
async function api(method: string, args: unknown = {}, event: unknown = trustedEvent()): Promise<Envelope> {
  return (await (record.ipcHandlers.get(IPC_CHANNEL) as Invoke)(event, method, args)) as Envelope;
}
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25));
  if (!cond()) throw new Error(`timed out waiting for ${what}; error boxes: ${JSON.stringify(record.errorBoxes)}`);
}

let restore: () => void = () => {};

beforeAll(async () => {
  mkdirSync(appRoot, { recursive: true });
  await makeAppRoot(appRoot);
  writeFileSync(cliFile, '第一段：王震在會上表示。\n\n第二段：業務穩步發展。\n');
  writeFileSync(secondFile, '第三段：第二個實例打開的文件。\n');
  writeFileSync(dialogFile, '第四段：從對話框打開。\n');
  restore = await runMain(appRoot, fake, ['/opt/Jiaodui/jiaodui', '--db', dbPath, '--no-sandbox', cliFile], join(tmp, 'resources'));
  await until(() => record.windows.length === 1, 'the window');
}, 60_000);

afterAll(() => {
  restore();
  try {
    (record.windows[0] as unknown as { close(): void } | undefined)?.close();
  } catch {
    /* ignore */
  }
  rmSync(tmp, { recursive: true, force: true });
});

describe('main process (bundled, under a stand-in electron)', () => {
  it('sets up before ready: privileged app scheme, sandbox, userData under appData/Jiaodui', () => {
    expect(record.privilegedSchemes).toEqual([{ scheme: 'jiaodui', privileges: expect.objectContaining({ standard: true, secure: true }) }]);
    expect(record.sandboxEnabled).toBe(true);
    expect(fake.paths.userData).toBe(join(home, '.config', 'Jiaodui'));
    expect(record.errorBoxes).toEqual([]);
    expect(record.exitCode).toBeNull();
  });

  it('opens one hardened window on the app URL', () => {
    const w = record.windows[0];
    expect(w.loadedUrl).toBe(APP_URL);
    expect(w.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(w.options.webPreferences.preload).toBe(join(appRoot, 'dist', 'electron', 'preload.cjs'));
  });

  it('opened the database given by --db, imported the sample and the command-line file', async () => {
    expect(existsSync(dbPath)).toBe(true);
    const info = await api('getInfo');
    expect(info.ok && (info.value as { dbPath: string }).dbPath).toBe(dbPath);
    const docs = await api('listDocuments');
    expect(docs.ok).toBe(true);
    const names = (docs as { value: { fileName: string; projectName: string }[] }).value.map((d) => d.fileName);
    expect(names).toContain('sensetime-2023-results-call.zh-Hant.txt');
    expect(names).toContain('from-command-line.txt');
    expect(record.recentDocuments).toContain(cliFile);
  });

  it('answers the API only to the app top frame of its own window', async () => {
    expect((await api('getInfo', {}, trustedEvent({ parent: {} }))).ok).toBe(false); // an iframe
    expect(await api('getInfo', {}, trustedEvent({ url: 'https://example.com/' }))).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect((await api('getInfo', {}, trustedEvent({ senderId: 9999 }))).ok).toBe(false);
    expect((await api('getInfo', {}, { sender: { id: wc().id }, senderFrame: null })).ok).toBe(false);
    // Validation is the contract's: unknown methods and bad arguments are refused.
    expect(await api('dropTables', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await api('getSegments', { documentId: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('corrects a segment through IPC and exports the correction', async () => {
    const docs = (await api('listDocuments')) as { value: { id: number; fileName: string }[] };
    const doc = docs.value.find((d) => d.fileName === 'from-command-line.txt')!;
    const segs = (await api('getSegments', { documentId: doc.id })) as { value: { id: number; text: string }[] };
    const seg = segs.value.find((s) => s.text.includes('王震'))!;
    const edited = await api('editSegment', { segmentId: seg.id, text: seg.text.replace('王震', '王征') });
    expect(edited.ok).toBe(true);
    const exp = (await api('exportDocument', { documentId: doc.id, format: 'txt', script: 'hant' })) as { ok: boolean; value: { content: string } };
    expect(exp.value.content).toContain('王征');
    expect(exp.value.content).not.toContain('王震');
  });

  it('feed: a subscribed window is sent changes from another process, not its own writes', async () => {
    const subscribe = record.ipcListeners.get(FEED_SUBSCRIBE_CHANNEL) as Invoke;
    const window = { sender: wc(), senderFrame: { url: APP_URL, parent: null } };
    subscribe({ sender: { id: 9999 }, senderFrame: { url: APP_URL, parent: null } }, 0); // not the app window: ignored
    subscribe(window, 0);
    const docs = (await api('listDocuments')) as { value: { id: number }[] };
    const segs = (await api('getSegments', { documentId: docs.value[0].id })) as { value: { id: number; text: string }[] };
    const [mine, theirs] = segs.value;
    expect((await api('editSegment', { segmentId: mine.id, text: mine.text + '甲' })).ok).toBe(true);
    const other = await openService(dbPath); // another process writing the same database
    try {
      other.editSegment({ segmentId: theirs.id, text: theirs.text + '乙' }, callerContext('cli', 777));
    } finally {
      other.db.close();
    }
    const feedSent = () => wc().sent.filter(([c]) => c === FEED_EVENT_CHANNEL).map(([, m]) => m as ChangeEvent);
    await until(() => feedSent().length > 0, 'a feed event');
    expect(feedSent()).toHaveLength(1);
    expect(feedSent()[0]).toMatchObject({ type: 'change', client: { kind: 'cli', id: '777' }, ids: { segments: [theirs.id] } });
    subscribe(window, null); // unsubscribe
  });

  it('serves dist/renderer over jiaodui://app with the CSP header, and nothing else', async () => {
    const handle = record.protocolHandlers.get('jiaodui')!;
    const index = await handle(new Request(APP_URL));
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(index.headers.get('content-type')).toMatch(/text\/html/);
    expect(await index.text()).toContain('assets/app.js');
    const js = await handle(new Request('jiaodui://app/assets/app.js'));
    expect(js.headers.get('content-type')).toMatch(/javascript/);
    expect((await handle(new Request('jiaodui://app/library/3'))).status).toBe(200); // SPA fallback
    expect((await handle(new Request('jiaodui://app/missing.js'))).status).toBe(404);
    expect((await handle(new Request('jiaodui://app/..%2f..%2fpackage.json'))).status).toBe(404);
    expect((await handle(new Request('jiaodui://elsewhere/index.html'))).status).toBe(404);
    expect((await handle(new Request(APP_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('blocks navigation away from the app (a dropped file, a link) and every new window', async () => {
    for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
      expect(wc().navigate(event, 'https://example.com/'), event).toBe(true);
      expect(wc().navigate(event, 'file:///home/me/dropped.txt'), event).toBe(true);
      expect(wc().navigate(event, APP_URL), event).toBe(false);
    }
    expect(wc().windowOpenHandler!({ url: 'https://example.com/a' })).toEqual({ action: 'deny' });
    expect(wc().windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    // the reviewer is asked first (the fake answers "Open in Browser"); file: never gets that far
    await new Promise((r) => setTimeout(r, 0));
    expect(record.messageBoxes.at(-1)).toMatchObject({ type: 'question', detail: expect.stringContaining('https://example.com/a') });
    expect(record.openedExternally).toEqual(['https://example.com/a']);
    let webviewPrevented = false;
    wc().emit('will-attach-webview', { preventDefault: () => (webviewPrevented = true) });
    expect(webviewPrevented).toBe(true);
  });

  it('denies permissions by default and adds the CSP to http responses', () => {
    const decisions: boolean[] = [];
    record.permissionRequest!({}, 'media', (ok) => decisions.push(ok), { requestingUrl: APP_URL });
    record.permissionRequest!({}, 'clipboard-sanitized-write', (ok) => decisions.push(ok), { requestingUrl: APP_URL });
    expect(decisions).toEqual([false, true]);
    expect(record.permissionCheck!({}, 'geolocation', 'jiaodui://app')).toBe(false);
    let headers: Record<string, string[]> = {};
    record.headersReceived!({ responseHeaders: { 'content-security-policy': ['default-src *'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });

  it('shell bridge: open dialog returns name + base64 and remembers the file; save dialog writes', async () => {
    const open = (await (record.ipcHandlers.get(SHELL_OPEN_FILES_CHANNEL) as Invoke)(trustedEvent())) as Envelope;
    expect(open.ok).toBe(true);
    const files = (open as { value: { fileName: string; data: string }[] }).value;
    expect(files).toEqual([{ fileName: 'from-dialog.txt', data: readFileSync(dialogFile).toString('base64') }]);
    expect(JSON.parse(readFileSync(join(fake.paths.userData, 'recent-files.json'), 'utf8'))[0]).toBe(dialogFile);

    const save = (await (record.ipcHandlers.get(SHELL_SAVE_FILE_CHANNEL) as Invoke)(trustedEvent(), '../../etc/x.hant.txt', '王征\n')) as Envelope;
    expect(save).toEqual({ ok: true, value: exportPath });
    expect(readFileSync(exportPath, 'utf8')).toBe('王征\n');
    expect((record.lastSaveDialog as { defaultPath: string }).defaultPath).toBe(join(home, 'Documents', 'x.hant.txt'));

    const refused = (await (record.ipcHandlers.get(SHELL_OPEN_FILES_CHANNEL) as Invoke)(trustedEvent({ url: 'https://evil.example/' }))) as Envelope;
    expect(refused.ok).toBe(false);
    const bad = (await (record.ipcHandlers.get(SHELL_SAVE_FILE_CHANNEL) as Invoke)(trustedEvent(), 'a.txt', { not: 'text' })) as Envelope;
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('menus: every command item sends its id; recent files appear under Import Recent', () => {
    type Item = { label?: string; click?: () => void; submenu?: Item[] };
    const menu = record.menus.at(-1) as Item[];
    const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.submenu ?? [])]);
    const find = all(menu).find((i) => i.label === 'Find in All Documents…')!;
    find.click!();
    expect(wc().sent.at(-1)).toEqual([COMMAND_CHANNEL, 'edit.find']);
    const recentMenu = all(menu).find((i) => i.label === 'Import Recent')!;
    expect(recentMenu.submenu!.map((i) => i.label)).toContain('from-dialog.txt');
  });

  it('a second instance hands over its files: imported, and the library is shown', async () => {
    const before = ((await api('listDocuments')) as { value: unknown[] }).value.length;
    fake.electron.app.emit('second-instance', {}, ['x'], '/nowhere', { argv: ['/opt/Jiaodui/jiaodui', 'from-second-instance.txt'], cwd: tmp });
    await until(() => wc().sent.some(([, id]) => id === 'file.library'), 'file.library');
    const after = ((await api('listDocuments')) as { value: { fileName: string }[] }).value;
    expect(after.length).toBe(before + 1);
    expect(after.map((d) => d.fileName)).toContain('from-second-instance.txt');
  });

  it('a file that cannot be imported is reported, not thrown', async () => {
    const n = record.messageBoxes.length;
    fake.electron.app.emit('second-instance', {}, [], tmp, { argv: ['/opt/Jiaodui/jiaodui', 'does-not-exist.txt'], cwd: tmp });
    await until(() => record.messageBoxes.length > n, 'the error message box');
    expect(JSON.stringify(record.messageBoxes.at(-1))).toContain('does-not-exist.txt');
  });

  it('saves the window state on close', () => {
    const w = record.windows[0] as unknown as { bounds: object; close(): void };
    w.bounds = { x: 50, y: 60, width: 1000, height: 700 };
    w.close();
    const saved = JSON.parse(readFileSync(join(fake.paths.userData, 'window-state.json'), 'utf8'));
    expect(saved).toEqual({ bounds: { x: 50, y: 60, width: 1000, height: 700 }, maximized: false });
  });
});
