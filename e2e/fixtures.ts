/**
 * A worker-scoped `jiaodui serve` on a fresh temporary database. It builds nothing:
 * dist/renderer must exist (npx vite build --config renderer/vite.config.ts).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { SERVE_URL, spawnScript, type ScriptProcess } from '../core/testing/spawn-script';

export const ROOT = resolve(import.meta.dirname, '..');
const DIST_INDEX = join(ROOT, 'dist', 'renderer', 'index.html');

export interface JiaoduiServer {
  /** the printed address, with #token=… */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  token: string;
  dbPath: string;
}

async function startServer(): Promise<{ server: JiaoduiServer; child: ScriptProcess; dir: string }> {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(`The renderer is not built: ${DIST_INDEX} is missing. Run 'npx vite build --config renderer/vite.config.ts' before 'npx playwright test'.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-e2e-'));
  const dbPath = join(dir, 'jiaodui.db');
  const child = spawnScript(join(ROOT, 'bin', 'jiaodui.mjs'), ['--db', dbPath, 'serve', '--no-open'], { cwd: ROOT, env: { ...process.env, JIAODUI_DB: dbPath } });
  const url = (await child.waitFor(SERVE_URL)).at(0)!;
  const u = new URL(url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(u.hash)![1]);
  return { server: { url, origin: u.origin, port: Number(u.port), token, dbPath }, child, dir };
}

export const test = base.extend<{ app: Page }, { server: JiaoduiServer }>({
  server: [
    // Playwright reads the fixtures a function needs from its destructured first parameter: `{}` = none
    async ({}, use) => {
      const { server, child, dir } = await startServer();
      try {
        await use(server);
      } finally {
        await child.stop(5000);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  /** A page opened at the server's URL with the review screen showing. */
  app: async ({ page, server }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Chromium reports every CSP refusal on the console ("Refused to apply inline style …"):
    // the stricter policy (no 'unsafe-inline' styles) must cost the app nothing.
    const csp: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) csp.push(m.text());
    });
    await page.goto(server.url);
    await expect(page.getByTestId('grid')).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
    expect(csp, 'Content Security Policy violations in the page').toEqual([]);
  },
});

export { expect };

/** Call the API like the UI does (tests use it to set up and inspect). */
export async function api<T>(server: JiaoduiServer, method: string, args: unknown = {}): Promise<T> {
  const res = await fetch(`${server.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` },
    body: JSON.stringify(args),
  });
  const body = (await res.json()) as { ok: boolean; value?: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
  return body.value as T;
}

/** How many grid rows are in the DOM right now (header row excluded). */
export async function renderedRows(page: Page): Promise<number> {
  return page.locator('[data-testid="grid-body"] [role="row"]').count();
}

/** Record the largest number of grid rows ever present in the DOM from now on. */
export async function watchRowCount(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __maxRows: number };
    w.__maxRows = 0;
    const count = () => {
      const n = document.querySelectorAll('[data-testid="grid-body"] [role="row"]').length;
      if (n > w.__maxRows) w.__maxRows = n;
    };
    count();
    new MutationObserver(count).observe(document.body, { childList: true, subtree: true });
  });
}

export async function maxRowCount(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __maxRows: number }).__maxRows);
}

/** The app's Ctrl/Cmd modifier: Chromium on Linux, so Control. */
export const MOD = 'Control';

/** Run a command by its label from the command palette (Ctrl+K), and see the palette close. */
export async function runCommand(page: Page, label: string): Promise<void> {
  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.keyboard.type(label);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('palette')).toHaveCount(0);
}

/**
 * Hold back a lazily loaded chunk (lazy.tsx) matching `glob` until `release()`: what a slow
 * network does to code that arrives after the first screen. `asked()` says whether the page
 * has asked for it yet.
 */
export async function holdChunk(page: Page, glob: string): Promise<{ release: () => void; asked: () => boolean }> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  await page.route(glob, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  return { release, asked: () => asked };
}

/** Load the app with `documentId` as the last document, so it opens at start; returns once its grid shows. */
export async function openDocument(page: Page, server: JiaoduiServer, documentId: number): Promise<void> {
  await page.addInitScript((id) => localStorage.setItem('jiaodui.lastDocument', String(id)), documentId);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();
}

/** From the next load on, every toast the page shows is recorded (a notice fades after 4 s: a slow start may outlast it); read with `toastsSeen`. */
export async function recordToasts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { toastsSeen: string[] }).toastsSeen = seen;
    new MutationObserver(() => {
      for (const t of document.querySelectorAll('[data-testid="toast"]')) if (!seen.includes(t.textContent ?? '')) seen.push(t.textContent ?? '');
    }).observe(document, { childList: true, subtree: true });
  });
}

/** The toasts recorded since `recordToasts`, in order. */
export const toastsSeen = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { toastsSeen?: string[] }).toastsSeen ?? []);
