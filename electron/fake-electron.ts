/**
 * A stand-in for the `electron` module, for running the bundled main process under
 * plain Node in tests (the real module would try to download Electron's binary).
 * It records what main.ts asks of Electron so tests can drive and inspect it.
 * Test helper only: never bundled into the app.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';

export interface FakeOptions {
  home: string;
  resourcesPath: string;
  isPackaged?: boolean;
  openDialogResult?: { canceled: boolean; filePaths: string[] };
  saveDialogResult?: { canceled: boolean; filePath?: string };
}

type Handler = (...args: never[]) => unknown;

export class FakeWebContents extends EventEmitter {
  static nextId = 1;
  readonly id = FakeWebContents.nextId++;
  readonly sent: [string, unknown][] = [];
  windowOpenHandler: ((d: { url: string }) => { action: string }) | null = null;
  url = '';
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  isLoading(): boolean {
    return false;
  }
  isDestroyed(): boolean {
    return false;
  }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }): void {
    this.windowOpenHandler = h;
  }
  reload(): void {}
  /** Emit a navigation event the way Electron does; returns true when main.ts prevented it. */
  navigate(event: string, url: string): boolean {
    let prevented = false;
    this.emit(event, { url, preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export function createFakeElectron(opts: FakeOptions) {
  const paths: Record<string, string> = {
    appData: join(opts.home, '.config'),
    documents: join(opts.home, 'Documents'),
    home: opts.home,
  };
  const record = {
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, Handler>(),
    ipcListeners: new Map<string, Handler>(),
    windows: [] as FakeBrowserWindow[],
    menus: [] as unknown[],
    errorBoxes: [] as [string, string][],
    messageBoxes: [] as unknown[],
    recentDocuments: [] as string[],
    openedExternally: [] as string[],
    exitCode: null as number | null,
    quitCalled: false,
    sandboxEnabled: false,
    permissionRequest: null as null | ((wc: unknown, p: string, cb: (ok: boolean) => void, d: { requestingUrl: string }) => void),
    permissionCheck: null as null | ((wc: unknown, p: string, origin: string) => boolean),
    headersReceived: null as null | ((d: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders: Record<string, string[]> }) => void) => void),
    lastSaveDialog: null as unknown,
  };

  let readyResolve!: () => void;
  const ready = new Promise<void>((r) => (readyResolve = r));

  class FakeApp extends EventEmitter {
    isPackaged = opts.isPackaged ?? true;
    name = 'Electron';
    getPath(name: string): string {
      const p = paths[name];
      if (!p) throw new Error(`fake app.getPath: unknown ${name}`);
      return p;
    }
    setPath(name: string, value: string): void {
      paths[name] = value;
    }
    setName(n: string): void {
      this.name = n;
    }
    getName(): string {
      return this.name;
    }
    enableSandbox(): void {
      record.sandboxEnabled = true;
    }
    requestSingleInstanceLock(): boolean {
      return true;
    }
    whenReady(): Promise<void> {
      return ready;
    }
    quit(): void {
      record.quitCalled = true;
    }
    exit(code: number): void {
      record.exitCode = code;
    }
    addRecentDocument(p: string): void {
      record.recentDocuments.push(p);
    }
    clearRecentDocuments(): void {
      record.recentDocuments.length = 0;
    }
    setAboutPanelOptions(): void {}
  }
  const app = new FakeApp();

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows(): FakeBrowserWindow[] {
      return record.windows.filter((w) => !w.destroyed);
    }
    readonly webContents = new FakeWebContents();
    destroyed = false;
    maximized = false;
    bounds: { x: number; y: number; width: number; height: number };
    loadedUrl: string | null = null;
    constructor(readonly options: { x: number; y: number; width: number; height: number; webPreferences: Record<string, unknown> }) {
      super();
      this.bounds = { x: options.x, y: options.y, width: options.width, height: options.height };
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    async loadURL(url: string): Promise<void> {
      this.loadedUrl = url;
      this.webContents.url = url;
      this.emit('ready-to-show');
      this.webContents.emit('did-finish-load');
    }
    isDestroyed(): boolean {
      return this.destroyed;
    }
    maximize(): void {
      this.maximized = true;
    }
    isMaximized(): boolean {
      return this.maximized;
    }
    getNormalBounds() {
      return this.bounds;
    }
    isMinimized(): boolean {
      return false;
    }
    restore(): void {}
    show(): void {}
    focus(): void {}
    reload(): void {}
    /** Close like a user would: 'close', then 'closed'. */
    close(): void {
      this.emit('close', { preventDefault() {} });
      this.destroyed = true;
      this.emit('closed');
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => record.menus.push(m),
    },
    dialog: {
      showErrorBox: (title: string, content: string) => record.errorBoxes.push([title, content]),
      showMessageBox: async (...args: unknown[]) => {
        record.messageBoxes.push(args.at(-1));
        return { response: 0 };
      },
      showOpenDialog: async () => opts.openDialogResult ?? { canceled: true, filePaths: [] },
      showSaveDialog: async (...args: unknown[]) => {
        record.lastSaveDialog = args.at(-1);
        return opts.saveDialogResult ?? { canceled: true };
      },
    },
    ipcMain: {
      handle: (channel: string, h: Handler) => record.ipcHandlers.set(channel, h),
      on: (channel: string, h: Handler) => record.ipcListeners.set(channel, h),
    },
    nativeTheme: { shouldUseDarkColors: false },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => record.privilegedSchemes.push(...s),
      handle: (scheme: string, h: (req: Request) => Promise<Response>) => record.protocolHandlers.set(scheme, h),
    },
    screen: {
      getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: typeof record.permissionRequest) => (record.permissionRequest = h),
        setPermissionCheckHandler: (h: typeof record.permissionCheck) => (record.permissionCheck = h),
        setDevicePermissionHandler: () => {},
        webRequest: { onHeadersReceived: (h: typeof record.headersReceived) => (record.headersReceived = h) },
      },
    },
    shell: {
      openExternal: async (url: string) => {
        record.openedExternally.push(url);
      },
    },
  };
  return { electron, record, ready: () => readyResolve(), paths };
}

