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
import { api, expect, MOD, ROOT, test } from './fixtures';

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

/** A reviewer's window: a fresh browser context opened at their one-time sign-in address (`prepare`: before it loads). */
async function reviewerWindow(browser: Browser, name: string, role: 'reviewer' | 'lead', title: string, prepare?: (page: Page) => Promise<unknown>): Promise<Page> {
  const added = JSON.parse(cli('users', 'add', name, '--role', role, '--format', 'json')) as { signInUrl: string };
  expect(added.signInUrl).toMatch(new RegExp(`^${origin}/#signin=`));
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  await prepare?.(page);
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

  // the new address an admin sends, pasted into the address bar of that same page (only the fragment
  // changes: no load): it signs in there, and the token leaves the address bar again
  const again = JSON.parse(cli('users', 'add', 'Bo2', '--role', 'reviewer', '--format', 'json')) as { signInUrl: string };
  await b.evaluate((hash) => (window.location.hash = hash), new URL(again.signInUrl).hash);
  await expect(b.getByTestId('session-ended')).toBeHidden();
  await expect(b.getByTestId('library').getByText('團隊測試').first()).toBeVisible();
  expect(new URL(b.url()).hash).toBe('');
});

/** The API methods a page calls, and the refusals (403) it gets. */
function watchCalls(page: Page): { calls: string[]; refused: string[] } {
  const seen = { calls: [] as string[], refused: [] as string[] };
  page.on('request', (r) => {
    const m = /\/api\/(\w+)$/.exec(new URL(r.url()).pathname);
    if (m) seen.calls.push(m[1]);
  });
  page.on('response', (r) => {
    const m = /\/api\/(\w+)$/.exec(new URL(r.url()).pathname);
    if (m && r.status() === 403) seen.refused.push(m[1]);
  });
  return seen;
}

async function runCommand(page: Page, query: string): Promise<void> {
  await page.keyboard.press(`${MOD}+k`);
  await page.getByTestId('palette-input').fill(query);
  await page.keyboard.press('Enter');
}

type Seg = { id: number; status: string; text: string };

