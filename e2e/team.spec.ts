/**
 * Issue 19 in the app: a team server (`jiaodui serve --team`) with two reviewers, each in their
 * own browser context signed in with their own one-time address. A's correction appears in B's
 * grid; B sees A in the document header (presence); both edit one segment → B gets the conflict
 * view; a reviewer cannot publish a claim (403), a lead can.
 */
import type { Browser, Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnScript, type ScriptProcess } from '../core/testing/spawn-script';
import { expect, ROOT, test } from './fixtures';

const BIN = join(ROOT, 'bin', 'jiaodui.mjs');
let dir = '';
let dbPath = '';
let child: ScriptProcess | null = null;
let origin = '';

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, '--db', dbPath, ...args], { encoding: 'utf8', env: { ...process.env, JIAODUI_DB: dbPath } });
  if (r.status !== 0) throw new Error(`jiaodui ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'jiaodui-team-e2e-'));
  dbPath = join(dir, 'team.db');
  child = spawnScript(BIN, ['--db', dbPath, 'serve', '--team', '--listen', '127.0.0.1:0'], { cwd: ROOT, env: { ...process.env, JIAODUI_DB: dbPath } });
  origin = (await child.waitFor(/^http:\/\/127\.0\.0\.1:\d+\/$/m))[0].replace(/\/$/, '');
});

test.afterAll(async () => {
  await child?.stop(5000);
  rmSync(dir, { recursive: true, force: true });
});

/** A reviewer's window: a fresh browser context opened at their one-time sign-in address. */
async function reviewerWindow(browser: Browser, name: string, role: 'reviewer' | 'lead', title: string): Promise<Page> {
  const added = JSON.parse(cli('users', 'add', name, '--role', role, '--format', 'json')) as { signInUrl: string };
  expect(added.signInUrl).toMatch(new RegExp(`^${origin}/#signin=`));
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await page.goto(added.signInUrl);
  await page.getByTestId('library').getByText(title).first().click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', new RegExp(title));
  expect(new URL(page.url()).hash).toBe(''); // the token left the address bar
  return page;
}

/** Call the API from the page, with its session cookie (what a script in the page could do). */
function pageApi(page: Page, method: string, args: unknown): Promise<{ status: number; body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } }> {
  return page.evaluate(
    async ([m, a]) => {
      const res = await fetch(`/api/${m}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(a) });
      return { status: res.status, body: await res.json() };
    },
    [method, args] as const,
  );
}

test('two reviewers on one team project: live corrections, presence, the conflict view, roles', async ({ browser }) => {
  const imported = JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Team', '--title', '團隊測試')) as { documentId: number };
  const a = await reviewerWindow(browser, 'Ann', 'lead', '團隊測試');
  const b = await reviewerWindow(browser, 'Bo', 'reviewer', '團隊測試');

  // the status bar names the signed-in account, not the server's Settings author
  await expect(b.getByTestId('author')).toContainText('Bo');
  // presence: each sees the other in the document header and the library
  await expect(b.getByTestId('doc-presence')).toHaveText('Also open: Ann');
  await expect(a.getByTestId('doc-presence')).toHaveText('Also open: Bo', { timeout: 20_000 });
  await expect(b.getByTestId(`doc-presence-${imported.documentId}`)).toHaveText('Open: Ann');

  // A's correction appears in B's grid (the change feed over the session cookie)
  const row = (p: Page) => p.getByTestId('row-1');
  const original = (await row(b).innerText()).split('\n')[0];
  await row(a).click();
  await a.keyboard.press('Enter');
  const editorA = a.getByTestId('edit-textarea');
  const textA = `${await editorA.inputValue()}甲`;
  await editorA.fill(textA);
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('save-state')).toContainText('Saved');
  await expect(row(b)).toContainText('甲', { timeout: 5_000 });
  expect(original).not.toContain('甲');

  // both edit one segment: B opens its editor, A saves first, B's save shows the conflict view
  await row(b).click();
  await b.keyboard.press('Enter');
  await expect(b.getByTestId('edit-textarea')).toBeFocused();
  await row(a).click();
  await a.keyboard.press('Enter');
  await a.getByTestId('edit-textarea').fill(`${textA}乙`);
  await a.keyboard.press('Enter');
  await expect(a.getByTestId('save-state')).toContainText('Saved');
  await b.getByTestId('edit-textarea').fill(`${textA}丙`);
  await b.keyboard.press('Enter');
  const dialog = b.getByTestId('conflict-dialog');
  await expect(dialog).toBeVisible();
  await expect(b.getByTestId('conflict-theirs').locator('ins')).toHaveText('乙');
  await b.screenshot({ path: 'test-results/team-conflict.png' });
  await dialog.getByRole('button', { name: 'Keep theirs' }).click();
  await expect(dialog).toHaveCount(0);

  // who wrote what: the history names the accounts
  const segments = (await pageApi(b, 'getSegments', { documentId: imported.documentId })).body.value as { id: number }[];
  const history = (await pageApi(b, 'segmentHistory', { segmentId: segments[1].id })).body.value as { field: string; author: string }[];
  expect(history.filter((h) => h.field === 'zh').map((h) => h.author)).toEqual(['Ann', 'Ann']);

  // a reviewer cannot publish a claim (status published); a lead can
  const claim = await pageApi(b, 'createClaim', { segmentId: segments[1].id, start: 0, end: 2 });
  expect(claim.status).toBe(200);
  const claimId = (claim.body.value as { id: number }).id;
  const refused = await pageApi(b, 'updateClaim', { claimId, status: 'published', verdict: 'true' });
  expect(refused.status).toBe(403);
  expect(refused.body.error?.message).toContain('Bo is a reviewer; "update claim" needs the lead role');
  const published = await pageApi(a, 'updateClaim', { claimId, status: 'published', verdict: 'true' });
  expect(published.status).toBe(200);
  expect(published.body.value).toMatchObject({ status: 'published' });
  await a.screenshot({ path: 'test-results/team-lead.png' });

  // revoked: B's session is gone (a reload asks the server), and the screen says how to come back to a
  // team server (a new sign-in address from an admin), not to restart a local `jiaodui serve`
  cli('users', 'revoke', 'Bo');
  await b.reload();
  await expect(b.getByTestId('session-ended')).toBeVisible();
  await expect(b.getByTestId('session-how-team')).toContainText('#signin=');
});
