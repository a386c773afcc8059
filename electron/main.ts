/**
 * The Electron main process: lifecycle, the one window, menus, dialogs and IPC.
 * Thin by design — every decision lives in a pure, tested module beside it
 * (security.ts, menu-template.ts, window-state.ts, args.ts) and every API call goes
 * through the same dispatcher as browser mode and the CLI (shared/contract/dispatch.ts).
 * Bundled by scripts/build-electron.mjs to dist/electron/main.cjs.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  nativeTheme,
  protocol,
  screen,
  session,
  shell,
  type IpcMainEvent,
  type IpcMainInvokeEvent,
  type MenuItemConstructorOptions,
} from 'electron';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { envelope, toErrorPayload, type ApiEnvelope } from '../shared/contract/dispatch';
import { IPC_CHANNEL } from '../shared/contract/transport';
import { callerContext } from '../shared/contract/caller';
import { COMMAND_CHANNEL, type CommandId } from '../shared/commands';
import { JiaoduiError, isJiaoduiError } from '../shared/errors';
import { em, keyedError } from '../shared/error-messages';
import { PRODUCT_NAME } from '../shared/paths';
import { MAX_IMPORT_BYTES } from '../shared/text/encoding';
import { contentType } from '../core/http-policy';
import { applyServerHeapPolicy } from '../core/heap-policy';
import { PACKAGE_ROOT, importSampleOnFirstStart, openService, packageVersion, warmUpChecks } from '../core/context';
import type { JiaoduiService } from '../core/service';
import { isOffloaded, Offload } from '../core/offload';
import { RecoveringApi } from '../core/recovery-api';
import {
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  APP_URL,
  appRequestPath,
  appResponseHeaders,
  confirmExternalOpenBox,
  isSaveContent,
  isTrustedSender,
  permissionDecision,
  safeSuggestedFileName,
  shouldAllowNavigation,
  webPreferences,
  windowOpenDecision,
  withCspHeader,
  type ExternalOpenDecision,
} from './security';
import { buildMenuTemplate, addRecent, parseRecent, RECENT_FILE, type MenuAction, type MenuItemSpec } from './menu-template';
import { MIN_SIZE, WINDOW_STATE_FILE, restoreWindowState, serializeWindowState } from './window-state';
import { absoluteFiles, parseLaunchArgs, resolveDbPath, secondInstanceFiles, type InstanceData } from './args';
import { SHELL_OPEN_FILES_CHANNEL, SHELL_SAVE_FILE_CHANNEL } from './channels';
import { FEED_EVENT_CHANNEL, FEED_SUBSCRIBE_CHANNEL } from '../shared/contract/changes';
import { feedMessageFor, parseSubscription } from './feed-routing';
import { safeStorage } from 'electron';
import { configureGlosses, glossCachePath, warmUpGlosses } from '../core/glosses';
import { safeStorageSecretStore } from './secret-policy';
import { randomBytes } from 'node:crypto';
import { connectionsFileFor, TeamConnections } from '../core/remote/connections';
import {
  isConnectionId,
  REMOTE_CALL_CHANNEL,
  REMOTE_CONNECT_CHANNEL,
  REMOTE_DISCONNECT_CHANNEL,
  REMOTE_FEED_EVENT_CHANNEL,
  REMOTE_FEED_SUBSCRIBE_CHANNEL,
  REMOTE_LIST_CHANNEL,
} from '../shared/contract/remote';
import { envelopeFromAnswer, parseRemoteCall, parseRemoteConnect, parseRemoteSubscription } from './remote-routing';
import { followTeamFeed, type TeamFeedSource } from './team-feed';

const RENDERER_DIST = join(PACKAGE_ROOT, 'dist', 'renderer');
const PRELOAD = join(PACKAGE_ROOT, 'dist', 'electron', 'preload.cjs');
/** Builds the CC-CEDICT gloss cache off the main thread (scripts/build-electron.mjs bundles it). */
const GLOSS_WORKER = join(PACKAGE_ROOT, 'dist', 'electron', 'gloss-cache-worker.cjs');
/** Runs whole-document/project checks and exports off this thread (core/offload.ts; scripts/build-electron.mjs bundles it). */
const OFFLOAD_WORKER = join(PACKAGE_ROOT, 'dist', 'electron', 'offload-worker.cjs');
const DEV_NATIVE_BINDING = join(PACKAGE_ROOT, 'build', 'electron', 'better_sqlite3.node');
const isDev = !app.isPackaged;
const defaultApp = process.defaultApp === true;

