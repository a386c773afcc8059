/**
 * Browser mode end to end: review and correct the sample, a 10,000-segment document,
 * the HTTP guard, accessibility, and the command palette.
 */
import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { COMMANDS } from '../shared/commands';
import { generateLargeDocument, sentence } from './generate';
import { expect, maxRowCount, MOD, ownNew, renderedRows, test, watchRowCount, type JiaoduiServer } from './fixtures';
import type { Page } from '@playwright/test';

async function gotoSegment(page: Page, n: number): Promise<void> {
  await page.keyboard.press(`${MOD}+g`);
  const input = page.getByTestId('goto-input');
  await expect(input).toBeFocused();
  await input.fill(String(n));
  await input.press('Enter');
  await expect(page.getByTestId(`row-${n - 1}`)).toHaveAttribute('aria-selected', 'true');
}

function selectedRow(page: Page) {
  return page.locator('[data-testid="grid-body"] [role="row"][aria-selected="true"]');
}

test('the token leaves the address; a correction persists, is approved and exported', async ({ page, server }) => {
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();
  // The token was exchanged for the session cookie and is gone from the address bar (e2e/session.spec.ts).
  expect(page.url()).not.toContain('token');
  expect((await page.context().cookies()).map((c) => c.name)).toEqual([`jiaodui_session_${server.port}`]);
  // The sample is shown.
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);
  await expect(page.getByTestId('row-0')).toBeVisible();

  // Find the segment with the wrong name.
  await page.keyboard.press(`${MOD}+f`);
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('王震');
  await expect(page.getByTestId('search-hit-0')).toContainText('王震');
  await expect(page.getByTestId('search-hit-0').locator('mark')).toHaveText('王震');
  await page.keyboard.press('Enter');
  const row = selectedRow(page);
  await expect(row).toContainText('王震');
  await expect(row).toBeFocused();
  const testId = (await row.getAttribute('data-testid'))!;
  const number = Number(testId.replace('row-', '')) + 1;

  // Edit: Enter opens the editor, Enter saves.
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  await expect(editor).toBeFocused();
  const original = await editor.inputValue();
  expect(original).toContain('王震');
  await editor.fill(original.replace('王震', '王征'));
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  const edited = page.getByTestId(testId);
  await expect(edited).toHaveAttribute('data-status', 'edited');
  await expect(edited.locator('ins')).toHaveText('征');
  await expect(edited.locator('del')).toHaveText('震');
  await expect(page.getByTestId('save-state')).toContainText('Saved');
  await expect(page.getByTestId('undo-label')).toContainText(`Edit segment ${number}`);
  await expect(page.getByTestId('progress-edited')).toContainText('1');

  // Reload: the correction and its status persisted.
  await page.reload();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /商湯科技/);
  await gotoSegment(page, number);
  await expect(edited).toHaveAttribute('data-status', 'edited');
  await expect(edited.locator('ins')).toHaveText('征');
  await expect(edited.locator('del')).toHaveText('震');
  await expect(edited).toContainText('王征');

  // Approve (Ctrl+Enter), which moves on to the next segment.
  await expect(edited).toBeFocused();
  await page.keyboard.press(`${MOD}+Enter`);
  await expect(edited).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId(`row-${number}`)).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('progress-approved')).toContainText('1');

  // Export through the UI's export command: a download of exportDocument's content.
  await page.keyboard.press(`${MOD}+e`);
  const dialog = page.getByTestId('export-dialog');
  await expect(dialog).toBeVisible();
  await dialog.getByTestId('export-hant').check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByTestId('export-submit').click()]);
  expect(download.suggestedFilename()).toMatch(/\.zh-Hant\.txt$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).toContain('王征');
  expect(text).not.toContain('王震');

  // Simplified export too.
  await page.keyboard.press(`${MOD}+e`);
  await page.getByTestId('export-hans').check();
  const [download2] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-submit').click()]);
  const hans = readFileSync((await download2.path())!, 'utf8');
  expect(hans).toContain('王征');
  expect(hans).toContain('商汤科技');
});

