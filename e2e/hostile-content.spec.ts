/**
 * Hostile content in the UI: a document whose text is HTML with script (an <img onerror>
 * and a <script>) is opened, edited, shown in history, searched and annotated. Nothing
 * runs (window.__pwned stays undefined, no dialog, no request for the image) and the
 * text shows literally everywhere. The corpus file is tests/bad-input/html-script.txt's kin.
 */
import type { Page } from '@playwright/test';
import { api, importOwn, expect, MOD, test } from './fixtures';

const IMG = '<img src=x onerror="window.__pwned=1">';
const SCRIPT = '<script>window.__pwned=1</script>';
const SVG = '<svg onload="window.__pwned=1"></svg>';
const TEXT = `腳本測試報告\n\n正文${SCRIPT}結束。\n\n圖片${IMG}說明。\n\n向量${SVG}與&lt;轉義&gt;文字。\n`;

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

/** Select `needle` inside a row's Traditional cell, as a mouse drag would. */
async function selectText(page: Page, row: number, needle: string): Promise<void> {
  await page.evaluate(
    ({ row, needle }) => {
      const cell = document.querySelector(`[data-testid="row-${row}"] .cell-hant`)!;
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(needle);
        if (i >= 0) {
          document.getSelection()!.setBaseAndExtent(n, i, n, i + needle.length);
          return;
        }
      }
      throw new Error(`"${needle}" is not in one text node of row ${row}`);
    },
    { row, needle },
  );
}

test('HTML and script in a document stay text: open, edit, history, search, annotate', async ({ page, server }) => {
  const errors: string[] = [];
  const dialogs: string[] = [];
  const imageRequests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    if (/\/x(\?|$)/.test(new URL(r.url()).pathname)) imageRequests.push(r.url());
  });

  const { documentId } = await importOwn(server, { fileName: 'xss.txt', data: Buffer.from(TEXT, 'utf8').toString('base64'), projectName: 'Hostile', title: '腳本測試' });

  // Open: the newest document is shown, and the markup is text.
  await page.goto(server.url);
  const grid = page.getByTestId('grid');
  await expect(grid).toHaveAttribute('aria-label', /腳本測試/);
  await expect(page.getByTestId('row-1').locator('.cell-hant')).toContainText(SCRIPT);
  await expect(page.getByTestId('row-2').locator('.cell-hant')).toContainText(IMG);
  await expect(page.getByTestId('row-3').locator('.cell-hant')).toContainText(SVG);
  // entities are not decoded either (the ASCII ';' of &lt; ends a sentence, so it spans two rows)
  await expect(page.getByTestId('row-3').locator('.cell-hant')).toContainText('與&lt;');
  await expect(page.getByTestId('row-4').locator('.cell-hant')).toContainText('轉義&gt;');
  // the Simplified column too
  await expect(page.getByTestId('row-2').locator('.cell-hans')).toContainText(IMG);
  await expect(grid.locator('img, script, svg[onload], iframe')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();

  // Annotate the <script> span, with a comment that is itself markup.
  await selectText(page, 1, SCRIPT);
  const bar = page.getByTestId('annotate-bar');
  await expect(bar).toBeVisible();
  await bar.getByTestId('annotate-comment').click();
  await page.getByTestId('annotate-comment-input').fill(IMG);
  await page.getByTestId('annotate-comment-input').press('Enter');
  await expect(bar).toHaveCount(0);
  await expect.poll(async () => (await page.getByTestId('row-1').locator('.cell-hant mark.anno').allTextContents()).join('')).toBe(SCRIPT);
  const stored = await api<{ body: string; exact: string }[]>(server, 'listAnnotations', { documentId });
  expect(stored.some((a) => a.body === IMG && a.exact === SCRIPT)).toBe(true);
  expect(await pwned(page)).toBeUndefined();

  // Edit: add more markup through the editor; the row shows it literally.
  await page.getByTestId('row-2').click();
  await page.keyboard.press('Enter');
  const editor = page.getByTestId('edit-textarea');
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(`圖片${IMG}說明。`);
  await editor.fill(`圖片${IMG}說明${SCRIPT}。`);
  await page.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId('row-2')).toHaveAttribute('data-status', 'edited');
  await expect(page.getByTestId('row-2').locator('.cell-hant')).toContainText(`說明${SCRIPT}。`);
  expect(await pwned(page)).toBeUndefined();

  // History: the revision's before/after and diff show the markup as text.
  await page.keyboard.press('Alt+h');
  const history = page.getByTestId('history-panel');
  await expect(history).toBeVisible();
  await expect(history).toContainText(SCRIPT);
  await expect(history).toContainText(IMG);
  await expect(history.locator('img, script')).toHaveCount(0);
  expect(await pwned(page)).toBeUndefined();
  await page.keyboard.press('Alt+h'); // toggles the history panel closed
  await expect(history).toHaveCount(0);

  // Search for the markup: hits show it literally, with the match highlighted.
  await page.keyboard.press(`${MOD}+f`);
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.keyboard.type('<img src=x');
  await expect(page.getByTestId('search-hit-0')).toContainText('<img src=x');
  await expect(page.getByTestId('search-hit-0').locator('mark').first()).toHaveText('<img src=x');
  await expect(page.locator('[data-testid^="search-hit-"] img')).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-testid="grid-body"] [role="row"][aria-selected="true"]')).toContainText(IMG);

  // Nothing ran, anywhere.
  expect(await pwned(page)).toBeUndefined();
  expect(await page.evaluate(() => document.querySelectorAll('img[onerror], script:not([src]):not([type="module"])').length)).toBe(0);
  expect(dialogs, 'no alert/confirm dialogs').toEqual([]);
  expect(imageRequests, 'the <img src=x> was never requested').toEqual([]);
  expect(errors, 'uncaught errors in the page').toEqual([]);
});