test('the app offers a reviewer only what the role may: no Approve, Publish or glossary editing; a lead has them', async ({ browser }) => {
  const imported = JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Roles', '--title', '角色測試')) as { documentId: number };
  const rev = await reviewerWindow(browser, 'Rae', 'reviewer', '角色測試');
  const seen = watchCalls(rev);
  const segments = async (p: Page) => (await pageApi(p, 'getSegments', { documentId: imported.documentId })).body.value as Seg[];
  const toast = rev.getByTestId('toast');

  // Approve: the key does nothing but say who may (no setStatus sent, the row stays unreviewed)
  await rev.getByTestId('row-2').click();
  await rev.keyboard.press(`${MOD}+Enter`);
  await expect(toast.filter({ hasText: 'Only a lead can approve segments.' })).toBeVisible();
  expect(seen.calls).not.toContain('setStatus');
  expect((await segments(rev))[2].status).toBe('unreviewed');
  // Ctrl+Enter in the editor saves the correction as an edit, without approving, and says so
  await rev.keyboard.press('Enter');
  const editor = rev.getByTestId('edit-textarea');
  await editor.fill(`${await editor.inputValue()}戊`);
  await rev.keyboard.press(`${MOD}+Enter`);
  await expect(toast.filter({ hasText: 'Saved, not approved: only a lead can approve segments.' })).toBeVisible();
  await expect(editor).toHaveCount(0);
  expect((await segments(rev))[2]).toMatchObject({ status: 'edited', text: expect.stringContaining('戊') });
  // the palette lists Approve greyed with the reason, and Enter there runs nothing
  await rev.keyboard.press(`${MOD}+k`);
  await rev.getByTestId('palette-input').fill('approve segment');
  const approveItem = rev.getByTestId('palette-item-segment.approve');
  await expect(approveItem).toHaveAttribute('aria-disabled', 'true');
  await expect(approveItem).toContainText('Only a lead can approve segments.');
  await rev.keyboard.press('Enter');
  await expect(rev.getByTestId('palette')).toBeVisible();
  await rev.keyboard.press('Escape');
  expect(seen.calls).not.toContain('setStatus');

  // import is a lead's: the buttons are disabled and say who may
  await expect(rev.getByTestId('import-button')).toBeDisabled();
  await expect(rev.getByTestId('import-button')).toHaveAttribute('title', 'Only a lead can import documents.');

  // the document's details: read, not edited — read-only fields, no Save, and Enter in a field sends nothing
  await rev.getByTestId(`doc-${imported.documentId}`).getByRole('button', { name: /Edit details/ }).click();
  const details = rev.getByTestId('document-form');
  await expect(details.getByTestId('document-form-read-only')).toHaveText("Only a lead can change a document's details: you can read them.");
  await expect(details.getByLabel('Title')).toHaveValue('角色測試');
  await expect(details.getByLabel('Title')).not.toBeEditable();
  await expect(details.getByLabel('Source')).not.toBeEditable();
  await expect(details.getByRole('button', { name: 'Save' })).toHaveCount(0);
  await details.getByLabel('Title').press('Enter');
  await expect(details.getByRole('button', { name: 'Move to Trash' })).toBeDisabled();
  await details.getByRole('button', { name: 'Close' }).click();
  await expect(details).toHaveCount(0);
  expect(seen.calls).not.toContain('updateDocument');

  // the glossary: read and export only
  await rev.getByTestId('glossary-button').click();
  const glossary = rev.getByTestId('glossary-panel');
  await expect(glossary.getByTestId('glossary-read-only')).toHaveText('Only a lead can edit the glossary: you can read and export it.');
  await expect(glossary.getByTestId('glossary-add')).toHaveCount(0);
  await expect(glossary.getByTestId('glossary-import')).toHaveCount(0);
  await expect(glossary.getByTestId('glossary-export-csv')).toBeEnabled();

  // claims: no 'published' status, no ClaimReview export, and the editor says who may publish
  const claim = await pageApi(rev, 'createClaim', { segmentId: (await segments(rev))[1].id, start: 0, end: 4 });
  expect(claim.status).toBe(200);
  await rev.getByTestId('claims-button').click();
  const panel = rev.getByTestId('claims-panel');
  const row = panel.getByTestId('claim-row').first();
  await expect(row).toBeVisible();
  await expect(row.getByTestId('claim-status').locator('option[value="published"]')).toHaveCount(0);
  await expect(row.getByTestId('claim-status').locator('option[value="in-progress"]')).toHaveCount(1);
  await expect(panel.getByTestId('claims-export-claimreview')).toBeDisabled();
  await row.getByTestId('claim-edit').click();
  const claimEditor = row.getByTestId('claim-editor');
  await expect(claimEditor.getByTestId('claim-edit-status').locator('option[value="published"]')).toHaveCount(0);
  await expect(claimEditor.getByTestId('claim-publish-role')).toHaveText('Only a lead can publish claims.');
  // the screenshot: the notices closed, the editor's status field and its note in view
  const closeNotices = async () => {
    while ((await toast.count()) > 0) await toast.first().getByRole('button').click();
  };
  await closeNotices();
  await claimEditor.getByTestId('claim-publish-role').scrollIntoViewIfNeeded();
  await rev.screenshot({ path: 'docs/screenshots/team-reviewer-claims.png' });
  // the same in Traditional Chinese (a reviewer's language stays in this window)
  await runCommand(rev, 'language');
  await expect(claimEditor.getByTestId('claim-publish-role')).toHaveText('只有組長可以發布查核結果。');
  await expect(rev.getByTestId('import-button')).toHaveAttribute('title', '只有組長可以匯入文件。');
  await closeNotices();
  await claimEditor.getByTestId('claim-publish-role').scrollIntoViewIfNeeded();
  await rev.screenshot({ path: 'docs/screenshots/team-reviewer-claims-zh-Hant.png' });
  expect(seen.refused, 'the reviewer was offered nothing the server refused').toEqual([]);

  // a lead is offered all of it
  const lead = await reviewerWindow(browser, 'Lee', 'lead', '角色測試');
  await expect(lead.getByTestId('import-button')).toBeEnabled();
  await lead.getByTestId(`doc-${imported.documentId}`).getByRole('button', { name: /Edit details/ }).click();
  await expect(lead.getByTestId('document-form').getByLabel('Title')).toBeEditable();
  await expect(lead.getByTestId('document-form').getByRole('button', { name: 'Save' })).toBeEnabled();
  await expect(lead.getByTestId('document-form-read-only')).toHaveCount(0);
  await lead.getByTestId('document-form').getByRole('button', { name: 'Cancel' }).click();
  await lead.getByTestId('glossary-button').click();
  await expect(lead.getByTestId('glossary-add')).toBeVisible();
  await expect(lead.getByTestId('glossary-read-only')).toHaveCount(0);
  await lead.getByTestId('claims-button').click();
  const leadRow = lead.getByTestId('claims-panel').getByTestId('claim-row').first();
  await expect(leadRow.getByTestId('claim-status').locator('option[value="published"]')).toHaveCount(1);
  await expect(lead.getByTestId('claims-panel').getByTestId('claims-export-claimreview')).toBeEnabled();
  await leadRow.getByTestId('claim-verdict').selectOption('true'); // a claim is published with a verdict
  await expect.poll(async () => ((await pageApi(lead, 'listClaims', { documentId: imported.documentId })).body.value as { verdict: string }[])[0]?.verdict).toBe('true');
  await leadRow.getByTestId('claim-status').selectOption('published');
  await expect.poll(async () => ((await pageApi(lead, 'listClaims', { documentId: imported.documentId })).body.value as { status: string }[])[0]?.status).toBe('published');
  // the reviewer's menu now holds the stored 'published' (the change feed brought it)
  await expect(rev.getByTestId('claims-panel').getByTestId('claim-row').first().getByTestId('claim-status')).toHaveValue('published');
  // the lead's Ctrl+Enter approves
  await lead.getByTestId('row-2').click();
  await lead.keyboard.press(`${MOD}+Enter`);
  await expect.poll(async () => (await segments(lead))[2].status).toBe('approved');
});

