/**
 * The sandboxed preload, bundled into ONE CommonJS file (dist/electron/preload.cjs):
 * a sandboxed preload can require only `electron` and a few Node polyfills. It exposes
 * exactly four things to the page, never ipcRenderer itself:
 *   window.jiaodui       — the typed API client (JiaoduiClient), over IPC_CHANNEL;
 *   window.jiaoduiShell  — the ShellBridge: menu commands, native open/save dialogs;
 *   window.jiaoduiFeed   — the FeedBridge: the change feed, messages validated before the page sees them;
 *   window.jiaoduiRemote — team server connections (issue 19): main holds their sessions and makes the
 *                          calls; the page names a connection by id (renderer/src/team-transport.ts).
 * Note: errors crossing the context bridge keep their message but lose other fields, so the API
 * client and the team connections reject with plain objects (`toBridged`) that the page revives.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNEL, PRELOAD_GLOBAL } from '../shared/contract/transport';
import type { JiaoduiClient } from '../shared/contract/api';
import { COMMAND_CHANNEL, SHELL_GLOBAL, isCommandId, type CommandId, type ShellBridge } from '../shared/commands';
import { SHELL_OPEN_FILES_CHANNEL, SHELL_SAVE_FILE_CHANNEL } from './channels';
import { makeNamedClient, unwrap, unwrapForPage } from './preload-client';
import { FEED_EVENT_CHANNEL, FEED_GLOBAL, FEED_SUBSCRIBE_CHANNEL, parseFeedMessage, type FeedBridge, type FeedMessage } from '../shared/contract/changes';
import {
  isConnectionId,
  REMOTE_CALL_CHANNEL,
  REMOTE_CONNECT_CHANNEL,
  REMOTE_DISCONNECT_CHANNEL,
  REMOTE_FEED_EVENT_CHANNEL,
  REMOTE_FEED_SUBSCRIBE_CHANNEL,
  REMOTE_GLOBAL,
  REMOTE_LIST_CHANNEL,
  parseTeamFeedStatus,
  type TeamFeedStatus,
} from '../shared/contract/remote';

// errors cross the context bridge as plain objects (toBridged), revived by the page (renderer/src/api.ts)
const client = makeNamedClient<JiaoduiClient>((method, args) => ipcRenderer.invoke(IPC_CHANNEL, method, args).then(unwrapForPage));

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

/** Team feed listeners by connection (one subscription per connection). */
const teamListeners = new Map<string, (event: IpcRendererEvent, id: unknown, payload: unknown) => void>();
const remote = {
  list: () => ipcRenderer.invoke(REMOTE_LIST_CHANNEL).then(unwrapForPage),
  connect: (address: string, signIn: string) => ipcRenderer.invoke(REMOTE_CONNECT_CHANNEL, String(address), String(signIn)).then(unwrapForPage),
  disconnect: (id: string) => ipcRenderer.invoke(REMOTE_DISCONNECT_CHANNEL, String(id)).then(() => undefined),
  // the envelope itself: the page reads team-unreachable / team-signed-out from it (renderer/src/team-transport.ts)
  call: (id: string, method: string, args: unknown) => ipcRenderer.invoke(REMOTE_CALL_CHANNEL, String(id), String(method), args),
  subscribe(id: string, since: number, cb: (m: FeedMessage) => void, onStatus: (s: TeamFeedStatus) => void): () => void {
    if (!isConnectionId(id)) throw new TypeError('subscribe needs a connection id');
    if (typeof cb !== 'function' || typeof onStatus !== 'function') throw new TypeError('subscribe needs functions');
    if (!Number.isSafeInteger(since) || since < 0) throw new TypeError('subscribe needs a sequence number');
    const previous = teamListeners.get(id);
    if (previous) ipcRenderer.removeListener(REMOTE_FEED_EVENT_CHANNEL, previous);
    const listener = (_event: IpcRendererEvent, from: unknown, payload: unknown) => {
      if (from !== id || typeof payload !== 'object' || payload === null) return;
      if ('message' in payload) {
        const m = parseFeedMessage((payload as { message: unknown }).message);
        if (m) cb(m);
      } else if ('status' in payload) {
        const st = parseTeamFeedStatus((payload as { status: unknown }).status);
        if (st) onStatus(st);
      }
    };
    teamListeners.set(id, listener);
    ipcRenderer.on(REMOTE_FEED_EVENT_CHANNEL, listener);
    ipcRenderer.send(REMOTE_FEED_SUBSCRIBE_CHANNEL, id, since);
    return () => {
      if (teamListeners.get(id) !== listener) return;
      ipcRenderer.removeListener(REMOTE_FEED_EVENT_CHANNEL, listener);
      teamListeners.delete(id);
      ipcRenderer.send(REMOTE_FEED_SUBSCRIBE_CHANNEL, id, null);
    };
  },
};

contextBridge.exposeInMainWorld(PRELOAD_GLOBAL, client);
contextBridge.exposeInMainWorld(REMOTE_GLOBAL, Object.freeze(remote));
contextBridge.exposeInMainWorld(FEED_GLOBAL, Object.freeze(feed));
contextBridge.exposeInMainWorld(SHELL_GLOBAL, Object.freeze(shell));