test('a 10,000-segment document stays virtual: keyboard, go-to, search and edit', async ({ page, server }) => {
  test.setTimeout(180_000);
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();
  await watchRowCount(page);

  // Import through the UI: file input, encoding preview, import.
  await page.getByTestId('file-input').setInputFiles({
    name: 'large-10000.zh-Hant.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(generateLargeDocument(10_000), 'utf8'),
  });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('import-detected')).toContainText('UTF-8');
  await expect(dialog.getByTestId('import-preview')).toContainText(sentence(1));
  // the keyboard starts in the dialog's title field (not on its close button): Enter imports
  await expect(dialog.getByTestId('import-title')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0, { timeout: 60_000 });
  const grid = page.getByTestId('grid');
  await expect(grid).toHaveAttribute('aria-rowcount', '10001', { timeout: 60_000 });
  await ownNew(server); // trashed when the test ends
  await expect(page.getByTestId('row-0')).toContainText(sentence(1));
  expect(await renderedRows(page)).toBeLessThanOrEqual(300);

  // Go to 9000 by number.
  await gotoSegment(page, 9000);
  const row9000 = page.getByTestId('row-8999');
  await expect(row9000).toContainText(sentence(9000));
  await expect(row9000).toBeInViewport();
  await expect(row9000).toBeFocused();
  expect(await renderedRows(page)).toBeLessThanOrEqual(300);

  // And by keys: End, PageUp, Home, PageDown, arrows.
  await page.keyboard.press('End');
  await expect(page.getByTestId('row-9999')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('row-9999')).toBeInViewport();
  await page.keyboard.press('PageUp');
  const afterPageUp = Number((await selectedRow(page).getAttribute('data-index'))!);
  expect(afterPageUp).toBeLessThan(9999);
  expect(afterPageUp).toBeGreaterThan(9950);
  await page.keyboard.press('Home');
  await expect(page.getByTestId('row-0')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('PageDown');
  await page.keyboard.press('ArrowDown');
  const afterDown = Number((await selectedRow(page).getAttribute('data-index'))!);
  expect(afterDown).toBeGreaterThan(2);
  // Hold PageDown for a while, then jump to the end and walk back up to 9000.
  for (let i = 0; i < 40; i++) await page.keyboard.press('PageDown');
  expect(await renderedRows(page)).toBeLessThanOrEqual(300);
  await page.keyboard.press('End');
  for (let i = 0; i < 99; i++) await page.keyboard.press('PageUp');
  await expect(selectedRow(page)).toBeVisible();
  await page.mouse.move(700, 500);
  for (let i = 0; i < 20; i++) await page.mouse.wheel(0, -2500);
  expect(await renderedRows(page)).toBeLessThanOrEqual(300);

  // By search: a string unique to segment 9000.
  await page.keyboard.press(`${MOD}+f`);
  await page.keyboard.type('第9000段');
  await expect(page.getByTestId('search-hit-0')).toContainText('第9000段');
  await expect(page.getByTestId('search-hit-1')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(row9000).toHaveAttribute('aria-selected', 'true');
  await expect(row9000).toBeInViewport();
  await expect(row9000).toBeFocused();

  // Edit it.
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  await expect(editor).toBeFocused();
  await editor.fill(sentence(9000).replace('：', '（已校對）：'));
  await page.keyboard.press('Enter');
  await expect(row9000).toHaveAttribute('data-status', 'edited');
  await expect(row9000.locator('ins')).toHaveText('（已校對）');
  await expect(page.getByTestId('progress-edited')).toContainText('1');

  // Undo brings the machine text back; redo re-applies.
  await page.keyboard.press(`${MOD}+z`);
  await expect(row9000).toHaveAttribute('data-status', 'unreviewed');
  await expect(row9000.locator('ins')).toHaveCount(0);
  await page.keyboard.press(`${MOD}+Shift+z`);
  await expect(row9000).toHaveAttribute('data-status', 'edited');

  const max = await maxRowCount(page);
  expect(max).toBeGreaterThan(0);
  expect(max).toBeLessThanOrEqual(300);
});

function raw(server: JiaoduiServer, path: string, method: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port: server.port, path, method, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    if (method === 'POST') req.write('{}');
    req.end();
  });
}

