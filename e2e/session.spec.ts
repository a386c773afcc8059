/**
 * Browser mode's sign-in (issue 17): the printed address's token becomes an HTTP-only session
 * cookie, a reload keeps working, and without a session — a stale token, none, or a 401 while
 * the app is open — one full screen says so, keeping an unsaved edit.
 * Screenshots: docs/screenshots/session-ended.png and session-ended-zh-Hant.png (with a kept edit).
 */
import { join } from 'node:path';
import type { DocumentMeta, Segment } from '../shared/domain/schemas';
import type { Page } from '@playwright/test';
import { api, expect, ROOT, test, type JiaoduiServer } from './fixtures';

const OUT = join(ROOT, 'docs', 'screenshots');
const STALE = `#token=${'s'.repeat(32)}`;

/** Open the sample from the library (other specs sharing this worker's server may have imported newer documents). */
async function openSample(page: Page, server: JiaoduiServer): Promise<DocumentMeta> {
  const docs = await api<DocumentMeta[]>(server, 'listDocuments', {});
  const sample = docs.find((d) => d.fileName === 'sensetime-2023-results-call.zh-Hant.txt' && d.projectName === 'Samples')!;
  await page.getByTestId(`doc-${sample.id}`).getByRole('button', { name: /商湯/ }).first().click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯/);
  return sample;
}

test('a reload after the token was exchanged keeps working: an HTTP-only SameSite=Strict cookie for this port, no token kept in the page', async ({ app: page, server }) => {
  expect(page.url()).not.toContain('token');
  const cookies = await page.context().cookies();
  expect(cookies.map((c) => c.name)).toEqual([`jiaodui_session_${server.port}`]);
  expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: false, path: '/' });
  expect(cookies[0].value).not.toContain(server.token);
  const stored = await page.evaluate(() => JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }) + document.cookie);
  expect(stored).not.toContain(server.token);
  expect(stored).not.toContain('jiaodui_session_');

  await openSample(page, server);
  await page.reload();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯/);
  await expect(page.getByTestId('row-0')).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  // a write signed in by the cookie (POST with the page's Origin)
  await page.getByTestId('row-2').click();
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/setStatus'));
  await page.keyboard.press('Control+Enter');
  expect((await saved).status()).toBe(200);
  await expect(page.getByTestId('row-2')).toHaveAttribute('data-status', 'approved');
});

test('a stale token, or none, shows the session-ended screen: never an empty library, "No document is open" or "Saved"', async ({ page, server }) => {
  await page.goto(server.origin + '/' + STALE);
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('This session has ended');
  expect(page.url()).not.toContain('token');
  await expect(page.getByTestId('grid')).toHaveCount(0);
  await expect(page.getByText(/No document is open/)).toHaveCount(0);
  await expect(page.getByTestId('save-state')).toHaveCount(0);
  await expect(page.getByTestId('session-ended')).toContainText('npm start');
  await expect(page.getByTestId('session-ended')).toContainText(`${server.origin}/#token=…`);
  expect(await page.context().cookies()).toEqual([]);

  // no token at all (a bookmark, a restarted server's old tab): the same screen, in the language last used here
  await page.evaluate(() => localStorage.setItem('jiaodui.locale', 'zh-Hant'));
  await page.goto(server.origin + '/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('此工作階段已結束');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant');

  // a stale address pasted is refused; the printed one signs in and the app appears
  await page.getByTestId('session-address').fill(server.origin + '/' + STALE);
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByTestId('session-message')).toContainText('過期');
  await page.getByTestId('session-address').fill(server.url);
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByTestId('grid')).toBeVisible();
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
});

test('a 401 while editing switches to the session screen and keeps the unsaved edit, in the editor and across a reload', async ({ app: page, server }) => {
  const sample = await openSample(page, server);
  const before = (await api<Segment[]>(server, 'getSegments', { documentId: sample.id }))[3];
  const mine = `${before.text}（會話結束前）`;

  await page.getByTestId('row-3').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  await editor.fill(mine);
  // the session goes away (as after a server restart): the save answers 401
  await page.context().clearCookies();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await expect(page.getByTestId('grid')).toBeHidden();
  await expect(page.getByTestId('session-draft')).toContainText("row 4 is kept: in this window's editor");
  await expect(page.getByTestId('session-draft').locator('textarea')).toHaveValue(mine);
  expect((await api<Segment[]>(server, 'getSegments', { documentId: sample.id }))[3].text).toBe(before.text);

  // signing in again in place: the same page, its editor still holding the text
  await page.getByTestId('session-address').fill(server.url);
  await page.getByTestId('session-address').press('Enter');
  await expect(page.getByTestId('session-ended')).toHaveCount(0);
  await expect(editor).toHaveValue(mine);

  // again, then a reload (still no session: the screen shows the kept edit), then the printed
  // address opened in this tab's address bar: the edit comes back in its editor, unsaved
  await page.context().clearCookies();
  await editor.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-ended')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('session-draft').locator('textarea')).toHaveValue(mine);
  await expect(page.getByTestId('session-draft')).toContainText('row 4 is kept in this browser');
  await page.screenshot({ path: join(OUT, 'session-ended.png') });
  await page.evaluate(() => localStorage.setItem('jiaodui.locale', 'zh-Hant'));
  await page.reload();
  await expect(page.getByTestId('session-draft')).toContainText('第 4 行');
  await page.screenshot({ path: join(OUT, 'session-ended-zh-Hant.png') });
  await page.goto(server.url);
  await expect(page.getByTestId('toast')).toContainText('Restored your unsaved edit of row 4');
  await expect(editor).toHaveValue(mine);
  await editor.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect.poll(async () => (await api<Segment[]>(server, 'getSegments', { documentId: sample.id }))[3].text).toBe(mine);
  expect(await page.evaluate(() => localStorage.getItem('jiaodui.keptDraft'))).toBeNull();
});