// ---- before `ready` -------------------------------------------------------------------

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } }]);
app.enableSandbox();
app.setName(PRODUCT_NAME);

const launch = parseLaunchArgs(process.argv, { defaultApp });
// userData is <appData>/Jiaodui like shared/paths.ts computes it for the CLI, even when
// run as `electron dist/electron/main.cjs` (where Electron would not read productName).
app.setPath('userData', launch.userDataDir ? resolve(launch.userDataDir) : join(app.getPath('appData'), PRODUCT_NAME));

let service: JiaoduiService | null = null;
/** Checks and exports in worker threads on their own connections, once a database is open. */
let offload: Offload | null = null;
/** What IPC dispatches to: the service, or only the recovery methods while the database is damaged. */
let api: RecoveringApi | null = null;
let mainWindow: BrowserWindow | null = null;
/** Team server connections (issue 19, step 5): main keeps their sessions and talks to the servers, never the page. */
let teams: TeamConnections | null = null;
/** This process's prefix of the window ids it gives team servers (webContents ids repeat across apps). */
const TEAM_WINDOW_PREFIX = `e${randomBytes(6).toString('hex')}`;
let recent: string[] = [];
/** Files asked for before the app was ready (command line, macOS open-file). */
const pendingFiles: string[] = absoluteFiles(launch.files, process.cwd());