test('the API needs the token, refuses foreign hosts, and serves no files outside the app', async ({ request, server }) => {
  const noToken = await request.post(`${server.origin}/api/listProjects`, { data: {} });
  expect(noToken.status()).toBe(401);
  const wrongToken = await request.post(`${server.origin}/api/listProjects`, { data: {}, headers: { Authorization: 'Bearer nope' } });
  expect(wrongToken.status()).toBe(401);
  const ok = await request.post(`${server.origin}/api/listProjects`, { data: {}, headers: { Authorization: `Bearer ${server.token}` } });
  expect(ok.status()).toBe(200);

  const auth = { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' };
  const foreignHost = await raw(server, '/api/listProjects', 'POST', { ...auth, Host: `evil.example:${server.port}` });
  expect(foreignHost.status).toBe(403);
  const foreignOrigin = await raw(server, '/api/listProjects', 'POST', { ...auth, Host: `127.0.0.1:${server.port}`, Origin: 'http://evil.example' });
  expect(foreignOrigin.status).toBe(403);

  const index = await raw(server, '/', 'GET', {});
  for (const path of ['/..%2f..%2fetc/passwd', '/..%2f..%2f..%2f..%2f..%2fetc%2fpasswd', '/assets/..%2f..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/etc/passwd', '/..\\..\\etc\\passwd']) {
    const r = await raw(server, path, 'GET', {});
    expect(r.body, path).not.toContain('root:');
    expect(r.body, path).not.toContain('"name": "jiaodui"');
    // Either refused, or the app's own page (single-page fallback): never the file.
    expect(r.status === 200 ? r.body === index.body : r.status >= 400, `${path} → ${r.status}`).toBe(true);
  }
});

test('the review screen has no serious accessibility violations', async ({ app: page }) => {
  test.slow(); // axe-core scans the whole page several times (light and dark): CPU-bound on 2 cores
  await page.getByTestId('row-0').click();
  const check = async (what: string) => {
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${what}: ${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`)).toEqual([]);
  };
  await check('review (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  await check('review (dark)');
  await page.emulateMedia({ colorScheme: 'light' });
  // Editor open, search results, history panel, palette.
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('edit-textarea')).toBeFocused();
  await check('editing');
  await page.keyboard.press('Escape');
  await page.keyboard.press(`${MOD}+f`);
  await page.keyboard.type('商湯');
  await expect(page.getByTestId('search-hit-0')).toBeVisible();
  await check('search results');
  await page.keyboard.press('Escape');
  // Alt+H is not taken in a text field: wait for Esc to give the focus back to the grid (a loaded machine lags)
  await expect(page.getByRole('combobox', { name: 'Search all documents' })).not.toBeFocused();
  await page.keyboard.press('Alt+h');
  await expect(page.getByTestId('history-panel')).toBeVisible();
  await check('history');
  await page.keyboard.press(`${MOD}+k`);
  await expect(page.getByTestId('palette')).toBeVisible();
  await check('palette');
});

test('Ctrl+K lists every command, filters, and runs the chosen one', async ({ app: page }) => {
  await page.keyboard.press(`${MOD}+k`);
  const palette = page.getByTestId('palette');
  await expect(palette).toBeVisible();
  await expect(page.getByTestId('palette-input')).toBeFocused();
  await expect(palette.getByRole('option')).toHaveCount(COMMANDS.length);
  for (const c of COMMANDS) await expect(palette.getByTestId(`palette-item-${c.id}`)).toBeVisible();
  // Shortcuts are shown.
  await expect(palette.getByTestId('palette-item-edit.undo')).toContainText('Ctrl+Z');

  await page.keyboard.type('theme dark');
  await expect(palette.getByRole('option')).toHaveCount(1);
  await page.keyboard.press('Enter');
  await expect(palette).toHaveCount(0);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.type('follow system');
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.+/);

  await page.keyboard.press(`${MOD}+k`);
  await page.keyboard.press('Escape');
  await expect(palette).toHaveCount(0);
});

test('library: projects, pasted import, document details, move, Trash and restore', async ({ app: page }) => {
  const library = page.getByTestId('library');
  // Create and rename a project.
  await library.getByTestId('new-project').click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Earnings calls');
  await page.keyboard.press('Enter');
  const project = library.getByRole('region', { name: 'Earnings calls', exact: true });
  await expect(project).toContainText('0 documents');
  await project.getByRole('button', { name: /Rename project/ }).click();
  await page.getByRole('textbox', { name: /Rename project/ }).fill('Earnings calls 2024');
  await page.keyboard.press('Enter');
  await expect(library.getByRole('region', { name: 'Earnings calls 2024', exact: true })).toBeVisible();

  // Paste text → preview (encoding shown) → import into that project.
  await page.keyboard.press(`${MOD}+Shift+v`);
  await page.getByTestId('paste-text').fill('第一段：這是貼上的文字。第二句在這裡。\n\n第二段：財務總監王征介紹了增長預期。');
  await page.getByTestId('paste-next').click();
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-detected')).toContainText('UTF-8');
  await expect(dialog.getByTestId('import-preview')).toContainText('財務總監王征');
  await dialog.getByTestId('import-title').fill('貼上的測試');
  await dialog.getByLabel('Project').selectOption({ label: 'Earnings calls 2024' });
  await dialog.getByTestId('import-submit').click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /貼上的測試/);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '4');
  const target = library.getByRole('region', { name: 'Earnings calls 2024', exact: true });
  await expect(target).toContainText('1 document');

  // Edit details: a date without a year reads "03-28 (year unknown)".
  const item = target.locator('li.doc-item').first();
  await item.getByRole('button', { name: /Edit details/ }).click();
  const form = page.getByTestId('document-form');
  await form.getByLabel('Source').fill('智通財經');
  await form.getByLabel('Date').fill('--03-28');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form).toHaveCount(0);
  await expect(item).toContainText('智通財經 · 03-28 (year unknown)');
  // A bad date is refused with the API's message, and the form keeps the input.
  await item.getByRole('button', { name: /Edit details/ }).click();
  await form.getByLabel('Date').fill('28/03');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('error-toast')).toContainText('date');
  await expect(form.getByLabel('Date')).toHaveValue('28/03');
  await page.getByTestId('error-toast').getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByTestId('error-toast')).toHaveCount(0);

  // Move to Samples, then to the Trash, restore, trash again and empty the Trash.
  await form.getByLabel('Move to project').selectOption({ label: 'Samples' });
  await form.getByRole('button', { name: 'Move', exact: true }).click();
  await expect(library.getByRole('region', { name: 'Samples', exact: true })).toContainText('貼上的測試');
  const moved = library.locator('li.doc-item', { hasText: '貼上的測試' });
  await moved.getByRole('button', { name: /Edit details/ }).click();
  await page.getByTestId('document-form').getByRole('button', { name: 'Move to Trash' }).click();
  await expect(moved).toHaveCount(0);
  await expect(page.getByTestId('empty-state')).toBeVisible();
  const trash = page.getByTestId('trash');
  await trash.getByRole('button', { name: /Trash/ }).first().click();
  await expect(trash).toContainText('貼上的測試');
  // other tests' documents may be in the Trash too (fixtures.ts trashes what each imported)
  await trash.locator('li.doc-item', { hasText: '貼上的測試' }).getByRole('button', { name: 'Restore' }).click();
  await expect(library.locator('li.doc-item', { hasText: '貼上的測試' })).toHaveCount(1);
  await library.locator('li.doc-item', { hasText: '貼上的測試' }).getByRole('button', { name: /Edit details/ }).click();
  await page.getByTestId('document-form').getByRole('button', { name: 'Move to Trash' }).click();
  await trash.getByRole('button', { name: /Empty Trash/ }).click();
  const confirm = page.getByTestId('confirm-dialog');
  await expect(confirm).toContainText('cannot be undone');
  await confirm.getByRole('button', { name: 'Delete for good' }).click();
  await expect(trash).toContainText('The Trash is empty.');

  // The project is empty now: it can be deleted (Samples, holding documents, offers no delete).
  await expect(library.getByRole('region', { name: 'Samples', exact: true }).getByRole('button', { name: /Delete project/ })).toHaveCount(0);
  const emptied = library.getByRole('region', { name: 'Earnings calls 2024', exact: true });
  await emptied.getByRole('button', { name: 'Delete project Earnings calls 2024' }).click();
  await expect(confirm).toContainText('Delete the empty project “Earnings calls 2024”? Its glossary and settings are deleted with it. This cannot be undone.');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(emptied).toHaveCount(0);
  await expect(page.getByTestId('toast').filter({ hasText: 'Deleted the project “Earnings calls 2024”.' })).toBeVisible();
});

test('split at the caret, merge, furniture, history, and a failed save keeps the text', async ({ app: page, server }) => {
  // A small document of its own, through the paste import.
  await page.getByTestId('paste-button').click();
  await page.getByTestId('paste-text').fill('甲乙丙丁戊己庚辛。壬癸子丑寅卯。\n\n辰巳午未申酉戌亥。');
  await page.getByTestId('paste-next').click();
  await page.getByTestId('import-title').fill('結構測試');
  await page.getByTestId('import-submit').click();
  const grid = page.getByTestId('grid');
  await expect(grid).toHaveAttribute('aria-label', /結構測試/);
  await ownNew(server);
  await expect(grid).toHaveAttribute('aria-rowcount', '4');

  // Split the first segment after 甲乙丙丁 (caret at 4).
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  await editor.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(4, 4));
  await page.keyboard.press('Alt+s');
  await expect(grid).toHaveAttribute('aria-rowcount', '5');
  await expect(page.getByTestId('row-0')).toContainText('甲乙丙丁');
  await expect(page.getByTestId('row-1')).toContainText('戊己庚辛。');
  // Undo the split, then merge segments 1 and 2.
  await page.keyboard.press(`${MOD}+z`);
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await page.getByTestId('row-0').click();
  await page.keyboard.press('Alt+m');
  await expect(grid).toHaveAttribute('aria-rowcount', '3');
  await expect(page.getByTestId('row-0')).toContainText('甲乙丙丁戊己庚辛。壬癸子丑寅卯。');

  // Furniture on and off.
  await page.keyboard.press('Alt+f');
  await expect(page.getByTestId('row-0').locator('.furniture-tag')).toHaveText('furniture');
  await page.keyboard.press('Alt+f');
  await expect(page.getByTestId('row-0').locator('.furniture-tag')).toHaveCount(0);

  // Next segment by arrow, edit, history shows the diff.
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('row-1')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await editor.fill('辰巳午未申酉戌亥子。');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('row-1')).toHaveAttribute('data-status', 'edited');
  // the row shows the save before the editor closes: Alt+H typed into the editor would do nothing
  await expect(editor).toHaveCount(0);
  await page.keyboard.press('Alt+h');
  const history = page.getByTestId('history-panel');
  await expect(history.locator('ins').first()).toHaveText('子');
  await expect(history).toContainText('Reason: manual');

  // A save that fails keeps the editor open with the reviewer's text and shows the message.
  await page.route('**/api/editSegment', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'db-busy', message: 'The database is busy (test).' } }) }),
  );
  await page.getByTestId('row-1').click();
  await page.keyboard.press('Enter');
  await editor.fill('辰巳午未申酉戌亥子丑。');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error-toast')).toContainText('The database is busy (test).');
  await expect(page.getByTestId('save-state')).toContainText('Not saved: The database is busy (test).');
  await expect(editor).toHaveValue('辰巳午未申酉戌亥子丑。');
  await page.unroute('**/api/editSegment');
  await editor.focus();
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId('row-1')).toContainText('丑');
  await expect(page.getByTestId('save-state')).toContainText('Saved');
});

test('drag and drop imports a file; zoom scales the text', async ({ app: page, server }) => {
  const dataTransfer = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['拖放的文件。\n\n第二段。'], 'dropped.zh-Hant.txt', { type: 'text/plain' }));
    return dt;
  });
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog).toContainText('dropped.zh-Hant.txt');
  await expect(dialog.getByTestId('import-preview')).toContainText('拖放的文件');
  // Overriding the encoding re-runs the preview.
  await dialog.getByTestId('import-encoding').selectOption('utf-16le');
  await expect(dialog.getByTestId('import-preview')).not.toContainText('拖放的文件');
  await dialog.getByTestId('import-encoding').selectOption('');
  await expect(dialog.getByTestId('import-preview')).toContainText('拖放的文件');
  await dialog.getByTestId('import-submit').click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /拖放的文件/);
  await ownNew(server);
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-rowcount', '3');

  const size = () => page.getByTestId('row-0').locator('.cell-hant').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const base = await size();
  await page.keyboard.press(`${MOD}+=`);
  await page.keyboard.press(`${MOD}+=`);
  await expect(page.getByTestId('status-bar')).toContainText('Zoom 120%');
  expect(await size()).toBeGreaterThan(base);
  await page.keyboard.press(`${MOD}+-`);
  await expect(page.getByTestId('status-bar')).toContainText('Zoom 110%');
  await page.keyboard.press(`${MOD}+0`);
  await expect(page.getByTestId('status-bar')).toContainText('Zoom 100%');
  expect(await size()).toBe(base);
});

test('under Electron, menu commands and native dialogs go through window.jiaoduiShell', async ({ page, server }) => {
  await page.addInitScript(() => {
    const w = window as unknown as Record<string, unknown>;
    const listeners: ((id: string) => void)[] = [];
    w.__menu = (id: string) => listeners.forEach((l) => l(id));
    w.__saved = [];
    w.jiaoduiShell = {
      platform: 'linux',
      onCommand(cb: (id: string) => void) {
        listeners.push(cb);
        return () => listeners.splice(listeners.indexOf(cb), 1);
      },
      async openFiles() {
        const bytes = new TextEncoder().encode('來自選單的檔案。');
        let bin = '';
        bytes.forEach((b) => (bin += String.fromCharCode(b)));
        return [{ fileName: 'from-menu.txt', data: btoa(bin) }];
      },
      async saveFile(name: string, content: string) {
        (w.__saved as unknown[]).push({ name, content });
        return `/tmp/${name}`;
      },
    };
  });
  await page.goto(server.url);
  await expect(page.getByTestId('grid')).toBeVisible();
  const menu = (id: string) => page.evaluate((c) => (window as unknown as { __menu: (id: string) => void }).__menu(c), id);

  await menu('view.palette');
  await expect(page.getByTestId('palette')).toBeVisible();
  await page.keyboard.press('Escape');

  await menu('file.import');
  const dialog = page.getByTestId('import-dialog');
  await expect(dialog.getByTestId('import-preview')).toContainText('來自選單的檔案');
  await dialog.getByTestId('import-submit').click();
  await expect(page.getByTestId('grid')).toHaveAttribute('aria-label', /from-menu|來自選單/);
  await ownNew(server);

  await menu('file.export');
  await page.getByTestId('export-submit').click();
  await expect(page.getByTestId('toast').filter({ hasText: 'Saved /tmp/' })).toBeVisible();
  const saved = await page.evaluate(() => (window as unknown as { __saved: { content: string }[] }).__saved);
  expect(saved[0].content).toContain('來自選單的檔案');

  await menu('view.theme.dark');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await menu('view.theme.system');
});
