/**
 * The sandboxed preload, bundled into ONE CommonJS file (dist/electron/preload.cjs):
 * a sandboxed preload can require only `electron` and a few Node polyfills. It exposes
 * exactly three things to the page, never ipcRenderer itself:
 *   window.jiaodui      — the typed API client (JiaoduiClient), over IPC_CHANNEL;
 *   window.jiaoduiShell — the ShellBridge: menu commands, native open/save dialogs;
 *   window.jiaoduiFeed  — the FeedBridge: the change feed, messages validated before the page sees them.
 * Note: errors crossing the context bridge keep their message but lose other fields.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, PRELOAD_GLOBAL } from '../shared/contract/transport';
import type { JiaoduiClient } from '../shared/contract/api';
import { COMMAND_CHANNEL, SHELL_GLOBAL, isCommandId, type CommandId, type ShellBridge } from '../shared/commands';
import { SHELL_OPEN_FILES_CHANNEL, SHELL_SAVE_FILE_CHANNEL } from './channels';
import { makeNamedClient, unwrap } from './preload-client';
import { FEED_EVENT_CHANNEL, FEED_GLOBAL, FEED_SUBSCRIBE_CHANNEL, parseFeedMessage, type FeedBridge } from '../shared/contract/changes';

const client = makeNamedClient<JiaoduiClient>((method, args) => ipcRenderer.invoke(IPC_CHANNEL, method, args).then(unwrap));

const shell: ShellBridge = {
  platform: process.platform,
  onCommand(cb: (id: CommandId) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('onCommand needs a function');
    const listener = (_event: IpcRendererEvent, id: unknown) => {
      if (isCommandId(id)) cb(id);
    };
    ipcRenderer.on(COMMAND_CHANNEL, listener);
    return () => {
      ipcRenderer.removeListener(COMMAND_CHANNEL, listener);
    };
  },
  openFiles: () => ipcRenderer.invoke(SHELL_OPEN_FILES_CHANNEL).then(unwrap) as Promise<{ fileName: string; data: string }[]>,
  saveFile: (suggestedName: string, content: string, encoding?: 'utf8' | 'base64') =>
    ipcRenderer
      .invoke(SHELL_SAVE_FILE_CHANNEL, String(suggestedName), String(content), ...(encoding === 'base64' ? ['base64'] : []))
      .then(unwrap) as Promise<string | null>,
};

/** One subscription at a time: subscribing again (e.g. after a resync) replaces the previous one. */
let feedListener: ((event: IpcRendererEvent, msg: unknown) => void) | null = null;
const feed: FeedBridge = {
  subscribe(since: number, cb) {
    if (typeof cb !== 'function') throw new TypeError('subscribe needs a function');
    if (!Number.isSafeInteger(since) || since < 0) throw new TypeError('subscribe needs a sequence number');
    if (feedListener) ipcRenderer.removeListener(FEED_EVENT_CHANNEL, feedListener);
    const listener = (_event: IpcRendererEvent, msg: unknown) => {
      const m = parseFeedMessage(msg);
      if (m) cb(m);
    };
    feedListener = listener;
    ipcRenderer.on(FEED_EVENT_CHANNEL, listener);
    ipcRenderer.send(FEED_SUBSCRIBE_CHANNEL, since);
    return () => {
      if (feedListener !== listener) return;
      ipcRenderer.removeListener(FEED_EVENT_CHANNEL, listener);
      feedListener = null;
      ipcRenderer.send(FEED_SUBSCRIBE_CHANNEL, null);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, client);
contextBridge.exposeInMainWorld(FEED_GLOBAL, Object.freeze(feed));
contextBridge.exposeInMainWorld(SHELL_GLOBAL, Object.freeze(shell));
