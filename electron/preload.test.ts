/**
 * The preload bundle run the way a sandboxed preload runs: one script, a `require` that
 * knows only `electron` (stubbed here), a minimal `process`. Checks what it exposes and
 * how it talks to the main process.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { EventEmitter } from 'node:events';
import { preloadOptions } from '../scripts/build-electron.mjs';
import { IPC_CHANNEL, PRELOAD_GLOBAL } from '../shared/contract/transport';
import { COMMAND_CHANNEL, SHELL_GLOBAL, type ShellBridge } from '../shared/commands';
import { METHOD_NAMES } from '../shared/contract/methods';
import { SHELL_OPEN_FILES_CHANNEL, SHELL_SAVE_FILE_CHANNEL } from './channels';
import { FEED_EVENT_CHANNEL, FEED_GLOBAL, FEED_SUBSCRIBE_CHANNEL, type FeedBridge, type FeedMessage } from '../shared/contract/changes';
import { REMOTE_CALL_CHANNEL, REMOTE_CONNECT_CHANNEL, REMOTE_FEED_EVENT_CHANNEL, REMOTE_FEED_SUBSCRIBE_CHANNEL, REMOTE_GLOBAL, REMOTE_LIST_CHANNEL } from '../shared/contract/remote';
import type { ElectronRemoteBridge } from '../renderer/src/team-transport';

let code = '';
beforeAll(async () => {
  const r = await build({ ...preloadOptions(), write: false, sourcemap: false, logLevel: 'silent' });
  code = r.outputFiles[0].text;
});

function runPreload(reply: (channel: string, ...args: unknown[]) => unknown) {
  const exposed: Record<string, unknown> = {};
  const invocations: unknown[][] = [];
  const sent: unknown[][] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: async (channel: string, ...args: unknown[]) => {
      invocations.push([channel, ...args]);
      return reply(channel, ...args);
    },
    send: (channel: string, ...args: unknown[]) => void sent.push([channel, ...args]),
  });
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      if (key in exposed) throw new Error(`exposed twice: ${key}`);
      exposed[key] = api;
    },
  };
  const requireInSandbox = (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer };
    throw new Error(`module not found: ${name}`); // what the sandbox does
  };
  runInNewContext(code, { require: requireInSandbox, process: { platform: 'linux' }, console }, { filename: 'preload.cjs' });
  return { exposed, invocations, ipcRenderer, sent };
}

describe('preload (sandbox-like run)', () => {
  it('exposes exactly the API client, the shell bridge, the feed and the team connections', () => {
    const { exposed } = runPreload(() => ({ ok: true, value: null }));
    expect(Object.keys(exposed).sort()).toEqual([PRELOAD_GLOBAL, SHELL_GLOBAL, FEED_GLOBAL, REMOTE_GLOBAL].sort());
    expect(Object.keys(exposed[REMOTE_GLOBAL] as object).sort()).toEqual(['call', 'connect', 'disconnect', 'list', 'subscribe']);
    expect(Object.keys(exposed[FEED_GLOBAL] as object)).toEqual(['subscribe']);
    expect(Object.keys(exposed[PRELOAD_GLOBAL] as object).sort()).toEqual([...METHOD_NAMES].sort());
    expect(Object.keys(exposed[SHELL_GLOBAL] as object).sort()).toEqual(['onCommand', 'openFiles', 'platform', 'saveFile']);
    expect((exposed[SHELL_GLOBAL] as ShellBridge).platform).toBe('linux');
  });

  it('API calls go over IPC_CHANNEL and come back unwrapped; errors keep code and message', async () => {
    const { exposed, invocations } = runPreload((_c, method) =>
      method === 'getInfo' ? { ok: true, value: { version: '1' } } : { ok: false, error: { code: 'not-found', message: 'No document 9.' } },
    );
    const api = exposed[PRELOAD_GLOBAL] as Record<string, (a?: unknown) => Promise<unknown>>;
    await expect(api.getInfo()).resolves.toEqual({ version: '1' });
    await expect(api.getDocument({ documentId: 9 })).rejects.toMatchObject({ message: 'No document 9.', code: 'not-found' });
    expect(invocations).toEqual([
      [IPC_CHANNEL, 'getInfo', {}],
      [IPC_CHANNEL, 'getDocument', { documentId: 9 }],
    ]);
  });

  it('shell: dialogs over their channels; commands filtered; unsubscribe works', async () => {
    const { exposed, invocations, ipcRenderer } = runPreload((channel) =>
      channel === SHELL_OPEN_FILES_CHANNEL ? { ok: true, value: [{ fileName: 'a.txt', data: 'YQ==' }] } : { ok: true, value: '/tmp/out.txt' },
    );
    const shell = exposed[SHELL_GLOBAL] as ShellBridge;
    await expect(shell.openFiles()).resolves.toEqual([{ fileName: 'a.txt', data: 'YQ==' }]);
    await expect(shell.saveFile('x.txt', '王征')).resolves.toBe('/tmp/out.txt');
    expect(invocations).toEqual([[SHELL_OPEN_FILES_CHANNEL], [SHELL_SAVE_FILE_CHANNEL, 'x.txt', '王征']]);
    // binary exports (DOCX) say their content is base64, so the main process writes bytes
    await shell.saveFile('x.docx', 'UEsDBA==', 'base64');
    expect(invocations.at(-1)).toEqual([SHELL_SAVE_FILE_CHANNEL, 'x.docx', 'UEsDBA==', 'base64']);

    const got: string[] = [];
    const off = shell.onCommand((id) => got.push(id));
    ipcRenderer.emit(COMMAND_CHANNEL, {}, 'edit.find');
    ipcRenderer.emit(COMMAND_CHANNEL, {}, 'rm -rf');
    ipcRenderer.emit(COMMAND_CHANNEL, {}, { id: 'edit.find' });
    off();
    ipcRenderer.emit(COMMAND_CHANNEL, {}, 'edit.undo');
    expect(got).toEqual(['edit.find']);
    expect(ipcRenderer.listenerCount(COMMAND_CHANNEL)).toBe(0);
  });

  it('feed: subscribes from a seq, passes only valid messages, unsubscribes; bad arguments refused', () => {
    const { exposed, ipcRenderer, sent } = runPreload(() => ({ ok: true, value: null }));
    const feed = exposed[FEED_GLOBAL] as FeedBridge;
    const got: FeedMessage[] = [];
    const off = feed.subscribe(7, (m) => got.push(m));
    expect(sent).toEqual([[FEED_SUBSCRIBE_CHANNEL, 7]]);
    const change = { type: 'change', seq: 8, at: 'now', client: { kind: 'cli', id: '1' }, reviewer: null, ids: { segments: [3] } };
    ipcRenderer.emit(FEED_EVENT_CHANNEL, {}, change);
    ipcRenderer.emit(FEED_EVENT_CHANNEL, {}, { type: 'change', seq: 9, ids: { segments: ['<img>'] } });
    ipcRenderer.emit(FEED_EVENT_CHANNEL, {}, { type: 'resync', seq: 10 });
    expect(got).toEqual([change, { type: 'resync', seq: 10 }]);
    off();
    expect(sent.at(-1)).toEqual([FEED_SUBSCRIBE_CHANNEL, null]);
    expect(ipcRenderer.listenerCount(FEED_EVENT_CHANNEL)).toBe(0);
    expect(() => feed.subscribe(-1, () => {})).toThrow(/sequence number/);
    expect(() => feed.subscribe(0, 'x' as never)).toThrow(/needs a function/);
  });

  it('team connections: calls carry the connection id; a team feed passes only its own valid messages and statuses', async () => {
    const ID = 'c-0123456789abcdef';
    const { exposed, invocations, ipcRenderer, sent } = runPreload((channel) =>
      channel === REMOTE_LIST_CHANNEL ? { ok: true, value: [] } : channel === REMOTE_CALL_CHANNEL ? { ok: false, error: { code: 'team-unreachable', message: 'down' } } : { ok: true, value: { id: ID } },
    );
    const remote = exposed[REMOTE_GLOBAL] as ElectronRemoteBridge;
    await expect(remote.list()).resolves.toEqual([]);
    await expect(remote.connect('https://a.example', 'tok')).resolves.toEqual({ id: ID });
    // a call's envelope comes back as it is: the page reads the team's errors from it
    await expect(remote.call(ID, 'listProjects', {})).resolves.toEqual({ ok: false, error: { code: 'team-unreachable', message: 'down' } });
    expect(invocations).toEqual([[REMOTE_LIST_CHANNEL], [REMOTE_CONNECT_CHANNEL, 'https://a.example', 'tok'], [REMOTE_CALL_CHANNEL, ID, 'listProjects', {}]]);
    const got: unknown[] = [];
    const statuses: unknown[] = [];
    const off = remote.subscribe(ID, 0, (m) => got.push(m), (st) => statuses.push(st));
    expect(sent).toEqual([[REMOTE_FEED_SUBSCRIBE_CHANNEL, ID, 0]]);
    ipcRenderer.emit(REMOTE_FEED_EVENT_CHANNEL, {}, ID, { message: { type: 'resync', seq: 3 } });
    ipcRenderer.emit(REMOTE_FEED_EVENT_CHANNEL, {}, 'c-ffffffffffffffff', { message: { type: 'resync', seq: 4 } });
    ipcRenderer.emit(REMOTE_FEED_EVENT_CHANNEL, {}, ID, { message: { type: 'nonsense' } });
    ipcRenderer.emit(REMOTE_FEED_EVENT_CHANNEL, {}, ID, { status: { ok: false, code: 'team-unreachable', message: 'down' } });
    ipcRenderer.emit(REMOTE_FEED_EVENT_CHANNEL, {}, ID, { status: { ok: 'maybe' } });
    expect(got).toEqual([{ type: 'resync', seq: 3 }]);
    expect(statuses).toEqual([{ ok: false, code: 'team-unreachable', message: 'down' }]);
    off();
    expect(sent.at(-1)).toEqual([REMOTE_FEED_SUBSCRIBE_CHANNEL, ID, null]);
    expect(ipcRenderer.listenerCount(REMOTE_FEED_EVENT_CHANNEL)).toBe(0);
    expect(() => remote.subscribe('local', 0, () => {}, () => {})).toThrow(/connection id/);
  });
});
