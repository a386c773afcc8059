/**
 * Errors in the UI language (shared/error-messages.ts, renderer/src/i18n-errors.ts): in the
 * zh-Hant interface a refused import says why in Chinese — the message's key and parameters
 * came over the HTTP bridge beside the English text —, naming the file as the English does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, expect, importOwn, MOD, openDocument, ROOT, test } from './fixtures';
import { TeamServer } from './team-server';
import type { Page } from '@playwright/test';

/** The command palette's language command: the UI switches between English and 繁體中文. */
async function switchLanguage(page: Page, to: 'en' | 'zh-Hant'): Promise<void> {
  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('language');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

test('the zh-Hant interface words an import refusal in Chinese (errors are key + params)', async ({ app: page, server }) => {
  const before = (await api<unknown[]>(server, 'listDocuments', {})).length;
  await switchLanguage(page, 'zh-Hant');
  // Jiaodui's own project (the first start's samples, like the Inbox) in the UI language, stored as it was
  const samples = (await api<{ id: number; name: string }[]>(server, 'listProjects', {})).find((p) => p.name === 'Samples');
  await expect(page.getByTestId(`project-${samples?.id}`).locator('.project-name')).toHaveText('範例');

  const dialog = page.getByTestId('import-dialog');
  await page.getByTestId('file-input').setInputFiles({ name: 'empty.txt', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  // where an import goes by default, in Chinese too
  await expect(dialog.locator('#import-project option').first()).toHaveText('收件匣（預設）');
  const alert = dialog.getByRole('alert');
  await expect(alert).toHaveText('empty.txt：檔案是空的（0 位元組）。請選擇含有要校對文字的檔案。');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toHaveCount(0);

  // a PNG: the kind of file is worded in Chinese too; no English prose is left (names and extensions may stay)
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  await page.getByTestId('file-input').setInputFiles({ name: 'scan.png', mimeType: 'image/png', buffer: png });
  await expect(alert).toContainText('scan.png：這看起來是PNG 圖片，不是純文字檔');
  const text = await alert.innerText();
  expect(text.replace(/scan\.png|PNG|UTF-8|\.txt/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'import-refused-zh-Hant.png') });
  await dialog.getByRole('button', { name: '取消' }).click();
  expect((await api<unknown[]>(server, 'listDocuments', {})).length).toBe(before);

  // back to English for the other tests of this worker
  await switchLanguage(page, 'en');
  await expect(page.getByTestId(`project-${samples?.id}`).locator('.project-name')).toHaveText('Samples');
});

/**
 * Refusals that were English before (README "Error messages in the UI language"): a glossary
 * entry refused by its field check, and a malformed TBX file, read in Chinese — the field check's
 * place and the XML parser's line and column inside a Chinese sentence.
 */
test('the zh-Hant interface words a glossary field check and a malformed TBX file in Chinese', async ({ page, server }) => {
  const { documentId } = await importOwn(server, { fileName: 'errors-zh-glossary.txt', data: Buffer.from('王征是商湯科技的財務長。\n').toString('base64'), projectName: 'Errors zh E2E' });
  await openDocument(page, server, documentId);
  await switchLanguage(page, 'zh-Hant');

  await page.getByTestId('glossary-button').click();
  const panel = page.getByTestId('glossary-panel');
  await expect(panel).toBeVisible();

  // a TBX file whose XML is cut short: the parser's line and column as numbers, the sentence Chinese
  const tbx = '<?xml version="1.0" encoding="UTF-8"?>\n<tbx xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n<conceptEntry id="1">\n</body></text></tbx>\n';
  await panel.getByTestId('glossary-file-input').setInputFiles({ name: '術語.tbx', mimeType: 'application/xml', buffer: Buffer.from(tbx) });
  const toast = page.getByTestId('error-toast');
  await expect(toast).toContainText('術語.tbx：XML 第 5 行第 1 欄：</body> 無法結束 <conceptEntry>（第 4 行）');

  // the form: a wrong variant that is the term itself
  await panel.getByTestId('glossary-add').click();
  await panel.getByTestId('glossary-term').fill('王征');
  await panel.getByTestId('glossary-variants').fill('王震, 王征');
  await panel.getByTestId('glossary-save').click();
  const formError = panel.getByTestId('glossary-form-error');
  await expect(formError).toHaveText('錯誤寫法「王征」就是詞條本身');
  for (const text of [await formError.innerText(), await toast.innerText()]) {
    // no English prose left: element names, XML and TBX may stay
    expect(text.replace(/<\/?[\w:]+>|XML|TBX|術語\.tbx/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  }
  await page.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'glossary-refused-zh-Hant.png') });
  await panel.getByRole('button', { name: '取消' }).click();
  expect(await api<unknown[]>(server, 'listGlossary', { documentId })).toEqual([]);

  // back to English for the other tests of this worker
  await switchLanguage(page, 'en');
});

/**
 * Sign-in refusals (core/http-policy.ts, a team server's sign-in addresses: keyed since session 13).
 * A team server's sign-in address used once already, opened in a browser whose language is Chinese:
 * the team server's page (no session yet, so the browser's language) says why in Chinese and how to
 * come back to a team server — before, it said nothing of the refusal and told to restart a local
 * `jiaodui serve`. Then the same address in the connect dialog of the zh-Hant interface.
 */
test.describe('sign-in refusals in Chinese', () => {
  const team = new TeamServer();
  let dir = '';
  test.beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jiaodui-errors-zh-team-'));
    team.db = join(dir, 'team.db');
    await team.start('127.0.0.1:0');
  });
  test.afterAll(async () => {
    await team.stop(5000);
    rmSync(dir, { recursive: true, force: true });
  });

  test("a team server's used sign-in address: its page and the connect dialog say why in Chinese", async ({ browser, app: page }) => {
    const { signInUrl } = JSON.parse(team.cli('users', 'add', '魏', '--role', 'reviewer', '--format', 'json')) as { signInUrl: string };
    const token = /#signin=([A-Za-z0-9_-]+)/.exec(signInUrl)![1];
    const used = await fetch(`${team.origin}/api/session`, { method: 'POST', headers: { Origin: team.origin, 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
    expect(used.status).toBe(200);
    const why = '這個登入網址已經用過了。請向團隊管理員索取新的網址（jiaodui users revoke，再 users add）。';

    const context = await browser.newContext({ locale: 'zh-TW', viewport: { width: 1280, height: 800 } });
    const teamPage = await context.newPage();
    await teamPage.goto(signInUrl);
    const screen = teamPage.getByTestId('session-ended');
    await expect(screen).toBeVisible();
    await expect(teamPage.locator('html')).toHaveAttribute('lang', 'zh-Hant');
    await expect(teamPage.getByTestId('session-message')).toHaveText(why);
    // a team server's way back (a new sign-in address from an admin), not a local restart
    await expect(teamPage.getByTestId('session-how-team')).toContainText('#signin=');
    await expect(screen).not.toContainText('npm start');
    await expect(teamPage.getByRole('heading', { level: 1 })).toHaveText('無法登入');
    const text = (await screen.innerText()).replace(/Jiaodui|jiaodui users (revoke|add)|users add|https?:\/\/\S+|#signin=…/g, '');
    expect(text).not.toMatch(/[A-Za-z]{3,}/);
    expect(new URL(teamPage.url()).hash).toBe(''); // the token left the address bar
    await teamPage.screenshot({ path: join(ROOT, 'docs', 'screenshots', 'signin-refused-zh-Hant.png') });
    await context.close();

    // the connect dialog of the zh-Hant interface: the team's reason, worded here from its message data
    await switchLanguage(page, 'zh-Hant');
    await page.getByTestId('connect-team').click();
    const dialog = page.getByTestId('connect-dialog');
    await dialog.getByTestId('connect-signin').fill(signInUrl);
    await dialog.getByTestId('connect-submit').click();
    await expect(dialog.getByTestId('connect-error')).toHaveText(`${team.origin}：${why}`);
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(dialog).toHaveCount(0);

    // back to English for the other tests of this worker
    await switchLanguage(page, 'en');
  });
});
