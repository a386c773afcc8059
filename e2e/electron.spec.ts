/**
 * The desktop app end to end, through Playwright's Electron driver: the same review flow
 * as browser.spec.ts (sample on first start, correct 王震 → 王征 in the grid, see the
 * diff, restart, the correction persisted, export contains it), plus the security
 * settings checked at run time. Each test gets a fresh profile (--user-data-dir) and
 * database (--db). Native dialogs are stubbed in the main process.
 *
 * Needs Electron's binary (node_modules/electron/dist), better-sqlite3 built for Electron
 * (node scripts/build-electron-native.mjs), the renderer build (dist/renderer) and, on
 * Linux without a desktop, a display (xvfb-run npx playwright test e2e/electron.spec.ts).
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { electronBinaryStatus } from '../scripts/electron-binary.mjs';
import { buildElectron } from '../scripts/build-electron.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const binary = electronBinaryStatus();
const binaryPresent = binary.present;
const NATIVE = join(ROOT, 'build', 'electron', 'better_sqlite3.node');
const APP_ORIGIN = 'jiaodui://app/';
const MOD = process.platform === 'darwin' ? 'Meta' : 'Control';

test.skip(
  !binaryPresent,
  'Electron binary not installed (node_modules/electron/dist missing — no network to download it); run `node node_modules/electron/install.js` where there is network',
);
test.describe.configure({ mode: 'serial' });

interface Profile {
  dir: string;
  userData: string;
  db: string;
}

function newProfile(): Profile {
  const dir = mkdtempSync(join(tmpdir(), 'jiaodui-electron-e2e-'));
  return { dir, userData: join(dir, 'profile'), db: join(dir, 'jiaodui.db') };
}

async function launch(p: Profile): Promise<{ app: ElectronApplication; page: Page; errors: string[] }> {
  const args = [join(ROOT, 'dist', 'electron', 'main.cjs'), '--db', p.db, `--user-data-dir=${p.userData}`];
  // Chromium refuses to run as root with its OS sandbox (CI containers); the renderer
  // sandbox asserted below is Electron's JavaScript sandbox and stays on.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'ELECTRON_RUN_AS_NODE') env[k] = v;
  const app = await electron.launch({ executablePath: binary.present ? binary.executablePath : undefined, args, cwd: ROOT, env, timeout: 60_000 });
  const page = await app.firstWindow();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await expect(page.getByTestId('grid')).toBeVisible({ timeout: 30_000 });
  return { app, page, errors };
}

test.beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'renderer', 'index.html'))) {
    throw new Error("The renderer is not built: run 'npx vite build --config renderer/vite.config.ts' first.");
  }
  test.skip(!existsSync(NATIVE), 'better-sqlite3 is not built for Electron: run `node scripts/build-electron-native.mjs` (needs network once)');
  await buildElectron();
});

function selectedRow(page: Page) {
  return page.locator('[data-testid="grid-body"] [role="row"][aria-selected="true"]');
}

test('review flow: sample on first start, correct 王震 → 王征, restart, still there, export', async () => {
  test.setTimeout(180_000);
  const profile = newProfile();
  try {
    let { app, page, errors } = await launch(profile);
    expect(page.url()).toMatch(new RegExp(`^${APP_ORIGIN}`));
    // First start imported the sample.
    await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);

    // Find the wrong name and correct it in the grid.
    await page.keyboard.press(`${MOD}+f`);
    await expect(page.getByTestId('search-input')).toBeFocused();
    await page.keyboard.type('王震');
    await expect(page.getByTestId('search-hit-0')).toContainText('王震');
    await page.keyboard.press('Enter');
    const row = selectedRow(page);
    await expect(row).toContainText('王震');
    const testId = (await row.getAttribute('data-testid'))!;
    await page.keyboard.press('Enter');
    const editor = page.getByTestId('edit-textarea');
    await expect(editor).toBeFocused();
    await editor.fill((await editor.inputValue()).replace('王震', '王征'));
    await page.keyboard.press('Enter');
    const edited = page.getByTestId(testId);
    await expect(edited).toHaveAttribute('data-status', 'edited');
    // The diff.
    await expect(edited.locator('ins')).toHaveText('征');
    await expect(edited.locator('del')).toHaveText('震');
    expect(errors).toEqual([]);
    await app.close();

    // Restart on the same profile and database: the correction persisted.
    ({ app, page, errors } = await launch(profile));
    await page.keyboard.press(`${MOD}+f`);
    await page.keyboard.type('王征');
    await expect(page.getByTestId('search-hit-0')).toContainText('王征');
    await page.keyboard.press('Enter');
    await expect(selectedRow(page)).toHaveAttribute('data-testid', testId);
    await expect(page.getByTestId(testId)).toHaveAttribute('data-status', 'edited');
    await expect(page.getByTestId(testId).locator('ins')).toHaveText('征');

    // Export through the UI; the native save dialog is stubbed to a temporary path.
    const exportPath = join(profile.dir, 'export.zh-Hant.txt');
    await app.evaluate(({ dialog }, path) => {
      dialog.showSaveDialog = (async () => ({ canceled: false, filePath: path })) as typeof dialog.showSaveDialog;
    }, exportPath);
    await page.keyboard.press(`${MOD}+e`);
    const dialog = page.getByTestId('export-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByTestId('export-hant').check();
    await dialog.getByTestId('export-submit').click();
    await expect.poll(() => existsSync(exportPath)).toBe(true);
    const text = readFileSync(exportPath, 'utf8');
    expect(text).toContain('王征');
    expect(text).not.toContain('王震');
    expect(errors).toEqual([]);
    await app.close();
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
});

test('security at run time: isolation, sandbox, no Node in the page, navigation and new windows blocked', async () => {
  test.setTimeout(120_000);
  const profile = newProfile();
  try {
    const { app, page } = await launch(profile);

    // The page has no Node and no Electron; only the two bridges.
    const globals = await page.evaluate(() => {
      const w = window as unknown as Record<string, unknown>;
      return {
        require: typeof w.require,
        process: typeof w.process,
        module: typeof w.module,
        ipcRenderer: typeof w.ipcRenderer,
        api: typeof (w.jiaodui as Record<string, unknown> | undefined)?.getInfo,
        shell: Object.keys((w.jiaoduiShell as object | undefined) ?? {}).sort(),
      };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', ipcRenderer: 'undefined', api: 'function', shell: ['onCommand', 'openFiles', 'platform', 'saveFile'] });

    // contextIsolation and sandbox, as the preload's own world reports them (world 999
    // exists only with context isolation).
    const flags = await app.evaluate(async ({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0].webContents;
      return wc.executeJavaScriptInIsolatedWorld(999, [{ code: 'JSON.stringify({ isolated: process.contextIsolated, sandboxed: process.sandboxed })' }]);
    });
    expect(JSON.parse(flags as string)).toEqual({ isolated: true, sandboxed: true });

    // The API works through the preload, on the database given by --db.
    const info = await page.evaluate(() => (window as unknown as { jiaodui: { getInfo(): Promise<{ dbPath: string }> } }).jiaodui.getInfo());
    expect(info.dbPath).toBe(profile.db);

    // The CSP is in force: no eval.
    expect(await page.evaluate(() => {
      try {
        return String((0, eval)('1 + 1'));
      } catch {
        return 'blocked';
      }
    })).toBe('blocked');

    // Navigation away from the app is refused (a link, a dropped file).
    const appUrl = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://example.com/';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(appUrl);
    await page.evaluate(() => {
      window.location.href = 'file:///etc/hosts';
    });
    await page.waitForTimeout(1000);
    expect(page.url()).toBe(appUrl);
    await expect(page.getByTestId('grid')).toBeVisible();

    // window.open never opens a window; an http(s) link goes to the system browser
    // (stubbed here), anything else nowhere.
    await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      shell.openExternal = (async (url: string) => {
        opened.push(url);
      }) as typeof shell.openExternal;
    });
    const results = await page.evaluate(() => [window.open('https://example.com/docs') === null, window.open('file:///etc/passwd') === null]);
    expect(results).toEqual([true, true]);
    expect(app.windows()).toHaveLength(1);
    expect(await app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened)).toEqual(['https://example.com/docs']);

    await app.close();
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
});

/** The API as the page sees it under Electron (the preload's typed client). */
function call<T>(page: Page, method: string, args: unknown): Promise<T> {
  return page.evaluate(([m, a]) => (window as unknown as { jiaodui: Record<string, (x: unknown) => Promise<unknown>> }).jiaodui[m as string](a), [method, args] as const) as Promise<T>;
}