// ---- running the real bundle against the fake ---------------------------------------------

/**
 * A package layout like the real one in `dir`: dist/electron/main.cjs (bundled now from
 * electron/main.ts), a stand-in dist/renderer, and links to samples/ and node_modules/.
 */
export async function makeAppRoot(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const { ROOT, mainOptions, offloadWorkerOptions } = await import('../scripts/build-electron.mjs');
  const { cpSync, mkdirSync, symlinkSync, writeFileSync } = await import('node:fs');
  mkdirSync(join(dir, 'dist', 'renderer', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'renderer', 'index.html'), '<!doctype html><script type="module" src="./assets/app.js"></script>');
  writeFileSync(join(dir, 'dist', 'renderer', 'assets', 'app.js'), 'console.log(1)');
  symlinkSync(join(ROOT, 'samples'), join(dir, 'samples'));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  await build({ ...mainOptions(ROOT), outfile: join(dir, 'dist', 'electron', 'main.cjs'), sourcemap: false, logLevel: 'silent' });
  // checks and exports run in this worker (core/offload.ts)
  await build({ ...offloadWorkerOptions(ROOT), outfile: join(dir, 'dist', 'electron', 'offload-worker.cjs'), sourcemap: false, logLevel: 'silent' });
  return dir;
}

/**
 * require() the bundle with `electron` resolved to the fake and process.argv as given,
 * then let `ready` happen. Returns a function that undoes the hooks.
 */
export async function runMain(appRoot: string, fake: ReturnType<typeof createFakeElectron>, argv: string[], resourcesPath: string): Promise<() => void> {
  const { default: Module, createRequire } = await import('node:module');
  const M = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const originalLoad = M._load;
  const originalArgv = process.argv;
  Object.defineProperty(process, 'resourcesPath', { value: resourcesPath, configurable: true });
  process.argv = argv;
  M._load = function (this: unknown, request: string, ...rest: unknown[]) {
    if (request === 'electron') return fake.electron;
    return originalLoad.call(this, request, ...rest);
  };
  createRequire(import.meta.url)(join(appRoot, 'dist', 'electron', 'main.cjs'));
  fake.ready();
  return () => {
    M._load = originalLoad;
    process.argv = originalArgv;
  };
}