const instanceData: InstanceData = { argv: process.argv, cwd: process.cwd() };
if (!app.requestSingleInstanceLock(instanceData)) {
  // Another Jiaodui owns this profile: it gets our files (second-instance) and we leave.
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory, additionalData) => {
    focusMainWindow();
    const files = secondInstanceFiles(argv, workingDirectory, additionalData, { defaultApp });
    if (files.length) void importPaths(files);
  });
  app.on('open-file', (event, path) => {
    event.preventDefault();
    void importPaths([path]);
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (api && BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  app.on('will-quit', () => {
    void offload?.close(0);
    service?.mt.cancelAll();
    service?.feed.close();
    try {
      service?.db.close();
    } catch {
      /* already closed */
    }
  });
  app.whenReady().then(start).catch(fatal);
}

// ---- start ----------------------------------------------------------------------------

/** The encrypted MT key's file in userData (only ciphertext is ever written). */
function keyFile(path: string) {
  return {
    read: () => (existsSync(path) ? readFileSync(path) : null),
    write: (data: Buffer) => writeFileSync(path, data, { mode: 0o600 }),
    remove: () => {
      if (existsSync(path)) rmSync(path, { force: true });
    },
  };
}

async function start(): Promise<void> {
  const nativeBinding = nativeBindingPath();
  if (nativeBinding === null) return; // dialog shown
  if (!existsSync(join(RENDERER_DIST, 'index.html'))) {
    dialog.showErrorBox(
      `${PRODUCT_NAME}: the user interface is not built`,
      `${join(RENDERER_DIST, 'index.html')} is missing.\n\nBuild it with:\n  npx vite build --config renderer/vite.config.ts\n(npm start builds it for you.)`,
    );
    app.exit(1);
    return;
  }
  // the service's heap kept as browser mode's server keeps it (core/heap-policy.ts: heap growing,
  // object shapes kept): the main process holds the service for a laptop's one reviewer, beside a
  // window, as `jiaodui serve` does
  try {
    applyServerHeapPolicy();
  } catch (e) {
    dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, e instanceof Error ? e.message : String(e));
    app.exit(1);
    return;
  }
  const dbPath = resolveDbPath({ flag: launch.db, env: process.env, userData: app.getPath('userData'), cwd: process.cwd() });
  // the team sessions in a 0600 file beside the database, not in it (core/remote/connections.ts says why)
  teams = new TeamConnections({ file: connectionsFileFor(dbPath) });
  configureGlosses({ nativeBinding, workerFile: GLOSS_WORKER }); // the gloss cache's connections load the same better-sqlite3 build
  // A damaged database starts the window in the recovery state (core/recovery-api.ts): the
  // renderer offers the backups or a new database; after the choice, afterOpen runs as usual.
  const afterOpen = (opened: JiaoduiService): JiaoduiService => {
    service = opened;
    offload = new Offload({ dbPath, nativeBinding, workerFile: OFFLOAD_WORKER, afterCall: () => service?.feed.check() });
    startService(service, dbPath);
    return opened;
  };
  try {
    api = await RecoveringApi.start({ dbPath, nativeBinding, open: async () => afterOpen(await openService(dbPath, { nativeBinding, kind: 'app' })) });
  } catch (e) {
    showOpenError(e, dbPath, nativeBinding);
    app.exit(1);
    return;
  }
  app.setAboutPanelOptions({ applicationName: PRODUCT_NAME, applicationVersion: packageVersion() });
  registerAppProtocol();
  hardenSession();
  registerIpc();
  recent = loadRecent();
  refreshMenu();
  // Files from the command line go in before the window loads, so the library shows them.
  if (pendingFiles.length && service) await importPaths(pendingFiles.splice(0), { notify: false });
  createWindow();
}

/** After the database opened: sample, warm-ups, MT key store, gloss cache. */
function startService(service: JiaoduiService, dbPath: string): void {
  try {
    importSampleOnFirstStart(service);
    setImmediate(warmUpChecks);
    // The MT key: encrypted by safeStorage only where it really encrypts (see secret-policy.ts), else this session only.
    service.mt.useSecretStore(safeStorageSecretStore(safeStorage, process.platform, keyFile(join(app.getPath('userData'), 'mt-key.bin'))));
    // Build or open the CC-CEDICT gloss cache once, a little after the window is up.
    setTimeout(() => void warmUpGlosses(glossCachePath(dbPath)), 3000).unref();
  } catch (e) {
    console.error('Could not import the sample document:', e);
  }
}

function fatal(e: unknown): void {
  console.error(e);
  dialog.showErrorBox(`${PRODUCT_NAME} could not start`, e instanceof Error ? e.message : String(e));
  app.exit(1);
}

/**
 * The better-sqlite3 native module built for Electron (scripts/build-electron-native.mjs).
 * Packaged apps carry it in resources/native/; undefined = the default binding.
 */
function nativeBindingPath(): string | undefined | null {
  if (app.isPackaged) {
    const packaged = join(process.resourcesPath, 'native', 'better_sqlite3.node');
    return existsSync(packaged) ? packaged : undefined;
  }
  if (existsSync(DEV_NATIVE_BINDING)) return DEV_NATIVE_BINDING;
  dialog.showErrorBox(
    `${PRODUCT_NAME}: SQLite module for Electron is missing`,
    `Jiaodui needs better-sqlite3 compiled for Electron ${process.versions.electron}, expected at\n${DEV_NATIVE_BINDING}\n\n` +
      `Build it once (it downloads Electron's headers or a prebuilt binary, so it needs network access):\n` +
      `  node scripts/build-electron-native.mjs\n\n` +
      `npm start runs it for you. node_modules/better-sqlite3 itself stays built for Node (tests and the CLI use it).`,
  );
  app.exit(1);
  return null;
}

function showOpenError(e: unknown, dbPath: string, nativeBinding: string | undefined): void {
  const message = e instanceof Error ? e.message : String(e);
  if (isJiaoduiError(e)) {
    dialog.showErrorBox(`${PRODUCT_NAME} cannot open its database`, message);
  } else if (/NODE_MODULE_VERSION|was compiled against|invalid ELF|not a valid Win32|dlopen/i.test(message)) {
    dialog.showErrorBox(
      `${PRODUCT_NAME}: SQLite module does not match this Electron`,
      `${message}\n\n${nativeBinding ?? 'better-sqlite3'} was not built for Electron ${process.versions.electron}. Rebuild it with:\n  node scripts/build-electron-native.mjs --force`,
    );
  } else {
    dialog.showErrorBox(`${PRODUCT_NAME} cannot open its database`, `${dbPath}\n\n${message}`);
  }
}

// ---- security wiring (the rules are in security.ts) ------------------------------------

/** jiaodui://app/… serves dist/renderer, nothing else, with the CSP as a header. */
function registerAppProtocol(): void {
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 });
    const rel = appRequestPath(request.url, APP_URL);
    if (rel === null) return new Response('Not found', { status: 404 });
    let file = join(RENDERER_DIST, rel);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      // Single-page app: unknown paths without an extension get index.html.
      if (/\.[a-z0-9]+$/i.test(rel)) return new Response('Not found', { status: 404 });
      file = join(RENDERER_DIST, 'index.html');
      data = await readFile(file);
    }
    return new Response(new Uint8Array(data), { status: 200, headers: appResponseHeaders(contentType(file)) });
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(permissionDecision(permission, details.requestingUrl, APP_URL));
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permissionDecision(permission, requestingOrigin, APP_URL));
  ses.setDevicePermissionHandler(() => false);
  // Whatever else might ever be loaded over http(s) gets the app's CSP too.
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCspHeader(details.responseHeaders) });
  });
}

