/**
 * A worker-scoped `jiaodui serve` on a fresh temporary database. It builds nothing:
 * dist/renderer must exist (npx vite build --config renderer/vite.config.ts).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

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

async function startServer(): Promise<{ server: JiaoduiServer; child: ChildProcess; dir: string }> {
  if (!existsSync(DIST_INDEX)) {
    throw new Error(`The renderer is not built: ${DIST_INDEX} is missing. Run 'npx vite build --config renderer/vite.config.ts' before 'npx playwright test'.`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-e2e-'));
  const dbPath = join(dir, 'jiaodui.db');
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'jiaodui.mjs'), '--db', dbPath, 'serve'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, JIAODUI_DB: dbPath },
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`jiaodui serve printed no URL within 30 s. stderr: ${stderr}`)), 30_000);
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/#token=\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolveUrl(m[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`jiaodui serve exited with ${code} before printing its URL. stderr: ${stderr}`));
    });
  });
  const u = new URL(url);
  const token = decodeURIComponent(/token=([^&]+)/.exec(u.hash)![1]);
  return { server: { url, origin: u.origin, port: Number(u.port), token, dbPath }, child, dir };
}

export const test = base.extend<{ app: Page }, { server: JiaoduiServer }>({
  server: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const { server, child, dir } = await startServer();
      try {
        await use(server);
      } finally {
        const exited = new Promise<void>((r) => (child.exitCode !== null ? r() : child.once('exit', () => r())));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
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
