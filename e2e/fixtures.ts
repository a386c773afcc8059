/**
 * A worker-scoped `jiaodui serve` on a fresh temporary database. It builds nothing:
 * dist/renderer must exist (npx vite build --config renderer/vite.config.ts).
 *
 * One server, left as found. Every spec of a worker shares that server (the sample in project
 * "Samples", imported at its first start), so a test must leave it as it found it: the same live
 * documents (none added, none trashed, none renamed or moved), the same project names, the same
 * reviewer settings (author, UI language) and no team server connection of its own. The app opens
 * the newest document at start and shows every connection in the library: a leftover changes what
 * unrelated specs see. The auto fixture `leftAsFound` holds it: it reads that state before each
 * test and again after the test and its afterEach hooks, and fails the test naming what was left
 * (a failed test ends its worker: the next test gets a new server). Changes made between tests —
 * a beforeAll or afterAll hook — are reported by the next test. How to leave nothing behind:
 * import through `importOwn` (trashed when the test ends, pass or fail), or `own(id)` a document
 * made otherwise (the UI, the CLI); put the language back in an afterEach; end connections with
 * `disconnectTeams(server)` in an afterEach. Projects a test made are deleted after it (with the
 * Trash emptied first: `deleteProjectsMadeSince`).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { SERVE_URL, spawnScript, type ScriptProcess } from '../core/testing/spawn-script';
import { HTTP_CONNECTIONS_PATH, type ConnectionInfo } from '../shared/contract/remote';
import type { DocumentMeta, ImportResult, Project, Settings } from '../shared/domain/schemas';
import { sharedStateChanges, type SharedState } from './shared-state';

export { sharedStateChanges, type SharedState };

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

export async function readSharedState(server: JiaoduiServer): Promise<SharedState> {
  const [documents, projects, settings, connections] = await Promise.all([
    api<DocumentMeta[]>(server, 'listDocuments', {}),
    api<Project[]>(server, 'listProjects', {}),
    api<Settings>(server, 'getSettings', {}),
    listConnections(server),
  ]);
  return {
    documents: new Map(documents.filter((d) => d.trashedAt === null).map((d) => [d.id, `"${d.title}" in project "${d.projectName}" (#${d.projectId})`])),
    projects: new Map(projects.map((p) => [p.id, p.name])),
    settings,
    connections: new Map(connections.map((c) => [c.id, c.origin])),
  };
}

/** This worker's server once started, with its state then; documents the running test owns (trashed when it ends). */
let running: { server: JiaoduiServer; atStart: SharedState } | null = null;
/** The state after the last test that ran on the server, and where it was. */
let lastSeen: { state: SharedState; what: string } | null = null;
const owned = new Set<number>();
/** The state the running test found (null: the server started during it; then `running.atStart`). */
let testBaseline: SharedState | null = null;

/** Mark a document (made through the UI or the CLI) as the running test's: it is trashed when the test ends, pass or fail. */
export function own(documentId: number): void {
  owned.add(documentId);
}

/** Own every live document added since the running test began (after an import through the UI). */
export async function ownNew(server: JiaoduiServer): Promise<void> {
  const base = testBaseline ?? running?.atStart;
  if (!base) throw new Error('ownNew: the shared server is not running');
  for (const id of (await readSharedState(server)).documents.keys()) if (!base.documents.has(id)) own(id);
}

/** Import a document the running test owns (api 'importDocument'; trashed when the test ends, pass or fail). */
export async function importOwn(server: JiaoduiServer, args: Record<string, unknown>): Promise<ImportResult> {
  const r = await api<ImportResult>(server, 'importDocument', args);
  own(r.documentId);
  return r;
}

export async function listConnections(server: JiaoduiServer): Promise<ConnectionInfo[]> {
  const res = await fetch(`${server.origin}${HTTP_CONNECTIONS_PATH}`, { headers: { Authorization: `Bearer ${server.token}` } });
  const body = (await res.json()) as { ok: boolean; value?: ConnectionInfo[]; error?: { message: string } };
  if (!body.ok) throw new Error(`connections: ${body.error?.message}`);
  return body.value!;
}

/**
 * Delete the projects `now` holds that `before` did not (made by the test or its hooks), so that the
 * library the next specs and their screenshots show holds only what they made: the Trash is emptied
 * first (it holds only tests' leftovers), then each such project goes if it is empty (one still
 * holding a live document stays, and the check after names that document). Returns whether any was made.
 */
async function deleteProjectsMadeSince(server: JiaoduiServer, before: SharedState, now: SharedState): Promise<boolean> {
  const made = [...now.projects.keys()].filter((id) => !before.projects.has(id));
  if (!made.length) return false;
  await api(server, 'emptyTrash', {});
  for (const projectId of made) {
    await api(server, 'deleteProject', { projectId }).catch((e: unknown) => {
      // a project still holding a live document is the check's to name; any other failure is deleteProject's
      if (!/still holds documents/.test(String(e))) throw e;
    });
  }
  return true;
}

/** End every team server connection the local server holds (an afterEach of the specs that connect). */
export async function disconnectTeams(server: JiaoduiServer): Promise<void> {
  for (const c of await listConnections(server)) {
    const res = await fetch(`${server.origin}${HTTP_CONNECTIONS_PATH}/${c.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${server.token}` } });
    if (!res.ok) throw new Error(`disconnecting ${c.origin}: HTTP ${res.status}`);
  }
}

const LEFT_HINT = 'The specs share one server (e2e/fixtures.ts, "One server, left as found"): import with importOwn or own(id), put settings back and disconnectTeams in an afterEach.';

export const test = base.extend<{ app: Page; leftAsFound: void }, { server: JiaoduiServer }>({
  server: [
    // Playwright reads the fixtures a function needs from its destructured first parameter: `{}` = none
    async ({}, use) => {
      const { server, child, dir } = await startServer();
      running = { server, atStart: await readSharedState(server) };
      lastSeen = { state: running.atStart, what: 'the server started' };
      try {
        await use(server);
      } finally {
        running = null;
        await child.stop(5000);
        rmSync(dir, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  /**
   * Every test leaves the shared server as it found it (the top of this file). It does not ask for
   * `server` (a spec without it starts none): it looks only when the server is running.
   */
  leftAsFound: [
    async ({}, use, testInfo) => {
      owned.clear();
      const before = running ? await readSharedState(running.server) : null;
      testBaseline = before;
      const previous = lastSeen;
      lastSeen = null;
      if (before && previous) {
        const between = sharedStateChanges(previous.state, before);
        if (between.length > 0) {
          throw new Error(`The shared server was changed after ${previous.what} and before this test (a beforeAll or afterAll hook?):\n  - ${between.join('\n  - ')}\n${LEFT_HINT}`);
        }
      }
      await use();
      if (!running) return;
      const server = running.server;
      for (const id of owned) await api(server, 'trashDocument', { documentId: id }).catch(() => undefined);
      owned.clear();
      const base = before ?? running.atStart;
      let after = await readSharedState(server);
      if (await deleteProjectsMadeSince(server, base, after)) after = await readSharedState(server);
      const left = sharedStateChanges(base, after);
      lastSeen = { state: after, what: `"${testInfo.title}" (${basename(testInfo.file)})` };
      if (left.length > 0) throw new Error(`This test left the shared server changed:\n  - ${left.join('\n  - ')}\n${LEFT_HINT}`);
    },
    { auto: true },
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