function hardenContents(contents: Electron.WebContents): void {
  const guard = (event: { url: string; preventDefault: () => void }) => {
    if (!shouldAllowNavigation(event.url, APP_URL)) event.preventDefault(); // includes a file dropped on the window
  };
  contents.on('will-navigate', guard);
  contents.on('will-frame-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url);
    void openExternally(decision.external);
    return { action: decision.action };
  });
}

/** Open an address in the system browser as externalOpenDecision decided: at once, after the reviewer confirms, or not at all. */
async function openExternally(d: ExternalOpenDecision): Promise<void> {
  if (d.action === 'refuse') return;
  if (d.action === 'ask') {
    const box = confirmExternalOpenBox(d);
    const r = mainWindow && !mainWindow.isDestroyed() ? await dialog.showMessageBox(mainWindow, box) : await dialog.showMessageBox(box);
    if (r.response !== 0) return;
  }
  await shell.openExternal(d.url);
}

/** Only the main window's own top frame, showing the app, may use IPC. */
function isTrusted(event: IpcMainInvokeEvent | IpcMainEvent): boolean {
  if (!mainWindow || mainWindow.isDestroyed() || event.sender.id !== mainWindow.webContents.id) return false;
  const frame = event.senderFrame;
  return isTrustedSender(frame ? { url: frame.url, isTopFrame: frame.parent === null } : null, APP_URL);
}

/** Each window's feed subscription (by webContents id): its unsubscribe function. */
const feedSubscriptions = new Map<number, () => void>();

const FORBIDDEN: ApiEnvelope = { ok: false, ...toErrorPayload(new JiaoduiError('forbidden', em('forbidden.page'))) };

async function asEnvelope(fn: () => Promise<unknown>): Promise<ApiEnvelope> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    return { ok: false, ...toErrorPayload(e) };
  }
}

function registerIpc(): void {
  ipcMain.handle(IPC_CHANNEL, async (event, method: unknown, args: unknown): Promise<ApiEnvelope> => {
    if (!isTrusted(event) || !api) return FORBIDDEN;
    // The window is named here, from the IPC event, not by the preload: a renderer cannot claim another caller.
    const caller = callerContext('window', event.sender.id);
    // a whole-document or project check, an export: in a worker, so other calls are answered meanwhile
    if (offload && typeof method === 'string' && isOffloaded(method)) return JSON.parse((await offload.call(method, args, caller, isDev)).json.toString('utf8')) as ApiEnvelope;
    return envelope(api.api(), method, args, { checkResults: isDev, caller });
  });
  // The change feed: a window subscribes from a seq (null: stop); main follows the log for it and
  // sends every change but the window's own (electron/feed-routing.ts), and changes from other processes too.
  ipcMain.on(FEED_SUBSCRIBE_CHANNEL, (event, since: unknown) => {
    if (!isTrusted(event)) return;
    const from = parseSubscription(since);
    if (from === undefined) return;
    const contents = event.sender;
    feedSubscriptions.get(contents.id)?.();
    feedSubscriptions.delete(contents.id);
    if (from === null || !service) return;
    const unsubscribe = service.feed.subscribe((msg) => {
      const out = feedMessageFor(msg, contents.id);
      if (out && !contents.isDestroyed()) contents.send(FEED_EVENT_CHANNEL, out);
    }, from || undefined);
    feedSubscriptions.set(contents.id, unsubscribe);
    contents.once('destroyed', () => {
      if (feedSubscriptions.get(contents.id) === unsubscribe) feedSubscriptions.delete(contents.id);
      unsubscribe();
    });
  });
  registerRemoteIpc();
  ipcMain.handle(SHELL_OPEN_FILES_CHANNEL, (event) => (isTrusted(event) ? asEnvelope(openFilesDialog) : FORBIDDEN));
  ipcMain.handle(SHELL_SAVE_FILE_CHANNEL, (event, suggestedName: unknown, content: unknown, encoding: unknown) =>
    isTrusted(event) ? asEnvelope(() => saveFileDialog(suggestedName, content, encoding)) : FORBIDDEN,
  );
}