test('a 403 that still happens (the page believes it may) shows the server message and keeps the edit', async ({ browser }) => {
  const imported = JSON.parse(cli('import', join(ROOT, 'samples', 'sensetime-2023-results-call.zh-Hant.txt'), '--project', 'Stale', '--title', '過期角色')) as { documentId: number };
  // the page read its role when the reviewer was a lead (whoAmI answered 'lead'); the server now says reviewer
  const page = await reviewerWindow(browser, 'Sam', 'reviewer', '過期角色', (p) =>
    p.route('**/api/whoAmI', async (route) => {
      const response = await route.fetch();
      const body = (await response.json()) as { value: { account: { role: string } } };
      body.value.account.role = 'lead';
      await route.fulfill({ response, json: body });
    }),
  );
  await expect(page.getByTestId('import-button')).toBeEnabled(); // it believes it is a lead
  await page.getByTestId('row-3').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  const text = `${await editor.inputValue()}己`;
  await editor.fill(text);
  await page.keyboard.press(`${MOD}+Enter`); // save and approve in one: refused by the server
  await expect(page.getByTestId('error-toast')).toContainText('Sam is a reviewer; "edit segment" needs the lead role. Ask a team admin.');
  await expect(editor).toHaveValue(text);
  // the edit is still there to save as what the role allows
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('save-state')).toContainText('Saved');
  const segs = (await pageApi(page, 'getSegments', { documentId: imported.documentId })).body.value as Seg[];
  expect(segs[3]).toMatchObject({ text, status: 'edited' });
});

test("local use: after a reload the window does not list its own reviewer as also open", async ({ app: page, server }) => {
  const { author } = await api<{ author: string }>(server, 'getSettings');
  const documentId = Number(await page.evaluate(() => localStorage.getItem('jiaodui.lastDocument')));
  expect(documentId).toBeGreaterThan(0);
  // this load's heartbeat with its document has reached the server (another caller sees it)
  await expect.poll(async () => (await api<{ reviewer: string; documentId: number }[]>(server, 'presence', { documentId: null })).some((e) => e.documentId === documentId)).toBe(true);
  const beat = page.waitForResponse(async (r) => r.url().endsWith('/api/presence') && (JSON.parse(r.request().postData() ?? '{}') as { documentId: number | null }).documentId === documentId);
  await page.reload();
  const answer = (await (await beat).json()) as { value: { reviewer: string; documentId: number }[] };
  // the server still lists the page before the reload (another per-load id, same reviewer) ...
  expect(answer.value).toContainEqual(expect.objectContaining({ reviewer: author, documentId }));
  // ... and the window shows neither "Also open: <me>" nor a library mark (two frames: the answer is drawn)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await expect(page.getByTestId('grid')).toBeVisible();
  await expect(page.getByTestId('doc-presence')).toHaveCount(0);
  await expect(page.getByTestId(`doc-presence-${documentId}`)).toHaveCount(0);
});