test('review workflow in the desktop app: glossary apply and undo, findings fix-all, keyboard approval', async () => {
  test.setTimeout(180_000);
  const profile = newProfile();
  try {
    const { app, page, errors } = await launch(profile);
    const docs = await call<{ id: number; projectId: number }[]>(page, 'listDocuments', {});
    const documentId = docs[0].id;
    const segs = await call<{ id: number; index: number; text: string }[]>(page, 'getSegments', { documentId });
    const wrong = segs.filter((s) => s.text.includes('王震') || s.text.includes('王徵'));
    expect(wrong).toHaveLength(2);

    // Glossary: 王征 with its wrong variants, applied as one step, undone as one step.
    await page.getByTestId('glossary-button').click();
    const panel = page.getByTestId('glossary-panel');
    await panel.getByTestId('glossary-add').click();
    await panel.getByTestId('glossary-term').fill('王征');
    await panel.getByTestId('glossary-variants').fill('王震, 王徵');
    await panel.getByTestId('glossary-save').click();
    await panel.getByTestId('glossary-preview').click();
    const dialog = page.getByTestId('glossary-preview-dialog');
    await expect(dialog.getByTestId('glossary-change')).toHaveCount(2);
    await dialog.getByTestId('glossary-apply').click();
    await expect(page.getByTestId('undo-label')).toContainText('Apply glossary to 2 segments');
    for (const s of wrong) await expect(page.getByTestId(`row-${s.index}`)).toContainText('王征');
    await page.getByTestId(`row-${wrong[0].index}`).focus();
    await page.keyboard.press(`${MOD}+z`);
    await expect(page.getByTestId('undo-label')).not.toContainText('Apply glossary');
    const back = await call<{ text: string }[]>(page, 'getSegments', { documentId });
    expect(back.filter((s) => s.text.includes('王征'))).toHaveLength(0);
    await page.getByTestId('glossary-button').click();

    // Findings: the name group, fixed in one click.
    await page.keyboard.press(`${MOD}+Shift+F`);
    const group = page.getByTestId('findings-panel').locator('[data-testid="finding"][data-rule="entity-consistency"]').filter({ hasText: '王震' });
    await expect(group).toHaveCount(1);
    await group.getByTestId('fix-all').click();
    await expect(group).toHaveCount(0);
    const fixed = await call<{ text: string }[]>(page, 'getSegments', { documentId });
    expect(fixed.filter((s) => s.text.includes('王征'))).toHaveLength(2);

    // Keyboard-only approval moves the progress bar.
    await page.getByTestId('row-4').focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press(`${MOD}+Enter`);
    await expect(page.getByTestId('progress-approved')).toContainText('3 approved');
    expect(errors).toEqual([]);
    await app.close();
  } finally {
    rmSync(profile.dir, { recursive: true, force: true });
  }
});