// ---- team servers (issue 19, step 5) ------------------------------------------------------

/** Each window's team feed subscriptions (key: webContents id and connection id): their stop functions. */
const teamFeeds = new Map<string, () => void>();

/**
 * The window's connection bridge (window.jiaoduiRemote): list, connect, disconnect, a call on a
 * connection, its feed. Trusted sender only; arguments checked by electron/remote-routing.ts;
 * the calls and the session cookie go through core/remote/connections.ts as in browser mode.
 */
function registerRemoteIpc(): void {
  ipcMain.handle(REMOTE_LIST_CHANNEL, (event) => (isTrusted(event) && teams ? { ok: true, value: teams.list() } : FORBIDDEN));
  ipcMain.handle(REMOTE_CONNECT_CHANNEL, (event, address: unknown, signIn: unknown) => {
    if (!isTrusted(event) || !teams) return FORBIDDEN;
    const given = parseRemoteConnect(address, signIn);
    if (!given.ok) return given.envelope;
    const t = teams;
    return asEnvelope(() => t.connect(given.address, given.signIn));
  });
  ipcMain.handle(REMOTE_DISCONNECT_CHANNEL, (event, id: unknown) => {
    if (!isTrusted(event) || !teams) return FORBIDDEN;
    if (!isConnectionId(id)) return { ok: false, error: keyedError('invalid-input', em('team.route.not-connection')) };
    const t = teams;
    return asEnvelope(async () => {
      await t.disconnect(id);
      return null;
    });
  });
  ipcMain.handle(REMOTE_CALL_CHANNEL, async (event, id: unknown, method: unknown, args: unknown) => {
    if (!isTrusted(event) || !teams) return FORBIDDEN;
    const call = parseRemoteCall(id, method, args);
    if (!call.ok) return call.envelope;
    return envelopeFromAnswer(await teams.call(call.id, call.method, call.body, `${TEAM_WINDOW_PREFIX}-${event.sender.id}`));
  });
  ipcMain.on(REMOTE_FEED_SUBSCRIBE_CHANNEL, (event, id: unknown, since: unknown) => {
    if (!isTrusted(event)) return;
    const sub = parseRemoteSubscription(id, since);
    if (!sub) return;
    const contents = event.sender;
    const key = `${contents.id}:${sub.id}`;
    teamFeeds.get(key)?.();
    teamFeeds.delete(key);
    if (sub.since === null || !teams) return;
    const stop = followTeamFeed(teamFeedSource(teams), sub.id, sub.since, `${TEAM_WINDOW_PREFIX}-${contents.id}`, (payload) => {
      if (!contents.isDestroyed()) contents.send(REMOTE_FEED_EVENT_CHANNEL, sub.id, payload);
    });
    teamFeeds.set(key, stop);
    contents.once('destroyed', () => {
      if (teamFeeds.get(key) === stop) teamFeeds.delete(key);
      stop();
    });
  });
}

/** The team connections as a window's feed follows them (electron/team-feed.ts). */
function teamFeedSource(t: TeamConnections): TeamFeedSource {
  return {
    feed: (id, query) => t.feed(id, query),
    known: (id) => t.list().some((c) => c.id === id),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  };
}

