/** Shared test fixtures: a service on a fresh temporary database file. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { openService, SAMPLE_FILE } from './context';
import type { JiaoduiService } from './service';

export const SAMPLE_BYTES = new Uint8Array(readFileSync(SAMPLE_FILE));
export const SAMPLE_TEXT = readFileSync(SAMPLE_FILE, 'utf8');

/**
 * A stand-in for the built user interface that `startServer` serves: `DIR/static/index.html`
 * plus `files` (paths relative to the root, e.g. 'assets/app.js'). Returns the root.
 */
export function writeStaticRoot(dir: string, files: Record<string, string> = {}): string {
  const root = join(dir, 'static');
  for (const [path, text] of Object.entries({ 'index.html': '<!doctype html><title>Jiaodui</title>', ...files })) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

export function tempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function freshService(): Promise<{ service: JiaoduiService; dbPath: string; dir: string; reopen: () => Promise<JiaoduiService>; cleanup: () => void }> {
  const { dir, cleanup } = tempDir();
  const dbPath = join(dir, 'jiaodui.db');
  let service = await openService(dbPath);
  return {
    service,
    dbPath,
    dir,
    reopen: async () => {
      service.db.close();
      service = await openService(dbPath);
      return service;
    },
    cleanup: () => {
      try {
        service.db.close();
      } catch {
        /* already closed */
      }
      cleanup();
    },
  };
}

export type FreshService = Awaited<ReturnType<typeof freshService>>;

/**
 * A service on a fresh database for every test of the calling file (registers beforeEach /
 * afterEach). `fresh.service` is the current service; `await fresh.reopen()` closes it and
 * opens the same file again, and `fresh.service` is then the reopened one.
 */
export function useFreshService() {
  let ctx: FreshService;
  let service: JiaoduiService;
  beforeEach(async () => {
    ctx = await freshService();
    service = ctx.service;
  });
  afterEach(() => ctx.cleanup());
  return {
    get service(): JiaoduiService {
      return service;
    },
    get dir(): string {
      return ctx.dir;
    },
    get dbPath(): string {
      return ctx.dbPath;
    },
    async reopen(): Promise<JiaoduiService> {
      service = await ctx.reopen();
      return service;
    },
  };
}

export function importSample(service: JiaoduiService, projectName = 'Samples') {
  return service.importBytes(SAMPLE_BYTES, { fileName: 'sample.txt', projectName });
}