// ---- dialogs ----------------------------------------------------------------------------

const TEXT_EXTENSIONS = ['txt', 'text', 'md', 'csv', 'tsv', 'srt', 'vtt'];

async function readImportable(path: string): Promise<Buffer> {
  const info = await stat(path).catch(() => null);
  if (!info || !info.isFile()) throw new JiaoduiError('not-found', em('not-found.file', { path }));
  if (info.size > MAX_IMPORT_BYTES) {
    throw new JiaoduiError(
      'import-rejected',
      em('import.too-large.named', { file: basename(path), size: (info.size / 1048576).toFixed(1), limit: MAX_IMPORT_BYTES / 1048576 }),
    );
  }
  return readFile(path);
}

async function openFilesDialog(): Promise<{ fileName: string; data: string }[]> {
  const options: Electron.OpenDialogOptions = {
    title: 'Import',
    properties: ['openFile', 'multiSelections'],
    filters: [
      { name: 'Text files', extensions: TEXT_EXTENSIONS },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const r = mainWindow ? await dialog.showOpenDialog(mainWindow, options) : await dialog.showOpenDialog(options);
  if (r.canceled) return [];
  const files: { fileName: string; data: string }[] = [];
  for (const path of r.filePaths) {
    files.push({ fileName: basename(path), data: (await readImportable(path)).toString('base64') });
    rememberRecent(path);
  }
  return files;
}

async function saveFileDialog(suggestedName: unknown, content: unknown, encoding: unknown): Promise<string | null> {
  if (!isSaveContent(content)) throw new JiaoduiError('invalid-input', em('save.bad-content'));
  if (encoding !== undefined && encoding !== 'utf8' && encoding !== 'base64') throw new JiaoduiError('invalid-input', em('save.bad-encoding'));
  if (encoding === 'base64' && !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) throw new JiaoduiError('invalid-input', em('save.not-base64'));
  const name = safeSuggestedFileName(suggestedName);
  const ext = extname(name).slice(1);
  const options: Electron.SaveDialogOptions = {
    title: 'Export',
    defaultPath: join(app.getPath('documents'), name),
    filters: ext ? [{ name: `${ext.toUpperCase()} file`, extensions: [ext] }, { name: 'All files', extensions: ['*'] }] : undefined,
  };
  const r = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options);
  if (r.canceled || !r.filePath) return null;
  // binary exports (DOCX) arrive as base64 and are written as bytes
  await writeFile(r.filePath, encoding === 'base64' ? Buffer.from(content, 'base64') : content, encoding === 'base64' ? undefined : 'utf8');
  return r.filePath;
}

/** Import files named on a command line, by a second instance, by macOS or from Recent. */
async function importPaths(paths: string[], opts: { notify?: boolean } = {}): Promise<void> {
  if (!service) {
    pendingFiles.push(...paths); // still starting: start() imports them
    return;
  }
  const failed: string[] = [];
  let imported = 0;
  for (const path of paths) {
    try {
      const data = (await readImportable(path)).toString('base64');
      const r = await envelope(service, 'importDocument', { fileName: basename(path), data });
      if (!r.ok) throw new Error(r.error.message);
      imported++;
      rememberRecent(path);
    } catch (e) {
      failed.push(`${basename(path)}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  // The renderer refetches the library when it is shown.
  if (imported && opts.notify !== false) sendCommand('file.library');
  if (failed.length) {
    const box = { type: 'error' as const, message: failed.length === 1 ? 'A file could not be imported.' : 'Some files could not be imported.', detail: failed.join('\n') };
    if (mainWindow && !mainWindow.isDestroyed()) void dialog.showMessageBox(mainWindow, box);
    else void dialog.showMessageBox(box);
  }
}

// ---- recent files and menus ------------------------------------------------------------

function userDataFile(name: string): string {
  return join(app.getPath('userData'), name);
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Write via a temporary file and rename, so a crash never leaves half a file. */
function writeFileAtomic(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, text, 'utf8');
    renameSync(tmp, path);
  } catch (e) {
    console.error(`Could not write ${path}:`, e);
  }
}

function loadRecent(): string[] {
  return parseRecent(readJson(userDataFile(RECENT_FILE)));
}

function saveRecent(): void {
  writeFileAtomic(userDataFile(RECENT_FILE), JSON.stringify(recent, null, 2) + '\n');
}

function rememberRecent(path: string): void {
  recent = addRecent(recent, path);
  app.addRecentDocument(path);
  saveRecent();
  refreshMenu();
}

function clearRecent(): void {
  recent = [];
  app.clearRecentDocuments();
  saveRecent();
  refreshMenu();
}

function runAction(action: MenuAction): void {
  switch (action.kind) {
    case 'command':
      sendCommand(action.id);
      return;
    case 'clearRecent':
      clearRecent();
      return;
    case 'openRecent':
      if (existsSync(action.path)) {
        void importPaths([action.path]);
      } else {
        recent = recent.filter((p) => p !== action.path);
        saveRecent();
        refreshMenu();
        void dialog.showMessageBox({ type: 'warning', message: `${basename(action.path)} no longer exists.`, detail: action.path });
      }
      return;
  }
}

function toElectronMenu(items: readonly MenuItemSpec[]): MenuItemConstructorOptions[] {
  return items.map((spec) => {
    const item: MenuItemConstructorOptions = {};
    if (spec.type) item.type = spec.type;
    if (spec.label !== undefined) item.label = spec.label;
    if (spec.role) item.role = spec.role;
    if (spec.accelerator) item.accelerator = spec.accelerator;
    if (spec.registerAccelerator !== undefined) item.registerAccelerator = spec.registerAccelerator;
    if (spec.enabled !== undefined) item.enabled = spec.enabled;
    if (spec.submenu) item.submenu = toElectronMenu(spec.submenu);
    const action = spec.action;
    if (action) item.click = () => runAction(action);
    return item;
  });
}

function refreshMenu(): void {
  const template = buildMenuTemplate({ platform: process.platform, appName: PRODUCT_NAME, recent, dev: isDev });
  Menu.setApplicationMenu(Menu.buildFromTemplate(toElectronMenu(template)));
}

/** Send a command to the renderer (opening the window first if the app has none, as on macOS). */
function sendCommand(id: CommandId): void {
  let win = mainWindow;
  if (!win || win.isDestroyed()) {
    if (!service) return;
    win = createWindow();
  }
  const contents = win.webContents;
  if (contents.isLoading()) contents.once('did-finish-load', () => contents.send(COMMAND_CHANNEL, id));
  else contents.send(COMMAND_CHANNEL, id);
}

// ---- the window --------------------------------------------------------------------------

function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    if (service) createWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function createWindow(): BrowserWindow {
  const statePath = userDataFile(WINDOW_STATE_FILE);
  const state = restoreWindowState(
    readJson(statePath),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: PRODUCT_NAME,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#1f1f1f' : '#ffffff',
    webPreferences: webPreferences(PRELOAD),
  });
  mainWindow = win;
  if (state.maximized) win.maximize();

  let shown = false;
  const show = () => {
    if (!shown && !win.isDestroyed()) {
      shown = true;
      win.show();
    }
  };
  win.once('ready-to-show', show);
  win.webContents.once('did-finish-load', show);

  let saveTimer: NodeJS.Timeout | undefined;
  const saveState = () => {
    if (!win.isDestroyed()) writeFileAtomic(statePath, serializeWindowState(win.getNormalBounds(), win.isMaximized()));
  };
  const saveSoon = () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveState, 800);
  };
  win.on('resize', saveSoon);
  win.on('move', saveSoon);
  win.on('maximize', saveSoon);
  win.on('unmaximize', saveSoon);
  win.on('close', () => {
    clearTimeout(saveTimer);
    saveState();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });

  let crashes = 0;
  win.webContents.on('render-process-gone', (_event, details) => {
    console.error(`Renderer gone: ${details.reason}`);
    if (details.reason !== 'clean-exit' && ++crashes <= 3 && !win.isDestroyed()) win.reload();
  });

  void win.loadURL(APP_URL);
  return win;
}
